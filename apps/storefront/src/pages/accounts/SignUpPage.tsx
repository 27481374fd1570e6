import { useState } from 'react';
import { api } from '../../api/client';
import { REGISTER_CUSTOMER, registerInput } from '../../api/signup';
import { ErrorNotice } from '../../components/Feedback';
import { TextField } from '../../components/FormField';
import { useI18n } from '../../i18n';
import { signUpSchema } from '../../lib/forms';
import { landingPath } from '../../lib/landing';
import { Link, navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useServerProblem, useZodForm } from '../../lib/use-zod-form';
import { NewPasswordFields } from './NewPasswordFields';

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
  const form = useZodForm(signUpSchema, { identifier: '', displayName: '', password: '', confirm: '' });
  const problems = form.formState.errors;
  const [registeredButNoLogin, setRegisteredButNoLogin] = useState(false);

  const signUp = useAction(
    async ({ identifier, displayName, password }: { identifier: string; displayName: string; password: string }) => {
      await api.request(REGISTER_CUSTOMER, { input: registerInput(identifier, displayName, password) });
      try {
        const me = await login(identifier, password);
        navigate(asSupplier ? '/portal/supplier' : landingPath(me), { replace: true });
      } catch {
        // Taken identifier (the answer does not say so) or the sign-in was throttled.
        setRegisteredButNoLogin(true);
      }
    },
  );

  useServerProblem(form, signUp.error);
  const submit = form.handleSubmit((values) => {
    setRegisteredButNoLogin(false);
    void signUp.run(values);
  });

  return (
    <div className="container auth-page">
      <form
        className="card auth-card"
        onSubmit={submit}
        noValidate
        aria-labelledby="signup-title"
        data-testid="signup-form"
      >
        <h1 id="signup-title">{t(asSupplier ? 'signup.supplier.title' : 'signup.title')}</h1>
        <p className="muted">{t(asSupplier ? 'signup.supplier.lead' : 'signup.lead')}</p>
        <ErrorNotice error={signUp.error} />
        {registeredButNoLogin && (
          <div className="notice" role="status" data-testid="signup-received">
            {t('signup.received')}
          </div>
        )}
        <TextField
          label={t('login.identifier')}
          type="text"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={254}
          error={problems.identifier}
          {...form.register('identifier')}
        />
        <TextField
          label={t('signup.displayName')}
          type="text"
          autoComplete="name"
          maxLength={100}
          error={problems.displayName}
          {...form.register('displayName')}
        />
        <NewPasswordFields
          label={t('login.password')}
          password={form.register('password')}
          confirm={form.register('confirm')}
          errors={problems}
        />
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
