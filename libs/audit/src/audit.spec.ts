import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Db, OrganizationKind, RequestContext, Role } from '@bangfu/core';
import { createOrg, createUserWithRole } from '@bangfu/identity';
import { expectErrorCode, startWithDataSource, type TestServer } from '@bangfu/testing';
import { AuditChainService, previousShanghaiDay } from './audit-chain.service';
import { AuditJobs, VERIFY_DAY_JOB } from './audit.jobs';
import { AuditModule } from './audit.module';
import { OperationAudit } from './operation-audit';
import { runAuditVerify } from './verify-command';

let server: TestServer;
let ds: DataSource;
let admin: string;
let auditor: string;
let purchaser: { token: string; userId: string; orgId: string };

const EVENTS = `query($f: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id seq operation outcome regionCode actorUserId actorName entityType entityId summary requestId hash prevHash } } } }`;
const VERIFY = `query($from: String, $to: String) { verifyAuditChain(from: $from, to: $to) { ok checkedCount firstBrokenEventId } }`;

/** An event appended straight into the chain (the trigger numbers and hashes it), in a region. */
async function insertEvent(regionCode: string | null, operation = 'testOperation'): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO audit_event (kind, operation, outcome, region_code, summary, request_id) VALUES ('GRAPHQL', $1, 'OK', $2, '{"args":{}}', $3) RETURNING id`,
    [operation, regionCode, randomUUID()],
  );
  return row.id;
}

/** Chains what is pending (the sealer runs after each operation without the caller waiting), then reads. */
async function trail(sql: string, params: unknown[] = []) {
  await ds.query(`SELECT audit_seal(1000000)`);
  return ds.query(sql, params);
}

/** As the database superuser, bypassing the append-only triggers (what an attacker with the server would do). */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await ds.transaction(async (em) => {
    await em.query(`SET LOCAL session_replication_role = replica`);
    await em.query(sql, params);
  });
}

const repair = async () => {
  // Put the chain right again for the next case: recompute every hash from the first event on (as
  // superuser, triggers off), exactly what an attacker would have to do — the published checkpoint
  // case below shows that even this is caught once a day has been published.
  await tamper(`
    DO $$ DECLARE r record; prev text := repeat('0', 64); n bigint := 0; h text; BEGIN
      FOR r IN SELECT * FROM audit_event ORDER BY seq LOOP
        n := n + 1;
        UPDATE audit_event SET seq = n, prev_hash = prev WHERE id = r.id;
        SELECT audit_event_hash(e) INTO h FROM audit_event e WHERE id = r.id;
        UPDATE audit_event SET hash = h WHERE id = r.id;
        prev := h;
      END LOOP;
      UPDATE audit_chain_head SET seq = n, hash = prev;
    END $$`);
};

const verify = async () => (await server.gqlOk(VERIFY, {}, admin)).verifyAuditChain;

beforeAll(async () => {
  ({ server, ds } = await startWithDataSource({ imports: [AuditModule] }));
  const a = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
  admin = await server.login(a.email, a.password);
  const office = await createOrg(ds, { kind: OrganizationKind.COORDINATION_OFFICE, regionCode: '520600000000' });
  const au = await createUserWithRole(ds, Role.AUDITOR, { organizationId: office.id, regionPrefix: '5206' });
  auditor = await server.login(au.email, au.password);
  const agency = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode: '520621000000' });
  const pu = await createUserWithRole(ds, Role.PURCHASER, { organizationId: agency.id });
  purchaser = { token: await server.login(pu.email, pu.password), userId: pu.user.id, orgId: agency.id };
});
afterAll(() => server?.close());

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of events and moving the chain head by hand', async () => {
    const id = await insertEvent('520621000000');
    await expect(ds.query(`UPDATE audit_event SET outcome = 'FORGED' WHERE id = $1`, [id])).rejects.toThrow(
      /AUDIT_APPEND_ONLY/,
    );
    await expect(ds.query(`DELETE FROM audit_event WHERE id = $1`, [id])).rejects.toThrow(/AUDIT_APPEND_ONLY/);
    await expect(ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/AUDIT_APPEND_ONLY/);
    await expect(ds.query(`UPDATE audit_chain_head SET seq = 0`)).rejects.toThrow(/AUDIT_APPEND_ONLY/);
  });

  it('appends from many transactions at once stay one linear chain', async () => {
    await Promise.all(Array.from({ length: 30 }, () => insertEvent('520621000000', 'concurrencyProbe')));
    const [{ n, max }] = await trail(`SELECT count(*)::int AS n, max(seq)::int AS max FROM audit_event`);
    expect(max).toBe(n);
    expect(await verify()).toMatchObject({ ok: true, firstBrokenEventId: null });
  });

  it('an audited transaction never waits for the chain head: it commits while a seal holds it', async () => {
    // Before the sequencer every audited COMMIT took the head's lock, so audited transactions committed
    // one after another; now the event waits in audit_event_pending and a seal chains it afterwards.
    const db = server.app.get(Db);
    const scope = new OperationAudit('GRAPHQL', 'headProbe', {}, { userId: null, orgId: null, role: null });
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE`);
    const [{ xact }] = await db
      .transaction(RequestContext.system('audit-spec').withAudit(scope), async (tx) => {
        await db.manager(tx).query(`SET LOCAL lock_timeout = '2s'`);
        return db.manager(tx).query(`SELECT pg_current_xact_id()::text AS xact`);
      })
      .finally(async () => {
        await holder.rollbackTransaction();
        await holder.release();
      });
    const [event] = await trail(`SELECT operation, xact::text AS xact FROM audit_event WHERE operation = 'headProbe'`);
    // The chained event names the transaction it committed with.
    expect(event).toEqual({ operation: 'headProbe', xact });
    expect(await ds.query(`SELECT 1 FROM audit_event_pending`)).toEqual([]);
    expect(await verify()).toMatchObject({ ok: true, firstBrokenEventId: null });
  });

  it('seals committed events in the order they were appended; a rolled-back one never reaches the chain', async () => {
    const db = server.app.get(Db);
    const append = (operation: string, fail = false) =>
      db
        .transaction(
          RequestContext.system('audit-spec').withAudit(
            new OperationAudit('GRAPHQL', operation, {}, { userId: null, orgId: null, role: null }),
          ),
          async () => {
            if (fail) throw new Error('rolled back');
            return null;
          },
        )
        .catch(() => null);
    await append('sealOrder1');
    await append('sealOrderRolledBack', true);
    await append('sealOrder2');
    await append('sealOrder3');
    const rows: Array<{ operation: string }> = await trail(
      `SELECT operation FROM audit_event WHERE operation LIKE 'sealOrder%' ORDER BY seq`,
    );
    expect(rows.map((r) => r.operation)).toEqual(['sealOrder1', 'sealOrder2', 'sealOrder3']);
    expect(await verify()).toMatchObject({ ok: true, firstBrokenEventId: null });
  });

  it('chains every appended event to the one before', async () => {
    const rows: Array<{ seq: string; hash: string; prev_hash: string; expected: string }> = await trail(
      `SELECT seq, hash, prev_hash, audit_event_hash(e) AS expected FROM audit_event e ORDER BY seq`,
    );
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((r, i) => {
      expect(r.hash).toBe(r.expected);
      expect(r.prev_hash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1].hash);
      expect(Number(r.seq)).toBe(i + 1);
    });
  });
});

