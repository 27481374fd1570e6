import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { LinkageType, SupplierKind } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  actor,
  type Actor,
  count,
  household,
  link,
  lot,
  product,
  startAttributionServer,
  supplier,
  villages,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let coop: { supplierId: string };
let staff: Actor;
let otherStaff: Actor;
let admin: Actor;
let coordinator: Actor;
let productId: string;
let village: string;
let unlinkedVillage: string;

const SET = `mutation($input: SetAttributionRuleInput!) { setAttributionRule(input: $input) {
  id supplierId productId version kind effectiveFrom perUnitPayout householdsBasisPoints villageCollectiveBasisPoints cooperativeBasisPoints
  poolBasisPoints villageCode cooperativeOrgId note inForce } }`;
/** setAttributionRule's answer as sent, refusals included. */
const trySetRule = (input: Record<string, unknown>, token: string) => server.gql(SET, { input }, token);
/** An accepted rule version. */
const setRule = async (input: Record<string, unknown>, token: string) =>
  (await server.gqlOk(SET, { input }, token)).setAttributionRule;
const RULES = `query($p: ID, $s: ID) { attributionRules(productId: $p, supplierId: $s) { id version kind productId inForce perUnitPayout } }`;
const SHARE = `query($p: ID!) { productIncomeShare(productId: $p) { productId kind ruleVersion perUnitToHouseholds householdsBasisPoints householdCount variants { retailPrice perUnitToHouseholds } } }`;
const ruleCount = () => count(ds, `SELECT count(*) FROM attribution_rule`);

beforeAll(async () => {
  ({ server, ds } = await startAttributionServer());
  [village, unlinkedVillage] = await villages(ds, '520621', 2);
  coop = await supplier(ds);
  const other = await supplier(ds);
  staff = await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: coop.supplierId });
  otherStaff = await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: other.supplierId });
  admin = await actor(server, ds, Role.PLATFORM_ADMIN);
  coordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '520621' });
  const p = await product(ds, coop.supplierId, [16800, 9900]);
  productId = p.productId;
  const h1 = await household(ds, village);
  const h2 = await household(ds, village);
  await link(ds, coop.supplierId, { householdId: h1 });
  await link(ds, coop.supplierId, { villageCode: village });
  await lot(ds, p.variants[0].id, [
    { householdId: h1, quantity: 60 },
    { householdId: h2, quantity: 40 },
  ]);
});
afterAll(() => server?.close());

