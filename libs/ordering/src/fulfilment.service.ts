import { OrderingErrorCode } from './ordering.errors';
import { Injectable } from '@nestjs/common';
import { SupplierOrderDelivered, SupplierOrderShipped } from '@bangfu/events';
import { AppError, badInput, Db, forbidden, notFound, type RequestContext } from '@bangfu/core';
import { StockService } from '@bangfu/catalog';
import { OrderAccessService } from './order-access.service';
import { assertId, OrderStateMachine } from './order-state.service';
import { SUPPLIER_ORDER_MACHINE } from './order-transitions';
import {
  ActorKind,
  type Order,
  OrderLine,
  OrderStatus,
  ShipmentAllocation,
  SupplierOrder,
  SupplierOrderStatus,
} from './ordering.entities';

/** Order statuses in which a supplier order may ship: paid (prepay), confirmed (pay on delivery), or already fulfilling. */
export const SHIPPABLE_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set([
  OrderStatus.PAID,
  OrderStatus.CONFIRMED,
  OrderStatus.FULFILLING,
]);
const SHIPPABLE = SHIPPABLE_ORDER_STATUSES;

/** The carrier recorded on supplier orders handed over at a smart counter. */
export const COUNTER_CARRIER = '专柜';

const field = (value: string | null | undefined, name: string, max: number): string => {
  const v = value?.trim() ?? '';
  if (!v) throw badInput(`${name} is required`, { field: name });
  if (v.length > max) throw badInput(`${name} must be at most ${max} characters`, { field: name });
  return v;
};

/** Shipping and delivery of supplier orders, and the order moves they cause (FULFILLING, DELIVERED). */
@Injectable()
export class FulfilmentService {
  constructor(
    private readonly db: Db,
    private readonly machine: OrderStateMachine,
    private readonly stock: StockService,
    private readonly access: OrderAccessService,
  ) {}

  async findSupplierOrder(ctx: RequestContext, supplierOrderId: string): Promise<SupplierOrder> {
    assertId(supplierOrderId, 'SupplierOrder');
    const so = await this.db.repo(ctx, SupplierOrder).findOneBy({ id: supplierOrderId });
    if (!so) throw notFound('SupplierOrder', supplierOrderId);
    return so;
  }

  /**
   * The supplier's staff ship their part: reserved stock becomes an outflow, units are taken from lots
   * FIFO and recorded per line in shipment_allocation (lot NULL for units no lot covers), the supplier
   * order becomes SHIPPED and the order FULFILLING on the first shipment.
   */
  async ship(
    ctx: RequestContext,
    supplierOrderId: string,
    carrierIn: string,
    trackingNoIn: string,
  ): Promise<SupplierOrder> {
    const carrier = field(carrierIn, 'carrier', 100);
    const trackingNo = field(trackingNoIn, 'trackingNo', 100);
    return this.db.transaction(ctx, async (tx) => {
      const { so, order } = await this.lockBoth(tx, supplierOrderId);
      this.access.requireSupplierStaff(tx, so.supplierId);
      if (!SHIPPABLE.has(order.status)) {
        throw new AppError(
          OrderingErrorCode.ORDER_NOT_SHIPPABLE,
          `An order in ${order.status} cannot ship (it ships once paid, or confirmed for pay on delivery)`,
          { status: order.status },
        );
      }
      // Before any stock is taken: a supplier order ships once.
      SUPPLIER_ORDER_MACHINE.assertTransition(so.status, SupplierOrderStatus.SHIPPED, {
        message: `This supplier order is ${so.status}`,
      });

      const allocations = await this.takeStock(tx, so);
      const shipped = await this.machine.moveSupplierOrder(
        tx,
        so,
        SupplierOrderStatus.SHIPPED,
        ActorKind.SUPPLIER,
        { carrier, trackingNo, shippedAt: new Date() },
        null,
        { carrier, trackingNo },
      );
      await this.machine.publish(tx, SupplierOrderShipped, order, order.status, {
        supplierOrderId: so.id,
        supplierId: so.supplierId,
        carrier,
        trackingNo,
        allocations,
      });
      if (order.status !== OrderStatus.FULFILLING) {
        await this.machine.move(tx, order, OrderStatus.FULFILLING, {
          actor: ActorKind.SYSTEM,
          reason: 'first supplier order shipped',
          data: { supplierOrderId: so.id },
        });
      }
      return shipped;
    });
  }

  /**
   * Delivery of one supplier order, confirmed by the buyer, or by the supplier's staff with proof
   * (signed delivery note, photo key). When every supplier order is delivered the order is DELIVERED.
   */
  async confirmDelivery(ctx: RequestContext, supplierOrderId: string, proof?: string | null): Promise<SupplierOrder> {
    return this.db.transaction(ctx, async (tx) => {
      const { so, order } = await this.lockBoth(tx, supplierOrderId);
      let actor: ActorKind;
      let deliveryProof: string | null = null;
      if (await this.access.isBuyer(tx, order)) {
        actor = ActorKind.BUYER;
        deliveryProof = proof?.trim() ? field(proof, 'proof', 500) : null;
      } else if (this.access.isSupplierStaff(tx, so.supplierId)) {
        actor = ActorKind.SUPPLIER;
        if (!proof?.trim())
          throw new AppError(
            OrderingErrorCode.DELIVERY_PROOF_REQUIRED,
            'A supplier confirms delivery with proof (signed delivery note, photo)',
            { field: 'proof' },
          );
        deliveryProof = field(proof, 'proof', 500);
      } else {
        throw forbidden('Only the buyer, or the supplier with proof, confirms delivery');
      }
      SUPPLIER_ORDER_MACHINE.assertTransition(so.status, SupplierOrderStatus.DELIVERED, {
        message: `This supplier order is ${so.status}, not SHIPPED`,
      });
      const delivered = await this.machine.moveSupplierOrder(
        tx,
        so,
        SupplierOrderStatus.DELIVERED,
        actor,
        { deliveredAt: new Date(), deliveryProof },
        null,
        deliveryProof ? { proof: deliveryProof } : {},
      );
      await this.machine.publish(tx, SupplierOrderDelivered, order, order.status, {
        supplierOrderId: so.id,
        supplierId: so.supplierId,
      });
      const all = await this.machine.supplierOrders(tx, order.id);
      const done = all.every(
        (x) => x.status === SupplierOrderStatus.DELIVERED || x.status === SupplierOrderStatus.CANCELLED,
      );
      if (done && order.status === OrderStatus.FULFILLING) {
        await this.machine.move(tx, order, OrderStatus.DELIVERED, {
          actor: ActorKind.SYSTEM,
          reason: 'every supplier order delivered',
        });
      }
      return delivered;
    });
  }

