import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  batchLoad,
  type Connection,
  Ctx,
  groupBy,
  PageArgs,
  type RequestContext,
  Role,
  TRADE_READERS,
} from '@bangfu/core';
import { MoneyScalar } from '@bangfu/money';
import { CheckoutService } from './checkout.service';
import { FulfilmentService } from './fulfilment.service';
import { documentUrl, OrderDocumentService } from './order-documents';
import { OrderQueryService } from './order-query.service';
import { OrderService } from './order.service';
import {
  Order,
  OrderDocument,
  OrderHistory,
  OrderLine,
  ShipmentAllocation,
  SupplierOrder,
  SupplierOrderHistory,
} from './ordering.entities';
import {
  AcceptOrderInput,
  type CheckoutOutcome,
  OrderConnection,
  OrderFilter,
  PlaceOrderInput,
  PlaceOrderResult,
  SupplierOrderCounts,
} from './ordering.types';

const BUYERS = [Role.CUSTOMER, Role.PURCHASER, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN];

@Resolver(() => Order)
export class OrderResolver {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly orderService: OrderService,
    private readonly queries: OrderQueryService,
    private readonly fulfilment: FulfilmentService,
    private readonly documentService: OrderDocumentService,
  ) {}

  @Mutation(() => PlaceOrderResult, {
    description:
      'Checkout: one order, one supplier order per supplier; prices from the catalogue; idempotent per key. With buyerOrgId the basket goes through the unit’s procurement policy (PENDING_APPROVAL unless within your limit); agency staff without buyerOrgId buy retail with their own money',
  })
  @Allow(Role.CUSTOMER, Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN)
  placeOrder(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => PlaceOrderInput }) input: PlaceOrderInput,
  ): Promise<CheckoutOutcome> {
    return this.checkout.placeOrder(ctx, input);
  }

  @Mutation(() => Order, {
    description:
      'Agency buyer: pay on delivery (货到付款), PLACED → CONFIRMED; only for an order the unit approved (ORDER_NOT_APPROVED)',
  })
  @Allow(Role.PURCHASER, Role.AGENCY_ADMIN)
  async confirmOrder(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string): Promise<Order> {
    return this.visible(ctx, await this.orderService.confirm(ctx, orderId));
  }

  @Mutation(() => Order, { description: 'Agency buyer: the one 15-day extension of the prepay deadline' })
  @Allow(Role.PURCHASER, Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async extendPaymentDeadline(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
  ): Promise<Order> {
    return this.visible(ctx, await this.orderService.extendPaymentDeadline(ctx, orderId));
  }

  @Mutation(() => Order, {
    description:
      'Buyer: cancel an unpaid order (or one refunded in full) before anything shipped, releasing the reserved stock; a paid order answers ORDER_PAID (ask for a refund), a shipped one ORDER_ALREADY_SHIPPED',
  })
  @Allow(...BUYERS)
  async cancelOrder(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Order> {
    return this.visible(ctx, await this.orderService.cancel(ctx, orderId, reason));
  }

  @Mutation(() => Order, {
    description: 'Agency buyer: 验收 — accept the delivered order with the invoice number and uploaded documents',
  })
  @Allow(Role.PURCHASER, Role.AGENCY_ADMIN)
  async acceptOrder(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('input', { type: () => AcceptOrderInput }) input: AcceptOrderInput,
  ): Promise<Order> {
    return this.visible(ctx, await this.orderService.accept(ctx, orderId, input));
  }

  @Mutation(() => Order, { description: 'Platform admin: settle after acceptance (agency) or delivery (retail)' })
  @Allow(Role.PLATFORM_ADMIN)
  async settleOrder(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string): Promise<Order> {
    return this.visible(ctx, await this.orderService.settle(ctx, orderId));
  }

  @Mutation(() => SupplierOrder, {
    description:
      'Supplier staff: ship your part with carrier and tracking number; units are taken from lots first-in-first-out',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  shipSupplierOrder(
    @Ctx() ctx: RequestContext,
    @Args('supplierOrderId', { type: () => ID }) supplierOrderId: string,
    @Args('carrier', { type: () => String }) carrier: string,
    @Args('trackingNo', { type: () => String }) trackingNo: string,
  ): Promise<SupplierOrder> {
    return this.fulfilment.ship(ctx, supplierOrderId, carrier, trackingNo);
  }

  @Mutation(() => SupplierOrder, {
    description: 'The buyer confirms delivery of a supplier order, or the supplier does with proof',
  })
  @Allow(...BUYERS, Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  confirmDelivery(
    @Ctx() ctx: RequestContext,
    @Args('supplierOrderId', { type: () => ID }) supplierOrderId: string,
    @Args('proof', {
      type: () => String,
      nullable: true,
      description: 'Required from the supplier: signed delivery note reference or photo key',
    })
    proof?: string | null,
  ): Promise<SupplierOrder> {
    return this.fulfilment.confirmDelivery(ctx, supplierOrderId, proof);
  }

  @Query(() => OrderConnection, {
    description: 'Orders in your scope, newest first (suppliers and coordinators see only their part of each order)',
  })
  @Allow(...TRADE_READERS)
  orders(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => OrderFilter, nullable: true }) filter?: OrderFilter | null,
  ): Promise<Connection<Order>> {
    return this.queries.list(ctx, filter ?? {}, page);
  }

  @Query(() => SupplierOrderCounts, {
    description: 'Sizes of the shipping-queue tabs (orders(filter: { supplierId, tab })) of a supplier you work for',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.PLATFORM_ADMIN)
  supplierOrderCounts(
    @Ctx() ctx: RequestContext,
    @Args('supplierId', { type: () => ID }) supplierId: string,
  ): Promise<SupplierOrderCounts> {
    return this.queries.supplierCounts(ctx, supplierId);
  }

  @Query(() => Order, { description: 'One order in your scope' })
  @Allow(...TRADE_READERS)
  order(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Order> {
    return this.queries.view(ctx, id);
  }

  @ResolveField(() => MoneyScalar, {
    description: 'Σ quantity × unit price; for a supplier or coordinator, the total of the parts you see',
  })
  totalAmount(@Parent() order: Order): number {
    if (!order.visibleSupplierIds) return order.totalAmount;
    return (order.loadedSupplierOrders ?? []).reduce((sum, so) => sum + so.subtotal, 0);
  }

  @ResolveField(() => Boolean, { description: 'False when you see only some supplier orders of this order' })
  wholeOrderVisible(@Parent() order: Order): boolean {
    return !order.visibleSupplierIds;
  }

  @ResolveField(() => [SupplierOrder])
  supplierOrders(@Ctx() ctx: RequestContext, @Parent() order: Order): Promise<SupplierOrder[]> {
    return this.queries.supplierOrdersOf(ctx, order);
  }

  @ResolveField(() => [OrderHistory], { description: 'Every move: from, to, actor, time, reason' })
  async history(@Ctx() ctx: RequestContext, @Parent() order: Order): Promise<OrderHistory[]> {
    // Batched: a page of orders with their history costs one query, not one per order.
    return (await batchLoad(ctx, 'order.history', order, (c, orders: Order[]) => this.queries.histories(c, orders)))!;
  }

  @ResolveField(() => [OrderDocument], {
    description: 'Invoice and inspection documents (buyer side and platform only)',
  })
  async documents(@Ctx() ctx: RequestContext, @Parent() order: Order): Promise<OrderDocument[]> {
    if (order.visibleSupplierIds) return [];
    return this.documentService.list(ctx, order.id);
  }

  /** Prepared like a query result, so mutation answers show what the caller may see. */
  private async visible(ctx: RequestContext, order: Order): Promise<Order> {
    await this.queries.prepare(ctx, [order]);
    return order;
  }
}

@Resolver(() => SupplierOrder)
export class SupplierOrderResolver {
  constructor(private readonly queries: OrderQueryService) {}

  @ResolveField(() => [OrderLine])
  async lines(@Ctx() ctx: RequestContext, @Parent() so: SupplierOrder): Promise<OrderLine[]> {
    // Preloaded with the order (prepare) for queries; loaded in one batch otherwise.
    if (so.loadedLines) return so.loadedLines;
    const lines = await batchLoad(ctx, 'supplierOrder.lines', so.id, async (c, ids: string[]) =>
      groupBy(await this.queries.linesOf(c, ids), (l) => l.supplierOrderId),
    );
    return lines ?? [];
  }

  @ResolveField(() => [SupplierOrderHistory])
  async history(@Ctx() ctx: RequestContext, @Parent() so: SupplierOrder): Promise<SupplierOrderHistory[]> {
    const rows = await batchLoad(ctx, 'supplierOrder.history', so.id, async (c, ids: string[]) =>
      groupBy(await this.queries.supplierOrderHistory(c, ids), (h) => h.supplierOrderId),
    );
    return rows ?? [];
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @ResolveField(() => [ShipmentAllocation], {
    description: 'Which lots the shipped units came from (lotId null: not covered by a lot)',
  })
  async allocations(@Ctx() ctx: RequestContext, @Parent() line: OrderLine): Promise<ShipmentAllocation[]> {
    const rows = await batchLoad(ctx, 'orderLine.allocations', line.id, async (c, ids: string[]) =>
      groupBy(await this.fulfilment.allocations(c, ids), (a) => a.orderLineId),
    );
    return rows ?? [];
  }
}

@Resolver(() => OrderDocument)
export class OrderDocumentResolver {
  @ResolveField(() => String, { description: 'Where the buyer or supplier downloads it (signed-in request)' })
  url(@Parent() doc: OrderDocument): string {
    return documentUrl(doc);
  }
}
