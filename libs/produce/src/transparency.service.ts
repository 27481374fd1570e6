import { Injectable } from '@nestjs/common';
import { CountyIncomeService } from '@bangfu/attribution';
import { ErrorCode, AppError, Db, type RequestContext } from '@bangfu/core';
import { shanghaiYear } from '@bangfu/locale';
import { normalizePrefix } from '@bangfu/region';
import { CountyTransparency } from './transparency.types';

const TOP = 5;

/** The current year in Asia/Shanghai (the programme's calendar). */
export { shanghaiYear };

/**
 * The public transparency page per county (issue 14): purchase payments from this lib's receipts
 * plus attributed income from attribution's rollups; households are counted once across both and
 * never named. Anyone may read it, so only totals leave this service.
 */
@Injectable()
export class TransparencyService {
  constructor(
    private readonly db: Db,
    private readonly attributed: CountyIncomeService,
  ) {}

  async county(ctx: RequestContext, countyCode: string, year?: number | null): Promise<CountyTransparency> {
    const prefix = normalizePrefix(countyCode, 'countyCode');
    if (prefix.length !== 6)
      throw new AppError(ErrorCode.WRONG_REGION_LEVEL, `${countyCode} is not a county`, { field: 'countyCode' });
    const thisYear = shanghaiYear();
    const y = year ?? thisYear;
    if (!Number.isInteger(y) || y < 2000 || y > thisYear)
      throw new AppError(ErrorCode.INVALID_DATE, `year must be 2000–${thisYear}`, { field: 'year' });

    const m = this.db.manager(ctx);
    // Paid by payment day; pending by receipt month (they have no payment day yet).
    const purchases: Array<{ household_id: string; paid: string; pending: string }> = await m.query(
      `SELECT r.household_id,
              coalesce(sum(p.amount) FILTER (WHERE p.status = 'PAID' AND extract(year FROM p.paid_on) = $2), 0) AS paid,
              coalesce(sum(p.amount) FILTER (WHERE p.status = 'PENDING' AND left(r.period, 4) = $2::text), 0) AS pending
         FROM produce_receipt r JOIN produce_payment p ON p.receipt_id = r.id
        WHERE r.village_code LIKE $1
        GROUP BY r.household_id`,
      [`${prefix}%`, y],
    );
    const crops: Array<{ crop_name: string; unit: string; quantity: string; amount: string }> = await m.query(
      `SELECT o.crop_name, o.unit, sum(r.quantity) AS quantity, sum(r.amount) AS amount
         FROM produce_receipt r JOIN produce_offer o ON o.id = r.offer_id
        WHERE r.village_code LIKE $1 AND left(r.period, 4) = $2::text
        GROUP BY o.crop_name, o.unit ORDER BY sum(r.amount) DESC, o.crop_name LIMIT $3`,
      [`${prefix}%`, y, TOP],
    );
    const income = await this.attributed.countyYear(ctx, prefix, y, TOP);

    const purchasePaid = purchases.reduce((a, r) => a + Number(r.paid), 0);
    const households = new Set(income.householdIds);
    for (const r of purchases) if (Number(r.paid) > 0) households.add(r.household_id);
    return {
      countyCode: prefix.padEnd(12, '0'),
      year: y,
      purchasePaid,
      purchasePending: purchases.reduce((a, r) => a + Number(r.pending), 0),
      attributedIncome: income.householdIncome,
      reachedHouseholds: purchasePaid + income.householdIncome,
      householdsDriven: households.size,
      topProducts: income.products.map((p) => ({
        productId: p.productId,
        productTitle: p.productTitle,
        householdIncome: p.amount,
      })),
      topCrops: crops.map((c) => ({
        cropName: c.crop_name,
        unit: c.unit,
        quantity: Number(c.quantity),
        amount: Number(c.amount),
      })),
    };
  }
}
