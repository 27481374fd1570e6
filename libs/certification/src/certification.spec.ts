import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { RequestContext, Role } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import { QueueService } from '@bangfu/queue';
import { createLinkageFixture, createSupplierFixture, SupplierStatus } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { CertificationExpiryJob, EXPIRY_JOB_NAME, EXPIRY_SCHEDULER_ID } from './certification-expiry.job';
import { CertificationStatus } from './certification.entities';
import { CertificationService } from './certification.service';
import { shanghaiDate } from './dates';
import { addDays, insertCertificationFixture, insertProductFixture } from './fixtures';
import { firstVillage, startCertificationServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
const today = shanghaiDate();
const sys = () => RequestContext.system('test');

const FIELDS =
  'id status certificateNo issuer batch validFrom validTo product { id title } history { fromStatus toStatus reason createdAt }';
const SUBMIT = `mutation($p: ID!) { submitCertification(productId: $p) { ${FIELDS} } }`;
const VERIFY = `mutation($id: ID!, $c: String) { verifyCertification(id: $id, comment: $c) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectCertification(id: $id, reason: $r) { ${FIELDS} } }`;
const CERTIFY = `mutation($id: ID!, $i: CertifyProductInput!) { certifyProduct(id: $id, input: $i) { ${FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $r: String!) { revokeCertification(id: $id, reason: $r) { ${FIELDS} } }`;
const GET = `query($id: ID!) { certification(id: $id) { ${FIELDS} } }`;
const PRODUCT = `query($id: ID!) { product(id: $id) { id certification { id status certificateNo validTo history { toStatus } } } }`;

interface Supplier {
  supplierId: string;
  token: string;
}
let admin: string;
let coordinator: string;
let farCoordinator: string;
let auditor: string;
let supplierA: Supplier;
let supplierB: Supplier;
let village: string;

async function supplier(
  options: { status?: SupplierStatus; countyCode?: string; linkage?: boolean } = {},
): Promise<Supplier> {
  const s = await createSupplierFixture(ds, { status: options.status, countyCode: options.countyCode });
  if (options.linkage !== false) await createLinkageFixture(ds, { supplierId: s.supplierId, villageCode: village });
  return { supplierId: s.supplierId, token: await server.login(s.admin.email, s.admin.password) };
}

async function login(role: Role, regionPrefix?: string): Promise<string> {
  const u = await createUserWithRole(ds, role, { regionPrefix });
  return server.login(u.email, u.password);
}

const certificate = (over: Record<string, string> = {}) => ({
  certificateNo: `GZ-BF-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
  issuer: '贵州省农业农村厅',
  batch: '2026年第一批',
  validFrom: addDays(today, -30),
  validTo: addDays(today, 365),
  ...over,
});

async function stored(id: string): Promise<{ status: string; events: number; notices: number }> {
  const [row] = await ds.query(
    `SELECT c.status, (SELECT count(*) FROM certification_event e WHERE e.certification_id = c.id)::int AS events,
            (SELECT count(*) FROM notification n WHERE n.data->>'certificationId' = c.id::text)::int AS notices
       FROM certification c WHERE c.id = $1`,
    [id],
  );
  return row;
}

/** A product of supplier A, submitted and verified, ready for the platform. */
async function verifiedCertification(s: Supplier = supplierA): Promise<{ productId: string; id: string }> {
  const productId = await insertProductFixture(ds, { supplierId: s.supplierId });
  const id = (await server.gqlOk(SUBMIT, { p: productId }, s.token)).submitCertification.id as string;
  await server.gqlOk(VERIFY, { id }, coordinator);
  return { productId, id };
}

beforeAll(async () => {
  ({ server, ds } = await startCertificationServer());
  village = await firstVillage(ds);
  admin = await login(Role.PLATFORM_ADMIN);
  coordinator = await login(Role.COORDINATOR, '520621');
  farCoordinator = await login(Role.COORDINATOR, '610724');
  auditor = await login(Role.AUDITOR, '5206');
  supplierA = await supplier();
  supplierB = await supplier();
});
afterAll(() => server?.close());

describe('certification workflow', () => {
  it('goes PENDING → VERIFIED → CERTIFIED with a history row and a supplier notification per move', async () => {
    const productId = await insertProductFixture(ds, { supplierId: supplierA.supplierId, title: '梵净山翠峰茶' });
    const submitted = (await server.gqlOk(SUBMIT, { p: productId }, supplierA.token)).submitCertification;
    expect(submitted.status).toBe('PENDING');
    expect(submitted.product).toEqual({ id: productId, title: '梵净山翠峰茶' });

    const verified = (await server.gqlOk(VERIFY, { id: submitted.id, c: '产地与利益联结已核实' }, coordinator))
      .verifyCertification;
    expect(verified.status).toBe('VERIFIED');

    const input = certificate();
    const certified = (await server.gqlOk(CERTIFY, { id: submitted.id, i: input }, admin)).certifyProduct;
    expect(certified).toMatchObject({
      status: 'CERTIFIED',
      certificateNo: input.certificateNo,
      issuer: input.issuer,
      batch: input.batch,
      validFrom: input.validFrom,
      validTo: input.validTo,
    });
    expect(
      certified.history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus]),
    ).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'VERIFIED'],
      ['VERIFIED', 'CERTIFIED'],
    ]);
    expect(certified.history[1].reason).toBe('产地与利益联结已核实');

    const notices = await ds.query(
      `SELECT kind FROM notification WHERE recipient_org_id = $1 AND data->>'certificationId' = $2 ORDER BY created_at`,
      [supplierA.supplierId, submitted.id],
    );
    expect(notices.map((n: { kind: string }) => n.kind)).toEqual([
      'CERTIFICATION_PENDING',
      'CERTIFICATION_VERIFIED',
      'CERTIFICATION_CERTIFIED',
    ]);

    // The public sees the certificate on the product, but not the workflow history.
    const pub = (await server.gqlOk(PRODUCT, { id: productId })).product.certification;
    expect(pub).toMatchObject({
      status: 'CERTIFIED',
      certificateNo: input.certificateNo,
      validTo: input.validTo,
      history: [],
    });
    const service = server.app.get(CertificationService);
    expect(await service.isValidOn(sys(), productId, today)).toBe(true);
    expect(await service.isValidOn(sys(), productId, addDays(input.validFrom, -1))).toBe(false);
    expect(await service.isValidOn(sys(), productId, addDays(input.validTo, 1))).toBe(false);
    expect(await service.effectiveStatus(sys(), productId)).toBe(CertificationStatus.CERTIFIED);
  });

  it('refuses moves by roles the table does not allow or outside their scope, changing nothing', async () => {
    const productId = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    expectErrorCode(await server.gql(SUBMIT, { p: productId }, supplierB.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(SUBMIT, { p: productId }, coordinator), 'FORBIDDEN');
    expectErrorCode(await server.gql(SUBMIT, { p: productId }, admin), 'FORBIDDEN');
    expect(await ds.query(`SELECT 1 FROM certification WHERE product_id = $1`, [productId])).toHaveLength(0);

    const id = (await server.gqlOk(SUBMIT, { p: productId }, supplierA.token)).submitCertification.id;
    expectErrorCode(await server.gql(VERIFY, { id }, supplierA.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(VERIFY, { id }, farCoordinator), 'FORBIDDEN');
    expectErrorCode(await server.gql(VERIFY, { id }, auditor), 'FORBIDDEN');
    expectErrorCode(await server.gql(VERIFY, { id }, admin), 'FORBIDDEN');
    expectErrorCode(await server.gql(REJECT, { id, r: '不在本辖区' }, farCoordinator), 'FORBIDDEN');
    expectErrorCode(await server.gql(CERTIFY, { id, i: certificate() }, coordinator), 'FORBIDDEN');
    expectErrorCode(await server.gql(CERTIFY, { id, i: certificate() }, admin), 'INVALID_TRANSITION');
    expectErrorCode(await server.gql(REVOKE, { id, r: '测试撤销' }, admin), 'INVALID_TRANSITION');
    expect(await stored(id)).toEqual({ status: 'PENDING', events: 1, notices: 1 });

    await server.gqlOk(VERIFY, { id }, coordinator);
    expectErrorCode(await server.gql(VERIFY, { id }, coordinator), 'INVALID_TRANSITION');
    expectErrorCode(await server.gql(REJECT, { id, r: '县级不能驳回已核实的申请' }, coordinator), 'INVALID_TRANSITION');
    expectErrorCode(await server.gql(REVOKE, { id, r: '测试撤销' }, supplierA.token), 'FORBIDDEN');
    expect(await stored(id)).toEqual({ status: 'VERIFIED', events: 2, notices: 2 });

    const rejected = (await server.gqlOk(REJECT, { id, r: '利益联结材料不完整' }, admin)).rejectCertification;
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.history.at(-1)).toMatchObject({
      fromStatus: 'VERIFIED',
      toStatus: 'REJECTED',
      reason: '利益联结材料不完整',
    });
    // Applications are not public: the product shows no certification to visitors, the supplier sees the rejection.
    expect((await server.gqlOk(PRODUCT, { id: productId })).product.certification).toBeNull();
    expect((await server.gqlOk(PRODUCT, { id: productId }, supplierA.token)).product.certification.status).toBe(
      'REJECTED',
    );

    // A rejected application is not live: the supplier may apply again.
    expect((await server.gqlOk(SUBMIT, { p: productId }, supplierA.token)).submitCertification.status).toBe('PENDING');
  });

  it('lets the coordinator reject a pending application with a reason, and requires the reason', async () => {
    const productId = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    const id = (await server.gqlOk(SUBMIT, { p: productId }, supplierA.token)).submitCertification.id;
    expectErrorCode(await server.gql(REJECT, { id, r: ' ' }, coordinator), 'REASON_REQUIRED');
    expect(await stored(id)).toEqual({ status: 'PENDING', events: 1, notices: 1 });
    const rejected = (await server.gqlOk(REJECT, { id, r: '产地证明与申报不符' }, coordinator)).rejectCertification;
    expect(rejected.status).toBe('REJECTED');
    expect(await stored(id)).toEqual({ status: 'REJECTED', events: 2, notices: 2 });
  });

  it('allows one live application per product (CERTIFICATION_ALREADY_ACTIVE), also under concurrent submits', async () => {
    const productId = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    const results = await Promise.all([1, 2, 3].map(() => server.gql(SUBMIT, { p: productId }, supplierA.token)));
    expect(results.filter((r) => r.data?.submitCertification)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expectErrorCode(r, 'CERTIFICATION_ALREADY_ACTIVE');
    expectErrorCode(await server.gql(SUBMIT, { p: productId }, supplierA.token), 'CERTIFICATION_ALREADY_ACTIVE');

    const certifiedProduct = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    await insertCertificationFixture(ds, { productId: certifiedProduct });
    expectErrorCode(await server.gql(SUBMIT, { p: certifiedProduct }, supplierA.token), 'CERTIFICATION_ALREADY_ACTIVE');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM certification WHERE product_id = ANY($1::uuid[])`, [
      [productId, certifiedProduct],
    ]);
    expect(n).toBe(2);
  });

  it('checks the guards: ex-poverty origin, approved supplier, linkage in force', async () => {
    const lianzhou = await insertProductFixture(ds, {
      supplierId: supplierA.supplierId,
      originRegionCode: '441882000000',
    });
    expectErrorCode(await server.gql(SUBMIT, { p: lianzhou }, supplierA.token), 'ORIGIN_NOT_ELIGIBLE');

    const suspended = await supplier({ status: SupplierStatus.SUSPENDED });
    const p2 = await insertProductFixture(ds, { supplierId: suspended.supplierId });
    expectErrorCode(await server.gql(SUBMIT, { p: p2 }, suspended.token), 'SUPPLIER_NOT_APPROVED');

    const unlinked = await supplier({ linkage: false });
    const p3 = await insertProductFixture(ds, { supplierId: unlinked.supplierId });
    const id = (await server.gqlOk(SUBMIT, { p: p3 }, unlinked.token)).submitCertification.id;
    expectErrorCode(await server.gql(VERIFY, { id }, coordinator), 'NO_LINKAGE');
    expect(await stored(id)).toEqual({ status: 'PENDING', events: 1, notices: 1 });
    expect(
      await ds.query(`SELECT 1 FROM certification WHERE product_id = ANY($1::uuid[])`, [[lianzhou, p2]]),
    ).toHaveLength(0);
  });

  it('refuses bad certificates with stable codes and writes nothing', async () => {
    const { id } = await verifiedCertification();
    const taken = await insertProductFixture(ds, { supplierId: supplierB.supplierId });
    await insertCertificationFixture(ds, { productId: taken, certificateNo: 'GZ-BF-TAKEN-001' });

    const cases: Array<[Record<string, string>, string]> = [
      [{ validFrom: addDays(today, 10), validTo: addDays(today, 5) }, 'INVALID_VALIDITY'],
      [{ validFrom: addDays(today, -400), validTo: addDays(today, -1) }, 'CERTIFICATE_EXPIRED'],
      [{ certificateNo: 'GZ-BF-TAKEN-001' }, 'DUPLICATE_CERTIFICATE_NO'],
      [{ validFrom: '2026-02-30' }, 'INVALID_DATE'],
      [{ validTo: 'next year' }, 'INVALID_DATE'],
      [{ issuer: '  ' }, 'BAD_USER_INPUT'],
    ];
    for (const [over, code] of cases) {
      const err = expectErrorCode(await server.gql(CERTIFY, { id, i: certificate(over) }, admin), code);
      expect(err.message).toBeTruthy();
    }
    expect(await stored(id)).toEqual({ status: 'VERIFIED', events: 2, notices: 2 });

    // Valid through today (inclusive) is still acceptable.
    const ok = (await server.gqlOk(CERTIFY, { id, i: certificate({ validFrom: today, validTo: today }) }, admin))
      .certifyProduct;
    expect(ok.status).toBe('CERTIFIED');
  });

  it('revokes with a reason (platform admin or the coordinator in scope); a revoked certificate is never valid', async () => {
    const { id, productId } = await verifiedCertification();
    await server.gqlOk(CERTIFY, { id, i: certificate() }, admin);
    expectErrorCode(await server.gql(REVOKE, { id, r: '抽检不合格' }, farCoordinator), 'FORBIDDEN');
    expectErrorCode(await server.gql(REVOKE, { id, r: '' }, coordinator), 'REASON_REQUIRED');
    expect(await stored(id)).toEqual({ status: 'CERTIFIED', events: 3, notices: 3 });

    const revoked = (await server.gqlOk(REVOKE, { id, r: '抽检不合格' }, coordinator)).revokeCertification;
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.history.at(-1)).toMatchObject({
      fromStatus: 'CERTIFIED',
      toStatus: 'REVOKED',
      reason: '抽检不合格',
    });
    expectErrorCode(await server.gql(REVOKE, { id, r: '再次撤销' }, admin), 'INVALID_TRANSITION');
    expect(await server.app.get(CertificationService).isValidOn(sys(), productId, today)).toBe(false);
    const [notice] = await ds.query(
      `SELECT kind, body FROM notification WHERE data->>'certificationId' = $1 ORDER BY created_at DESC LIMIT 1`,
      [id],
    );
    expect(notice.kind).toBe('CERTIFICATION_REVOKED');
    expect(notice.body).toContain('抽检不合格');

    // Another platform admin case: a fresh certificate revoked by the platform.
    const second = await verifiedCertification();
    await server.gqlOk(CERTIFY, { id: second.id, i: certificate() }, admin);
    expect(
      (await server.gqlOk(REVOKE, { id: second.id, r: '企业主动申请注销' }, admin)).revokeCertification.status,
    ).toBe('REVOKED');
  });
});

