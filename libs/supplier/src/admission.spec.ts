import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { AppError, OrganizationKind, Role } from '@bangfu/core';
import { randomCreditCode } from '@bangfu/identity';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { ADMISSION_TRANSITIONS } from './admission';
import { createSupplierFixture } from './fixtures';
import { SupplierKind, SupplierStatus } from './supplier.entities';
import { SupplierService } from './supplier.service';
import { type Actor, actor, contextFor, count, startSupplierServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let admin: Actor;
let coordinator: Actor; // 5206 铜仁市
let outsider: Actor; // 6107 汉中市
let lianzhouCoordinator: Actor; // 4418 清远市

const SUPPLIER_FIELDS = `id name creditCode kind status countyCode linkageMechanism sourceCountyCodes
  county { code name exPovertyCounty path { name } } history { fromStatus toStatus reason actorName createdAt }`;
const APPLY = `mutation($input: ApplyAsSupplierInput!) { applyAsSupplier(input: $input) { ${SUPPLIER_FIELDS} } }`;
const move = (name: string, arg: 'comment' | 'reason') =>
  `mutation($id: ID!, $text: String${arg === 'reason' ? '!' : ''}) { ${name}(supplierId: $id, ${arg}: $text) { id status history { fromStatus toStatus reason actorName } } }`;
const RECOMMEND = move('recommendSupplier', 'comment');
const APPROVE = move('approveSupplier', 'comment');
const REJECT = move('rejectSupplier', 'reason');
const SUSPEND = move('suspendSupplier', 'reason');
const REINSTATE = move('reinstateSupplier', 'comment');
const REVOKE = move('revokeSupplier', 'reason');
const SUPPLIERS = `query($filter: SupplierFilter) { suppliers(filter: $filter) { id name status kind countyCode } }`;
const SUPPLIER = `query($id: ID!) { supplier(id: $id) { ${SUPPLIER_FIELDS} linkedHouseholdCount } }`;

beforeAll(async () => {
  ({ server, ds } = await startSupplierServer());
  admin = await actor(server, ds, Role.PLATFORM_ADMIN, { displayName: '平台管理员' });
  coordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5206', displayName: '铜仁协调员' });
  outsider = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '6107' });
  lianzhouCoordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '4418' });
});
afterAll(() => server?.close());

function applyInput(over: Record<string, unknown> = {}) {
  return {
    name: `江口县梵净山茶叶专业合作社 ${Math.random().toString(36).slice(2, 7)}`,
    creditCode: randomCreditCode('520621'),
    kind: 'COOPERATIVE',
    countyCode: '520621000000',
    linkageMechanism: '订单收购 + 入股分红：保底价收购社员茶青，年终按股分红',
    ...over,
  };
}

/** A fresh applicant (a customer account) and its APPLIED supplier. */
async function applicant(over: Record<string, unknown> = {}): Promise<{ who: Actor; id: string }> {
  const who = await actor(server, ds, Role.CUSTOMER);
  const data = await server.gqlOk(APPLY, { input: applyInput(over) }, who.token);
  return { who, id: data.applyAsSupplier.id };
}

async function statusOf(id: string): Promise<string> {
  const [row] = await ds.query(`SELECT status FROM supplier_profile WHERE organization_id = $1`, [id]);
  return row.status;
}
const events = (id: string) => count(ds, `SELECT count(*) FROM supplier_admission_event WHERE supplier_id = $1`, [id]);
const notices = (id: string) => count(ds, `SELECT count(*) FROM notification WHERE recipient_org_id = $1`, [id]);

