import { useState } from 'react';
import { api } from '../../api/client';
import { AUDIT_CHAIN_STATUS, VERIFY_AUDIT_CHAIN, type VerifyAuditChainData } from '../../api/audit';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { Form } from '../../components/Form';
import { TitledCard } from '../../components/TitledCard';

/** The chain head, the published daily heads, and a "verify now" over an optional period. */
export function ChainStatusCard() {
  const { t, locale } = useI18n();
  const status = useQuery(AUDIT_CHAIN_STATUS);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<VerifyAuditChainData['verifyAuditChain'] | null>(null);
  const verify = useAction(async () => {
    setResult(null);
    const data = await api.request(VERIFY_AUDIT_CHAIN, { from: from || null, to: to || null });
    setResult(data.verifyAuditChain);
  });
  const s = status.data?.auditChainStatus;
  return (
    <TitledCard title={t('audit.chain.title')} testId="audit-chain">
      <ErrorNotice error={status.error} onRetry={status.reload} />
      {status.loading && !s ? <Loading /> : null}
      {s && (
        <dl className="facts facts-inline">
          <dt>{t('audit.chain.head')}</dt>
          <dd data-testid="audit-head">#{s.headSeq}</dd>
          <dt>{t('audit.chain.headHash')}</dt>
          <dd className="audit-hash">{s.headHash}</dd>
        </dl>
      )}
      <Form className="form-actions" aria-label={t('audit.chain.verify')} onSubmit={() => verify.run()}>
        <label className="field compact">
          <span>{t('audit.filter.from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="audit-verify-from" />
        </label>
        <label className="field compact">
          <span>{t('audit.filter.to')}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="audit-verify-to" />
        </label>
        <button type="submit" className="button button-primary" disabled={verify.busy} data-testid="audit-verify">
          {verify.busy ? t('audit.chain.verifying') : t('audit.chain.verify')}
        </button>
      </Form>
      <ErrorNotice error={verify.error} />
      {result && (
        <p
          role="status"
          className={result.ok ? 'notice notice-ok' : 'notice notice-error'}
          data-testid="audit-verify-result"
        >
          {result.ok
            ? t('audit.chain.ok', { count: result.checkedCount })
            : result.firstBrokenEventId
              ? t('audit.chain.broken', { count: result.checkedCount, id: result.firstBrokenEventId })
              : t('audit.chain.tailCut', { count: result.checkedCount })}
        </p>
      )}
      {s && s.checkpoints.length > 0 && (
        <DataTable
          testId="audit-checkpoints"
          caption={t('audit.chain.checkpoints')}
          columns={[
            t('audit.chain.day'),
            t('audit.chain.result'),
            { label: t('audit.chain.checked'), num: true },
            t('audit.chain.head'),
            t('audit.chain.verifiedAt'),
          ]}
        >
          {s.checkpoints.map((c) => (
            <tr key={`${c.day}-${c.verifiedAt}`}>
              <td>{c.day}</td>
              <td>
                {c.ok ? t('audit.chain.intact') : t('audit.chain.brokenShort', { id: c.firstBrokenEventId ?? '—' })}
              </td>
              <td className="num">{c.checkedCount}</td>
              <td className="audit-hash">{`#${c.headSeq} ${c.headHash.slice(0, 16)}…`}</td>
              <td>{formatDateTime(c.verifiedAt, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </TitledCard>
  );
}
