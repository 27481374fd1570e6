import { AftersalesErrorCode } from './aftersales.errors';
import { Injectable } from '@nestjs/common';
import { AppError, assertUuid, badInput, Db, forbidden, type RequestContext, Role } from '@bangfu/core';
import { FulfilmentService, OrderService, SupplierOrderStatus } from '@bangfu/ordering';
import { SupplierRating } from './aftersales.entities';
import { AftersalesNotifier } from './notify';
import { AftersalesScope, SUPPLIER_ROLES } from './scope';
import { SupplierRulesService } from './supplier-rules.service';

export interface RateInput {
  supplierOrderId: string;
  score: number;
  comment?: string | null;
}

/** 评价: the buyer side rates a delivered supplier order once (1–5 and an optional text). */
@Injectable()
export class RatingService {
  constructor(
    private readonly db: Db,
    private readonly fulfilment: FulfilmentService,
    private readonly orders: OrderService,
    private readonly scope: AftersalesScope,
    private readonly rules: SupplierRulesService,
    private readonly notify: AftersalesNotifier,
  ) {}

  async rate(ctx: RequestContext, input: RateInput): Promise<SupplierRating> {
    assertUuid(input.supplierOrderId, 'supplierOrderId');
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
      throw badInput('score must be a whole number from 1 to 5', { field: 'score' });
    const comment = input.comment?.trim() ?? '';
    if (comment.length > 1000) throw badInput('comment must be at most 1000 characters', { field: 'comment' });
    return this.db.transaction(ctx, async (tx) => {
      const so = await this.fulfilment.findSupplierOrder(tx, input.supplierOrderId);
      const order = await this.orders.get(tx, so.orderId);
      if (!(await this.scope.isBuyerOf(tx, order))) throw forbidden('Only the buyer of this order may rate it');
      if (so.status !== SupplierOrderStatus.DELIVERED) {
        throw new AppError(
          AftersalesErrorCode.RATING_NOT_ALLOWED,
          `A supplier order can be rated once delivered (it is ${so.status})`,
          {
            status: so.status,
          },
        );
      }
      // The unique supplier_order_id decides "once" even for two concurrent requests.
      const rows: Array<{ id: string }> = await this.db.manager(tx).query(
        `INSERT INTO supplier_rating (supplier_order_id, order_id, supplier_id, buyer_user_id, score, comment)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (supplier_order_id) DO NOTHING RETURNING id`,
        [so.id, so.orderId, so.supplierId, tx.requirePrincipal().userId, input.score, comment],
      );
      if (!rows.length)
        throw new AppError(AftersalesErrorCode.ALREADY_RATED, 'This supplier order has already been rated', {
          supplierOrderId: so.id,
        });
      await this.notify.supplier(tx, so.supplierId, {
        kind: 'SUPPLIER_RATED',
        title: `订单 ${order.orderNo} 收到 ${input.score} 星评价`,
        data: { orderId: order.id, supplierOrderId: so.id, score: input.score },
      });
      await this.rules.evaluate(tx, so.supplierId);
      return this.db.repo(tx, SupplierRating).findOneByOrFail({ id: rows[0].id });
    });
  }

  /** An order's ratings: all of them for its buyer side (readers of the unit too) and platform admins; a supplier's own for its staff. */
  async forOrder(ctx: RequestContext, orderId: string): Promise<SupplierRating[]> {
    assertUuid(orderId, 'orderId');
    const p = ctx.requirePrincipal();
    const order = await this.orders.get(ctx, orderId);
    const qb = this.db
      .repo(ctx, SupplierRating)
      .createQueryBuilder('r')
      .where('r.order_id = :orderId', { orderId })
      .orderBy('r.created_at', 'ASC');
    const wholeOrder =
      p.hasRole(Role.PLATFORM_ADMIN) ||
      order.buyerUserId === p.userId ||
      (!!order.buyerOrgId && (await this.scope.buyerOrgIds(ctx, p)).includes(order.buyerOrgId));
    if (!wholeOrder) qb.andWhere('r.supplier_id = ANY(:mine::uuid[])', { mine: p.organizationIds(...SUPPLIER_ROLES) });
    return qb.getMany();
  }
}
