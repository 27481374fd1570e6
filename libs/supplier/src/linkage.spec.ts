import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { shanghaiDate } from '@bangfu/locale';
import { createHouseholdFixture, createLinkageFixture, createSupplierFixture } from './fixtures';
import { SupplierStatus } from './supplier.entities';
import { type Actor, actor, count, startSupplierServer, villages } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let jiangkou: string[];
let yanhe: string; // a village of 沿河 520627
let supplierA: string;
let staffA: Actor;
let supplierB: string;
let adminB: Actor;
let coordinator: Actor; // 520621
let yanheCoordinator: Actor; // 520627
let hanzhongCoordinator: Actor; // 6107
let ownHousehold: string;
let coordinatorHousehold: string;

const CREATE = `mutation($input: CreateLinkageInput!) { createLinkage(input: $input) {
  id supplierId householdId villageCode type terms shareBasisPoints validFrom validTo active village { name } household { id headName } } }`;
const END = `mutation($id: ID!, $validTo: String!) { endLinkage(id: $id, validTo: $validTo) { id validFrom validTo active } }`;
const LIST = `query($s: ID!) { linkages(supplierId: $s) { id type householdId villageCode household { headName nameMasked } active } }`;
const linkages = () => count(ds, `SELECT count(*) FROM linkage`);

beforeAll(async () => {
  ({ server, ds } = await startSupplierServer());
  jiangkou = await villages(ds, '520621', 2);
  [yanhe] = await villages(ds, '520627', 1);
  supplierA = (await createSupplierFixture(ds, { countyCode: '520621000000' })).supplierId;
  staffA = await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: supplierA });
  supplierB = (await createSupplierFixture(ds, { countyCode: '520627000000' })).supplierId;
  adminB = await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: supplierB });
  coordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '520621' });
  yanheCoordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '520627' });
  hanzhongCoordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '6107' });
  ownHousehold = (
    await createHouseholdFixture(ds, { villageCode: jiangkou[0], headName: '田大姐', createdByOrgId: supplierA })
  ).id;
  coordinatorHousehold = (
    await createHouseholdFixture(ds, { villageCode: jiangkou[1], headName: '龙小妹', createdByOrgId: null })
  ).id;
});
afterAll(() => server?.close());

const input = (over: Record<string, unknown> = {}) => ({
  supplierId: supplierA,
  householdId: ownHousehold,
  type: 'PURCHASE_CONTRACT',
  terms: '茶青保底价 30 元/斤，市场价高于保底价时随行就市',
  validFrom: '2025-03-01',
  validTo: '2027-02-28',
  ...over,
});

