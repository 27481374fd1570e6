import { useState } from 'react';
import { api } from '../../api/client';
import { RESET_PASSWORD } from '../../api/signup';
import { ErrorNotice } from '../../components/Feedback';
import { TextField } from '../../components/FormField';
import { useI18n } from '../../i18n';
import { resetPasswordSchema } from '../../lib/forms';
import { Link, useLocation } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useServerProblem, useZodForm } from '../../lib/use-zod-form';
import { NewPasswordFields } from './NewPasswordFields';

/** 重置密码: the code from the message (prefilled from `?token=`) and a new password. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const form = useZodForm(resetPasswordSchema, { token: search.get('token') ?? '', password: '', confirm: '' });
  const problems = form.formState.errors;
  const [done, setDone] = useState(false);
  const reset = useAction(async ({ token, password }: { token: string; password: string }) => {
    await api.request(RESET_PASSWORD, { token, newPassword: password });
    setDone(true);
  });
  const submit = form.handleSubmit((values) => void reset.run(values));
  useServerProblem(form, reset.error, { newPassword: 'password' });
  return (
    <div className="container auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.title')}</h1>
        {done ? (
          <div className="notice" role="status" data-testid="reset-done">
            {t('reset.done')} <Link to="/login">{t('nav.login')}</Link>
          </div>
        ) : (
          <>
            <p className="muted">{t('reset.lead')}</p>
            <ErrorNotice error={reset.error} />
            <TextField
              label={t('reset.code')}
              type="text"
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={200}
              error={problems.token}
              {...form.register('token')}
            />
            <NewPasswordFields
              label={t('reset.newPassword')}
              password={form.register('password')}
              confirm={form.register('confirm')}
              errors={problems}
            />
            <button type="submit" className="button button-primary button-block" disabled={reset.busy}>
              {t('reset.submit')}
            </button>
          </>
        )}
      </form>
    </div>
  );
}
