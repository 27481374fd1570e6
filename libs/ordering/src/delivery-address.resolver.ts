import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Db, type RequestContext, Role } from '@bangfu/core';
import { AddressSnapshot, maskPhone } from '@bangfu/identity';
import { OrderAccessService } from './order-access.service';
import { Order, SupplierOrder } from './ordering.entities';

const masked = (a: AddressSnapshot): AddressSnapshot => ({ ...a, phone: maskPhone(a.phone) });

/**
 * The delivery address snapshotted at checkout. It is personal data: whole-order readers (buyer,
 * platform) see it in full; the suppliers shipping it see it with the phone masked here and in full
 * through `SupplierOrder.shipTo` (the ship form and the packing slip of their own part); coordinators
 * and auditors, who audit volumes, do not see it at all.
 */
@Resolver(() => Order)
export class OrderDeliveryAddressResolver {
  constructor(private readonly access: OrderAccessService) {}

  @ResolveField(() => AddressSnapshot, {
    nullable: true,
    description:
      'Where it ships (chosen at checkout): in full for the buyer and the platform, phone masked for its suppliers, null for other readers',
  })
  deliveryAddress(@Ctx() ctx: RequestContext, @Parent() order: Order): AddressSnapshot | null {
    if (!order.deliveryAddress) return null;
    if (!order.visibleSupplierIds) return order.deliveryAddress;
    return order.visibleSupplierIds.some((id) => this.access.isSupplierStaff(ctx, id))
      ? masked(order.deliveryAddress)
      : null;
  }
}

@Resolver(() => SupplierOrder)
export class SupplierOrderShipToResolver {
  constructor(
    private readonly db: Db,
    private readonly access: OrderAccessService,
  ) {}

  @ResolveField(() => AddressSnapshot, {
    nullable: true,
    description:
      'Ship form and packing slip: the address with the full phone for staff of this supplier, the buyer and the platform; null for other readers',
  })
  async shipTo(@Ctx() ctx: RequestContext, @Parent() so: SupplierOrder): Promise<AddressSnapshot | null> {
    const [row]: Array<{ delivery_address: AddressSnapshot | null; buyer_user_id: string }> = await this.db
      .manager(ctx)
      .query(`SELECT delivery_address, buyer_user_id FROM orders WHERE id = $1`, [so.orderId]);
    if (!row?.delivery_address) return null;
    const p = ctx.requirePrincipal();
    const full =
      this.access.isSupplierStaff(ctx, so.supplierId) ||
      row.buyer_user_id === p.userId ||
      p.hasRole(Role.PLATFORM_ADMIN);
    return full ? row.delivery_address : null;
  }
}
