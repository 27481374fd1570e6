import { useState } from 'react';
import { api } from '../../api/client';
import { DECIDE_SUSPENSION_PROPOSAL, SUSPENSION_PROPOSALS, type SuspensionProposalData } from '../../api/aftersales';
import { Decision } from '../../components/Decision';
import { forRoles } from '../../components/Guard';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ScorecardView } from './ScorecardView';
import { QueryRowList } from '../../components/ListStatus';
import { PortalPage } from '../../components/PageShell';

function ProposalRow({ proposal, onDone }: { proposal: SuspensionProposalData; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [showCard, setShowCard] = useState(false);
  const act = useAction(async (decision: 'ACCEPT' | 'REJECT', reason: string) => {
    await api.request(DECIDE_SUSPENSION_PROPOSAL, { id: proposal.id, decision, reason });
    onDone();
  });
  return (
    <li className="row" data-testid="suspension-proposal" data-status={proposal.status}>
      <div className="row-main">
        <div className="row-title">
          <strong>{proposal.supplierName}</strong>
          <span className="status-chip" data-status={proposal.status}>
            {t(`proposalStatus.${proposal.status}`)}
          </span>
          <span className="muted small">{t(`proposalSource.${proposal.source as 'COMPLAINTS'}`)}</span>
        </div>
        <p>{proposal.reason}</p>
        <p className="muted small">
          {formatDateTime(proposal.proposedAt, locale)}
          {proposal.decisionReason ? ` · ${proposal.decisionReason}` : ''}
        </p>
        <button type="button" className="button button-quiet" onClick={() => setShowCard((v) => !v)}>
          {t('proposals.scorecard')}
        </button>
        {showCard && <ScorecardView supplierId={proposal.supplierId} />}
      </div>
      {proposal.status === 'PROPOSED' && (
        <div className="row-actions">
          <Decision
            approveLabel={t('proposals.accept')}
            busy={act.busy}
            error={act.error}
            onApprove={() => void act.run('ACCEPT', t('proposals.acceptReason'))}
            onReject={(reason) => void act.run('REJECT', reason)}
          />
        </div>
      )}
    </li>
  );
}

/** 动态退出: the platform admin suspends a supplier (through supplier admission) or rejects the proposal. */
function Proposals() {
  const { t } = useI18n();
  const [status, setStatus] = useState<'PROPOSED' | 'ACCEPTED' | 'REJECTED' | ''>('PROPOSED');
  const proposals = useQuery(SUSPENSION_PROPOSALS, {
    status: status || null,
  });
  const rows = proposals.data?.supplierSuspensionProposals.edges.map((e) => e.node) ?? [];
  return (
    <PortalPage
      kicker={t('admin.kicker')}
      title={t('proposals.title')}
      lead={t('proposals.lead')}
      aside={
        <SelectField
          compact
          label={t('complaints.filter')}
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
        >
          <option value="PROPOSED">{t('proposalStatus.PROPOSED')}</option>
          <option value="ACCEPTED">{t('proposalStatus.ACCEPTED')}</option>
          <option value="REJECTED">{t('proposalStatus.REJECTED')}</option>
          <option value="">{t('complaints.all')}</option>
        </SelectField>
      }
    >
      <section className="card" data-testid="suspension-proposals">
        <QueryRowList
          query={proposals}
          rows={rows}
          row={(p) => <ProposalRow key={p.id} proposal={p} onDone={proposals.reload} />}
        />
      </section>
    </PortalPage>
  );
}

export const SuspensionProposalsPage = forRoles(['PLATFORM_ADMIN'], Proposals);
