import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';

export interface ShippingRecord {
  /** Supplier orders delivered to the buyer. */
  delivered: number;
  /** Supplier orders shipped (counter hand-overs excluded: nothing is shipped there). */
  shipped: number;
  /** Of those, shipped within `withinHours` of the order becoming shippable (paid, or confirmed for pay on delivery). */
  onTime: number;
}

/** Read-only figures about a supplier's fulfilment, for other domains (after-sales' scorecard). */
@Injectable()
export class SupplierPerformanceService {
  constructor(private readonly db: Db) {}

  async shippingRecord(ctx: RequestContext, supplierId: string, withinHours: number): Promise<ShippingRecord> {
    const [row] = await this.db.manager(ctx).query(
      `SELECT count(*) FILTER (WHERE so.status = 'DELIVERED')::int AS delivered,
              count(*) FILTER (WHERE so.shipped_at IS NOT NULL AND so.carrier IS DISTINCT FROM '专柜')::int AS shipped,
              count(*) FILTER (WHERE so.shipped_at IS NOT NULL AND so.carrier IS DISTINCT FROM '专柜' AND so.shipped_at <= ready.at + make_interval(hours => $2))::int AS on_time
         FROM supplier_order so
         LEFT JOIN LATERAL (SELECT min(h.created_at) AS at FROM order_history h WHERE h.order_id = so.order_id AND h.to_status IN ('PAID', 'CONFIRMED')) ready ON true
        WHERE so.supplier_id = $1`,
      [supplierId, withinHours],
    );
    return { delivered: row.delivered, shipped: row.shipped, onTime: row.on_time };
  }
}
