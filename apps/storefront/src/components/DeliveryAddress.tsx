import { ORDER_ADDRESS } from '../api/buyers';
import { useI18n } from '../i18n';
import { Link } from '../lib/router';
import { useQuery } from '../lib/use-query';
import { AddressLines } from './AddressForm';
import './buyers.css';
import { TitledCard } from './TitledCard';

/** The order page's 收货地址: the address snapshotted at checkout (phone masked for suppliers). */
export function DeliveryAddressCard({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { data } = useQuery(ORDER_ADDRESS, { id: orderId });
  const address = data?.order?.deliveryAddress;
  if (!address) return null;
  return (
    <TitledCard title={t('address.orderTitle')} testId="delivery-address">
      <AddressLines address={address} />
    </TitledCard>
  );
}

/**
 * On the ship form: where this supplier order goes, with the full phone (the server shows it only to
 * the supplier's own staff here), and the printable packing slip.
 */
export function ShipToAddress({ orderId, supplierOrderId }: { orderId: string; supplierOrderId: string }) {
  const { t } = useI18n();
  const { data } = useQuery(ORDER_ADDRESS, { id: orderId });
  const shipTo = data?.order?.supplierOrders.find((so) => so.id === supplierOrderId)?.shipTo;
  return (
    <div className="ship-to" data-testid="ship-to">
      <p className="muted small">{t('address.shipTo')}</p>
      {shipTo ? (
        <AddressLines address={shipTo} />
      ) : data ? (
        <p className="muted small">{t('address.noneOnOrder')}</p>
      ) : null}
      <Link to={`/portal/supplier/packing-slip/${orderId}`} className="small" data-testid="packing-slip-link">
        {t('slip.open')}
      </Link>
    </div>
  );
}
