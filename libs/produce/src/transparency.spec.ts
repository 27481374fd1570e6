import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  ACCEPT,
  COMMIT,
  cooperative,
  CREATE_OFFER,
  farmerHousehold,
  offerInput,
  PAY,
  RECEIVE,
  shanghaiDate,
  startProduceServer,
  variantOf,
  villages,
} from './test-helpers';

const COUNTY = `query($c: String!, $y: Int) { countyTransparency(countyCode: $c, year: $y) {
  countyCode year purchasePaid purchasePending attributedIncome reachedHouseholds householdsDriven
  topProducts { productId productTitle householdIncome } topCrops { cropName unit quantity amount } } }`;

describe('countyTransparency (public, 来自这个县的收入)', () => {
  let server: TestServer;
  let ds: DataSource;
  const year = Number(shanghaiDate().slice(0, 4));
  const month = shanghaiDate().slice(0, 7);

  /** A farmer in the village sells `quantity` 斤 at ¥1.50 to its cooperative; paid when asked. */
  async function sale(village: string, county: string, quantity: number, paid: boolean, headName: string) {
    const { supplierId, staff } = await cooperative(server, ds, county);
    const { householdId, farmer } = await farmerHousehold(server, ds, supplierId, village, headName);
    const offer = (await server.gqlOk(CREATE_OFFER, { input: offerInput({ quantity }) }, farmer.token))
      .createProduceOffer;
    const c = (
      await server.gqlOk(
        COMMIT,
        { offerId: offer.id, quantity, unitPrice: 150, pickupDate: shanghaiDate(1) },
        staff.token,
      )
    ).commitToProduceOffer;
    await server.gqlOk(ACCEPT, { id: c.id }, farmer.token);
    const { variantId, productId } = await variantOf(ds, supplierId);
    const r = (
      await server.gqlOk(
        RECEIVE,
        {
          commitmentId: c.id,
          quantity,
          newLot: { variantId, lotNo: `T-${householdId.slice(0, 8)}`, harvestedOn: shanghaiDate() },
        },
        staff.token,
      )
    ).recordProduceReceipt;
    if (paid) await server.gqlOk(PAY, { receiptId: r.id, method: 'CASH', reference: '现金' }, staff.token);
    return { householdId, supplierId, productId };
  }

  /** Attributed income as attribution's rollups hold it (the engine itself is tested in libs/attribution). */
  async function attribute(
    householdId: string,
    village: string,
    supplierId: string,
    productId: string,
    amount: number,
    period = month,
  ) {
    await ds.query(
      `INSERT INTO attribution_household_month (household_id, period, region_code, status, amount) VALUES ($1, $2, $3, 'EX_POVERTY', $4)`,
      [householdId, period, village, amount],
    );
    await ds.query(
      `INSERT INTO attribution_monthly (beneficiary_key, period, product_id, beneficiary_kind, household_id, village_code, supplier_id, region_code, amount)
       VALUES ($1, $2, $3, 'HOUSEHOLD', $4, $5, $6, $5, $7)`,
      [`H:${householdId}`, period, productId, householdId, village, supplierId, amount],
    );
  }

  beforeAll(async () => {
    ({ server, ds } = await startProduceServer());
  });
  afterAll(() => server?.close());

  it('sums purchase payments and attributed income of the county’s households, counts each household once, names nobody', async () => {
    const [v1, v2] = await villages(ds, '520621', 2);
    const [other] = await villages(ds, '520627', 1);
    const a = await sale(v1, '520621000000', 300, true, '田秀英'); // paid 45000 + attributed 2000
    const b = await sale(v2, '520621000000', 100, false, '杨光明'); // pending 15000 only
    await sale(other, '520627000000', 500, true, '吴德贵'); // another county
    await attribute(a.householdId, v1, a.supplierId, a.productId, 2000);
    await attribute(b.householdId, v2, b.supplierId, b.productId, 0); // no net income: not driven
    await attribute(a.householdId, v1, a.supplierId, a.productId, 99_999, `${year - 1}-06`); // last year

    // Anyone may read it: no token.
    const res = await server.gqlOk(COUNTY, { c: '520621000000' });
    const t = res.countyTransparency;
    expect(t).toMatchObject({
      countyCode: '520621000000',
      year,
      purchasePaid: 45000,
      purchasePending: 15000,
      attributedIncome: 2000,
      reachedHouseholds: 47000,
      householdsDriven: 1,
    });
    expect(t.topProducts).toEqual([{ productId: a.productId, productTitle: '白萝卜', householdIncome: 2000 }]);
    expect(t.topCrops).toEqual([{ cropName: '白萝卜', unit: '斤', quantity: 400, amount: 60000 }]);
    // No personal data: neither names nor household ids appear anywhere in the answer.
    const text = JSON.stringify(res);
    for (const secret of ['田秀英', '杨光明', a.householdId, b.householdId]) expect(text).not.toContain(secret);

    // The 6-digit prefix answers the same; last year has only the attributed 99,999.
    expect((await server.gqlOk(COUNTY, { c: '520621' })).countyTransparency.reachedHouseholds).toBe(47000);
    const last = (await server.gqlOk(COUNTY, { c: '520621', y: year - 1 })).countyTransparency;
    expect(last).toMatchObject({ purchasePaid: 0, attributedIncome: 99_999, householdsDriven: 1 });
  });

  it('refuses what is not a county or a year that has not come, with stable codes', async () => {
    expectErrorCode(await server.gql(COUNTY, { c: '520600000000' }), 'WRONG_REGION_LEVEL');
    expectErrorCode(await server.gql(COUNTY, { c: '520621101000' }), 'WRONG_REGION_LEVEL');
    expectErrorCode(await server.gql(COUNTY, { c: 'abc' }), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(COUNTY, { c: '520621', y: year + 1 }), 'INVALID_DATE');
  });
});