describe('creating linkages', () => {
  it('lets supplier staff link a household it registered', async () => {
    const l = (await server.gqlOk(CREATE, { input: input() }, staffA.token)).createLinkage;
    expect(l).toMatchObject({
      supplierId: supplierA,
      householdId: ownHousehold,
      villageCode: null,
      type: 'PURCHASE_CONTRACT',
      validFrom: '2025-03-01',
      validTo: '2027-02-28',
    });
    expect(l.household).toEqual({ id: ownHousehold, headName: '田大姐' });
    expect(l.active).toBe(shanghaiDate() >= '2025-03-01' && shanghaiDate() <= '2027-02-28');
    const [row] = await ds.query(`SELECT created_by_user_id FROM linkage WHERE id = $1`, [l.id]);
    expect(row.created_by_user_id).toBe(staffA.userId);
  });

  it('links a village collective with a dividend share, open-ended', async () => {
    const l = (
      await server.gqlOk(
        CREATE,
        {
          input: input({
            householdId: null,
            villageCode: jiangkou[1],
            type: 'DIVIDEND',
            shareBasisPoints: 1500,
            validTo: null,
            validFrom: '2024-01-01T08:00:00+08:00',
          }),
        },
        staffA.token,
      )
    ).createLinkage;
    expect(l).toMatchObject({
      householdId: null,
      villageCode: jiangkou[1],
      type: 'DIVIDEND',
      shareBasisPoints: 1500,
      validFrom: '2024-01-01',
      validTo: null,
      active: true,
    });
    expect(l.village.name).toBeTruthy();
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const before = await linkages();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ validFrom: '2026-05-01', validTo: '2026-04-30' }, 'INVALID_DATES', 'validTo'],
      [{ validFrom: '2026-02-30' }, 'BAD_USER_INPUT', 'validFrom'],
      [{ validFrom: 'yesterday' }, 'BAD_USER_INPUT', 'validFrom'],
      [{ shareBasisPoints: 10001 }, 'BAD_USER_INPUT', 'shareBasisPoints'],
      [{ shareBasisPoints: -1 }, 'BAD_USER_INPUT', 'shareBasisPoints'],
      [{ villageCode: jiangkou[1] }, 'BAD_USER_INPUT', 'villageCode'], // both targets
      [{ householdId: null }, 'BAD_USER_INPUT', 'householdId'], // neither
      [{ householdId: null, villageCode: '520621101000' }, 'WRONG_REGION_LEVEL', 'villageCode'],
      [{ terms: 'x'.repeat(2001) }, 'BAD_USER_INPUT', 'terms'],
    ];
    for (const [over, code, field] of cases) {
      const e = expectErrorCode(await server.gql(CREATE, { input: input(over) }, staffA.token), code);
      expect(e.extensions?.field).toBe(field);
    }
    expectErrorCode(
      await server.gql(CREATE, { input: input({ householdId: '00000000-0000-4000-8000-000000000000' }) }, staffA.token),
      'NOT_FOUND',
    );
    expectErrorCode(
      await server.gql(CREATE, { input: input({ supplierId: '00000000-0000-4000-8000-000000000000' }) }, staffA.token),
      'NOT_FOUND',
    );
    expect(await linkages()).toBe(before);
  });

  it('forbids another supplier, coordinators out of scope, and staff linking a household someone else registered', async () => {
    const before = await linkages();
    expectErrorCode(await server.gql(CREATE, { input: input() }, adminB.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(CREATE, { input: input() }, hanzhongCoordinator.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(CREATE, { input: input() }, yanheCoordinator.token), 'FORBIDDEN'); // 520627 ≠ 520621
    expectErrorCode(
      await server.gql(CREATE, { input: input({ householdId: coordinatorHousehold }) }, staffA.token),
      'FORBIDDEN',
    );
    const auditor = await actor(server, ds, Role.AUDITOR, { regionPrefix: '5206' });
    expectErrorCode(await server.gql(CREATE, { input: input() }, auditor.token), 'FORBIDDEN');
    expect(await linkages()).toBe(before);
  });

  it('lets the coordinator of the village link any supplier to a household there; the supplier then sees the name', async () => {
    const masked = (
      await server.gqlOk(
        `query($id: ID!) { household(id: $id) { headName } }`,
        { id: coordinatorHousehold },
        staffA.token,
      )
    ).household;
    expect(masked).toBeNull(); // not yet in A's scope
    await server.gqlOk(
      CREATE,
      { input: input({ householdId: coordinatorHousehold, type: 'WAGE', terms: '茶园务工 120 元/天' }) },
      coordinator.token,
    );
    const seen = (
      await server.gqlOk(
        `query($id: ID!) { household(id: $id) { headName nameMasked } }`,
        { id: coordinatorHousehold },
        staffA.token,
      )
    ).household;
    expect(seen).toEqual({ headName: '龙小妹', nameMasked: false });
    // Once linked, the supplier's staff may add further linkages with it.
    await server.gqlOk(
      CREATE,
      { input: input({ householdId: coordinatorHousehold, type: 'LAND_RENT', terms: '土地流转 800 元/亩/年' }) },
      staffA.token,
    );
  });

  it('refuses new linkages for a rejected or revoked supplier', async () => {
    const revoked = (await createSupplierFixture(ds, { status: SupplierStatus.REVOKED, countyCode: '520621000000' }))
      .supplierId;
    const before = await linkages();
    expectErrorCode(
      await server.gql(
        CREATE,
        { input: input({ supplierId: revoked, householdId: null, villageCode: jiangkou[0] }) },
        coordinator.token,
      ),
      'SUPPLIER_NOT_ACTIVE',
    );
    expect(await linkages()).toBe(before);
  });
});

