import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { CONFIRM_DELIVERY, type LotRef, SHIPPED_LOTS, type SupplierOrderData } from '../../api/ordering';
import { ErrorNotice } from '../../components/Feedback';
import { OrderTimeline } from '../../components/OrderTimeline';
import { ShipForm } from '../../components/ShipForm';
import { StatusChip } from '../../components/StatusChip';
import { translateOr, useI18n } from '../../i18n';
import { aliasedQuery } from '../../lib/batch-query';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ActionButton } from '../../components/ActionButton';
import { DataTable } from '../../components/DataTable';
import { Subtotal } from '../../components/CartGroups';

/** Lot numbers for the variants of shipped lines; only the supplier's staff (and auditors) may read lots. */
function useLotNumbers(variantIds: string[], enabled: boolean): Map<string, LotRef> {
  const key = [...new Set(variantIds)].sort().join(',');
  const ids = useMemo(() => (key ? key.split(',') : []), [key]);
  const built = useMemo(() => aliasedQuery<LotRef, LotRef[]>(SHIPPED_LOTS, ids), [ids]);
  const { data } = useQuery(built.document, built.variables, { skip: !enabled || ids.length === 0 });
  return useMemo(
    () => new Map(Object.values(data ?? {}).flatMap((lots) => (lots ?? []).map((l) => [l.id, l] as const))),
    [data],
  );
}

export function SupplierOrderCard({
  so,
  supplierName,
  canShip,
  canConfirmDelivery,
  showLots,
  onChanged,
}: {
  so: SupplierOrderData;
  supplierName: string | null;
  canShip: boolean;
  canConfirmDelivery: boolean;
  /** The reader may read lot numbers (the supplier's staff). */
  showLots: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const [shipping, setShipping] = useState(false);
  const shippedVariants = so.lines.filter((l) => l.allocations.length > 0).map((l) => l.variantId);
  const lots = useLotNumbers(shippedVariants, showLots);
  const confirm = useAction(async () => {
    await api.request(CONFIRM_DELIVERY, { supplierOrderId: so.id });
    onChanged();
  });

  return (
    <section
      className="card supplier-order"
      data-testid="supplier-order"
      data-supplier-id={so.supplierId}
      data-status={so.status}
      aria-label={supplierName ?? t('order.supplierOrder')}
    >
      <header className="supplier-order-head">
        <div>
          <p className="label">{t('order.supplierOrder')}</p>
          <h3 data-testid="supplier-order-supplier">
            {supplierName ? <Link to={`/suppliers/${so.supplierId}`}>{supplierName}</Link> : '…'}
          </h3>
        </div>
        <StatusChip domain="supplierOrderStatus" status={so.status} testId="supplier-order-status" />
      </header>

      <DataTable
        className="order-lines"
        scoped
        columns={[
          t('order.line.product'),
          { label: t('order.line.unitPrice'), num: true, className: 'col-unit' },
          { label: t('order.line.quantity'), num: true },
          { label: t('order.line.total'), num: true },
        ]}
      >
        {so.lines.map((l) => (
          <tr key={l.id} data-testid="order-line">
            <th scope="row">
              <Link to={`/products/${l.productId}`}>{l.productTitle}</Link>
              <span className="muted small block">
                {l.spec} · {translateOr(t, `lineCert.${l.certificationStatus}`, l.certificationStatus)}
                {l.certificateNo ? ` · ${l.certificateNo}` : ''}
              </span>
              {l.allocations.length > 0 && (
                <span className="small block allocations" data-testid="allocations">
                  {t('order.allocations')}{' '}
                  {l.allocations
                    .map((a) =>
                      a.lotId
                        ? t('order.allocation.lot', {
                            lot: lots.get(a.lotId)?.lotNo ?? `#${a.lotId.slice(0, 8)}`,
                            count: a.quantity,
                            unit: l.unit,
                          })
                        : t('order.allocation.noLot', { count: a.quantity, unit: l.unit }),
                    )
                    .join('；')}
                </span>
              )}
            </th>
            <td className="num col-unit">{formatFen(l.unitPrice)}</td>
            <td className="num">
              {l.quantity} {l.unit}
            </td>
            <td className="num">{formatFen(l.lineTotal)}</td>
          </tr>
        ))}
      </DataTable>
      <Subtotal amount={so.subtotal} testId="supplier-order-subtotal" />

      {so.carrier && (
        <dl className="facts shipment" data-testid="shipment">
          <dt>{t('ship.carrier')}</dt>
          <dd data-testid="shipment-carrier">{so.carrier}</dd>
          <dt>{t('ship.trackingNo')}</dt>
          <dd className="mono" data-testid="shipment-tracking">
            {so.trackingNo}
          </dd>
          <dt>{t('ship.shippedAt')}</dt>
          <dd>{formatDateTime(so.shippedAt, locale)}</dd>
          {so.deliveredAt && (
            <>
              <dt>{t('ship.deliveredAt')}</dt>
              <dd>{formatDateTime(so.deliveredAt, locale)}</dd>
            </>
          )}
        </dl>
      )}

      {so.history.length > 0 && (
        <details className="history">
          <summary>{t('history.title')}</summary>
          <OrderTimeline moves={so.history} domain="supplierOrderStatus" testId="supplier-order-timeline" />
        </details>
      )}

      {canConfirmDelivery && (
        <div className="form-actions">
          <ActionButton action={confirm} variant="primary">
            {t('order.confirmDelivery')}
          </ActionButton>
          <ErrorNotice error={confirm.error} />
        </div>
      )}
      {canShip &&
        (shipping ? (
          <ShipForm supplierOrderId={so.id} orderId={so.orderId} onShipped={onChanged} />
        ) : (
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => setShipping(true)}>
              {t('ship.open')}
            </button>
          </div>
        ))}
    </section>
  );
}
