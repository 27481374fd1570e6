import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { MAX_CANTEEN_BUDGET, reservedAmountOf } from './filing.service';
import { actor, type Actor, count, FILE, regional, RESERVED_SHARE, startProcurementServer, unit } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let platform: Actor;

const AMEND = `mutation($i: AmendReservedShareInput!) { amendReservedShare(input: $i) { id version canteenMode canteenBudget ratioBps reservedAmount exemptionId coveredOrgIds
  amendments { version kind reason before after } } }`;
const SET_MIN = `mutation($r: String!, $b: Int!) { setJurisdictionMinimum(regionCode: $r, ratioBps: $b) { regionPrefix ratioBps } }`;
const SET_DEADLINE = `mutation($y: Int!, $d: String!) { setFilingDeadline(year: $y, deadline: $d) }`;
const REQUEST_EXEMPTION = `mutation($i: RequestExemptionInput!) { requestExemption(input: $i) { id orgId year ratioBps minimumBps status } }`;
/** The variables of REQUEST_EXEMPTION and AMEND alike: the unit's 2027 ratio, and why. */
const ratio2027 = (orgId: string, ratioBps: number, reason: string) => ({ i: { orgId, year: 2027, ratioBps, reason } });
const APPROVE_EXEMPTION = `mutation($id: ID!) { approveExemption(id: $id, comment: "食堂仅午餐，预算结构特殊") { id status decidedByUserId } }`;
const REJECT_EXEMPTION = `mutation($id: ID!) { rejectExemption(id: $id, reason: "理由不充分") { id status } }`;
const CATERER = `mutation($f: ID!, $i: CatererAccountInput!) { createCatererAccount(filingId: $f, input: $i) { id catererUserId catererName } }`;

async function adminOf(orgId: string): Promise<Actor> {
  return actor(server, ds, Role.AGENCY_ADMIN, { organizationId: orgId });
}

function own(orgId: string, year: number, extra: Record<string, unknown> = {}) {
  return { i: { orgId, year, canteenMode: 'OWN', canteenBudget: 1_000_000_00, ratioBps: 1500, ...extra } };
}

beforeAll(async () => {
  ({ server, ds } = await startProcurementServer());
  platform = await actor(server, ds, Role.PLATFORM_ADMIN);
});
afterAll(() => server?.close());

