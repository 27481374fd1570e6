import { ORDER_ADDRESS } from '../../api/buyers';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { RequireRole } from '../../components/Guard';
import { PackingSlip, SlipActions } from '../../components/PackingSlip';
import { useI18n } from '../../i18n';
import { useQuery } from '../../lib/use-query';

function Slips({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(ORDER_ADDRESS, { id: orderId });
  const order = data?.order;
  if (loading && !data)
    return (
      <div className="container page-body">
        <Loading />
      </div>
    );
  return (
    <div className="container page-body packing-slip-page">
      <div className="portal-head no-print">
        <h1>{t('slip.title')}</h1>
        <SlipActions testId="print-slip" />
      </div>
      <ErrorNotice error={error} onRetry={reload} />
      {/* A supplier sees only its own part of the order, so these are its slips. */}
      {order?.supplierOrders.map((so) => (
        <PackingSlip key={so.id} order={order} supplierOrder={so} />
      ))}
    </div>
  );
}

/** /portal/supplier/packing-slip/:orderId — the printable 装箱单 of the supplier's part of an order. */
export function PackingSlipPage({ params }: { params: { orderId?: string } }) {
  return (
    <RequireRole roles={['SUPPLIER_ADMIN', 'SUPPLIER_STAFF', 'PLATFORM_ADMIN']}>
      <Slips orderId={params.orderId ?? ''} />
    </RequireRole>
  );
}
