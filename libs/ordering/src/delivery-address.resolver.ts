import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Db, type RequestContext, Role } from '@bangfu/core';
import { AddressSnapshot, maskPhone } from '@bangfu/identity';
import { OrderAccessService } from './order-access.service';
import { Order, SupplierOrder } from './ordering.entities';

const masked = (a: AddressSnapshot): AddressSnapshot => ({ ...a, phone: maskPhone(a.phone) });

/**
 * The delivery address snapshotted at checkout. The phone is personal data: on the order it is
 * shown in full only to the buyer's side and the platform (whole-order readers); suppliers and
 * coordinators see it masked. A supplier's own staff read it in full through `SupplierOrder.shipTo`,
 * which the ship form and the packing slip use and which only exists for their own part.
 */
@Resolver(() => Order)
export class OrderDeliveryAddressResolver {
  @ResolveField(() => AddressSnapshot, { nullable: true, description: 'Where it ships (chosen at checkout); the phone is masked unless you are the buyer or the platform' })
  deliveryAddress(@Parent() order: Order): AddressSnapshot | null {
    if (!order.deliveryAddress) return null;
    return order.visibleSupplierIds ? masked(order.deliveryAddress) : order.deliveryAddress;
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
    description: 'Ship form and packing slip: the address with the full phone for staff of this supplier, the buyer and the platform; masked for other readers',
  })
  async shipTo(@Ctx() ctx: RequestContext, @Parent() so: SupplierOrder): Promise<AddressSnapshot | null> {
    const [row]: Array<{ delivery_address: AddressSnapshot | null; buyer_user_id: string }> = await this.db
      .manager(ctx)
      .query(`SELECT delivery_address, buyer_user_id FROM orders WHERE id = $1`, [so.orderId]);
    if (!row?.delivery_address) return null;
    const p = ctx.requirePrincipal();
    const full = this.access.isSupplierStaff(ctx, so.supplierId) || row.buyer_user_id === p.userId || p.hasRole(Role.PLATFORM_ADMIN);
    return full ? row.delivery_address : masked(row.delivery_address);
  }
}