describe('expiry', () => {
  it('reads as EXPIRED once validTo has passed, before the job has run', async () => {
    const productId = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    const id = await insertCertificationFixture(ds, {
      productId,
      validFrom: addDays(today, -366),
      validTo: addDays(today, -1),
    });
    expect((await server.gqlOk(GET, { id }, admin)).certification.status).toBe('EXPIRED');
    expect((await server.gqlOk(PRODUCT, { id: productId })).product.certification.status).toBe('EXPIRED');
    expect((await stored(id)).status).toBe('CERTIFIED');
    const service = server.app.get(CertificationService);
    expect(await service.isValidOn(sys(), productId, today)).toBe(false);
    expect(await service.isValidOn(sys(), productId, addDays(today, -1))).toBe(true);
    expect(await service.effectiveStatus(sys(), productId)).toBe(CertificationStatus.EXPIRED);
    // Lapsed certificates do not block a renewal: the submit moves the old one to EXPIRED first.
    const renewal = (await server.gqlOk(SUBMIT, { p: productId }, supplierA.token)).submitCertification;
    expect(renewal.status).toBe('PENDING');
    expect(await stored(id)).toMatchObject({ status: 'EXPIRED', events: 1 });
  });

  it('moves lapsed certificates to EXPIRED in the hourly job, once, with history and a notification', async () => {
    const lapsedProduct = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    const lapsed = await insertCertificationFixture(ds, {
      productId: lapsedProduct,
      validFrom: addDays(today, -400),
      validTo: addDays(today, -2),
    });
    const validProduct = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    const valid = await insertCertificationFixture(ds, {
      productId: validProduct,
      validFrom: addDays(today, -10),
      validTo: today,
    });

    const job = server.app.get(CertificationExpiryJob);
    const first = await job.handle({ name: EXPIRY_JOB_NAME, data: {} });
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(await stored(lapsed)).toEqual({ status: 'EXPIRED', events: 1, notices: 1 });
    expect(await stored(valid)).toEqual({ status: 'CERTIFIED', events: 0, notices: 0 });
    const [event] = await ds.query(
      `SELECT from_status, to_status, actor_user_id FROM certification_event WHERE certification_id = $1`,
      [lapsed],
    );
    expect(event).toEqual({ from_status: 'CERTIFIED', to_status: 'EXPIRED', actor_user_id: null });

    // Idempotent: a second run (or a retry) finds nothing more to move.
    expect((await job.handle({ name: EXPIRY_JOB_NAME, data: {} })).expired).toBe(0);
    expect(await stored(lapsed)).toEqual({ status: 'EXPIRED', events: 1, notices: 1 });

    // Tomorrow, the certificate valid through today lapses too.
    expect(
      (await job.handle({ name: EXPIRY_JOB_NAME, data: { today: addDays(today, 1) } })).expired,
    ).toBeGreaterThanOrEqual(1);
    expect((await stored(valid)).status).toBe('EXPIRED');
  });

  it('registers the hourly repeatable job at bootstrap under a fixed scheduler id', async () => {
    const scheduler = await server.app.get(QueueService).queue('certification').getJobScheduler(EXPIRY_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ name: EXPIRY_JOB_NAME, every: 3_600_000 });
  });
});

