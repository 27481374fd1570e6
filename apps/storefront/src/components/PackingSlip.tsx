import type { OrderAddressData } from '../api/buyers';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { Link } from '../lib/router';
import { AddressLines } from './AddressForm';
import './buyers.css';

type SlipOrder = NonNullable<OrderAddressData['order']>;

/**
 * 装箱单 for one supplier order: order number and date, ship-to with the full phone, and the lines to
 * pack. One page per slip when printed (see buyers.css), so a bulk print can render several.
 */
export function PackingSlip({
  order,
  supplierOrder,
  supplierName,
}: {
  order: SlipOrder;
  supplierOrder: SlipOrder['supplierOrders'][number];
  supplierName?: string;
}) {
  const { t, locale } = useI18n();
  const units = supplierOrder.lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <article className="packing-slip" data-testid="packing-slip" aria-label={t('slip.title')}>
      <header className="packing-slip-head">
        <h2>{t('slip.title')}</h2>
        <p className="mono">{order.orderNo}</p>
        <p className="muted small">
          {formatDateTime(order.createdAt, locale)}
          {supplierName ? ` · ${supplierName}` : ''}
        </p>
      </header>
      <section>
        <h3>{t('address.shipTo')}</h3>
        {supplierOrder.shipTo ? (
          <AddressLines address={supplierOrder.shipTo} />
        ) : (
          <p className="muted">{t('address.noneOnOrder')}</p>
        )}
      </section>
      <table className="packing-slip-lines">
        <thead>
          <tr>
            <th scope="col">{t('slip.product')}</th>
            <th scope="col">{t('slip.sku')}</th>
            <th scope="col">{t('slip.quantity')}</th>
            <th scope="col">{t('slip.packed')}</th>
          </tr>
        </thead>
        <tbody>
          {supplierOrder.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.productTitle} <span className="muted small">{l.spec}</span>
              </td>
              <td className="mono">{l.sku}</td>
              <td>
                {l.quantity} {l.unit}
              </td>
              <td aria-hidden="true">☐</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('slip.total')}
            </th>
            <td colSpan={2}>{units}</td>
          </tr>
        </tfoot>
      </table>
      {supplierOrder.trackingNo && (
        <p className="small">
          {supplierOrder.carrier} <span className="mono">{supplierOrder.trackingNo}</span>
        </p>
      )}
    </article>
  );
}

/** Above the slips, hidden in print: print them, or go back to the supplier's order queue. */
export function SlipActions({ testId, disabled = false }: { testId: string; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button
        type="button"
        className="button button-primary"
        onClick={() => window.print()}
        data-testid={testId}
        disabled={disabled}
      >
        {t('slip.print')}
      </button>
      <Link to="/portal/supplier/orders" className="button button-quiet">
        {t('slip.back')}
      </Link>
    </div>
  );
}
