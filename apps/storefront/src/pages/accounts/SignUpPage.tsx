import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { REGISTER_CUSTOMER, registerInput } from '../../api/signup';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { landingPath } from '../../lib/landing';
import { Link, navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';

/**
 * 注册: a retail customer account; `/signup/supplier` is the same form, after which the new account
 * lands on the supplier admission form (供应商准入申请). The server answers the same for a taken email
 * (no account enumeration), so we simply try to sign in: a taken identifier then fails like a wrong password.
 */
export function SignUpPage() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const asSupplier = pathname.startsWith('/signup/supplier');
  const { login } = useSession();
  const [identifier, setIdentifier] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [registeredButNoLogin, setRegisteredButNoLogin] = useState(false);

  const signUp = useAction(async () => {
    await api.request(REGISTER_CUSTOMER, { input: registerInput(identifier, displayName, password) });
    try {
      const me = await login(identifier.trim(), password);
      navigate(asSupplier ? '/portal/supplier' : landingPath(me), { replace: true });
    } catch {
      // Taken identifier (the answer does not say so) or the sign-in was throttled.
      setRegisteredButNoLogin(true);
    }
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== confirm);
    setRegisteredButNoLogin(false);
    if (password === confirm) void signUp.run();
  };

  return (
    <div className="container auth-page">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="signup-title" data-testid="signup-form">
        <h1 id="signup-title">{t(asSupplier ? 'signup.supplier.title' : 'signup.title')}</h1>
        <p className="muted">{t(asSupplier ? 'signup.supplier.lead' : 'signup.lead')}</p>
        <ErrorNotice error={signUp.error} />
        {registeredButNoLogin && (
          <div className="notice" role="status" data-testid="signup-received">
            {t('signup.received')}
          </div>
        )}
        <label className="field">
          <span>{t('login.identifier')}</span>
          <input
            name="identifier"
            type="text"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={254}
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('signup.displayName')}</span>
          <input
            name="displayName"
            type="text"
            autoComplete="name"
            required
            maxLength={100}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={256}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="signup-password-hint"
          />
        </label>
        <p className="hint" id="signup-password-hint">
          {t('signup.passwordHint')}
        </p>
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
        <button type="submit" className="button button-primary button-block" disabled={signUp.busy}>
          {signUp.busy ? t('signup.submitting') : t('signup.submit')}
        </button>
        <p className="hint">
          {t('signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
          {' · '}
          {asSupplier ? (
            <Link to="/signup">{t('signup.asCustomer')}</Link>
          ) : (
            <Link to="/signup/supplier">{t('signup.asSupplier')}</Link>
          )}
        </p>
      </form>
    </div>
  );
}
