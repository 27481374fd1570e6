import { CREATE_PAYOUT_BATCH, PAYOUT_BATCHES, RETRY_PAYOUT_BATCH } from '../../api/admin';
import { api } from '../../api/client';
import { downloadOrderDocument } from '../../api/documents';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ConfirmAction } from './ConfirmAction';
import { DataTable } from '../../components/DataTable';
import { ActionButton } from '../../components/ActionButton';

/** Supplier payouts: one batch pays every supplier its outstanding payable; a stuck batch can be resent. */
export function PayoutsSection() {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useQuery(PAYOUT_BATCHES, { first: 30 });
  const retry = useAction(async (batchId: string) => {
    await api.request(RETRY_PAYOUT_BATCH, { batchId });
    reload();
  });
  // The file route wants the bearer token, so the CSV is fetched and saved from a blob.
  const csv = useAction(async (url: string, id: string) => {
    const href = URL.createObjectURL(await downloadOrderDocument(url, 'text/csv'));
    const a = document.createElement('a');
    a.href = href;
    a.download = `payout-${id}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  });
  const rows = data?.payoutBatches ?? [];
  return (
    <section className="card">
      <div className="portal-head">
        <p className="muted">{t('admin.payouts.lead')}</p>
        <ConfirmAction
          label={t('admin.payouts.create')}
          title={t('admin.payouts.create')}
          body={t('admin.payouts.createBody')}
          danger={false}
          onConfirm={async () => {
            await api.request(CREATE_PAYOUT_BATCH);
            reload();
          }}
        />
      </div>
      <ErrorNotice error={error ?? retry.error ?? csv.error} onRetry={reload} />
      {loading && !data ? <Loading /> : rows.length === 0 ? <p className="muted">{t('queue.empty')}</p> : null}
      <DataTable
        columns={[
          t('admin.payouts.createdAt'),
          t('admin.filter.status'),
          { label: t('admin.payouts.total'), num: true },
          { label: t('admin.payouts.count'), num: true },
          null,
        ]}
      >
        {rows.map((b) => (
          <tr key={b.id} data-testid="payout-batch">
            <td>{formatDateTime(b.createdAt, locale)}</td>
            <td>{b.status}</td>
            <td className="num">{formatFen(b.totalAmount)}</td>
            <td className="num">
              {b.payouts.length}
              {b.skippedSupplierIds.length > 0 && (
                <span className="chip chip-warning">
                  {t('admin.payouts.skipped', { count: b.skippedSupplierIds.length })}
                </span>
              )}
            </td>
            <td>
              <ActionButton action={csv} args={[b.csvUrl, b.id]}>
                {t('admin.payouts.csv')}
              </ActionButton>{' '}
              {b.status !== 'COMPLETED' && (
                <ActionButton action={retry} args={[b.id]}>
                  {t('admin.payouts.retry')}
                </ActionButton>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
