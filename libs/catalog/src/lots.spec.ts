import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { OrganizationKind, Role } from '@bangfu/core';
import { createOrg, createUserWithRole } from '@bangfu/identity';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { shanghaiToday } from './catalog.rules';
import {
  CREATE_PRODUCT,
  householdFixture,
  PRODUCT,
  startCatalogServer,
  supplierFixture,
  type SupplierFixture,
  variantInput,
  villageOf,
} from './catalog.test-fixtures';

let server: TestServer;
let ds: DataSource;
let coop: SupplierFixture;
let token: string;
let otherToken: string;
let village: string;
let linked: string[];
let unlinked: string;

const CREATE_LOT = `mutation($input: CreateLotInput!) { createLot(input: $input) { id variantId lotNo harvestedOn quantity remaining contributions { householdId quantity } } }`;
const LOTS = `query($v: ID!) { lots(variantId: $v) { lotNo quantity remaining contributions { householdId quantity } } }`;

async function tokenFor(role: Role, options: { organizationId?: string; regionPrefix?: string } = {}) {
  const u = await createUserWithRole(ds, role, options);
  return server.login(u.email, u.password);
}

async function newProduct() {
  const p = (
    await server.gqlOk(
      CREATE_PRODUCT,
      {
        input: {
          title: '梵净山黄牛肉',
          originRegionCode: village,
          variants: [variantInput({ unit: 'kg', stockOnHand: 3 })],
        },
      },
      token,
    )
  ).createProduct;
  return { productId: p.id as string, variantId: p.variants[0].id as string };
}

async function stockOf(variantId: string): Promise<number> {
  return (await ds.query(`SELECT stock_on_hand FROM variant WHERE id = $1`, [variantId]))[0].stock_on_hand;
}

const lotInput = (variantId: string, overrides: Record<string, unknown> = {}) => ({
  variantId,
  lotNo: `JK-${Math.random().toString(36).slice(2, 8)}`,
  harvestedOn: '2025-10-08',
  contributions: [
    { householdId: linked[0], quantity: 30 },
    { householdId: linked[1], quantity: 20 },
  ],
  ...overrides,
});

beforeAll(async () => {
  ({ server, ds } = await startCatalogServer());
  coop = await supplierFixture(ds);
  const other = await supplierFixture(ds, { countyCode: '520627000000' });
  token = await server.login(coop.email, coop.password);
  otherToken = await server.login(other.email, other.password);
  village = await villageOf(ds, '520621');
  linked = [
    await householdFixture(ds, village, coop.id),
    await householdFixture(ds, village, coop.id),
    await householdFixture(ds, village, coop.id),
  ];
  unlinked = await householdFixture(ds, village, other.id);
});
afterAll(() => server?.close());