describe('mutations and their events', () => {
  it('a mutation writes one event with actor, organisation, role, region, client and request id; secrets redacted', async () => {
    const requestId = `audit-spec-${randomUUID().slice(0, 8)}`;
    const res = await server.gql(
      `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }`,
      { c: 'wrong-password-123', n: 'a-new-Password-456' },
      purchaser.token,
      { 'x-request-id': requestId },
    );
    expectErrorCode(res, 'WRONG_PASSWORD');
    const events = await trail(`SELECT * FROM audit_event WHERE request_id = $1`, [requestId]);
    expect(events).toHaveLength(1);
    const e = events[0];
    expect([e.kind, e.operation, e.outcome, e.actor_user_id, e.actor_org_id, e.actor_role, e.region_code]).toEqual([
      'GRAPHQL',
      'changePassword',
      'WRONG_PASSWORD',
      purchaser.userId,
      purchaser.orgId,
      'PURCHASER',
      '520621000000',
    ]);
    expect(e.client_ip).toMatch(/127\.0\.0\.1/);
    expect(e.summary).toEqual({ args: { currentPassword: '[REDACTED]', newPassword: '[REDACTED]' } });
  });

  it('a rolled-back mutation leaves only its failure event, written after the rollback', async () => {
    const before = Number(
      (await trail(`SELECT count(*) FROM audit_event WHERE operation = 'changePassword' AND outcome = 'OK'`))[0].count,
    );
    const requestId = `audit-spec-${randomUUID().slice(0, 8)}`;
    await server.gql(
      `mutation { changePassword(currentPassword: "wrong-password-123", newPassword: "another-Password-789") { token } }`,
      {},
      purchaser.token,
      {
        'x-request-id': requestId,
      },
    );
    expect(
      Number(
        (await trail(`SELECT count(*) FROM audit_event WHERE operation = 'changePassword' AND outcome = 'OK'`))[0]
          .count,
      ),
    ).toBe(before);
    expect(
      (await trail(`SELECT outcome FROM audit_event WHERE request_id = $1`, [requestId])).map(
        (r: { outcome: string }) => r.outcome,
      ),
    ).toEqual(['WRONG_PASSWORD']);
  });

  it('a sign-in acts in its first unit, a failed one lands in the aimed account’s region; the list names actor and unit', async () => {
    // The actor's unit and region come from identity's views (user_first_membership, organization_region),
    // the names in the list from identity's read methods.
    const unit = await createOrg(ds, {
      kind: OrganizationKind.AGENCY,
      name: '审计测试单位',
      regionCode: '520627000000',
    });
    const u = await createUserWithRole(ds, Role.PURCHASER, { organizationId: unit.id, displayName: '审计测试采购员' });
    const login = `mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }`;
    const [ok, bad] = [
      `audit-spec-login-${randomUUID().slice(0, 8)}`,
      `audit-spec-badlogin-${randomUUID().slice(0, 8)}`,
    ];
    expect(
      (await server.gql(login, { i: u.email, p: u.password }, null, { 'x-request-id': ok })).errors,
    ).toBeUndefined();
    expectErrorCode(
      await server.gql(login, { i: u.email, p: 'not-the-password-123' }, null, { 'x-request-id': bad }),
      'INVALID_CREDENTIALS',
    );
    const row = async (requestId: string) =>
      (
        await trail(
          `SELECT outcome, actor_user_id, actor_org_id, actor_role, region_code FROM audit_event WHERE request_id = $1`,
          [requestId],
        )
      )[0];
    expect(await row(ok)).toEqual({
      outcome: 'OK',
      actor_user_id: u.user.id,
      actor_org_id: unit.id,
      actor_role: 'PURCHASER',
      region_code: '520627000000',
    });
    expect(await row(bad)).toEqual({
      outcome: 'INVALID_CREDENTIALS',
      actor_user_id: null,
      actor_org_id: null,
      actor_role: null,
      region_code: '520627000000',
    });
    const named = (
      await server.gqlOk(
        `query($f: AuditEventFilter) { auditEvents(filter: $f) { edges { node { requestId actorName actorOrgName } } } }`,
        { f: { actorId: u.user.id } },
        admin,
      )
    ).auditEvents.edges.map((e: { node: unknown }) => e.node);
    expect(named).toEqual([{ requestId: ok, actorName: '审计测试采购员', actorOrgName: '审计测试单位' }]);
  });

  it('queries write no event', async () => {
    const [{ head }] = await trail(`SELECT seq AS head FROM audit_chain_head`);
    await server.gqlOk(`{ me { id } }`, {}, purchaser.token);
    await server.gqlOk(`{ regions { code } }`);
    expect((await trail(`SELECT seq AS head FROM audit_chain_head`))[0].head).toBe(head);
  });
});

