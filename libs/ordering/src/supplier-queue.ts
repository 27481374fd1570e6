import { SHIPPABLE_ORDER_STATUSES } from './fulfilment.service';
import { SupplierOrderStatus } from './ordering.entities';
import { SupplierOrderTab } from './ordering.types';

/**
 * What each shipping-queue tab holds, as SQL over `orders o` for one supplier (:tabSupplierId).
 * TO_SHIP uses the same order statuses fulfilment accepts for shipping, so the queue never offers an
 * order that would be refused (an unpaid prepay order, one awaiting approval or cancelled).
 */
export function supplierTabWhere(tab: SupplierOrderTab): string {
  const part = (extra: string) =>
    `EXISTS (SELECT 1 FROM supplier_order tso WHERE tso.order_id = o.id AND tso.supplier_id = :tabSupplierId${extra})`;
  switch (tab) {
    case SupplierOrderTab.TO_SHIP:
      return `(${part(` AND tso.status = '${SupplierOrderStatus.AWAITING_SHIPMENT}'`)} AND o.status IN (${[...SHIPPABLE_ORDER_STATUSES].map((s) => `'${s}'`).join(', ')}))`;
    case SupplierOrderTab.SHIPPED:
      return part(` AND tso.status = '${SupplierOrderStatus.SHIPPED}'`);
    case SupplierOrderTab.DELIVERED:
      return part(` AND tso.status = '${SupplierOrderStatus.DELIVERED}'`);
    default:
      return part('');
  }
}