describe('lots (批次)', () => {
  it('records a lot whose quantity is the sum of contributions and adds it to stock', async () => {
    const { productId, variantId } = await newProduct();
    // before any lot, the income share counts households linked to the supplier
    expect((await server.gqlOk(PRODUCT, { id: productId }, token)).product.incomeShare).toEqual({
      perUnitToHouseholds: null,
      householdCount: 3,
    });
    const lot = (await server.gqlOk(CREATE_LOT, { input: lotInput(variantId, { lotNo: 'JK-2025-001' }) }, token))
      .createLot;
    expect(lot).toMatchObject({
      variantId,
      lotNo: 'JK-2025-001',
      harvestedOn: '2025-10-08',
      quantity: 50,
      remaining: 50,
    });
    expect(lot.contributions).toEqual([
      { householdId: linked[0], quantity: 30 },
      { householdId: linked[1], quantity: 20 },
    ]);
    expect(await stockOf(variantId)).toBe(53);
    await server.gqlOk(
      CREATE_LOT,
      { input: lotInput(variantId, { contributions: [{ householdId: linked[0], quantity: 7 }] }) },
      token,
    );
    expect(await stockOf(variantId)).toBe(60);
    const p = (await server.gqlOk(PRODUCT, { id: productId }, token)).product;
    expect(p.variants[0]).toMatchObject({ stockOnHand: 60, stockAvailable: 60 });
    // now the households that actually contributed
    expect(p.incomeShare.householdCount).toBe(2);
    const lots = (await server.gqlOk(LOTS, { v: variantId }, token)).lots;
    expect(lots.map((l: any) => l.quantity).sort()).toEqual([50, 7]);
  });

  it('refuses households not linked to the supplier, writing neither lot nor stock', async () => {
    const { variantId } = await newProduct();
    const res = await server.gql(
      CREATE_LOT,
      {
        input: lotInput(variantId, {
          contributions: [
            { householdId: linked[0], quantity: 5 },
            { householdId: unlinked, quantity: 5 },
          ],
        }),
      },
      token,
    );
    expect(expectErrorCode(res, 'HOUSEHOLD_NOT_LINKED').extensions?.householdIds).toEqual([unlinked]);
    expect(await stockOf(variantId)).toBe(3);
    expect((await ds.query(`SELECT count(*)::int AS n FROM lot WHERE variant_id = $1`, [variantId]))[0].n).toBe(0);
  });

  it.each([
    ['a zero quantity', { contributions: [{ householdId: 'H0', quantity: 0 }] }, 'INVALID_QUANTITY'],
    ['a negative quantity', { contributions: [{ householdId: 'H0', quantity: -5 }] }, 'INVALID_QUANTITY'],
    ['a fractional quantity', { contributions: [{ householdId: 'H0', quantity: 1.5 }] }, 'BAD_USER_INPUT'],
    ['no contributions', { contributions: [] }, 'BAD_USER_INPUT'],
    [
      'the same household twice',
      {
        contributions: [
          { householdId: 'H0', quantity: 1 },
          { householdId: 'H0', quantity: 2 },
        ],
      },
      'BAD_USER_INPUT',
    ],
    ['a malformed date', { harvestedOn: '2025-13-40' }, 'INVALID_DATE'],
    ['a harvest in the future', { harvestedOn: '2999-01-01' }, 'INVALID_DATE'],
    ['an empty lot number', { lotNo: ' ' }, 'BAD_USER_INPUT'],
  ])('refuses %s', async (_label, overrides, code) => {
    const { variantId } = await newProduct();
    const input = lotInput(variantId, overrides) as { contributions: Array<{ householdId: string }> };
    input.contributions = input.contributions.map((c) => ({
      ...c,
      householdId: c.householdId === 'H0' ? linked[0] : c.householdId,
    }));
    expectErrorCode(await server.gql(CREATE_LOT, { input }, token), code);
    expect(await stockOf(variantId)).toBe(3);
  });

  it('accepts today as a harvest date and refuses a duplicate lot number for the variant', async () => {
    const { variantId } = await newProduct();
    await server.gqlOk(
      CREATE_LOT,
      { input: lotInput(variantId, { lotNo: 'L-1', harvestedOn: shanghaiToday() }) },
      token,
    );
    expectErrorCode(
      await server.gql(CREATE_LOT, { input: lotInput(variantId, { lotNo: 'L-1' }) }, token),
      'DUPLICATE_LOT',
    );
    expect(await stockOf(variantId)).toBe(53);
    // the same number on another variant is fine
    const second = await newProduct();
    await server.gqlOk(CREATE_LOT, { input: lotInput(second.variantId, { lotNo: 'L-1' }) }, token);
  });

  it('allows only the supplier’s own staff to record lots', async () => {
    const { variantId } = await newProduct();
    expectErrorCode(await server.gql(CREATE_LOT, { input: lotInput(variantId) }), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(CREATE_LOT, { input: lotInput(variantId) }, otherToken), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(
        CREATE_LOT,
        { input: lotInput(variantId) },
        await tokenFor(Role.COORDINATOR, { regionPrefix: '5206' }),
      ),
      'FORBIDDEN',
    );
    const staff = await tokenFor(Role.SUPPLIER_STAFF, { organizationId: coop.id });
    await server.gqlOk(CREATE_LOT, { input: lotInput(variantId) }, staff);
    expect(await stockOf(variantId)).toBe(53);
  });

  it('shows lots to staff, coordinators and auditors in scope only', async () => {
    const { variantId } = await newProduct();
    await server.gqlOk(CREATE_LOT, { input: lotInput(variantId) }, token);
    const office = await createOrg(ds, { kind: OrganizationKind.COORDINATION_OFFICE, regionCode: '520600000000' });
    const inScope = await tokenFor(Role.COORDINATOR, { organizationId: office.id, regionPrefix: '5206' });
    const auditor = await tokenFor(Role.AUDITOR, { organizationId: office.id, regionPrefix: '520621' });
    const faraway = await createOrg(ds, { kind: OrganizationKind.COORDINATION_OFFICE, regionCode: '441800000000' });
    const outOfScope = await tokenFor(Role.COORDINATOR, { organizationId: faraway.id, regionPrefix: '4418' });
    for (const t of [token, inScope, auditor])
      expect((await server.gqlOk(LOTS, { v: variantId }, t)).lots).toHaveLength(1);
    expectErrorCode(await server.gql(LOTS, { v: variantId }, outOfScope), 'FORBIDDEN');
    expectErrorCode(await server.gql(LOTS, { v: variantId }, otherToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(LOTS, { v: variantId }, await tokenFor(Role.PURCHASER)), 'FORBIDDEN');
    expectErrorCode(await server.gql(LOTS, { v: variantId }), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(LOTS, { v: '00000000-0000-4000-8000-000000000000' }, token), 'NOT_FOUND');
  });
});