describe('applying (applyAsSupplier)', () => {
  it('creates the organisation, the caller’s SUPPLIER_ADMIN membership, the APPLIED profile, a history row and a notification at once', async () => {
    const who = await actor(server, ds, Role.CUSTOMER, { displayName: '王社长' });
    const input = applyInput();
    const s = (await server.gqlOk(APPLY, { input }, who.token)).applyAsSupplier;
    expect(s).toMatchObject({
      name: input.name,
      creditCode: input.creditCode,
      kind: 'COOPERATIVE',
      status: 'APPLIED',
      sourceCountyCodes: [],
    });
    expect(s.county).toMatchObject({ code: '520621000000', name: '江口县', exPovertyCounty: true });
    expect(s.county.path.map((r: { name: string }) => r.name)).toEqual(['贵州省', '铜仁市', '江口县']);
    expect(s.history).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'APPLIED', actorName: '王社长' }),
    ]);

    const [org] = await ds.query(`SELECT kind, region_code, credit_code FROM organization WHERE id = $1`, [s.id]);
    expect(org).toEqual({ kind: 'SUPPLIER', region_code: '520621000000', credit_code: input.creditCode });
    const memberships = await ds.query(`SELECT role FROM membership WHERE user_id = $1 AND organization_id = $2`, [
      who.userId,
      s.id,
    ]);
    expect(memberships).toEqual([{ role: 'SUPPLIER_ADMIN' }]);
    expect(await notices(s.id)).toBe(1);

    // The same token now acts as the supplier's admin (memberships are loaded per request).
    const mine = (await server.gqlOk(SUPPLIERS, {}, who.token)).suppliers;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([s.id]);
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    expectErrorCode(await server.gql(APPLY, { input: applyInput() }), 'UNAUTHENTICATED');
  });

  it('lets only a new account, a customer or a supplier admin apply; officials and staff are FORBIDDEN and nothing is written', async () => {
    for (const role of [
      Role.AUDITOR,
      Role.COORDINATOR,
      Role.PURCHASER,
      Role.APPROVER,
      Role.AGENCY_ADMIN,
      Role.PLATFORM_ADMIN,
      Role.SUPPLIER_STAFF,
    ]) {
      const who = await actor(
        server,
        ds,
        role,
        role === Role.AUDITOR || role === Role.COORDINATOR ? { regionPrefix: '5206' } : {},
      );
      const input = applyInput();
      const err = expectErrorCode(await server.gql(APPLY, { input }, who.token), 'FORBIDDEN');
      expect(err.extensions).toMatchObject({ reason: 'HAS_OTHER_ROLES', roles: [role] });
      expect(await count(ds, `SELECT count(*) FROM organization WHERE credit_code = $1`, [input.creditCode])).toBe(0);
    }
    // a freshly registered account (CUSTOMER) and an existing supplier admin may
    await server.gqlOk('mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { accepted } }', {
      input: { email: 'new-applicant@test.bangfu', displayName: '新申请人', password: 'apply-passphrase-1' },
    });
    const fresh = await server.login('new-applicant@test.bangfu', 'apply-passphrase-1');
    expect((await server.gqlOk(APPLY, { input: applyInput() }, fresh)).applyAsSupplier.status).toBe('APPLIED');
    const { who } = await applicant();
    expect(
      (await server.gqlOk(APPLY, { input: applyInput() }, await server.login(who.email, who.password))).applyAsSupplier
        .status,
    ).toBe('APPLIED');
  });

  it('lets a farmer household apply as a FAMILY_FARM from its own login (issue 14), but as nothing else', async () => {
    const farmer = await actor(server, ds, Role.FARMER);
    const cooperative = applyInput();
    const err = expectErrorCode(await server.gql(APPLY, { input: cooperative }, farmer.token), 'FORBIDDEN');
    expect(err.extensions).toMatchObject({ reason: 'HAS_OTHER_ROLES', roles: ['FARMER'] });
    expect(await count(ds, `SELECT count(*) FROM organization WHERE credit_code = $1`, [cooperative.creditCode])).toBe(
      0,
    );
    const farm = applyInput({ kind: 'FAMILY_FARM' });
    const applied = (await server.gqlOk(APPLY, { input: farm }, farmer.token)).applyAsSupplier;
    expect(applied).toMatchObject({ kind: 'FAMILY_FARM', status: 'APPLIED' });
    expect(
      await count(ds, `SELECT count(*) FROM membership WHERE user_id = $1 AND role IN ('FARMER', 'SUPPLIER_ADMIN')`, [
        farmer.userId,
      ]),
    ).toBe(2);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const who = await actor(server, ds, Role.CUSTOMER);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ creditCode: '91520621MA6DJ5XY3A' }, 'INVALID_CREDIT_CODE'],
      [{ creditCode: '' }, 'INVALID_CREDIT_CODE'],
      [{ countyCode: '520621101000' }, 'WRONG_REGION_LEVEL'],
      [{ countyCode: '520600000000' }, 'WRONG_REGION_LEVEL'],
      [{ countyCode: '5206' }, 'INVALID_REGION_CODE'],
      [{ countyCode: '529999000000' }, 'UNKNOWN_REGION'],
      [{ linkageMechanism: '   ' }, 'BAD_USER_INPUT'],
      [{ name: '' }, 'BAD_USER_INPUT'],
      [{ sourceCountyCodes: ['520627000000'] }, 'BAD_USER_INPUT'], // only trading agents list sources
      [{ kind: 'TRADING_AGENT', sourceCountyCodes: ['520627101000'] }, 'WRONG_REGION_LEVEL'],
    ];
    for (const [over, code] of cases) {
      const input = applyInput(over);
      expectErrorCode(await server.gql(APPLY, { input }, who.token), code);
      expect(await count(ds, `SELECT count(*) FROM organization WHERE name = $1`, [input.name])).toBe(0);
    }
    expect(await count(ds, `SELECT count(*) FROM membership WHERE user_id = $1`, [who.userId])).toBe(1); // only its CUSTOMER role
  });

  it('refuses a duplicate credit code with DUPLICATE_CREDIT_CODE and leaves no membership behind', async () => {
    const first = applyInput();
    await applicant({ creditCode: first.creditCode });
    const who = await actor(server, ds, Role.CUSTOMER);
    expectErrorCode(
      await server.gql(APPLY, { input: applyInput({ creditCode: first.creditCode.toLowerCase() }) }, who.token),
      'DUPLICATE_CREDIT_CODE',
    );
    expect(await count(ds, `SELECT count(*) FROM organization WHERE credit_code = $1`, [first.creditCode])).toBe(1);
    expect(
      await count(ds, `SELECT count(*) FROM membership WHERE user_id = $1 AND role = 'SUPPLIER_ADMIN'`, [who.userId]),
    ).toBe(0);
  });
});