describe('reading certifications', () => {
  it('scopes certification(id) and certifications() to the supplier, the region and the platform', async () => {
    const { id } = await verifiedCertification();
    expectErrorCode(await server.gql(GET, { id }), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(GET, { id }, supplierB.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(GET, { id }, farCoordinator), 'FORBIDDEN');
    expect((await server.gqlOk(GET, { id }, auditor)).certification.history).toHaveLength(2);
    // A malformed id is "not found" like an unknown one, never a uuid cast error (INTERNAL_SERVER_ERROR).
    for (const bad of ['', 'nope', "1' OR 1=1--"])
      expectErrorCode(await server.gql(GET, { id: bad }, admin), 'NOT_FOUND');

    const LIST = `query($f: CertificationFilter) { certifications(filter: $f, first: 100) { totalCount edges { node { id status } } } }`;
    const ids = async (token: string, f: Record<string, unknown> = {}) =>
      (await server.gqlOk(LIST, { f }, token)).certifications.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      ) as string[];
    expect(await ids(supplierA.token)).toContain(id);
    expect(await ids(supplierB.token)).not.toContain(id);
    expect(await ids(coordinator, { statuses: ['VERIFIED'] })).toContain(id);
    expect(await ids(coordinator, { statuses: ['PENDING'] })).not.toContain(id);
    expect(await ids(farCoordinator)).toEqual([]);
    expect(await ids(admin, { supplierId: supplierA.supplierId })).toContain(id);
    expectErrorCode(await server.gql(LIST, { f: {} }), 'UNAUTHENTICATED');

    // Cursor pagination walks every row exactly once.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (
        await server.gqlOk(
          `query($a: String) { certifications(first: 3, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          { a: after },
          admin,
        )
      ).certifications;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM certification`);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
  });
});
