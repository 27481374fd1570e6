import { useState } from 'react';
import { ACCOUNT_EVENTS, CHANGE_PASSWORD } from '../api/account';
import { api } from '../api/client';
import { ErrorNotice } from '../components/Feedback';
import { TextField } from '../components/FormField';
import { RequireSignIn } from '../components/Guard';
import { translateOr, useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { changePasswordSchema, PASSWORD_MIN_LENGTH } from '../lib/forms';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { ResultOf } from '../lib/graphql';
import { useAction } from '../lib/use-action';
import { type QueryState, useQuery } from '../lib/use-query';
import { useServerProblem, useZodForm } from '../lib/use-zod-form';
import { ActionButton } from '../components/ActionButton';
import { ListStatus } from '../components/ListStatus';
import { FormActions } from '../components/FormActions';
import { TitledCard } from '../components/TitledCard';

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const form = useZodForm(changePasswordSchema, { current: '', password: '', confirm: '' });
  const { errors } = form.formState;
  const change = useAction(async (v: { current: string; password: string }) => {
    const data = await api.request(CHANGE_PASSWORD, { currentPassword: v.current, newPassword: v.password });
    // Every other session just ended; this browser continues with the fresh token.
    api.tokens.set(data.changePassword.token);
    form.reset();
    setDone(true);
    onChanged();
  });
  const submit = form.handleSubmit((v) => void change.run(v));
  useServerProblem(form, change.error, { newPassword: 'password' });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        setDone(false);
        void submit(e);
      }}
      noValidate
      data-testid="change-password"
    >
      <ErrorNotice error={change.error} />
      {done && (
        <p className="notice notice-ok" role="status">
          {t('account.password.changed')}
        </p>
      )}
      <TextField
        label={t('account.password.current')}
        type="password"
        autoComplete="current-password"
        error={errors.current}
        {...form.register('current')}
      />
      <TextField
        label={t('account.password.new')}
        type="password"
        autoComplete="new-password"
        hint={t('account.password.rules', { min: PASSWORD_MIN_LENGTH })}
        error={errors.password}
        {...form.register('password')}
      />
      <TextField
        label={t('account.password.repeat')}
        type="password"
        autoComplete="new-password"
        error={errors.confirm}
        {...form.register('confirm')}
      />
      <FormActions label={t('account.password.submit')} disabled={change.busy} />
    </form>
  );
}

type EventsData = ResultOf<typeof ACCOUNT_EVENTS>;

function SecurityLog({ events }: { events: QueryState<EventsData> }) {
  const { t, locale } = useI18n();
  const rows = events.data?.me?.accountEvents ?? [];
  return (
    <div className="stack">
      <ListStatus
        error={events.error}
        onRetry={events.reload}
        loading={events.loading && rows.length === 0}
        empty={rows.length === 0}
        emptyText={t('account.events.empty')}
      />
      <ul className="row-list" data-testid="account-events">
        {rows.map((e) => (
          <li key={e.id} className="row">
            <div className="row-main">
              <div className="row-title">{translateOr(t, `account.event.${e.kind}`, e.kind)}</div>
              <p className="small muted">
                {formatDateTime(e.createdAt, locale)}
                {e.ip ? ` · ${e.ip}` : ''}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 账户与安全: change the password, sign out everywhere, and see the account's security log. */
export function AccountPage() {
  return (
    <RequireSignIn>
      <AccountSettings />
    </RequireSignIn>
  );
}

function AccountSettings() {
  const { t } = useI18n();
  const { me, logout } = useSession();
  const events = useQuery(ACCOUNT_EVENTS, undefined, { skip: !me });
  const everywhere = useAction(() => logout(true));
  if (!me) return null;
  return (
    <div className="container page-body stack">
      <h1>{t('account.title')}</h1>
      <p className="muted">{me.email ?? me.displayName}</p>
      <p>
        <Link to="/account/addresses" data-testid="to-addresses">
          {t('address.title')}
        </Link>
      </p>
      <TitledCard title={t('account.password.title')}>
        <p className="muted small">{t('account.password.lead')}</p>
        <ChangePasswordForm onChanged={events.reload} />
      </TitledCard>
      <TitledCard title={t('account.sessions.title')}>
        <p className="muted small">{t('account.sessions.lead')}</p>
        <ActionButton action={everywhere} testId="logout-everywhere">
          {t('account.sessions.everywhere')}
        </ActionButton>
      </TitledCard>
      <TitledCard title={t('account.events.title')}>
        <SecurityLog events={events} />
      </TitledCard>
    </div>
  );
}
