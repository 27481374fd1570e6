import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { OrganizationKind, Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { createHouseholdFixture, createLinkageFixture, createSupplierFixture } from './fixtures';
import { householdIdHmac, HouseholdService } from './household.service';
import { idNumberCheckChar } from './masking';
import { SupplierStatus } from './supplier.entities';
import { type Actor, actor, contextFor, count, startSupplierServer, villages } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let jiangkou: string[]; // villages of 江口县 520621
let xixiang: string; // a village of 西乡县 610724
let supplierA: string;
let adminA: Actor;
let staffA: Actor;
let supplierB: string;
let adminB: Actor;
let coordinator: Actor; // 5206
let hanzhongCoordinator: Actor; // 6107
let auditor: Actor; // 520621
let hanzhongAuditor: Actor; // 6107
let platformAdmin: Actor;

const CREATE = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id villageCode headName nameMasked size status createdByOrgId userId village { name level } } }`;
const ONE = `query($id: ID!) { household(id: $id) { id headName nameMasked } }`;
const LIST = `query($filter: HouseholdFilter, $first: Int, $after: String) { households(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id headName nameMasked villageCode status } } } }`;
const LOGIN = `mutation($id: ID!, $phone: String, $email: String, $password: String!) {
  createHouseholdLogin(householdId: $id, phone: $phone, email: $email, password: $password) { id userId headName } }`;
const MINE = `{ myHousehold { id headName nameMasked size status village { code } } }`;

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);

beforeAll(async () => {
  ({ server, ds } = await startSupplierServer());
  jiangkou = await villages(ds, '520621', 3);
  [xixiang] = await villages(ds, '610724', 1);
  const a = await createSupplierFixture(ds, { countyCode: '520621000000', name: '江口县梵净山茶叶合作社' });
  supplierA = a.supplierId;
  adminA = { ...(await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: supplierA })) };
  staffA = await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: supplierA });
  supplierB = (await createSupplierFixture(ds, { countyCode: '520627000000' })).supplierId;
  adminB = await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: supplierB });
  coordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5206' });
  hanzhongCoordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '6107' });
  auditor = await actor(server, ds, Role.AUDITOR, { regionPrefix: '520621' });
  hanzhongAuditor = await actor(server, ds, Role.AUDITOR, { regionPrefix: '6107' });
  platformAdmin = await actor(server, ds, Role.PLATFORM_ADMIN);
});
afterAll(() => server?.close());

const input = (over: Record<string, unknown> = {}) => ({
  villageCode: jiangkou[0],
  headName: '田大姐',
  size: 4,
  status: 'EX_POVERTY',
  ...over,
});
const households = () => count(ds, `SELECT count(*) FROM household`);

describe('registering households', () => {
  it('lets supplier staff register a household in a village, for their own supplier', async () => {
    const h = (
      await server.gqlOk(CREATE, { input: input({ headName: '杨光明', status: 'MONITORED', size: 6 }) }, staffA.token)
    ).createHousehold;
    expect(h).toMatchObject({
      headName: '杨光明',
      nameMasked: false,
      size: 6,
      status: 'MONITORED',
      createdByOrgId: supplierA,
      userId: null,
    });
    expect(h.village.level).toBe(5);
  });

  it('lets a coordinator register a household in a village its prefix covers, and forbids one outside', async () => {
    const h = (
      await server.gqlOk(CREATE, { input: input({ headName: '龙小妹', villageCode: jiangkou[1] }) }, coordinator.token)
    ).createHousehold;
    const [office] = await ds.query(`SELECT organization_id FROM membership WHERE user_id = $1`, [coordinator.userId]);
    expect(h.createdByOrgId).toBe(office.organization_id);
    expect(h.headName).toBe('龙**'); // coordinators see names masked, even their own entries

    const before = await households();
    expectErrorCode(
      await server.gql(CREATE, { input: input({ villageCode: jiangkou[0] }) }, hanzhongCoordinator.token),
      'FORBIDDEN',
    );
    expect(await households()).toBe(before);
  });

  it('forbids other roles and registering for another supplier', async () => {
    const before = await households();
    for (const role of [Role.PURCHASER, Role.AUDITOR, Role.CUSTOMER, Role.PLATFORM_ADMIN]) {
      const who = await actor(server, ds, role, role === Role.AUDITOR ? { regionPrefix: '5206' } : {});
      expectErrorCode(await server.gql(CREATE, { input: input() }, who.token), 'FORBIDDEN');
    }
    expectErrorCode(await server.gql(CREATE, { input: input({ supplierId: supplierA }) }, adminB.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(CREATE, { input: input() }), 'UNAUTHENTICATED');
    expect(await households()).toBe(before);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const before = await households();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ villageCode: '520621101000' }, 'WRONG_REGION_LEVEL', 'villageCode'], // a town
      [{ villageCode: '520621000000' }, 'WRONG_REGION_LEVEL', 'villageCode'], // a county
      [{ villageCode: '520621999999' }, 'UNKNOWN_REGION', 'villageCode'],
      [{ villageCode: '52062110' }, 'INVALID_REGION_CODE', 'villageCode'],
      [{ size: 0 }, 'BAD_USER_INPUT', 'size'],
      [{ size: 31 }, 'BAD_USER_INPUT', 'size'],
      [{ headName: '  ' }, 'BAD_USER_INPUT', 'headName'],
      [{ headName: '名'.repeat(51) }, 'BAD_USER_INPUT', 'headName'],
      [{ idNumber: '52062219800101001X' }, 'INVALID_ID_NUMBER', 'idNumber'], // wrong check character
      [{ idNumber: '12345' }, 'INVALID_ID_NUMBER', 'idNumber'],
    ];
    for (const [over, code, field] of cases) {
      const e = expectErrorCode(await server.gql(CREATE, { input: input(over) }, adminA.token), code);
      expect(e.extensions?.field).toBe(field);
    }
    expect(await households()).toBe(before);
  });

  it('stores only a keyed hash of the ID number and refuses a duplicate with DUPLICATE_HOUSEHOLD', async () => {
    const id = idNumber('52062219850312002');
    const h = (await server.gqlOk(CREATE, { input: input({ headName: '吴德兵', idNumber: id }) }, adminA.token))
      .createHousehold;
    const [row] = await ds.query(`SELECT * FROM household WHERE id = $1`, [h.id]);
    expect(row.id_number_hmac).toBe(householdIdHmac(server.config.JWT_SECRET, id));
    expect(JSON.stringify(row)).not.toContain(id.slice(0, 17));

    const before = await households();
    // Same person, registered again by another supplier or coordinator, with a lower-case x or spaces.
    const dup = expectErrorCode(
      await server.gql(CREATE, { input: input({ idNumber: ` ${id.toLowerCase()} ` }) }, coordinator.token),
      'DUPLICATE_HOUSEHOLD',
    );
    expect(dup.extensions?.field).toBe('idNumber');
    expect(await households()).toBe(before);
  });
});

describe('name masking per caller', () => {
  let h: string;
  let otherLinkedSupplier: string;
  beforeAll(async () => {
    h = (await createHouseholdFixture(ds, { villageCode: jiangkou[2], headName: '田大姐', createdByOrgId: supplierA }))
      .id;
    otherLinkedSupplier = (await createSupplierFixture(ds, { countyCode: '520621000000' })).supplierId;
    // An expired linkage still makes it "its" supplier for privacy purposes.
    await createLinkageFixture(ds, {
      supplierId: otherLinkedSupplier,
      householdId: h,
      validFrom: '2019-01-01',
      validTo: '2020-12-31',
    });
  });
  const seen = async (token: string) => (await server.gqlOk(ONE, { id: h }, token)).household;

  it('shows the full name to the creating supplier, a linked supplier and an auditor covering the village', async () => {
    const linkedStaff = await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: otherLinkedSupplier });
    for (const token of [adminA.token, staffA.token, linkedStaff.token, auditor.token]) {
      expect(await seen(token)).toEqual({ id: h, headName: '田大姐', nameMasked: false });
    }
  });

  it('masks the name for coordinators and platform admins', async () => {
    for (const token of [coordinator.token, platformAdmin.token])
      expect(await seen(token)).toEqual({ id: h, headName: '田**', nameMasked: true });
    const edges = (await server.gqlOk(LIST, { filter: { villageCode: jiangkou[2] } }, coordinator.token)).households
      .edges;
    expect(edges.map((e: { node: { headName: string } }) => e.node.headName)).toEqual(['田**']);
  });

  it('hides the household entirely from callers out of scope', async () => {
    expect(await seen(adminB.token)).toBeNull();
    expect(await seen(hanzhongAuditor.token)).toBeNull();
    expect(await seen(hanzhongCoordinator.token)).toBeNull();
    const purchaser = await actor(server, ds, Role.PURCHASER);
    expectErrorCode(await server.gql(ONE, { id: h }, purchaser.token), 'FORBIDDEN');
  });
});

describe('FARMER logins', () => {
  it('creates a FARMER account in the creating supplier that sees only its own household, unmasked', async () => {
    const mine = await createHouseholdFixture(ds, {
      villageCode: jiangkou[0],
      headName: '冉老三',
      createdByOrgId: supplierA,
    });
    const other = await createHouseholdFixture(ds, {
      villageCode: jiangkou[0],
      headName: '张二嫂',
      createdByOrgId: supplierA,
    });
    const res = (
      await server.gqlOk(LOGIN, { id: mine.id, phone: '13800000001', password: 'farmer-pass-1' }, staffA.token)
    ).createHouseholdLogin;
    expect(res.userId).toBeTruthy();
    const [m] = await ds.query(`SELECT role, organization_id FROM membership WHERE user_id = $1`, [res.userId]);
    expect(m).toEqual({ role: 'FARMER', organization_id: supplierA });

    const farmer = await server.login('13800000001', 'farmer-pass-1');
    expect((await server.gqlOk(MINE, {}, farmer)).myHousehold).toMatchObject({
      id: mine.id,
      headName: '冉老三',
      nameMasked: false,
    });
    const list = (await server.gqlOk(LIST, {}, farmer)).households;
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node.id).toBe(mine.id);
    expect((await server.gqlOk(ONE, { id: other.id }, farmer)).household).toBeNull();
    expectErrorCode(await server.gql(CREATE, { input: input() }, farmer), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(LOGIN, { id: other.id, phone: '13800000009', password: 'farmer-pass-1' }, farmer),
      'FORBIDDEN',
    );
    // Other roles have no household of their own.
    expectErrorCode(await server.gql(MINE, {}, adminA.token), 'FORBIDDEN');

    const again = expectErrorCode(
      await server.gql(LOGIN, { id: mine.id, email: 'ran@test.bangfu', password: 'farmer-pass-1' }, staffA.token),
      'HOUSEHOLD_HAS_LOGIN',
    );
    expect(again.extensions?.field).toBe('householdId');
  });

  it('lets a linked supplier create the login of a coordinator-registered household, and forbids unrelated suppliers', async () => {
    const h = await createHouseholdFixture(ds, { villageCode: jiangkou[1], headName: '杨二叔', createdByOrgId: null });
    await createLinkageFixture(ds, { supplierId: supplierB, householdId: h.id });
    expectErrorCode(
      await server.gql(LOGIN, { id: h.id, email: 'yang@test.bangfu', password: 'farmer-pass-1' }, adminA.token),
      'FORBIDDEN',
    );
    const res = (
      await server.gqlOk(LOGIN, { id: h.id, email: 'yang@test.bangfu', password: 'farmer-pass-1' }, adminB.token)
    ).createHouseholdLogin;
    const [m] = await ds.query(`SELECT organization_id FROM membership WHERE user_id = $1`, [res.userId]);
    expect(m.organization_id).toBe(supplierB);
  });

  it('writes nothing when the account cannot be created', async () => {
    const h = await createHouseholdFixture(ds, { villageCode: jiangkou[0], createdByOrgId: supplierA });
    const users = () => count(ds, `SELECT count(*) FROM app_user`);
    const before = await users();
    expectErrorCode(
      await server.gql(LOGIN, { id: h.id, phone: '13800000002', password: 'short' }, adminA.token),
      'WEAK_PASSWORD',
    );
    expectErrorCode(
      await server.gql(LOGIN, { id: h.id, phone: '12345', password: 'farmer-pass-1' }, adminA.token),
      'BAD_USER_INPUT',
    );
    expectErrorCode(await server.gql(LOGIN, { id: h.id, password: 'farmer-pass-1' }, adminA.token), 'BAD_USER_INPUT');
    expectErrorCode(
      await server.gql(LOGIN, { id: h.id, phone: '13800000001', password: 'farmer-pass-1' }, adminA.token),
      'DUPLICATE_IDENTIFIER',
    ); // taken above
    expectErrorCode(
      await server.gql(
        LOGIN,
        { id: '00000000-0000-4000-8000-000000000000', phone: '13800000003', password: 'farmer-pass-1' },
        adminA.token,
      ),
      'NOT_FOUND',
    );
    expect(await users()).toBe(before);
    const [row] = await ds.query(`SELECT user_id FROM household WHERE id = $1`, [h.id]);
    expect(row.user_id).toBeNull();
  });
});

describe('listing households', () => {
  let hz: string[];
  beforeAll(async () => {
    const farm = (await createSupplierFixture(ds, { countyCode: '610724000000' })).supplierId;
    hz = [];
    for (let i = 0; i < 5; i++) {
      const status = i < 2 ? 'MONITORED' : 'EX_POVERTY';
      hz.push(
        (
          await createHouseholdFixture(ds, {
            villageCode: xixiang,
            headName: `汉中农户${i}`,
            status: status as never,
            createdByOrgId: farm,
          })
        ).id,
      );
    }
  });
  const nodeIds = (conn: { edges: Array<{ node: { id: string } }> }) => conn.edges.map((e) => e.node.id);

  it('scopes by region for coordinators/auditors, and by created-or-linked for suppliers', async () => {
    const hzList = (await server.gqlOk(LIST, { first: 100 }, hanzhongAuditor.token)).households;
    expect(nodeIds(hzList).sort()).toEqual([...hz].sort());
    expect(
      hzList.edges.every(
        (e: { node: { headName: string; nameMasked: boolean } }) =>
          !e.node.nameMasked && e.node.headName.startsWith('汉中农户'),
      ),
    ).toBe(true);

    const coord = nodeIds((await server.gqlOk(LIST, { first: 100 }, hanzhongCoordinator.token)).households);
    expect(coord.sort()).toEqual([...hz].sort());

    // Supplier B sees only what it created or is linked to; none of Hanzhong.
    const b = await server.gqlOk(LIST, { first: 100 }, adminB.token);
    expect(nodeIds(b.households).some((id) => hz.includes(id))).toBe(false);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM household h WHERE h.created_by_org_id = $1 OR EXISTS (SELECT 1 FROM linkage l WHERE l.household_id = h.id AND l.supplier_id = $1)`,
      [supplierB],
    );
    expect(b.households.totalCount).toBe(n);
    expect((await server.gqlOk(LIST, { first: 100 }, platformAdmin.token)).households.totalCount).toBe(
      await households(),
    );
  });

  it('filters by status, region prefix, village and supplier', async () => {
    const monitored = (
      await server.gqlOk(LIST, { filter: { status: 'MONITORED', regionCode: '6107' } }, platformAdmin.token)
    ).households;
    expect(nodeIds(monitored).sort()).toEqual(hz.slice(0, 2).sort());
    const village = (await server.gqlOk(LIST, { filter: { villageCode: xixiang } }, platformAdmin.token)).households;
    expect(village.totalCount).toBe(5);
    const bySupplier = (
      await server.gqlOk(LIST, { filter: { supplierId: supplierA, regionCode: '610724000000' } }, platformAdmin.token)
    ).households;
    expect(bySupplier.totalCount).toBe(0);
    expectErrorCode(await server.gql(LIST, { filter: { regionCode: 'x' } }, platformAdmin.token), 'BAD_USER_INPUT');
  });

  it('pages with cursors, newest first, without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const conn: {
        totalCount: number;
        edges: Array<{ node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
      } = (await server.gqlOk(LIST, { filter: { villageCode: xixiang }, first: 2, after }, hanzhongAuditor.token))
        .households;
      expect(conn.totalCount).toBe(5);
      expect(conn.pageInfo.hasPreviousPage).toBe(page > 0);
      seen.push(...nodeIds(conn));
      expect(conn.pageInfo.hasNextPage).toBe(page < 2);
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual([...hz].reverse());
    expectErrorCode(await server.gql(LIST, { after: 'garbage' }, platformAdmin.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(LIST, { first: 1000 }, platformAdmin.token), 'BAD_USER_INPUT');
  });
});

