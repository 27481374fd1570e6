import { api } from '../api/client';
import { MARK_NOTIFICATIONS_READ, NOTIFICATIONS } from '../api/portal';
import { useI18n } from '../i18n';
import { noticeTitle } from '../i18n/translate';
import { formatDateTime } from '../lib/dates';
import { Link } from '../lib/router';
import { useAction } from '../lib/use-action';
import { useQuery } from '../lib/use-query';
import { ErrorNotice } from './Feedback';

/** The in-app notifications of the user and their organisations (admission and certification moves). */
export function Notifications() {
  const { t, locale } = useI18n();
  const { data, error, reload, setData } = useQuery(NOTIFICATIONS, { first: 10 });
  const unread = data?.notifications.filter((n) => !n.readAt) ?? [];
  const markRead = useAction(async () => {
    await api.request(MARK_NOTIFICATIONS_READ, { ids: unread.map((n) => n.id) });
    const now = new Date().toISOString();
    setData((d) => d && { notifications: d.notifications.map((n) => (n.readAt ? n : { ...n, readAt: now })) });
  });
  if (data && data.notifications.length === 0) return null;
  return (
    <section className="card" aria-labelledby="notifications-title">
      <div className="section-head-row">
        <h2 id="notifications-title">
          {t('notifications.title')}
          {unread.length > 0 && <span className="count-badge">{unread.length}</span>}
        </h2>
        {unread.length > 0 && (
          <button type="button" className="link-button" disabled={markRead.busy} onClick={() => void markRead.run()}>
            {t('notifications.markRead')}
          </button>
        )}
      </div>
      <ErrorNotice error={error ?? markRead.error} onRetry={error ? reload : undefined} />
      <ul className="row-list">
        {data?.notifications.map((n) => (
          <li key={n.id} className={`row notification${n.readAt ? '' : ' is-unread'}`}>
            <div className="row-main">
              <div className="row-title">
                {n.orderId ? (
                  <Link to={`/orders/${n.orderId}`} data-testid="notification-order-link">
                    {noticeTitle(t, n)}
                  </Link>
                ) : (
                  noticeTitle(t, n)
                )}
              </div>
              <p className="muted small">
                {formatDateTime(n.createdAt, locale)}
                {n.body ? ` · ${n.body}` : ''}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
