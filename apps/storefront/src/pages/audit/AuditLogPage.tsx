import './audit.css';
import { useState } from 'react';
import {
  AUDIT_EVENTS,
  type AuditEventData,
  type AuditFilterInput,
  changeRows,
  cleanFilter,
  parseSummary,
} from '../../api/audit';
import { RequireRole } from '../../components/Guard';
import { roleName, useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { Link, navigate, useLocation } from '../../lib/router';
import { useConnection } from '../../lib/use-connection';
import { ChainStatusCard } from './ChainStatusCard';
import { DataTable } from '../../components/DataTable';
import { PortalPage } from '../../components/PageShell';
import { Form } from '../../components/Form';
import { ConnectionCard } from '../../components/ConnectionCard';

const READERS = ['AUDITOR', 'PLATFORM_ADMIN'] as const;
const FILTER_KEYS = ['operation', 'entityType', 'entityId', 'actorId', 'regionCode', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const short = (s: string | null, n = 8) => (s && s.length > n ? `${s.slice(0, n)}…` : (s ?? '—'));

function EventDetails({ e }: { e: AuditEventData }) {
  const { t } = useI18n();
  const summary = parseSummary(e.summary);
  const rows = changeRows(summary);
  return (
    <div className="audit-details" data-testid="audit-details">
      {rows.length > 0 && (
        <table className="table" data-testid="audit-changes">
          <caption className="muted small">{t('audit.details.changes')}</caption>
          <thead>
            <tr>
              <th>{t('audit.details.field')}</th>
              <th>{t('audit.details.before')}</th>
              <th>{t('audit.details.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field}>
                <td>{r.field}</td>
                <td>{r.before}</td>
                <td>{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">{t('audit.details.args')}</p>
      <pre className="audit-json" data-testid="audit-args">
        {JSON.stringify(summary?.args ?? summary ?? e.summary, null, 2)}
      </pre>
      <dl className="facts">
        <dt>{t('audit.details.seq')}</dt>
        <dd>#{e.seq}</dd>
        <dt>{t('audit.details.entity')}</dt>
        <dd>
          {e.entityType === 'Order' && e.entityId ? (
            <Link
              to={`/orders/${e.entityId}`}
              data-testid="audit-entity-link"
            >{`${t('order.crumb')} ${e.entityId}`}</Link>
          ) : e.entityType ? (
            `${e.entityType} ${e.entityId ?? ''}`
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('audit.details.actorId')}</dt>
        <dd>{e.actorUserId ?? '—'}</dd>
        <dt>{t('audit.details.requestId')}</dt>
        <dd>{e.requestId}</dd>
        <dt>{t('audit.details.ip')}</dt>
        <dd>{e.clientIp ?? '—'}</dd>
        <dt>{t('audit.details.hash')}</dt>
        <dd className="audit-hash">{e.hash}</dd>
        <dt>{t('audit.details.prevHash')}</dt>
        <dd className="audit-hash">{e.prevHash}</dd>
      </dl>
    </div>
  );
}

function EventsTable({ filter }: { filter: AuditFilterInput }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const events = useConnection(AUDIT_EVENTS, { filter, first: 50 }, (d) => d.auditEvents);
  return (
    <ConnectionCard
      title={t('audit.events.title')}
      total={(count) => t('audit.events.total', { count })}
      list={events}
      emptyText={t('audit.events.empty')}
      moreLabel={t('audit.events.more')}
      testId="audit-events"
      totalTestId="audit-total"
      moreTestId="audit-more"
    >
      {events.nodes.length > 0 && (
        <DataTable
          testId="audit-table"
          columns={[
            t('audit.col.at'),
            t('audit.col.operation'),
            t('audit.col.outcome'),
            t('audit.col.actor'),
            t('audit.col.entity'),
            t('audit.col.region'),
            null,
          ]}
        >
          {events.nodes.map((e) => (
            <AuditRow
              key={e.id}
              e={e}
              open={open === e.id}
              onToggle={() => setOpen(open === e.id ? null : e.id)}
              locale={locale}
            />
          ))}
        </DataTable>
      )}
    </ConnectionCard>
  );
}

function AuditRow({
  e,
  open,
  onToggle,
  locale,
}: {
  e: AuditEventData;
  open: boolean;
  onToggle: () => void;
  locale: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <tr data-testid="audit-row">
        <td>{formatDateTime(e.at, locale)}</td>
        <td>
          <code>{e.operation}</code>
        </td>
        <td>
          <span
            className={`status-chip ${e.outcome === 'OK' ? 'status-ok' : 'status-warn'}`}
            data-testid="audit-outcome"
          >
            {e.outcome}
          </span>
        </td>
        <td>
          {e.actorName ?? t('audit.actor.anonymous')}
          {e.actorRole && (
            <div className="muted small">{`${roleName(t, e.actorRole)}${e.actorOrgName ? ` · ${e.actorOrgName}` : ''}`}</div>
          )}
        </td>
        <td>{e.entityType ? `${e.entityType} ${short(e.entityId)}` : '—'}</td>
        <td>{e.regionCode ?? '—'}</td>
        <td>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-expanded={open}
            onClick={onToggle}
            data-testid="audit-toggle"
          >
            {open ? t('audit.details.hide') : t('audit.details.show')}
          </button>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={7}>
            <EventDetails e={e} />
          </td>
        </tr>
      )}
    </>
  );
}

/** 审计日志: filters kept in the URL (a reload or a shared link shows the same events), chain status on top. */
export function AuditLogPage() {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const applied: Record<FilterKey, string> = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, search.get(k) ?? '']),
  ) as Record<FilterKey, string>;
  const [draft, setDraft] = useState(applied);
  const apply = (next: Record<FilterKey, string>) => {
    const q = new URLSearchParams(Object.entries(next).filter(([, v]) => v.trim() !== ''));
    navigate(`${pathname}${q.size ? `?${q}` : ''}`, { replace: true });
  };
  const field = (key: FilterKey, type: 'text' | 'date' = 'text') => (
    <label className="field compact" key={key}>
      <span>{t(`audit.filter.${key}`)}</span>
      <input
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        data-testid={`audit-filter-${key}`}
      />
    </label>
  );
  return (
    <RequireRole roles={READERS}>
      <PortalPage
        kicker={t('audit.kicker')}
        title={t('audit.title')}
        lead={t('audit.lead')}
        smallLead
        testId="audit-page"
      >
        <ChainStatusCard />
        <Form className="card form-actions" aria-label={t('audit.filters')} onSubmit={() => apply(draft)}>
          {FILTER_KEYS.map((k) => field(k, k === 'from' || k === 'to' ? 'date' : 'text'))}
          <button type="submit" className="button button-primary" data-testid="audit-apply">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              const empty = Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as Record<FilterKey, string>;
              setDraft(empty);
              apply(empty);
            }}
          >
            {t('audit.reset')}
          </button>
        </Form>
        <EventsTable filter={cleanFilter(applied)} />
      </PortalPage>
    </RequireRole>
  );
}
