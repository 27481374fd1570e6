import { Injectable } from '@nestjs/common';
import { Db, type RequestContext } from '@bangfu/core';

/** A county's attributed household income over a year, without names or ids leaving the server. */
export interface CountyAttributedYear {
  /** Net income attributed to households in the county's villages, fen. */
  householdIncome: number;
  /** Households with positive net income that year (for the caller to merge with other income). */
  householdIds: string[];
  /** Products by income to the county's households, highest first. */
  products: Array<{ productId: string; productTitle: string; amount: number }>;
}

/**
 * The public transparency page's attributed side (issue 14, 来自这个县的收入): aggregates only, read
 * from the monthly rollups. No scope check here on purpose: it answers totals per product and the
 * household ids are for the calling service's counting, never for display.
 */
@Injectable()
export class CountyIncomeService {
  constructor(private readonly db: Db) {}

  async countyYear(ctx: RequestContext, countyPrefix: string, year: number, topN = 5): Promise<CountyAttributedYear> {
    const m = this.db.manager(ctx);
    const range = [`${countyPrefix}%`, `${year}-01`, `${year}-12`];
    const households: Array<{ household_id: string; amount: string }> = await m.query(
      `SELECT household_id, sum(amount) AS amount FROM attribution_household_month
        WHERE region_code LIKE $1 AND period BETWEEN $2 AND $3 GROUP BY household_id HAVING sum(amount) > 0`,
      range,
    );
    const products: Array<{ product_id: string; title: string; amount: string }> = await m.query(
      `SELECT m.product_id, p.title, sum(m.amount) AS amount
         FROM attribution_monthly m JOIN product_directory p ON p.id = m.product_id
        WHERE m.beneficiary_kind = 'HOUSEHOLD' AND m.region_code LIKE $1 AND m.period BETWEEN $2 AND $3
        GROUP BY m.product_id, p.title HAVING sum(m.amount) > 0
        ORDER BY sum(m.amount) DESC, p.title LIMIT $4`,
      [...range, topN],
    );
    return {
      householdIncome: households.reduce((a, h) => a + Number(h.amount), 0),
      householdIds: households.map((h) => h.household_id),
      products: products.map((p) => ({ productId: p.product_id, productTitle: p.title, amount: Number(p.amount) })),
    };
  }
}
