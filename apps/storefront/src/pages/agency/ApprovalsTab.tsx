import { useState } from 'react';
import { api } from '../../api/client';
import {
  APPROVE_PURCHASE_REQUEST,
  PURCHASE_REQUESTS,
  type PurchaseRequestData,
  REJECT_PURCHASE_REQUEST,
} from '../../api/procurement';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { useConnection } from '../../lib/use-connection';
import { RequestRow } from './RequestsTab';
import { ProcurementError } from './shared';
import { ListStatus } from '../../components/ListStatus';
import { NoteField } from '../../components/FormField';

function DecisionForm({
  request,
  onDecided,
}: {
  request: PurchaseRequestData;
  onDecided: (r: PurchaseRequestData) => void;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const approve = useAction(async () => {
    const data = await api.request(APPROVE_PURCHASE_REQUEST, {
      id: request.id,
      comment: comment.trim() || null,
    });
    onDecided(data.approvePurchaseRequest);
  });
  const reject = useAction(async () => {
    const data = await api.request(REJECT_PURCHASE_REQUEST, {
      id: request.id,
      reason: comment.trim(),
    });
    onDecided(data.rejectPurchaseRequest);
  });
  return (
    <div className="decision" data-testid="decision">
      <NoteField label={t('agency.approval.comment')} maxLength={500} value={comment} onChange={setComment} />
      <ProcurementError error={approve.error ?? reject.error} />
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={approve.busy || reject.busy}
          onClick={() => void approve.run()}
        >
          {t('agency.approval.approve')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={approve.busy || reject.busy || !comment.trim()}
          onClick={() => void reject.run()}
        >
          {t('agency.approval.reject')}
        </button>
      </div>
      {!comment.trim() && <p className="hint">{t('agency.approval.rejectHint')}</p>}
    </div>
  );
}

/** 审批: the unit's requests waiting for an approver; decided ones stay visible until reload. */
export function ApprovalsTab({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const inbox = useConnection(
    PURCHASE_REQUESTS,
    { filter: { orgId, status: 'PENDING_APPROVAL' }, first: 50 },
    (d) => d.purchaseRequests,
  );
  const replace = (r: PurchaseRequestData) => inbox.update((nodes) => nodes.map((n) => (n.id === r.id ? r : n)));
  // Decided requests stay listed until reload, so they are taken off the server's count here.
  const pending =
    inbox.totalCount === null
      ? null
      : Math.max(0, inbox.totalCount - inbox.nodes.filter((n) => n.status !== 'PENDING_APPROVAL').length);
  return (
    <section className="card" aria-labelledby="approvals-title" data-testid="approval-inbox">
      <div className="section-head-row">
        <h2 id="approvals-title">
          {t('agency.approval.title')}{' '}
          {pending !== null && (
            <span className="status-chip" data-testid="approval-pending-count" data-count={pending}>
              {t('agency.approval.pending', { count: pending })}
            </span>
          )}
        </h2>
        <button type="button" className="button button-quiet" onClick={inbox.reload}>
          {t('agency.refresh')}
        </button>
      </div>
      <p className="muted small">{t('agency.approval.lead')}</p>
      <ListStatus
        error={inbox.error}
        onRetry={inbox.reload}
        loading={inbox.loading && inbox.nodes.length === 0}
        empty={inbox.nodes.length === 0}
      />
      <ul className="row-list">
        {inbox.nodes.map((r) => (
          <RequestRow key={r.id} request={r}>
            {r.status === 'PENDING_APPROVAL' && <DecisionForm request={r} onDecided={replace} />}
          </RequestRow>
        ))}
      </ul>
    </section>
  );
}
