import { type FormEvent, useState } from 'react';
import { ACCOUNT_EVENTS, CHANGE_PASSWORD } from '../api/account';
import { api } from '../api/client';
import { ErrorNotice, Loading } from '../components/Feedback';
import { errorText, translateOr, useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { ResultOf } from '../lib/graphql';
import { useAction } from '../lib/use-action';
import { type QueryState, useQuery } from '../lib/use-query';

/** Mirrors the server's policy for a hint before sending; the server decides (common-password list). */
const MIN_LENGTH = 10;

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const tooShort = next.length > 0 && [...next].length < MIN_LENGTH;
  const mismatch = repeat.length > 0 && repeat !== next;
  const change = useAction(async () => {
    const data = await api.request(CHANGE_PASSWORD, {
      currentPassword: current,
      newPassword: next,
    });
    // Every other session just ended; this browser continues with the fresh token.
    api.tokens.set(data.changePassword.token);
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
    onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (!tooShort && !mismatch && next) void change.run();
  };
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="change-password">
      {change.error && (
        <div className="notice notice-error" role="alert" data-code={change.error.code}>
          {errorText(t, change.error)}
        </div>
      )}
      {done && (
        <p className="notice notice-ok" role="status">
          {t('account.password.changed')}
        </p>
      )}
      <label className="field">
        <span>{t('account.password.current')}</span>
        <input
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('account.password.new')}</span>
        <input
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          value={next}
          aria-invalid={tooShort}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      <p className="hint">{t('account.password.rules', { min: MIN_LENGTH })}</p>
      <label className="field">
        <span>{t('account.password.repeat')}</span>
        <input
          type="password"
          name="repeat-password"
          autoComplete="new-password"
          required
          value={repeat}
          aria-invalid={mismatch}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </label>
      {mismatch && <p className="hint">{t('account.password.mismatch')}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={change.busy || !current || !next || tooShort || mismatch || repeat !== next}
        >
          {t('account.password.submit')}
        </button>
      </div>
    </form>
  );
}

type EventsData = ResultOf<typeof ACCOUNT_EVENTS>;

function SecurityLog({ events }: { events: QueryState<EventsData> }) {
  const { t, locale } = useI18n();
  const rows = events.data?.me?.accountEvents ?? [];
  return (
    <div className="stack">
      <ErrorNotice error={events.error} onRetry={events.reload} />
      {events.loading && rows.length === 0 ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="muted">{t('account.events.empty')}</p>
      ) : null}
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
  const { t } = useI18n();
  const { me, logout } = useSession();
  const events = useQuery(ACCOUNT_EVENTS, undefined, { skip: !me });
  const everywhere = useAction(() => logout(true));
  if (me === undefined)
    return (
      <p className="container page-body muted" role="status">
        {t('home.loadingUser')}
      </p>
    );
  if (me === null) {
    return (
      <div className="container auth-page">
        <div className="card">
          <h1>{t('guard.signIn.title')}</h1>
          <p className="muted">{t('guard.signIn.body')}</p>
          <Link to="/login?next=%2Faccount" className="button button-primary">
            {t('nav.login')}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="container page-body stack">
      <h1>{t('account.title')}</h1>
      <p className="muted">{me.email ?? me.displayName}</p>
      <p>
        <Link to="/account/addresses" data-testid="to-addresses">
          {t('address.title')}
        </Link>
      </p>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.password.title')}</h2>
        <p className="muted small">{t('account.password.lead')}</p>
        <ChangePasswordForm onChanged={events.reload} />
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions.title')}</h2>
        <p className="muted small">{t('account.sessions.lead')}</p>
        <button
          type="button"
          className="button button-quiet"
          disabled={everywhere.busy}
          onClick={() => void everywhere.run()}
          data-testid="logout-everywhere"
        >
          {t('account.sessions.everywhere')}
        </button>
      </section>
      <section className="card" aria-labelledby="events-title">
        <h2 id="events-title">{t('account.events.title')}</h2>
        <SecurityLog events={events} />
      </section>
    </div>
  );
}