describe('reserved amount', () => {
  it('is budget × ratio / 10000 rounded half up to the fen, exactly', () => {
    expect(reservedAmountOf(1_234_567, 1250)).toBe(154_321); // 154320.875
    expect(reservedAmountOf(1_000_000_00, 1000)).toBe(10_000_000);
    expect(reservedAmountOf(3, 5000)).toBe(2); // 1.5 → 2
    expect(reservedAmountOf(1, 4999)).toBe(0);
    expect(reservedAmountOf(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('fileReservedShare', () => {
  it('files OWN with the computed reserved amount, the default deadline and the late flag; a second filing is ALREADY_FILED', async () => {
    const u = await unit(ds);
    const admin = await adminOf(u);
    const filed = (await server.gqlOk(FILE, own(u, 2099, { canteenBudget: 1_234_567, ratioBps: 1250 }), admin.token))
      .fileReservedShare;
    expect(filed).toMatchObject({
      orgId: u,
      year: 2099,
      canteenMode: 'OWN',
      canteenBudget: 1_234_567,
      ratioBps: 1250,
      minimumBps: 1000,
      reservedAmount: 154_321,
      late: false,
      deadline: '2099-03-31',
      version: 1,
      coveredOrgIds: [u],
    });
    expect(filed.amendments).toEqual([
      expect.objectContaining({ version: 1, kind: 'FILED', before: null, actorUserId: admin.userId }),
    ]);
    expect(JSON.parse(filed.amendments[0].after)).toMatchObject({ reservedAmount: 154_321, ratioBps: 1250 });

    // This year's deadline (March 31, 2026) has passed: accepted, flagged late.
    const late = (await server.gqlOk(FILE, own(u, 2026), admin.token)).fileReservedShare;
    expect(late).toMatchObject({ late: true, deadline: '2026-03-31', reservedAmount: 15_000_000 });

    const again = await server.gql(FILE, own(u, 2099, { ratioBps: 2000 }), admin.token);
    expectErrorCode(again, 'ALREADY_FILED');
    expect(await count(ds, `SELECT count(*) FROM reserved_share_filing WHERE org_id = $1 AND year = 2099`, [u])).toBe(
      1,
    );
    expect(
      await count(
        ds,
        `SELECT count(*) FROM reserved_share_amendment a JOIN reserved_share_filing f ON f.id = a.filing_id WHERE f.org_id = $1 AND f.year = 2099`,
        [u],
      ),
    ).toBe(1);
    expect(await count(ds, `SELECT ratio_bps FROM reserved_share_filing WHERE org_id = $1 AND year = 2099`, [u])).toBe(
      1250,
    );
  });

  it('uses the configured deadline of the year', async () => {
    expectErrorCode(await server.gql(SET_DEADLINE, { y: 2028, d: '2028-02-30' }, platform.token), 'INVALID_DATE');
    const u = await unit(ds);
    const admin = await adminOf(u);
    expectErrorCode(await server.gql(SET_DEADLINE, { y: 2028, d: '2026-01-15' }, admin.token), 'FORBIDDEN');
    expect((await server.gqlOk(SET_DEADLINE, { y: 2028, d: '2026-01-15' }, platform.token)).setFilingDeadline).toBe(
      '2026-01-15',
    );
    const filed = (await server.gqlOk(FILE, own(u, 2028), admin.token)).fileReservedShare;
    expect(filed).toMatchObject({ deadline: '2026-01-15', late: true });
  });

  it('refuses negative budgets, fractions and bad ratios, writing nothing', async () => {
    const u = await unit(ds);
    const admin = await adminOf(u);
    expectErrorCode(await server.gql(FILE, own(u, 2027, { canteenBudget: -1 }), admin.token), 'INVALID_BUDGET');
    // No canteen's food budget reaches ¥10 billion: 1e15 fen is a typo, and completion would read 0 % forever.
    const huge = expectErrorCode(
      await server.gql(FILE, own(u, 2027, { canteenBudget: 1e15 }), admin.token),
      'INVALID_BUDGET',
    );
    expect(huge.extensions).toMatchObject({ field: 'canteenBudget', max: MAX_CANTEEN_BUDGET });
    expectErrorCode(
      await server.gql(FILE, own(u, 2027, { canteenBudget: MAX_CANTEEN_BUDGET + 1 }), admin.token),
      'INVALID_BUDGET',
    );
    expectErrorCode(await server.gql(FILE, own(u, 2027, { canteenBudget: 100.5 }), admin.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(FILE, own(u, 2027, { ratioBps: 10_001 }), admin.token), 'INVALID_RATIO');
    expectErrorCode(await server.gql(FILE, own(u, 2027, { ratioBps: null }), admin.token), 'INVALID_RATIO');
    expectErrorCode(await server.gql(FILE, own(u, 1999), admin.token), 'INVALID_YEAR');
    expect(await count(ds, `SELECT count(*) FROM reserved_share_filing WHERE org_id = $1`, [u])).toBe(0);
  });

  it('refuses a ratio under the minimum without an exemption (RATIO_BELOW_MINIMUM), nothing half-written', async () => {
    const u = await unit(ds);
    const admin = await adminOf(u);
    const res = await server.gql(FILE, own(u, 2027, { ratioBps: 999 }), admin.token);
    const err = expectErrorCode(res, 'RATIO_BELOW_MINIMUM');
    expect(err.extensions).toMatchObject({ minimumBps: 1000, ratioBps: 999 });
    expect(await count(ds, `SELECT count(*) FROM reserved_share_filing WHERE org_id = $1`, [u])).toBe(0);
    expect(await count(ds, `SELECT count(*) FROM reserved_share_coverage WHERE org_id = $1`, [u])).toBe(0);
  });

  it('lets only agency admins of the unit or a parent unit file', async () => {
    const parent = await unit(ds);
    const child = await unit(ds, { parentId: parent });
    const other = await unit(ds);
    const purchaser = await actor(server, ds, Role.PURCHASER, { organizationId: child });
    expectErrorCode(await server.gql(FILE, own(child, 2027), purchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(FILE, own(child, 2027), (await adminOf(other)).token), 'FORBIDDEN');
    expectErrorCode(await server.gql(FILE, own(parent, 2027), (await adminOf(child)).token), 'FORBIDDEN');
    expect((await server.gqlOk(FILE, own(child, 2027), (await adminOf(parent)).token)).fileReservedShare.orgId).toBe(
      child,
    );
    expect(
      await count(ds, `SELECT count(*) FROM reserved_share_filing WHERE org_id = ANY($1::uuid[])`, [[parent, other]]),
    ).toBe(0);
  });
});

describe('jurisdiction minimums', () => {
  it('are set per province or city by platform admins; the most specific prefix of the unit wins', async () => {
    const guizhouAdmin = await adminOf(await unit(ds));
    expectErrorCode(await server.gql(SET_MIN, { r: '52', b: 3000 }, guizhouAdmin.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(SET_MIN, { r: '520621', b: 3000 }, platform.token), 'WRONG_REGION_LEVEL');
    expectErrorCode(await server.gql(SET_MIN, { r: '52', b: 10_001 }, platform.token), 'INVALID_RATIO');
    expect(
      (await server.gqlOk(SET_MIN, { r: '520000000000', b: 3000 }, platform.token)).setJurisdictionMinimum,
    ).toEqual({ regionPrefix: '52', ratioBps: 3000 });
    await server.gqlOk(SET_MIN, { r: '5206', b: 2000 }, platform.token);

    const tongren = await unit(ds, { regionCode: '520621000000' }); // 铜仁市江口县: city rule 20%
    const guiyang = await unit(ds, { regionCode: '520100000000' }); // 贵阳市: province rule 30%
    const hanzhong = await unit(ds, { regionCode: '610724000000' }); // 陕西: national 10%
    const minimum = async (orgId: string) =>
      (await server.gqlOk(RESERVED_SHARE, { o: orgId, y: 2027 }, (await adminOf(orgId)).token)).reservedShare
        .minimumBps;
    expect(await minimum(tongren)).toBe(2000);
    expect(await minimum(guiyang)).toBe(3000);
    expect(await minimum(hanzhong)).toBe(1000);

    const a = await adminOf(tongren);
    expectErrorCode(await server.gql(FILE, own(tongren, 2027, { ratioBps: 1999 }), a.token), 'RATIO_BELOW_MINIMUM');
    expect(
      (await server.gqlOk(FILE, own(tongren, 2027, { ratioBps: 2000 }), a.token)).fileReservedShare.minimumBps,
    ).toBe(2000);
    expectErrorCode(
      await server.gql(FILE, own(guiyang, 2027, { ratioBps: 2500 }), (await adminOf(guiyang)).token),
      'RATIO_BELOW_MINIMUM',
    );
    expect(
      (await server.gqlOk(FILE, own(hanzhong, 2027, { ratioBps: 1000 }), (await adminOf(hanzhong)).token))
        .fileReservedShare.reservedAmount,
    ).toBe(10_000_000);
    const list = (await server.gqlOk(`{ jurisdictionMinimums { regionPrefix ratioBps } }`, {}, a.token))
      .jurisdictionMinimums;
    expect(list).toEqual(
      expect.arrayContaining([
        { regionPrefix: '52', ratioBps: 3000 },
        { regionPrefix: '5206', ratioBps: 2000 },
      ]),
    );
  });
  // The other tests of this file assume the national 10%.
  afterAll(() => ds.query(`DELETE FROM jurisdiction_minimum`));
});

describe('exemptions', () => {
  it('a coordinator of the unit’s region approves a lower ratio; others may not; filing then succeeds down to that ratio', async () => {
    const u = await unit(ds, { regionCode: '610724000000' });
    const admin = await adminOf(u);
    expectErrorCode(
      await server.gql(REQUEST_EXEMPTION, ratio2027(u, 1000, '无需'), admin.token),
      'EXEMPTION_NOT_NEEDED',
    );
    const ex = (await server.gqlOk(REQUEST_EXEMPTION, ratio2027(u, 500, '食堂仅供应午餐'), admin.token))
      .requestExemption;
    expect(ex).toMatchObject({ status: 'PENDING', minimumBps: 1000, ratioBps: 500 });
    expectErrorCode(
      await server.gql(REQUEST_EXEMPTION, ratio2027(u, 400, '再次申请'), admin.token),
      'EXEMPTION_EXISTS',
    );

    // Pending is not enough.
    expectErrorCode(await server.gql(FILE, own(u, 2027, { ratioBps: 500 }), admin.token), 'RATIO_BELOW_MINIMUM');
    const elsewhere = await regional(server, ds, Role.COORDINATOR, '5206');
    expectErrorCode(await server.gql(APPROVE_EXEMPTION, { id: ex.id }, elsewhere.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(APPROVE_EXEMPTION, { id: ex.id }, admin.token), 'FORBIDDEN');
    const auditor = await regional(server, ds, Role.AUDITOR, '6107');
    expectErrorCode(await server.gql(APPROVE_EXEMPTION, { id: ex.id }, auditor.token), 'FORBIDDEN');
    const coordinator = await regional(server, ds, Role.COORDINATOR, '6107');
    expect((await server.gqlOk(APPROVE_EXEMPTION, { id: ex.id }, coordinator.token)).approveExemption).toMatchObject({
      status: 'APPROVED',
      decidedByUserId: coordinator.userId,
    });
    expectErrorCode(await server.gql(APPROVE_EXEMPTION, { id: ex.id }, coordinator.token), 'EXEMPTION_NOT_PENDING');

    expectErrorCode(await server.gql(FILE, own(u, 2027, { ratioBps: 499 }), admin.token), 'RATIO_BELOW_MINIMUM');
    const filed = (await server.gqlOk(FILE, own(u, 2027, { ratioBps: 500 }), admin.token)).fileReservedShare;
    expect(filed).toMatchObject({ ratioBps: 500, exemptionId: ex.id, reservedAmount: 5_000_000 });
    const seen = (await server.gqlOk(`{ reservedShareExemptions { id status } }`, {}, coordinator.token))
      .reservedShareExemptions;
    expect(seen.map((e: any) => e.id)).toContain(ex.id);
    expect(
      (await server.gqlOk(`{ reservedShareExemptions { id } }`, {}, elsewhere.token)).reservedShareExemptions.map(
        (e: any) => e.id,
      ),
    ).not.toContain(ex.id);
  });

  it('a rejected exemption leaves the minimum in force', async () => {
    const u = await unit(ds, { regionCode: '441882000000' });
    const admin = await adminOf(u);
    const ex = (await server.gqlOk(REQUEST_EXEMPTION, ratio2027(u, 300, '编制少'), admin.token)).requestExemption;
    const coordinator = await regional(server, ds, Role.COORDINATOR, '44');
    expect((await server.gqlOk(REJECT_EXEMPTION, { id: ex.id }, coordinator.token)).rejectExemption.status).toBe(
      'REJECTED',
    );
    expectErrorCode(await server.gql(FILE, own(u, 2027, { ratioBps: 300 }), admin.token), 'RATIO_BELOW_MINIMUM');
    expect(await count(ds, `SELECT count(*) FROM reserved_share_filing WHERE org_id = $1`, [u])).toBe(0);
  });
});

describe('amendReservedShare', () => {
  it('keeps every version with the reason; refused amendments change nothing', async () => {
    const u = await unit(ds, { regionCode: '500229000000' });
    const admin = await adminOf(u);
    await server.gqlOk(FILE, own(u, 2027, { canteenBudget: 200_000_00, ratioBps: 1000 }), admin.token);
    expectErrorCode(await server.gql(AMEND, ratio2027(u, 1200, ' '), admin.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(AMEND, ratio2027(u, 900, '调低'), admin.token), 'RATIO_BELOW_MINIMUM');
    expectErrorCode(
      await server.gql(AMEND, { i: { orgId: u, year: 2027, canteenBudget: -5, reason: '预算调整' } }, admin.token),
      'INVALID_BUDGET',
    );
    expectErrorCode(
      await server.gql(AMEND, { i: { orgId: u, year: 2027, canteenBudget: 1e15, reason: '预算调整' } }, admin.token),
      'INVALID_BUDGET',
    );
    expectErrorCode(await server.gql(AMEND, ratio2027(u, 1000, '无变化'), admin.token), 'NOTHING_TO_AMEND');
    expectErrorCode(
      await server.gql(AMEND, { i: { orgId: u, year: 2029, ratioBps: 1500, reason: '未申报' } }, admin.token),
      'NOT_FILED',
    );
    expect(await count(ds, `SELECT version FROM reserved_share_filing WHERE org_id = $1 AND year = 2027`, [u])).toBe(1);

    const amended = (
      await server.gqlOk(
        AMEND,
        { i: { orgId: u, year: 2027, canteenBudget: 300_000_00, ratioBps: 1250, reason: '追加预算' } },
        admin.token,
      )
    ).amendReservedShare;
    expect(amended).toMatchObject({ version: 2, canteenBudget: 300_000_00, ratioBps: 1250, reservedAmount: 3_750_000 });
    expect(amended.amendments.map((a: any) => [a.version, a.kind, a.reason])).toEqual([
      [1, 'FILED', null],
      [2, 'AMENDED', '追加预算'],
    ]);
    expect(JSON.parse(amended.amendments[1].before)).toMatchObject({
      canteenBudget: 200_000_00,
      ratioBps: 1000,
      reservedAmount: 2_000_000,
    });
    expect(JSON.parse(amended.amendments[1].after)).toMatchObject({
      canteenBudget: 300_000_00,
      ratioBps: 1250,
      reservedAmount: 3_750_000,
    });
    const other = await adminOf(await unit(ds));
    expectErrorCode(await server.gql(AMEND, ratio2027(u, 1300, '越权'), other.token), 'FORBIDDEN');
  });
});

describe('canteen modes', () => {
  it('SHARED: one unit files for the units sharing its canteen; they are covered and cannot file again', async () => {
    const parent = await unit(ds);
    const a = await unit(ds, { parentId: parent });
    const b = await unit(ds, { parentId: parent });
    const stranger = await unit(ds);
    const admin = await adminOf(parent);
    expectErrorCode(
      await server.gql(FILE, own(a, 2027, { canteenMode: 'SHARED' }), admin.token),
      'COVERED_UNITS_REQUIRED',
    );
    expectErrorCode(
      await server.gql(FILE, own(a, 2027, { canteenMode: 'SHARED', coveredOrgIds: [stranger] }), admin.token),
      'FORBIDDEN',
    );
    expectErrorCode(await server.gql(FILE, own(a, 2027, { coveredOrgIds: [b] }), admin.token), 'BAD_USER_INPUT');
    const filed = (await server.gqlOk(FILE, own(a, 2027, { canteenMode: 'SHARED', coveredOrgIds: [b] }), admin.token))
      .fileReservedShare;
    expect(filed.coveredOrgIds).toEqual([a, b]);
    const share = (await server.gqlOk(RESERVED_SHARE, { o: b, y: 2027 }, (await adminOf(b)).token)).reservedShare;
    expect(share).toMatchObject({ filingOrgId: a, coveredOrgIds: [a, b], reservedAmount: filed.reservedAmount });
    expectErrorCode(await server.gql(FILE, own(b, 2027), (await adminOf(b)).token), 'ALREADY_COVERED');
    // Another shared filing cannot claim a unit already covered.
    const c = await unit(ds, { parentId: parent });
    expectErrorCode(
      await server.gql(FILE, own(c, 2027, { canteenMode: 'SHARED', coveredOrgIds: [b] }), admin.token),
      'UNIT_ALREADY_COVERED',
    );
    expect(await count(ds, `SELECT count(*) FROM reserved_share_filing WHERE org_id = $1`, [c])).toBe(0);
  });

  it('OUTSOURCED: names the caterer, who gets its own PURCHASER account under the unit', async () => {
    const u = await unit(ds);
    const admin = await adminOf(u);
    expectErrorCode(
      await server.gql(FILE, own(u, 2027, { canteenMode: 'OUTSOURCED' }), admin.token),
      'CATERER_REQUIRED',
    );
    const filed = (
      await server.gqlOk(
        FILE,
        own(u, 2027, { canteenMode: 'OUTSOURCED', catererName: '铜仁市好味餐饮管理有限公司' }),
        admin.token,
      )
    ).fileReservedShare;
    const input = {
      email: `caterer-${filed.id.slice(0, 8)}@test.bangfu`,
      displayName: '好味餐饮',
      password: 'caterer-password-1',
    };
    const other = await adminOf(await unit(ds));
    expectErrorCode(await server.gql(CATERER, { f: filed.id, i: input }, other.token), 'FORBIDDEN');
    const withCaterer = (await server.gqlOk(CATERER, { f: filed.id, i: input }, admin.token)).createCatererAccount;
    expect(withCaterer.catererUserId).toBeTruthy();
    const memberships = await ds.query(`SELECT role, organization_id FROM membership WHERE user_id = $1`, [
      withCaterer.catererUserId,
    ]);
    expect(memberships).toEqual([{ role: 'PURCHASER', organization_id: u }]);
    const token = await server.login(input.email, input.password);
    expect((await server.gqlOk(RESERVED_SHARE, { o: u, y: 2027 }, token)).reservedShare.filing.catererUserId).toBe(
      withCaterer.catererUserId,
    );
    expectErrorCode(
      await server.gql(CATERER, { f: filed.id, i: { ...input, email: 'x2@test.bangfu' } }, admin.token),
      'CATERER_EXISTS',
    );

    const ownUnit = await unit(ds);
    const ownFiling = (await server.gqlOk(FILE, own(ownUnit, 2027), (await adminOf(ownUnit)).token)).fileReservedShare;
    expectErrorCode(
      await server.gql(
        CATERER,
        { f: ownFiling.id, i: { ...input, email: 'x3@test.bangfu' } },
        await adminOf(ownUnit).then((x) => x.token),
      ),
      'NOT_OUTSOURCED',
    );
    expect(await count(ds, `SELECT count(*) FROM app_user WHERE email IN ('x2@test.bangfu', 'x3@test.bangfu')`)).toBe(
      0,
    );
  });

  it('NONE: exempt, nothing reserved, no completion figure', async () => {
    const u = await unit(ds);
    const admin = await adminOf(u);
    expectErrorCode(
      await server.gql(FILE, own(u, 2027, { canteenMode: 'NONE', ratioBps: 1000 }), admin.token),
      'INVALID_RATIO',
    );
    const filed = (
      await server.gqlOk(FILE, own(u, 2027, { canteenMode: 'NONE', canteenBudget: 0, ratioBps: null }), admin.token)
    ).fileReservedShare;
    expect(filed).toMatchObject({ canteenMode: 'NONE', ratioBps: 0, reservedAmount: 0 });
    const share = (await server.gqlOk(RESERVED_SHARE, { o: u, y: 2027 }, admin.token)).reservedShare;
    expect(share).toMatchObject({ reservedAmount: 0, completionBasisPoints: null, completionPercent: null });
  });
});

describe('reading a unit’s reserved share', () => {
  it('is for the unit, its parents’ admins, coordinators of its region and platform admins', async () => {
    const parent = await unit(ds);
    const u = await unit(ds, { parentId: parent });
    await server.gqlOk(FILE, own(u, 2027), (await adminOf(u)).token);
    const readers = [
      await actor(server, ds, Role.PURCHASER, { organizationId: u }),
      await actor(server, ds, Role.APPROVER, { organizationId: u }),
      await adminOf(parent),
      await regional(server, ds, Role.COORDINATOR, '5206'),
      await regional(server, ds, Role.AUDITOR, '520621'),
      platform,
    ];
    for (const r of readers)
      expect((await server.gqlOk(RESERVED_SHARE, { o: u, y: 2027 }, r.token)).reservedShare.reservedAmount).toBe(
        15_000_000,
      );
    const outsiders = [
      await adminOf(await unit(ds)),
      await regional(server, ds, Role.COORDINATOR, '61'),
      await actor(server, ds, Role.PURCHASER, { organizationId: parent }),
    ];
    for (const r of outsiders)
      expectErrorCode(await server.gql(RESERVED_SHARE, { o: u, y: 2027 }, r.token), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(RESERVED_SHARE, { o: u, y: 2027 }, (await actor(server, ds, Role.CUSTOMER)).token),
      'FORBIDDEN',
    );
    expectErrorCode(await server.gql(RESERVED_SHARE, { o: u, y: 2027 }), 'UNAUTHENTICATED');
  });
});