  /**
   * A sale at a smart counter (专柜): the customer paid and took the goods at the counter, so every
   * supplier order of the paid order ships and is delivered at once — stock taken from lots FIFO with
   * allocations recorded exactly as for a shipment (attribution sees the households) — and the order
   * becomes FULFILLING, then DELIVERED. The COUNTER actor's supplier-order moves are guarded to
   * counter-channel orders; the caller (the counter endpoint, which authenticated the device) is trusted.
   * `reference` (the counter's report id) is recorded as the tracking number.
   */
  async handOverAtCounter(ctx: RequestContext, orderId: string, reference: string): Promise<Order> {
    const trackingNo = field(reference, 'reference', 100);
    return this.db.transaction(ctx, async (tx) => {
      const order = await this.machine.lock(tx, orderId);
      if (order.status !== OrderStatus.PAID)
        throw new AppError(
          OrderingErrorCode.ORDER_NOT_SHIPPABLE,
          `A counter sale is handed over once paid (the order is ${order.status})`,
          { status: order.status },
        );
      const supplierOrders = (await this.machine.supplierOrders(tx, order.id)).filter(
        (so) => so.status === SupplierOrderStatus.AWAITING_SHIPMENT,
      );
      const now = new Date();
      for (const so of supplierOrders) {
        const allocations = await this.takeStock(tx, so);
        await this.machine.moveSupplierOrder(
          tx,
          so,
          SupplierOrderStatus.SHIPPED,
          ActorKind.COUNTER,
          { carrier: COUNTER_CARRIER, trackingNo, shippedAt: now },
          'sold at the counter',
          { reference },
        );
        await this.machine.publish(tx, SupplierOrderShipped, order, order.status, {
          supplierOrderId: so.id,
          supplierId: so.supplierId,
          carrier: COUNTER_CARRIER,
          trackingNo,
          allocations,
          counterSale: true,
        });
      }
      let moved = await this.machine.move(tx, order, OrderStatus.FULFILLING, {
        actor: ActorKind.SYSTEM,
        reason: 'handed over at the counter',
        data: { reference },
      });
      for (const so of supplierOrders) {
        await this.machine.moveSupplierOrder(
          tx,
          so,
          SupplierOrderStatus.DELIVERED,
          ActorKind.COUNTER,
          { deliveredAt: now, deliveryProof: `counter report ${trackingNo}` },
          'taken at the counter',
          { reference },
        );
        await this.machine.publish(tx, SupplierOrderDelivered, moved, moved.status, {
          supplierOrderId: so.id,
          supplierId: so.supplierId,
          counterSale: true,
        });
      }
      moved = await this.machine.move(tx, moved, OrderStatus.DELIVERED, {
        actor: ActorKind.SYSTEM,
        reason: 'taken at the counter',
        data: { reference },
      });
      return moved;
    });
  }

  allocations(ctx: RequestContext, lineIds: string[]): Promise<ShipmentAllocation[]> {
    if (lineIds.length === 0) return Promise.resolve([]);
    return this.db
      .repo(ctx, ShipmentAllocation)
      .createQueryBuilder('a')
      .where('a.order_line_id = ANY(:ids::uuid[])', { ids: lineIds })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  /** Turns a supplier order's reservations into an outflow, lot by lot (FIFO), recording each allocation. */
  private async takeStock(
    tx: RequestContext,
    so: SupplierOrder,
  ): Promise<Array<{ lineId: string; lotId: string | null; quantity: number }>> {
    const lines = await this.db
      .repo(tx, OrderLine)
      .find({ where: { supplierOrderId: so.id }, order: { variantId: 'ASC' } });
    const allocations: Array<{ lineId: string; lotId: string | null; quantity: number }> = [];
    for (const line of lines) {
      for (const a of await this.stock.ship(tx, line)) {
        await this.db.repo(tx, ShipmentAllocation).insert({
          orderLineId: line.id,
          supplierOrderId: so.id,
          variantId: line.variantId,
          lotId: a.lotId,
          quantity: a.quantity,
        });
        allocations.push({ lineId: line.id, ...a });
      }
    }
    return allocations;
  }

  /** Locks the order first, then reads its supplier order: the same lock order as every other order move. */
  private async lockBoth(tx: RequestContext, supplierOrderId: string) {
    const found = await this.findSupplierOrder(tx, supplierOrderId);
    const order = await this.machine.lock(tx, found.orderId);
    const so = await this.db.repo(tx, SupplierOrder).findOneByOrFail({ id: supplierOrderId });
    return { so, order };
  }
}
