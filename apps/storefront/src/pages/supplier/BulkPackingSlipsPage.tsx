import { ORDER_ADDRESS } from '../../api/buyers';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { RequireRole } from '../../components/Guard';
import { PackingSlip, SlipActions } from '../../components/PackingSlip';
import { useI18n } from '../../i18n';
import { useLocation } from '../../lib/router';
import { useQuery } from '../../lib/use-query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (s: string) => UUID.test(s);

/** The slips of one order, as siblings of the other orders' slips so each prints on its own page. */
function OrderSlips({ orderId }: { orderId: string }) {
  const { data, error, loading, reload } = useQuery(ORDER_ADDRESS, { id: orderId });
  const order = data?.order;
  if (loading && !data) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  return (
    <>
      {order?.supplierOrders.map((so) => (
        <PackingSlip key={so.id} order={order} supplierOrder={so} />
      ))}
    </>
  );
}

function Slips({ orderIds }: { orderIds: string[] }) {
  const { t } = useI18n();
  return (
    <div className="container page-body packing-slip-page" data-testid="bulk-packing-slips">
      <div className="portal-head no-print">
        <div>
          <h1>{t('supplierQueue.slipsTitle')}</h1>
          <p className="muted">{t('supplierQueue.slipsLead', { count: orderIds.length })}</p>
        </div>
        <SlipActions testId="print-slips" disabled={orderIds.length === 0} />
      </div>
      {orderIds.length === 0 && <p className="muted">{t('supplierQueue.noneSelected')}</p>}
      {orderIds.map((id) => (
        <OrderSlips key={id} orderId={id} />
      ))}
    </div>
  );
}

/** /portal/supplier/packing-slips?orders=<id>,<id>… — 批量打印装箱单, one slip per printed page. */
export function BulkPackingSlipsPage() {
  const { search } = useLocation();
  const ids = [...new Set((search.get('orders') ?? '').split(',').filter(isUuid))].slice(0, 50);
  return (
    <RequireRole roles={['SUPPLIER_ADMIN', 'SUPPLIER_STAFF', 'PLATFORM_ADMIN']}>
      <Slips orderIds={ids} />
    </RequireRole>
  );
}
