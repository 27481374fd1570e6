import { useState } from 'react';
import { api } from '../../api/client';
import { ANOMALY_FINDING, type AnomalyFindingData, REVIEW_ANOMALY_FINDING } from '../../api/oversight';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { RequireRole } from '../../components/Guard';
import { hasRole } from '../../lib/roles';
import { useI18n, translateOr } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { FiguresTable } from './figures';
import { FINDING_READERS, FindingChips } from './FindingsPage';
import { Checkbox } from '../../components/Checkbox';
import { Breadcrumb } from '../../components/PageShell';
import { Form } from '../../components/Form';
import { TitledCard } from '../../components/TitledCard';

type Finding = AnomalyFindingData['anomalyFinding'];

/** Confirm or dismiss with a reason; a confirmation may exclude the orders from statistics and propose a suspension. */
function ReviewForm({ finding, onDone }: { finding: Finding; onDone: (f: Finding) => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'CONFIRM' | 'DISMISS'>('CONFIRM');
  const [reason, setReason] = useState('');
  const [exclude, setExclude] = useState(false);
  const [propose, setPropose] = useState(false);
  const confirm = decision === 'CONFIRM';
  const review = useAction(async () => {
    const res = await api.request(REVIEW_ANOMALY_FINDING, {
      id: finding.id,
      decision,
      reason: reason.trim(),
      excludeFromStatistics: confirm && exclude,
      proposeSuspension: confirm && propose,
    });
    onDone(res.reviewAnomalyFinding);
  });
  return (
    <Form
      className="card finding-review"
      aria-labelledby="finding-review-title"
      data-testid="finding-review"
      onSubmit={() => {
        if (reason.trim()) void review.run();
      }}
    >
      <h2 id="finding-review-title">{t('finding.review.title')}</h2>
      <fieldset className="form-actions">
        <legend className="muted small">{t('finding.review.decision')}</legend>
        <label>
          <input
            type="radio"
            name="decision"
            checked={confirm}
            onChange={() => setDecision('CONFIRM')}
            data-testid="finding-decision-confirm"
          />{' '}
          {t('finding.review.confirm')}
        </label>
        <label>
          <input
            type="radio"
            name="decision"
            checked={!confirm}
            onChange={() => setDecision('DISMISS')}
            data-testid="finding-decision-dismiss"
          />{' '}
          {t('finding.review.dismiss')}
        </label>
      </fieldset>
      <label className="field">
        <span>{t('finding.review.reason')}</span>
        <textarea
          rows={3}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="finding-reason"
        />
      </label>
      {confirm && (
        <div className="form-actions">
          <Checkbox
            label={t('finding.review.exclude')}
            checked={exclude}
            onChange={setExclude}
            testId="finding-exclude"
          />
          {finding.supplierId && (
            <Checkbox
              label={t('finding.review.propose')}
              checked={propose}
              onChange={setPropose}
              testId="finding-propose"
            />
          )}
        </div>
      )}
      <ErrorNotice error={review.error} />
      <button
        type="submit"
        className={`button ${confirm ? 'button-primary' : 'button-danger'}`}
        disabled={review.busy || !reason.trim()}
        data-testid="finding-submit"
      >
        {confirm ? t('finding.review.submitConfirm') : t('finding.review.submitDismiss')}
      </button>
    </Form>
  );
}

function FindingView({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { data, error, loading, reload, setData } = useQuery(ANOMALY_FINDING, { id });
  const f = data?.anomalyFinding;
  if (loading && !f) return <Loading />;
  if (!f)
    return (
      <ErrorNotice
        error={error}
        onRetry={error?.code === 'FORBIDDEN' || error?.code === 'NOT_FOUND' ? undefined : reload}
      />
    );
  const canReview = f.status === 'OPEN' && hasRole(me, 'AUDITOR', 'PLATFORM_ADMIN');
  return (
    <>
      <Breadcrumb
        home={false}
        trail={[{ to: '/portal/findings', label: t('findings.title') }]}
        current={t(`findingKind.${f.kind}`)}
      />
      <div className="portal-head">
        <div>
          <p className="label">{t(`findingSubject.${f.subjectType}`)}</p>
          <h1 data-testid="finding-title">
            {t(`findingKind.${f.kind}`)} · {f.subjectLabel}
          </h1>
          <p>
            <FindingChips f={f} />
          </p>
          <p className="muted small">{translateOr(t, `findingKind.${f.kind}.doc`, '')}</p>
        </div>
      </div>
      <TitledCard title={t('finding.evidence')} testId="finding-evidence">
        <FiguresTable figures={f.evidence.figures} />
        {/* The server writes the one-line summary in English; the figures above say the same in the reader's language. */}
        {locale === 'en' && (
          <p className="muted small finding-summary" data-testid="finding-summary">
            {f.summary}
          </p>
        )}
        <h3 className="finding-orders-title">{t('finding.orders', { count: f.evidenceOrders.length })}</h3>
        <ul className="row-list" data-testid="finding-orders">
          {f.evidenceOrders.map((o) => (
            <li key={o.id} className="row">
              <Link to={`/orders/${o.id}`} data-testid="finding-order-link">
                {o.orderNo}
              </Link>
              <span className="muted small">
                {' '}
                {formatFen(o.totalAmount)} · {translateOr(t, `orderStatus.${o.status}`, o.status)} ·{' '}
                {formatDateTime(o.createdAt, locale)}
              </span>
            </li>
          ))}
        </ul>
        <dl className="facts">
          <dt>{t('finding.detectedAt')}</dt>
          <dd>
            {formatDateTime(f.detectedAt, locale)} · {t(`findingVia.${f.detectedVia}` as 'findingVia.EVENT')}
          </dd>
          <dt>{t('finding.region')}</dt>
          <dd>{f.regionCode}</dd>
        </dl>
      </TitledCard>
      {f.status !== 'OPEN' && (
        <section className="card" data-testid="finding-outcome">
          <h2>{t('finding.outcome')}</h2>
          <p>
            {t(`findingStatus.${f.status}`)} · {f.reviewerName ?? '—'} · {formatDateTime(f.reviewedAt, locale)}
          </p>
          <p data-testid="finding-review-reason">{f.reviewReason}</p>
          {f.excludedFromStatistics && <p className="notice notice-ok">{t('finding.excluded')}</p>}
          {f.suspensionProposalId && <p className="notice notice-ok">{t('finding.proposed')}</p>}
        </section>
      )}
      {canReview && <ReviewForm finding={f} onDone={(next) => setData(() => ({ anomalyFinding: next }))} />}
    </>
  );
}

export function FindingPage({ params }: { params: { id?: string } }) {
  return (
    <RequireRole roles={FINDING_READERS}>
      <div className="container page-body portal" data-testid="finding-page">
        <FindingView id={params.id ?? ''} />
      </div>
    </RequireRole>
  );
}
