import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/Feedback';
import { IdentifierField, TextField } from '../components/FormField';
import { useI18n } from '../i18n';
import { asRequestError, type RequestError } from '../lib/graphql';
import { landingPath } from '../lib/landing';
import { safeNextPath } from '../lib/route-match';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useQuery } from '../lib/use-query';
import { API_INFO } from '../api/signup';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const { search } = useLocation();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept as the error itself, so its text follows a language switch.
  const [error, setError] = useState<RequestError | null>(null);
  // The demo password is shown only on a server that runs with demo data (apiInfo.demoData).
  const demo = useQuery(API_INFO);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await login(identifier.trim(), password);
      navigate(safeNextPath(search.get('next'), landingPath(user)), { replace: true });
    } catch (err) {
      setError(asRequestError(err));
      setBusy(false);
    }
  };

  return (
    <div className="container auth-page">
      <form className="card auth-card" onSubmit={submit}>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.lead')}</p>
        <ErrorNotice error={error} />
        <IdentifierField value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="hint">
          <Link to="/forgot-password">{t('login.forgot')}</Link>
          {' · '}
          <Link to="/signup">{t('login.signup')}</Link>
        </p>
        {demo.data?.apiInfo.demoData && (
          <p className="hint" data-testid="demo-hint">
            {t('login.demoHint')}
          </p>
        )}
      </form>
    </div>
  );
}