describe('auditEvents', () => {
  it('an auditor sees only events of its region; a platform admin sees all; others are refused', async () => {
    const inScope = await insertEvent('520603000000', 'scopeProbe');
    const outside = await insertEvent('610724000000', 'scopeProbe');
    const none = await insertEvent(null, 'scopeProbe');
    const asAuditor = (await server.gqlOk(EVENTS, { f: { operation: 'scopeProbe' } }, auditor)).auditEvents;
    expect(asAuditor.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([inScope]);
    expect(asAuditor.totalCount).toBe(1);
    // A wider or foreign region filter never widens the scope.
    for (const regionCode of ['61', '52', '610724000000', '']) {
      const r = (
        await server.gqlOk(EVENTS, { f: { operation: 'scopeProbe', regionCode: regionCode || null } }, auditor)
      ).auditEvents;
      expect(
        r.edges.every((e: { node: { id: string } }) => e.node.id === inScope),
        regionCode,
      ).toBe(true);
    }
    const asAdmin = (await server.gqlOk(EVENTS, { f: { operation: 'scopeProbe' } }, admin)).auditEvents;
    expect(asAdmin.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([none, outside, inScope]);
    expectErrorCode(await server.gql(EVENTS, {}, purchaser.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(EVENTS, {}), 'UNAUTHENTICATED');
  });

  it('filters by actor, entity and period, and pages newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await insertEvent('520603000000', 'pageProbe'));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await server.gqlOk(EVENTS, { f: { operation: 'pageProbe' }, first: 2, after }, admin))
        .auditEvents;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(page.totalCount).toBe(5);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    const mine = (await server.gqlOk(EVENTS, { f: { actorId: purchaser.userId } }, admin)).auditEvents;
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(mine.edges.every((e: { node: { actorUserId: string } }) => e.node.actorUserId === purchaser.userId)).toBe(
      true,
    );
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await server.gqlOk(EVENTS, { f: { from: tomorrow } }, admin)).auditEvents.totalCount).toBe(0);
    expectErrorCode(await server.gql(EVENTS, { f: { from: 'yesterday' } }, admin), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(EVENTS, { f: { regionCode: '52a' } }, admin), 'BAD_USER_INPUT');
  });
});