describe('setAttributionRule', () => {
  it('supplier staff set versions of their own product’s rule; the newest version in force applies', async () => {
    const v1 = await setRule(
      {
        productId,
        kind: 'REVENUE_SHARE',
        householdsBasisPoints: 5500,
        villageCollectiveBasisPoints: 3000,
        villageCode: village,
        cooperativeBasisPoints: 1500,
      },
      staff.token,
    );
    expect(v1).toMatchObject({
      version: 1,
      kind: 'REVENUE_SHARE',
      supplierId: coop.supplierId,
      cooperativeOrgId: coop.supplierId,
      villageCode: village,
      inForce: true,
    });
    const v2 = await setRule(
      { productId, kind: 'CONTRACT_PURCHASE', perUnitPayout: 4000, note: '收购价 ¥40/盒' },
      staff.token,
    );
    expect(v2).toMatchObject({ version: 2, perUnitPayout: 4000, householdsBasisPoints: 0, note: '收购价 ¥40/盒' });
    const listed = (await server.gqlOk(RULES, { p: productId }, coordinator.token)).attributionRules;
    expect(listed.map((r: any) => [r.version, r.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);
    // The product page shows the version in force: ¥40 per box to households, on the cheaper variant too (¥99 > ¥40).
    const share = (await server.gqlOk(SHARE, { p: productId })).productIncomeShare;
    expect(share).toMatchObject({
      kind: 'CONTRACT_PURCHASE',
      ruleVersion: 2,
      perUnitToHouseholds: 4000,
      householdCount: 2,
    });
    expect(share.variants).toEqual([
      { retailPrice: 9900, perUnitToHouseholds: 4000 },
      { retailPrice: 16800, perUnitToHouseholds: 4000 },
    ]);
  });

  it('a supplier default applies to products without a rule of their own', async () => {
    const p = await product(ds, coop.supplierId, [5000]);
    expect((await server.gqlOk(SHARE, { p: p.productId })).productIncomeShare).toMatchObject({
      kind: null,
      perUnitToHouseholds: null,
    });
    const def = await setRule(
      { supplierId: coop.supplierId, kind: 'REVENUE_SHARE', householdsBasisPoints: 3333 },
      staff.token,
    );
    expect(def).toMatchObject({ productId: null, version: 1 });
    // 3333 bp of ¥50.00 = 1666.5 fen: largest remainder against the 66.67% kept gives the half fen to households.
    expect((await server.gqlOk(SHARE, { p: p.productId })).productIncomeShare).toMatchObject({
      kind: 'REVENUE_SHARE',
      perUnitToHouseholds: 1667,
      householdsBasisPoints: 3333,
    });
    expect((await server.gqlOk(RULES, { s: coop.supplierId }, staff.token)).attributionRules).toEqual([
      expect.objectContaining({ productId: null, inForce: true }),
    ]);
  });

  it('refuses a per-unit payout above the lowest unit price (RULE_EXCEEDS_REVENUE), writing nothing', async () => {
    const before = await ruleCount();
    const res = await trySetRule({ productId, kind: 'CONTRACT_PURCHASE', perUnitPayout: 9901 }, staff.token);
    expect(expectErrorCode(res, 'RULE_EXCEEDS_REVENUE').extensions).toMatchObject({
      field: 'perUnitPayout',
      lowestUnitPrice: 9900,
    });
    // A supplier default is checked against every variant of the supplier.
    expectErrorCode(
      await trySetRule({ supplierId: coop.supplierId, kind: 'CONTRACT_PURCHASE', perUnitPayout: 5001 }, staff.token),
      'RULE_EXCEEDS_REVENUE',
    );
    expect(await ruleCount()).toBe(before);
  });

  it('refuses shares above 100% (SHARES_EXCEED_100)', async () => {
    const before = await ruleCount();
    expectErrorCode(
      await trySetRule(
        {
          productId,
          kind: 'REVENUE_SHARE',
          householdsBasisPoints: 6000,
          villageCollectiveBasisPoints: 3000,
          villageCode: village,
          cooperativeBasisPoints: 1001,
        },
        staff.token,
      ),
      'SHARES_EXCEED_100',
    );
    expectErrorCode(
      await trySetRule({ productId, kind: 'REVENUE_SHARE', householdsBasisPoints: 10001 }, staff.token),
      'SHARES_EXCEED_100',
    );
    expectErrorCode(
      await trySetRule({ productId, kind: 'WAGE', poolBasisPoints: 12000 }, staff.token),
      'SHARES_EXCEED_100',
    );
    // WAGE linkages whose shares add up to more than 100% cannot distribute a pool.
    const s = await supplier(ds);
    const sStaff = await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: s.supplierId });
    for (const bp of [6000, 5000])
      await link(ds, s.supplierId, { householdId: await household(ds, village) }, LinkageType.WAGE, bp);
    expectErrorCode(
      await trySetRule({ supplierId: s.supplierId, kind: 'WAGE', poolBasisPoints: 1000 }, sStaff.token),
      'SHARES_EXCEED_100',
    );
    expect(await ruleCount()).toBe(before);
  });

  it('refuses beneficiaries not linked to the supplier (BENEFICIARY_NOT_LINKED)', async () => {
    const before = await ruleCount();
    const unlinked = await trySetRule(
      {
        productId,
        kind: 'REVENUE_SHARE',
        householdsBasisPoints: 5000,
        villageCollectiveBasisPoints: 3000,
        villageCode: unlinkedVillage,
      },
      staff.token,
    );
    expect(expectErrorCode(unlinked, 'BENEFICIARY_NOT_LINKED').extensions).toMatchObject({ field: 'villageCode' });
    const otherOrg = otherStaff.organizationId;
    expectErrorCode(
      await trySetRule(
        { productId, kind: 'REVENUE_SHARE', cooperativeBasisPoints: 1000, cooperativeOrgId: otherOrg },
        staff.token,
      ),
      'BENEFICIARY_NOT_LINKED',
    );
    // An enterprise is not a cooperative: no cooperative share.
    const enterprise = await supplier(ds, '520621000000', SupplierKind.ENTERPRISE);
    const eStaff = await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: enterprise.supplierId });
    expectErrorCode(
      await trySetRule(
        { supplierId: enterprise.supplierId, kind: 'REVENUE_SHARE', cooperativeBasisPoints: 1000 },
        eStaff.token,
      ),
      'BENEFICIARY_NOT_LINKED',
    );
    // No DIVIDEND linkage with a share: nobody to distribute the pool to.
    expectErrorCode(
      await trySetRule({ productId, kind: 'DIVIDEND', poolBasisPoints: 500 }, staff.token),
      'BENEFICIARY_NOT_LINKED',
    );
    expect(await ruleCount()).toBe(before);
  });

  it('refuses parameters that do not fit the kind, past dates, and dates before the previous version', async () => {
    const future = await setRule(
      { productId, kind: 'CONTRACT_PURCHASE', perUnitPayout: 4500, effectiveFrom: '2099-01-01' },
      admin.token,
    );
    expect(future).toMatchObject({ version: 3, inForce: false });
    expect(new Date(future.effectiveFrom).toISOString()).toBe('2098-12-31T16:00:00.000Z');
    expect(
      (await server.gqlOk(RULES, { p: productId }, staff.token)).attributionRules.map((r: any) => [
        r.version,
        r.inForce,
      ]),
    ).toEqual([
      [3, false],
      [2, true],
      [1, false],
      [1, false], // the supplier default: not applied while the product has its own rule
    ]);
    const before = await ruleCount();
    expect(
      expectErrorCode(
        await trySetRule(
          { productId, kind: 'CONTRACT_PURCHASE', perUnitPayout: 100, householdsBasisPoints: 100 },
          staff.token,
        ),
        'BAD_USER_INPUT',
      ).extensions,
    ).toMatchObject({
      field: 'householdsBasisPoints',
    });
    const rejected: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'CONTRACT_PURCHASE' }, 'BAD_USER_INPUT'],
      [{ kind: 'CONTRACT_PURCHASE', perUnitPayout: 0 }, 'BAD_USER_INPUT'],
      [{ kind: 'REVENUE_SHARE', householdsBasisPoints: -5 }, 'BAD_USER_INPUT'],
      [{ kind: 'REVENUE_SHARE', villageCollectiveBasisPoints: 100 }, 'BAD_USER_INPUT'],
      [{ kind: 'WAGE' }, 'BAD_USER_INPUT'],
      [{ kind: 'CONTRACT_PURCHASE', perUnitPayout: 100, effectiveFrom: '2024-01-01' }, 'RULE_EFFECTIVE_IN_PAST'],
      [{ kind: 'CONTRACT_PURCHASE', perUnitPayout: 100, effectiveFrom: 'soon' }, 'BAD_USER_INPUT'],
      // Version 3 starts in 2099: a new version cannot start before it.
      [
        { kind: 'CONTRACT_PURCHASE', perUnitPayout: 100, effectiveFrom: '2098-01-01' },
        'RULE_EFFECTIVE_BEFORE_PREVIOUS',
      ],
    ];
    for (const [input, code] of rejected) {
      expectErrorCode(await trySetRule({ productId, ...input }, staff.token), code);
    }
    expect(await ruleCount()).toBe(before);
  });

  it('only the supplier’s staff and platform admins set rules; rules are read by staff, coordinators in region and admins', async () => {
    const before = await ruleCount();
    const farmer = await actor(server, ds, Role.FARMER, { organizationId: coop.supplierId });
    const input = { productId, kind: 'CONTRACT_PURCHASE', perUnitPayout: 100 };
    for (const token of [otherStaff.token, coordinator.token, farmer.token]) {
      expectErrorCode(await trySetRule(input, token), 'FORBIDDEN');
    }
    expectErrorCode(await server.gql(SET, { input }), 'UNAUTHENTICATED');
    expect(await ruleCount()).toBe(before);
    expectErrorCode(await server.gql(RULES, { p: productId }, otherStaff.token), 'FORBIDDEN');
    const farAway = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '4418' });
    expectErrorCode(await server.gql(RULES, { p: productId }, farAway.token), 'FORBIDDEN');
    expect((await server.gqlOk(RULES, { p: productId }, admin.token)).attributionRules.length).toBe(4);
  });

  it('rule versions are append-only in the database', async () => {
    await expect(
      ds.query(`UPDATE attribution_rule SET per_unit_payout = 1 WHERE product_id = $1`, [productId]),
    ).rejects.toThrow(/ATTRIBUTION_APPEND_ONLY/);
    await expect(ds.query(`DELETE FROM attribution_rule WHERE product_id = $1`, [productId])).rejects.toThrow(
      /ATTRIBUTION_APPEND_ONLY/,
    );
  });
});
