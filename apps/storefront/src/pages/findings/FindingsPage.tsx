import './findings.css';
import { useState } from 'react';
import {
  ANOMALY_FINDINGS,
  cleanFindingFilter,
  FINDING_KINDS,
  FINDING_STATUSES,
  FINDING_SUBJECTS,
  type FindingData,
} from '../../api/oversight';
import { RequireRole } from '../../components/Guard';
import { FilterSelect } from '../../components/FilterSelect';
import { translateOr, useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { Link, navigate, useLocation } from '../../lib/router';
import { useConnection } from '../../lib/use-connection';
import { figureValue } from './figures';
import { PortalPage } from '../../components/PageShell';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';
import { ConnectionCard } from '../../components/ConnectionCard';

export const FINDING_READERS = ['AUDITOR', 'COORDINATOR', 'PLATFORM_ADMIN'] as const;
const FILTER_KEYS = ['status', 'kind', 'subjectType', 'regionCode'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function FindingChips({ f }: { f: FindingData }) {
  const { t } = useI18n();
  return (
    <>
      <span className="status-chip" data-status={f.status} data-testid="finding-status">
        {t(`findingStatus.${f.status}`)}
      </span>
      <span
        className="status-chip"
        data-status={f.severity === 'HIGH' ? 'REJECTED' : 'PENDING'}
        data-testid="finding-severity"
      >
        {t(`findingSeverity.${f.severity}`)}
      </span>
    </>
  );
}

function FindingRow({ f }: { f: FindingData }) {
  const { t, locale } = useI18n();
  return (
    <li className="row" data-testid="finding-row" data-kind={f.kind} data-status={f.status}>
      <div className="row-main">
        <div className="row-title">
          <Link to={`/portal/findings/${f.id}`} data-testid="finding-open">
            <strong>{t(`findingKind.${f.kind}`)}</strong>
          </Link>
          <FindingChips f={f} />
        </div>
        <p>
          {t(`findingSubject.${f.subjectType}`)}：{f.subjectLabel}
        </p>
        <p className="muted small finding-figures-inline">
          {f.evidence.figures
            .filter((x) => x.unit !== 'TEXT')
            .slice(0, 3)
            .map((x) => (
              <span key={x.name}>
                {translateOr(t, `finding.figure.${x.name}`, x.name)} {figureValue(x, t)}
              </span>
            ))}
          <span>{t('findings.orderCount', { count: f.evidence.orderIds.length })}</span>
        </p>
        <p className="muted small">
          {t('findings.detectedAt', { at: formatDateTime(f.detectedAt, locale) })} · {f.regionCode}
        </p>
      </div>
    </li>
  );
}

/** 异常线索: the auditor's inbox of findings in their region; filters live in the URL. */
export function FindingsPage() {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const applied = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, search.get(k) ?? (k === 'status' && !search.has('status') ? 'OPEN' : '')]),
  ) as Record<FilterKey, string>;
  const [region, setRegion] = useState(applied.regionCode);
  const findings = useConnection(
    ANOMALY_FINDINGS,
    { filter: cleanFindingFilter(applied), first: 30 },
    (d) => d.anomalyFindings,
  );
  const set = (key: FilterKey, value: string) => {
    const next = { ...applied, [key]: value };
    const q = new URLSearchParams(Object.entries(next).map(([k, v]) => [k, v]));
    for (const k of FILTER_KEYS) if (!next[k] && k !== 'status') q.delete(k);
    navigate(`${pathname}?${q}`, { replace: true });
  };
  // The choice filters: each query key with its choices, named in the reader's language.
  const choiceFilters = [
    ['status', FINDING_STATUSES.map((v) => [v, t(`findingStatus.${v}`)] as const)],
    ['kind', FINDING_KINDS.map((v) => [v, t(`findingKind.${v}`)] as const)],
    ['subjectType', FINDING_SUBJECTS.map((v) => [v, t(`findingSubject.${v}`)] as const)],
  ] as const;
  return (
    <RequireRole roles={FINDING_READERS}>
      <PortalPage
        kicker={t('findings.kicker')}
        title={t('findings.title')}
        lead={t('findings.lead')}
        smallLead
        testId="findings-page"
      >
        <Form
          className="card form-actions"
          aria-label={t('findings.filters')}
          onSubmit={() => set('regionCode', region)}
        >
          {choiceFilters.map(([key, options]) => (
            <FilterSelect
              key={key}
              label={t(`findings.filter.${key}`)}
              value={applied[key]}
              onChange={(v) => set(key, v)}
              options={options}
              anyLabel={t('findings.any')}
              testId={`findings-filter-${key}`}
            />
          ))}
          <TextField
            compact
            label={t('findings.filter.regionCode')}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            placeholder="5206"
            data-testid="findings-filter-region"
          />
          <button type="submit" className="button button-primary">
            {t('findings.apply')}
          </button>
        </Form>
        <ConnectionCard
          title={t('findings.list')}
          total={(count) => t('findings.total', { count })}
          list={findings}
          emptyText={t('findings.empty')}
          moreLabel={t('findings.more')}
          testId="findings-list"
          totalTestId="findings-total"
        >
          <ul className="row-list">
            {findings.nodes.map((f) => (
              <FindingRow key={f.id} f={f} />
            ))}
          </ul>
        </ConnectionCard>
      </PortalPage>
    </RequireRole>
  );
}