describe('tamper evidence', () => {
  // Each case appends fresh events to an intact chain, tampers with them, checks that verification
  // names the first broken one, and repairs the chain for the next case.
  let ids: string[];
  beforeEach(async () => {
    expect((await verify()).ok, 'the chain is intact before tampering').toBe(true);
    ids = [];
    for (let i = 0; i < 4; i++) ids.push(await insertEvent('520603000000', 'tamperProbe'));
  });

  it('an edited event is the first broken one', async () => {
    await tamper(`UPDATE audit_event SET outcome = 'FORGED' WHERE id = $1`, [ids[1]]);
    const v = await verify();
    expect(v).toMatchObject({ ok: false, firstBrokenEventId: ids[1] });
    await repair();
  });

  it('a deleted event breaks the link of the one after it', async () => {
    await tamper(`DELETE FROM audit_event WHERE id = $1`, [ids[1]]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenEventId: ids[2] });
    await repair();
  });

  it('reordered events (positions swapped) are named at the first moved position', async () => {
    const [a, b] = await ds.query(`SELECT id, seq FROM audit_event WHERE id = ANY($1) ORDER BY seq`, [
      [ids[1], ids[2]],
    ]);
    await tamper(`UPDATE audit_event SET seq = -1 WHERE id = $1`, [a.id]);
    await tamper(`UPDATE audit_event SET seq = $2 WHERE id = $1`, [b.id, a.seq]);
    await tamper(`UPDATE audit_event SET seq = $2 WHERE id = $1`, [a.id, b.seq]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenEventId: ids[2] });
    await repair();
  });
});

describe('published chain heads', () => {
  it('a chain rewritten consistently after a published day disagrees with the published head', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await insertEvent('520603000000', 'tamperProbe'));
    expect((await verify()).ok).toBe(true);
    const chain = server.app.get(AuditChainService);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const published = await chain.verifyDay(RequestContext.system('test'), today);
    expect(published.ok).toBe(true);
    const [head] = await ds.query(`SELECT id FROM audit_event WHERE seq = $1`, [published.headSeq]);
    await tamper(`UPDATE audit_event SET outcome = 'FORGED' WHERE id = $1`, [ids[0]]);
    await repair(); // every hash recomputed: links and hashes all hold again…
    const v = await verify();
    expect(v.ok).toBe(false); // …but the published head's hash no longer matches.
    expect(v.firstBrokenEventId).toBe(head.id);
  });

  it('the daily job verifies the day before and publishes its head', async () => {
    const jobs = server.app.get(AuditJobs);
    expect(await jobs.handle({ name: 'something-else', data: {} })).toBeNull();
    const cp = await jobs.handle({ name: VERIFY_DAY_JOB, data: {} });
    expect(cp?.day).toBe(previousShanghaiDay());
    const [row] = await ds.query(`SELECT ok, head_seq FROM audit_chain_checkpoint WHERE day = $1`, [
      previousShanghaiDay(),
    ]);
    expect(Number(row.head_seq)).toBe(cp?.headSeq);
  });

  it('npm run audit:verify verifies a day, publishes its head and exits 1 on a broken chain', async () => {
    const lines: string[] = [];
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await runAuditVerify(ds, ['--day', today], (l) => lines.push(l))).toBe(1); // still broken from the case above
    expect(lines[0]).toMatch(/BROKEN at event/);
    expect(await runAuditVerify(ds, ['--day', 'nope'], () => undefined)).toBe(2);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_chain_checkpoint WHERE day = $1`, [today]);
    expect(n).toBe(2);
  });
});