describe('ending linkages', () => {
  it('ends a linkage on a date, never before it started and never later than it already ends', async () => {
    const l = await createLinkageFixture(ds, {
      supplierId: supplierA,
      householdId: ownHousehold,
      validFrom: '2024-01-01',
    });
    const ended = (await server.gqlOk(END, { id: l.id, validTo: '2024-12-31' }, staffA.token)).endLinkage;
    expect(ended).toEqual({ id: l.id, validFrom: '2024-01-01', validTo: '2024-12-31', active: false });
    expectErrorCode(await server.gql(END, { id: l.id, validTo: '2023-12-31' }, staffA.token), 'INVALID_DATES');
    const ext = expectErrorCode(
      await server.gql(END, { id: l.id, validTo: '2025-06-30' }, staffA.token),
      'BAD_USER_INPUT',
    );
    expect(ext.extensions?.field).toBe('validTo');
    await server.gqlOk(END, { id: l.id, validTo: '2024-06-30' }, coordinator.token); // brought forward by the coordinator
    const [row] = await ds.query(`SELECT to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM linkage WHERE id = $1`, [
      l.id,
    ]);
    expect(row.valid_to).toBe('2024-06-30');
  });

  it('forbids another supplier and coordinators out of scope', async () => {
    const l = await createLinkageFixture(ds, {
      supplierId: supplierA,
      householdId: ownHousehold,
      validFrom: '2024-01-01',
    });
    expectErrorCode(await server.gql(END, { id: l.id, validTo: '2025-01-01' }, adminB.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(END, { id: l.id, validTo: '2025-01-01' }, yanheCoordinator.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(END, { id: 'nope', validTo: '2025-01-01' }, staffA.token), 'NOT_FOUND');
    const [row] = await ds.query(`SELECT valid_to FROM linkage WHERE id = $1`, [l.id]);
    expect(row.valid_to).toBeNull();
  });
});

describe('listing linkages', () => {
  it('shows all of a supplier’s linkages to its staff and admins, and only in-region ones to other coordinators', async () => {
    const s = (
      await createSupplierFixture(ds, {
        countyCode: '520621000000',
        kind: 'TRADING_AGENT' as never,
        sourceCountyCodes: ['520627000000'],
      })
    ).supplierId;
    const staff = await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: s });
    const h = await createHouseholdFixture(ds, { villageCode: yanhe, headName: '崔大伯', createdByOrgId: s });
    await createLinkageFixture(ds, { supplierId: s, householdId: h.id });
    await createLinkageFixture(ds, {
      supplierId: s,
      villageCode: jiangkou[0],
      type: 'DIVIDEND' as never,
      shareBasisPoints: 500,
    });

    const own = (await server.gqlOk(LIST, { s }, staff.token)).linkages;
    expect(own).toHaveLength(2);
    expect(own.find((l: { householdId: string | null }) => l.householdId === h.id).household).toEqual({
      headName: '崔大伯',
      nameMasked: false,
    });
    const admin = await actor(server, ds, Role.PLATFORM_ADMIN);
    const forAdmin = (await server.gqlOk(LIST, { s }, admin.token)).linkages;
    expect(forAdmin).toHaveLength(2);
    expect(forAdmin.find((l: { householdId: string | null }) => l.householdId === h.id).household).toEqual({
      headName: '崔**',
      nameMasked: true,
    });

    // The 沿河 coordinator does not cover the supplier's county, only the household's village.
    const yanheOnly = (await server.gqlOk(LIST, { s }, yanheCoordinator.token)).linkages;
    expect(yanheOnly.map((l: { householdId: string }) => l.householdId)).toEqual([h.id]);
    expect((await server.gqlOk(LIST, { s }, coordinator.token)).linkages).toHaveLength(2); // covers its county
    expect((await server.gqlOk(LIST, { s }, hanzhongCoordinator.token)).linkages).toEqual([]);

    expectErrorCode(await server.gql(LIST, { s }, adminB.token), 'FORBIDDEN');
    const farmer = await actor(server, ds, Role.FARMER, { organizationId: s });
    expectErrorCode(await server.gql(LIST, { s }, farmer.token), 'FORBIDDEN');
  });
});