describe('the admission workflow', () => {
  it('runs APPLIED → RECOMMENDED → APPROVED → SUSPENDED → APPROVED → REVOKED with history and a notification per move', async () => {
    const { who, id } = await applicant();
    await server.gqlOk(RECOMMEND, { id, text: '已实地核查，带动脱贫户 32 户' }, coordinator.token);
    await server.gqlOk(APPROVE, { id, text: null }, admin.token);
    await server.gqlOk(SUSPEND, { id, text: '抽检农残超标' }, admin.token);
    await server.gqlOk(REINSTATE, { id }, admin.token);
    const revoked = (await server.gqlOk(REVOKE, { id, text: '虚报带贫数据' }, admin.token)).revokeSupplier;
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.history).toEqual([
      { fromStatus: null, toStatus: 'APPLIED', reason: null, actorName: 'CUSTOMER' },
      {
        fromStatus: 'APPLIED',
        toStatus: 'RECOMMENDED',
        reason: '已实地核查，带动脱贫户 32 户',
        actorName: '铜仁协调员',
      },
      { fromStatus: 'RECOMMENDED', toStatus: 'APPROVED', reason: null, actorName: '平台管理员' },
      { fromStatus: 'APPROVED', toStatus: 'SUSPENDED', reason: '抽检农残超标', actorName: '平台管理员' },
      { fromStatus: 'SUSPENDED', toStatus: 'APPROVED', reason: null, actorName: '平台管理员' },
      { fromStatus: 'APPROVED', toStatus: 'REVOKED', reason: '虚报带贫数据', actorName: '平台管理员' },
    ]);
    const [{ actors }] = await ds.query(
      `SELECT array_agg(actor_user_id ORDER BY created_at) AS actors FROM supplier_admission_event WHERE supplier_id = $1`,
      [id],
    );
    expect(actors).toEqual([who.userId, coordinator.userId, admin.userId, admin.userId, admin.userId, admin.userId]);

    // The applicant reads them in its notification list (addressed to its organisation).
    const list = (await server.gqlOk(`{ notifications { kind title body data } }`, {}, who.token)).notifications;
    expect(list.map((n: { kind: string }) => n.kind)).toEqual([
      'SUPPLIER_REVOKED',
      'SUPPLIER_APPROVED',
      'SUPPLIER_SUSPENDED',
      'SUPPLIER_APPROVED',
      'SUPPLIER_RECOMMENDED',
      'SUPPLIER_APPLIED',
    ]);
    expect(list[0].body).toBe('虚报带贫数据');
    expect(JSON.parse(list[0].data)).toEqual({ supplierId: id, fromStatus: 'APPROVED', toStatus: 'REVOKED' });
  });

  it('lets a coordinator reject an application and a platform admin reject a recommendation, with reasons', async () => {
    const a = await applicant();
    const r1 = (await server.gqlOk(REJECT, { id: a.id, text: '材料不全' }, coordinator.token)).rejectSupplier;
    expect(r1.status).toBe('REJECTED');
    expect(r1.history.at(-1)).toEqual({
      fromStatus: 'APPLIED',
      toStatus: 'REJECTED',
      reason: '材料不全',
      actorName: '铜仁协调员',
    });

    const b = await applicant();
    await server.gqlOk(RECOMMEND, { id: b.id }, coordinator.token);
    const r2 = (await server.gqlOk(REJECT, { id: b.id, text: '联农带农机制不清' }, admin.token)).rejectSupplier;
    expect(r2.status).toBe('REJECTED');
    expect(await events(b.id)).toBe(3);
    expect(await notices(b.id)).toBe(3);
  });

  it('refuses moves by the wrong role or outside the coordinator’s region with FORBIDDEN, changing nothing', async () => {
    const { who, id } = await applicant();
    const otherSupplier = await createSupplierFixture(ds, { status: SupplierStatus.APPROVED });
    const otherAdmin = await server.login(otherSupplier.admin.email, otherSupplier.admin.password);
    const auditor = await actor(server, ds, Role.AUDITOR, { regionPrefix: '5206' });

    expectErrorCode(await server.gql(RECOMMEND, { id }, outsider.token), 'FORBIDDEN'); // 6107 does not cover 520621
    expectErrorCode(await server.gql(REJECT, { id, text: '不在本辖区' }, outsider.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(RECOMMEND, { id }, who.token), 'FORBIDDEN'); // the supplier itself
    expectErrorCode(await server.gql(RECOMMEND, { id }, auditor.token), 'FORBIDDEN'); // read-only
    expectErrorCode(await server.gql(RECOMMEND, { id }, admin.token), 'FORBIDDEN'); // recommending is the county's call
    expectErrorCode(await server.gql(REJECT, { id, text: '直接驳回' }, admin.token), 'FORBIDDEN'); // APPLIED is rejected by the coordinator
    expect(await statusOf(id)).toBe('APPLIED');

    await server.gqlOk(RECOMMEND, { id }, coordinator.token);
    expectErrorCode(await server.gql(APPROVE, { id }, who.token), 'FORBIDDEN'); // approving itself
    expectErrorCode(await server.gql(APPROVE, { id }, otherAdmin), 'FORBIDDEN');
    expectErrorCode(await server.gql(APPROVE, { id }, coordinator.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(REJECT, { id, text: '协调员不能驳回已推荐' }, coordinator.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(APPROVE, { id }), 'UNAUTHENTICATED');
    expect(await statusOf(id)).toBe('RECOMMENDED');
    expect(await events(id)).toBe(2);
    expect(await notices(id)).toBe(2);
  });

  it('refuses moves the table does not allow from the current state with INVALID_TRANSITION', async () => {
    const { id } = await applicant();
    const e = expectErrorCode(await server.gql(APPROVE, { id }, admin.token), 'INVALID_TRANSITION'); // approve from APPLIED
    expect(e.extensions).toMatchObject({ from: 'APPLIED', action: 'APPROVE' });
    expectErrorCode(await server.gql(SUSPEND, { id, text: '暂停' }, admin.token), 'INVALID_TRANSITION');
    expectErrorCode(await server.gql(REINSTATE, { id }, admin.token), 'INVALID_TRANSITION');
    expectErrorCode(await server.gql(REVOKE, { id, text: '撤销' }, admin.token), 'INVALID_TRANSITION');
    await server.gqlOk(RECOMMEND, { id }, coordinator.token);
    expectErrorCode(await server.gql(RECOMMEND, { id }, coordinator.token), 'INVALID_TRANSITION'); // twice
    await server.gqlOk(APPROVE, { id }, admin.token);
    expectErrorCode(await server.gql(APPROVE, { id }, admin.token), 'INVALID_TRANSITION');
    expectErrorCode(await server.gql(REINSTATE, { id }, admin.token), 'INVALID_TRANSITION'); // not suspended
    await server.gqlOk(REVOKE, { id, text: '主动退出' }, admin.token);
    for (const m of [APPROVE, REINSTATE])
      expectErrorCode(await server.gql(m, { id }, admin.token), 'INVALID_TRANSITION');
    expectErrorCode(await server.gql(SUSPEND, { id, text: '再暂停' }, admin.token), 'INVALID_TRANSITION');
    expect(await statusOf(id)).toBe('REVOKED');
    expect(await events(id)).toBe(4);

    const rejected = await applicant();
    await server.gqlOk(REJECT, { id: rejected.id, text: '不符合' }, coordinator.token);
    expectErrorCode(await server.gql(RECOMMEND, { id: rejected.id }, coordinator.token), 'INVALID_TRANSITION');
  });

  it('requires a reason to reject, suspend or revoke (BAD_USER_INPUT) and writes nothing without one', async () => {
    const { id } = await applicant();
    const err = expectErrorCode(await server.gql(REJECT, { id, text: '   ' }, coordinator.token), 'BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('reason');
    expect(await statusOf(id)).toBe('APPLIED');
    await server.gqlOk(RECOMMEND, { id }, coordinator.token);
    await server.gqlOk(APPROVE, { id }, admin.token);
    expectErrorCode(await server.gql(SUSPEND, { id, text: '' }, admin.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(REVOKE, { id, text: ' ' }, admin.token), 'BAD_USER_INPUT');
    expect(await statusOf(id)).toBe('APPROVED');
    expect(await events(id)).toBe(3);
    expect(await notices(id)).toBe(3);
  });

  it('answers NOT_FOUND for an unknown supplier', async () => {
    expectErrorCode(
      await server.gql(APPROVE, { id: '00000000-0000-4000-8000-000000000000' }, admin.token),
      'NOT_FOUND',
    );
  });

  it('keeps the transition table consistent: reasons exactly for REJECTED/SUSPENDED/REVOKED, eligibility for RECOMMENDED/APPROVED', () => {
    for (const t of ADMISSION_TRANSITIONS) {
      expect(t.reasonRequired).toBe(['REJECTED', 'SUSPENDED', 'REVOKED'].includes(t.to));
      expect(t.requiresEligibility).toBe(['RECOMMENDED', 'APPROVED'].includes(t.to));
    }
  });
});

describe('eligibility (ex-poverty counties only)', () => {
  it('refuses to recommend a supplier registered outside an ex-poverty county with SUPPLIER_NOT_ELIGIBLE and the reason', async () => {
    const { id } = await applicant({ countyCode: '441882000000', creditCode: randomCreditCode('441882') }); // 连州市, not flagged
    const e = expectErrorCode(await server.gql(RECOMMEND, { id }, lianzhouCoordinator.token), 'SUPPLIER_NOT_ELIGIBLE');
    expect(e.message).toContain('连州市');
    expect(e.extensions).toMatchObject({ countyCodes: ['441882000000'] });
    expect(String(e.extensions?.reason)).toContain('ex-poverty');
    expect(await statusOf(id)).toBe('APPLIED');
    expect(await events(id)).toBe(1);
    // It can still be rejected, with a reason.
    await server.gqlOk(REJECT, { id, text: '非脱贫县企业' }, lianzhouCoordinator.token);
  });

  it('checks again at approval: a county whose flag was withdrawn in between blocks approval', async () => {
    const { id } = await applicant({ countyCode: '500229000000', creditCode: randomCreditCode('500229') }); // 城口县
    const chongqing = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5002' });
    await server.gqlOk(RECOMMEND, { id }, chongqing.token);
    await ds.query(
      `UPDATE region SET ex_poverty_county = false, key_assistance_county = false WHERE code = '500229000000'`,
    );
    try {
      expectErrorCode(await server.gql(APPROVE, { id }, admin.token), 'SUPPLIER_NOT_ELIGIBLE');
      expect(await statusOf(id)).toBe('RECOMMENDED');
    } finally {
      await ds.query(`UPDATE region SET ex_poverty_county = true WHERE code = '500229000000'`);
    }
    await server.gqlOk(APPROVE, { id }, admin.token);
    expect(await statusOf(id)).toBe('APPROVED');
  });

  it('admits a trading agent registered anywhere when every source county is an ex-poverty county', async () => {
    const { id } = await applicant({
      kind: 'TRADING_AGENT',
      countyCode: '441882000000',
      creditCode: randomCreditCode('441882'),
      sourceCountyCodes: ['520621000000', '610724000000'],
    });
    await server.gqlOk(RECOMMEND, { id }, lianzhouCoordinator.token);
    const approved = (await server.gqlOk(APPROVE, { id }, admin.token)).approveSupplier;
    expect(approved.status).toBe('APPROVED');
    const pub = (
      await server.gqlOk(`query($id: ID!) { supplier(id: $id) { kind sourceCountyCodes sourceCounties { name } } }`, {
        id,
      })
    ).supplier;
    expect(pub).toEqual({
      kind: 'TRADING_AGENT',
      sourceCountyCodes: ['520621000000', '610724000000'],
      sourceCounties: [{ name: '江口县' }, { name: '西乡县' }],
    });
  });

  it('refuses a trading agent with a non-ex-poverty source county, or none', async () => {
    const mixed = await applicant({ kind: 'TRADING_AGENT', sourceCountyCodes: ['520627000000', '441882000000'] });
    const e = expectErrorCode(
      await server.gql(RECOMMEND, { id: mixed.id }, coordinator.token),
      'SUPPLIER_NOT_ELIGIBLE',
    );
    expect(e.extensions).toMatchObject({ countyCodes: ['441882000000'] });
    expect(e.message).toContain('连州市');

    const none = await applicant({ kind: 'TRADING_AGENT' });
    const e2 = expectErrorCode(
      await server.gql(RECOMMEND, { id: none.id }, coordinator.token),
      'SUPPLIER_NOT_ELIGIBLE',
    );
    expect(e2.message).toContain('at least one source county');
    expect(await statusOf(mixed.id)).toBe('APPLIED');
    expect(await statusOf(none.id)).toBe('APPLIED');
    expect((await events(mixed.id)) + (await events(none.id))).toBe(2);
  });
});

describe('reading suppliers', () => {
  let tongren: string;
  let hanzhong: string;
  let hanzhongFarm: string;
  beforeAll(async () => {
    const supplierIn = async (input: Parameters<typeof createSupplierFixture>[1]) =>
      (await createSupplierFixture(ds, input)).supplierId;
    tongren = await supplierIn({
      countyCode: '520627000000',
      status: SupplierStatus.APPLIED,
      name: '沿河县土家山货合作社',
    });
    hanzhong = await supplierIn({
      countyCode: '610724000000',
      status: SupplierStatus.APPROVED,
      kind: SupplierKind.ENTERPRISE,
    });
    hanzhongFarm = await supplierIn({
      countyCode: '610724000000',
      status: SupplierStatus.APPLIED,
      kind: SupplierKind.FAMILY_FARM,
    });
  });
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

  it('scopes the list in SQL: admin all, coordinator/auditor their prefix, supplier staff their own', async () => {
    const all = ids((await server.gqlOk(SUPPLIERS, {}, admin.token)).suppliers);
    expect(all).toEqual(expect.arrayContaining([tongren, hanzhong, hanzhongFarm]));

    const tr = ids((await server.gqlOk(SUPPLIERS, {}, coordinator.token)).suppliers);
    expect(tr).toContain(tongren);
    expect(tr).not.toContain(hanzhong);
    const hzAuditor = await actor(server, ds, Role.AUDITOR, { regionPrefix: '610724' });
    expect(ids((await server.gqlOk(SUPPLIERS, {}, hzAuditor.token)).suppliers).sort()).toEqual(
      [hanzhong, hanzhongFarm].sort(),
    );

    const staff = await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: hanzhong });
    expect(ids((await server.gqlOk(SUPPLIERS, {}, staff.token)).suppliers)).toEqual([hanzhong]);

    const purchaser = await actor(server, ds, Role.PURCHASER);
    expectErrorCode(await server.gql(SUPPLIERS, {}, purchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(SUPPLIERS, {}), 'UNAUTHENTICATED');
  });

  it('filters by status, kind and region prefix', async () => {
    const byRegion = (await server.gqlOk(SUPPLIERS, { filter: { regionCode: '610724000000' } }, admin.token)).suppliers;
    expect(ids(byRegion).sort()).toEqual([hanzhong, hanzhongFarm].sort());
    const farms = (await server.gqlOk(SUPPLIERS, { filter: { regionCode: '6107', kind: 'FAMILY_FARM' } }, admin.token))
      .suppliers;
    expect(ids(farms)).toEqual([hanzhongFarm]);
    const approved = (await server.gqlOk(SUPPLIERS, { filter: { status: 'APPROVED', regionCode: '61' } }, admin.token))
      .suppliers;
    expect(ids(approved)).toEqual([hanzhong]);
    expectErrorCode(await server.gql(SUPPLIERS, { filter: { regionCode: 'abc' } }, admin.token), 'BAD_USER_INPUT');
  });

  it('shows an APPROVED supplier to anyone without its history, and others only within scope', async () => {
    const pub = (await server.gqlOk(SUPPLIER, { id: hanzhong })).supplier;
    expect(pub).toMatchObject({
      id: hanzhong,
      status: 'APPROVED',
      kind: 'ENTERPRISE',
      history: null,
      linkedHouseholdCount: 0,
    });
    expect(pub.county.path.map((r: { name: string }) => r.name)).toEqual(['陕西省', '汉中市', '西乡县']);

    expect((await server.gqlOk(SUPPLIER, { id: tongren })).supplier).toBeNull(); // APPLIED: not public
    expect((await server.gqlOk(SUPPLIER, { id: tongren }, outsider.token)).supplier).toBeNull();
    const forCoordinator = (await server.gqlOk(SUPPLIER, { id: tongren }, coordinator.token)).supplier;
    expect(forCoordinator.status).toBe('APPLIED');
    expect(forCoordinator.history).toEqual([]); // fixtures write no history; visible (empty), not null
    const staff = await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: hanzhong });
    expect((await server.gqlOk(SUPPLIER, { id: hanzhong }, staff.token)).supplier.history).toEqual([]);
    expect((await server.gqlOk(SUPPLIER, { id: 'not-a-uuid' })).supplier).toBeNull();
  });
});

describe('exported checks for other domains', () => {
  it('requireApproved returns the profile of an APPROVED supplier and throws SUPPLIER_NOT_APPROVED otherwise', async () => {
    const service = server.app.get(SupplierService);
    const ctx = contextFor(admin.userId, Role.PLATFORM_ADMIN, null, OrganizationKind.PLATFORM);
    const ok = await createSupplierFixture(ds, { status: SupplierStatus.APPROVED });
    expect((await service.requireApproved(ctx, ok.supplierId)).organizationId).toBe(ok.supplierId);
    for (const status of [
      SupplierStatus.APPLIED,
      SupplierStatus.RECOMMENDED,
      SupplierStatus.SUSPENDED,
      SupplierStatus.REVOKED,
    ]) {
      const s = await createSupplierFixture(ds, { status });
      const err = await service.requireApproved(ctx, s.supplierId).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('SUPPLIER_NOT_APPROVED');
      expect((err as AppError).details).toMatchObject({ supplierId: s.supplierId, status });
    }
    const unknown = await service
      .requireApproved(ctx, '00000000-0000-4000-8000-000000000000')
      .catch((e: AppError) => e.code);
    expect(unknown).toBe('SUPPLIER_NOT_APPROVED');
  });

  it('assertStaffOf passes the supplier’s admin/staff and platform admins, and forbids everyone else', async () => {
    const service = server.app.get(SupplierService);
    const s = await createSupplierFixture(ds);
    const other = await createSupplierFixture(ds);
    const as = (role: Role, org: string | null, kind: OrganizationKind, prefix: string | null = null) =>
      contextFor(admin.userId, role, org, kind, prefix);
    await expect(
      service.assertStaffOf(as(Role.SUPPLIER_ADMIN, s.supplierId, OrganizationKind.SUPPLIER), s.supplierId),
    ).resolves.toBeUndefined();
    await expect(
      service.assertStaffOf(as(Role.SUPPLIER_STAFF, s.supplierId, OrganizationKind.SUPPLIER), s.supplierId),
    ).resolves.toBeUndefined();
    await expect(
      service.assertStaffOf(as(Role.PLATFORM_ADMIN, null, OrganizationKind.PLATFORM), s.supplierId),
    ).resolves.toBeUndefined();
    for (const ctx of [
      as(Role.SUPPLIER_ADMIN, other.supplierId, OrganizationKind.SUPPLIER),
      as(Role.FARMER, s.supplierId, OrganizationKind.SUPPLIER),
      as(Role.COORDINATOR, null, OrganizationKind.COORDINATION_OFFICE, '5206'),
    ]) {
      await expect(service.assertStaffOf(ctx, s.supplierId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
