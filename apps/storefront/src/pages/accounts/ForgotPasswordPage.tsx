import { useState } from 'react';
import { api } from '../../api/client';
import { REQUEST_PASSWORD_RESET } from '../../api/signup';
import { ErrorNotice } from '../../components/Feedback';
import { IdentifierField } from '../../components/FormField';
import { useI18n } from '../../i18n';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { Form } from '../../components/Form';

/** 忘记密码: asks for a reset code; the answer is the same whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [identifier, setIdentifier] = useState('');
  const [sent, setSent] = useState(false);
  const request = useAction(async () => {
    await api.request(REQUEST_PASSWORD_RESET, { identifier: identifier.trim() });
    setSent(true);
  });
  const submit = () => request.run();
  return (
    <div className="container auth-page">
      <Form className="card auth-card" onSubmit={submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title">{t('forgot.title')}</h1>
        <p className="muted">{t('forgot.lead')}</p>
        <ErrorNotice error={request.error} />
        {sent ? (
          <div className="notice" role="status" data-testid="forgot-sent">
            {t('forgot.sent')}
          </div>
        ) : (
          <>
            <IdentifierField maxLength={254} value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
            <button type="submit" className="button button-primary button-block" disabled={request.busy}>
              {t('forgot.submit')}
            </button>
          </>
        )}
        <p className="hint">
          <Link to="/reset-password">{t('forgot.haveCode')}</Link>
          {' · '}
          <Link to="/login">{t('nav.login')}</Link>
        </p>
      </Form>
    </div>
  );
}
