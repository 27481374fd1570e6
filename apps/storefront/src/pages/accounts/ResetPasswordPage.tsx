import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { RESET_PASSWORD } from '../../api/signup';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../lib/router';
import { useAction } from '../../lib/use-action';

/** 重置密码: the code from the message (prefilled from `?token=`) and a new password. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const [token, setToken] = useState(search.get('token') ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const reset = useAction(async () => {
    await api.request(RESET_PASSWORD, { token: token.trim(), newPassword: password });
    setDone(true);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== confirm);
    if (password === confirm) void reset.run();
  };
  return (
    <div className="container auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.title')}</h1>
        {done ? (
          <div className="notice" role="status" data-testid="reset-done">
            {t('reset.done')} <Link to="/login">{t('nav.login')}</Link>
          </div>
        ) : (
          <>
            <p className="muted">{t('reset.lead')}</p>
            <ErrorNotice error={reset.error} />
            <label className="field">
              <span>{t('reset.code')}</span>
              <input
                name="token"
                type="text"
                autoComplete="one-time-code"
                autoCapitalize="none"
                spellCheck={false}
                required
                maxLength={200}
                value={token}
                onChange={(e) => setToken(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('reset.newPassword')}</span>
              <input
                name="newPassword"
                type="password"
                autoComplete="new-password"
                required
                minLength={10}
                maxLength={256}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <p className="hint">{t('signup.passwordHint')}</p>
            <label className="field">
              <span>{t('signup.confirm')}</span>
              <input
                name="confirm"
                type="password"
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                aria-invalid={mismatch}
              />
            </label>
            {mismatch && (
              <div className="notice notice-error" role="alert">
                {t('signup.mismatch')}
              </div>
            )}
            <button type="submit" className="button button-primary button-block" disabled={reset.busy}>
              {t('reset.submit')}
            </button>
          </>
        )}
      </form>
    </div>
  );
}
