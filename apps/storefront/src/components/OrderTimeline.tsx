import type { StatusMove } from '../api/ordering';
import { translateOr, useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { reasonKey } from '../lib/orders';
import { StatusChip } from './StatusChip';

/** Every move of an order (or a supplier order): the status reached, when, by whom, and why. */
export function OrderTimeline({
  moves,
  domain,
  testId = 'timeline',
}: {
  moves: StatusMove[];
  domain: 'orderStatus' | 'supplierOrderStatus';
  testId?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <ol className="timeline order-timeline" data-testid={testId}>
      {moves.map((m) => {
        const note = m.fromStatus !== null && m.fromStatus === m.toStatus;
        const key = reasonKey(m.reason);
        return (
          <li key={m.id} data-testid="timeline-entry" data-status={m.toStatus} className={note ? 'is-note' : undefined}>
            {note ? (
              <span className="timeline-note">{t('timeline.note')}</span>
            ) : (
              <StatusChip domain={domain} status={m.toStatus} testId="timeline-status" />
            )}
            <time className="muted small" dateTime={m.createdAt}>
              {formatDateTime(m.createdAt, locale)}
            </time>
            <span className="muted small">{translateOr(t, `actorKind.${m.actorKind}`, m.actorKind)}</span>
            {m.reason && <p className="timeline-reason">{key ? translateOr(t, key, m.reason) : m.reason}</p>}
          </li>
        );
      })}
    </ol>
  );
}
