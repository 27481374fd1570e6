import { Inject, Injectable } from '@nestjs/common';
import { assertUuid, Db, forbidden, type RequestContext, Role } from '@bangfu/core';
import { SupplierPerformanceService } from '@bangfu/ordering';
import { SupplierService } from '@bangfu/supplier';
import { AFTERSALES_CONFIG, type AftersalesConfig } from './aftersales.rules';
import { SupplierScorecard } from './aftersales.types';
import { AftersalesScope, BUYER_ROLES, SUPPLIER_ROLES } from './scope';
import { SupplierRulesService } from './supplier-rules.service';

const bps = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 10_000) / whole) : null);

/**
 * A supplier's after-sales record: rating, complaint rate, upheld complaints and on-time shipping.
 * Read by the supplier itself, coordinators and auditors of its county, any buyer (who is choosing
 * whom to buy from) and platform admins; warnings only by the supplier, its region and admins.
 */
@Injectable()
export class ScorecardService {
  constructor(
    private readonly db: Db,
    private readonly suppliers: SupplierService,
    private readonly performance: SupplierPerformanceService,
    private readonly scope: AftersalesScope,
    private readonly rules: SupplierRulesService,
    @Inject(AFTERSALES_CONFIG) private readonly config: AftersalesConfig,
  ) {}

  async scorecard(ctx: RequestContext, supplierId: string): Promise<SupplierScorecard> {
    assertUuid(supplierId, 'supplierId');
    const p = ctx.requirePrincipal();
    const profile = await this.suppliers.get(ctx, supplierId);
    const own = p.organizationIds(...SUPPLIER_ROLES).includes(supplierId);
    const insider = own || p.hasRole(Role.PLATFORM_ADMIN) || this.scope.readsRegion(p, profile.countyCode);
    if (!insider && !p.hasRole(...BUYER_ROLES))
      throw forbidden("Only the supplier, its county's coordinators and buyers see this scorecard");
    const em = this.db.manager(ctx);
    const [ratings] = await em.query(
      `SELECT count(*)::int AS n, avg(score)::float8 AS avg FROM supplier_rating WHERE supplier_id = $1`,
      [supplierId],
    );
    const [complaints] = await em.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'UPHELD')::int AS upheld,
              count(*) FILTER (WHERE status = 'UPHELD' AND decided_at > now() - make_interval(days => $2))::int AS upheld_recent,
              count(*) FILTER (WHERE status IN ('OPEN','ANSWERED','UPHOLDING'))::int AS open
         FROM complaint WHERE supplier_id = $1`,
      [supplierId, this.config.upheldWindowDays],
    );
    const shipping = await this.performance.shippingRecord(ctx, supplierId, this.config.onTimeShippingHours);
    return {
      supplierId,
      ratingAverage: ratings.avg === null ? null : Math.round(Number(ratings.avg) * 100) / 100,
      ratingCount: ratings.n,
      deliveredOrders: shipping.delivered,
      complaintCount: complaints.total,
      openComplaints: complaints.open,
      complaintRateBps: bps(complaints.total, shipping.delivered),
      upheldComplaints: complaints.upheld,
      upheldRecent: complaints.upheld_recent,
      upheldWindowDays: this.config.upheldWindowDays,
      shippedOrders: shipping.shipped,
      onTimeShipped: shipping.onTime,
      onTimeShippingBps: bps(shipping.onTime, shipping.shipped),
      onTimeShippingHours: this.config.onTimeShippingHours,
      warnings: insider ? await this.rules.list(ctx, supplierId) : [],
    };
  }
}