describe('exported linkage checks', () => {
  it('assertLinked accepts households linked today and names the ones that are not', async () => {
    const service = server.app.get(HouseholdService);
    const ctx = contextFor(adminA.userId, Role.SUPPLIER_ADMIN, supplierA, OrganizationKind.SUPPLIER);
    const s = (await createSupplierFixture(ds, { status: SupplierStatus.APPROVED })).supplierId;
    const [current, ended, future, open, unlinked] = await Promise.all(
      [0, 1, 2, 3, 4].map(() =>
        createHouseholdFixture(ds, { villageCode: jiangkou[0], createdByOrgId: s }).then((h) => h.id),
      ),
    );
    await createLinkageFixture(ds, {
      supplierId: s,
      householdId: current,
      validFrom: '2020-01-01',
      validTo: '2099-12-31',
    });
    await createLinkageFixture(ds, {
      supplierId: s,
      householdId: ended,
      validFrom: '2020-01-01',
      validTo: '2021-01-01',
    });
    await createLinkageFixture(ds, { supplierId: s, householdId: future, validFrom: '2098-01-01' });
    await createLinkageFixture(ds, { supplierId: s, householdId: open, validFrom: '2020-01-01' });
    await createLinkageFixture(ds, { supplierId: supplierB, householdId: unlinked }); // linked, but to someone else

    await expect(service.assertLinked(ctx, s, [current, open, current])).resolves.toBeUndefined();
    await expect(service.assertLinked(ctx, s, [])).resolves.toBeUndefined();
    const err = await service.assertLinked(ctx, s, [current, ended, future, open, unlinked]).catch((e) => e);
    expect(err.code).toBe('HOUSEHOLD_NOT_LINKED');
    expect(err.details.householdIds).toEqual([ended, future, unlinked]);
    expect(await service.linkedHouseholdCount(ctx, s)).toBe(2);

    const pub = (await server.gqlOk(`query($id: ID!) { supplier(id: $id) { linkedHouseholdCount } }`, { id: s }))
      .supplier;
    expect(pub.linkedHouseholdCount).toBe(2);
  });
});
