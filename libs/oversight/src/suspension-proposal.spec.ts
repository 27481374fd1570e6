import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { RequestContext, Role } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import { createSupplierFixture } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { SupplierSuspensionProposalService } from './suspension-proposal.service';
import { startOversightServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let adminToken: string;
let auditorToken: string;
let proposals: SupplierSuspensionProposalService;

const LIST = `query($status: SuspensionProposalStatus) { supplierSuspensionProposals(status: $status) { totalCount edges { node { id supplierId supplierName supplierStatus source sourceRef reason status decisionReason } } } }`;
const DECIDE = `mutation($id: ID!, $d: SuspensionDecision!, $r: String!) { decideSupplierSuspensionProposal(id: $id, decision: $d, reason: $r) { id status supplierStatus decisionReason } }`;

beforeAll(async () => {
  ({ server, ds } = await startOversightServer());
  proposals = server.app.get(SupplierSuspensionProposalService);
  const admin = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
  adminToken = await server.login(admin.email, admin.password);
  const auditor = await createUserWithRole(ds, Role.AUDITOR, { regionPrefix: '5206' });
  auditorToken = await server.login(auditor.email, auditor.password);
});
afterAll(() => server?.close());

describe('supplier suspension proposals (动态退出)', () => {
  it('propose is idempotent per source and reference while open; the admin accepts and the supplier is suspended', async () => {
    const { supplierId } = await createSupplierFixture(ds);
    const ctx = RequestContext.system('complaints');
    const a = await proposals.propose(ctx, supplierId, 'COMPLAINTS', '三次投诉成立', { sourceRef: 'rule:upheld-3' });
    const b = await proposals.propose(ctx, supplierId, 'COMPLAINTS', '三次投诉成立（重复）', {
      sourceRef: 'rule:upheld-3',
    });
    expect(b.id).toBe(a.id);
    const other = await proposals.propose(ctx, supplierId, 'RATING', '评分低于 2.5');
    expect(other.id).not.toBe(a.id);

    const list = await server.gqlOk(LIST, { status: 'PROPOSED' }, adminToken);
    const mine = list.supplierSuspensionProposals.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.supplierId === supplierId);
    expect(mine).toHaveLength(2);
    expect(mine.find((n: any) => n.id === a.id)).toMatchObject({
      source: 'COMPLAINTS',
      sourceRef: 'rule:upheld-3',
      reason: '三次投诉成立',
      supplierStatus: 'APPROVED',
    });
    // Name and status come from libs/supplier's read service, not a join on its tables.
    const [{ name }] = await ds.query(`SELECT name FROM organization WHERE id = $1`, [supplierId]);
    expect(mine.every((n: any) => n.supplierName === name && name)).toBe(true);

    const decided = await server.gqlOk(DECIDE, { id: a.id, d: 'ACCEPT', r: '核实属实，暂停' }, adminToken);
    expect(decided.decideSupplierSuspensionProposal).toMatchObject({
      status: 'ACCEPTED',
      supplierStatus: 'SUSPENDED',
      decisionReason: '核实属实，暂停',
    });
    expectErrorCode(
      await server.gql(DECIDE, { id: a.id, d: 'REJECT', r: 'again' }, adminToken),
      'PROPOSAL_ALREADY_DECIDED',
    );
    // Once decided, the same rule may propose again (a new open proposal).
    const again = await proposals.propose(ctx, supplierId, 'COMPLAINTS', '又一次', { sourceRef: 'rule:upheld-3' });
    expect(again.id).not.toBe(a.id);
  });

  it('reject keeps the supplier; a reason is required; only the platform admin decides or lists', async () => {
    const { supplierId } = await createSupplierFixture(ds);
    const p = await proposals.propose(
      RequestContext.system(),
      supplierId,
      'ANOMALY_FINDING',
      'PRICE_ABOVE_REFERENCE confirmed',
      { sourceRef: 'f-1' },
    );
    expectErrorCode(await server.gql(DECIDE, { id: p.id, d: 'REJECT', r: '  ' }, adminToken), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(DECIDE, { id: p.id, d: 'REJECT', r: 'no' }, auditorToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(LIST, {}, auditorToken), 'FORBIDDEN');
    const r = await server.gqlOk(DECIDE, { id: p.id, d: 'REJECT', r: '证据不足' }, adminToken);
    expect(r.decideSupplierSuspensionProposal).toMatchObject({ status: 'REJECTED', supplierStatus: 'APPROVED' });
  });

  it('refuses an unknown supplier or source and an empty reason', async () => {
    const ctx = RequestContext.system();
    await expect(
      proposals.propose(ctx, '00000000-0000-0000-0000-000000000001', 'COMPLAINTS', 'x'),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const { supplierId } = await createSupplierFixture(ds);
    await expect(proposals.propose(ctx, supplierId, 'NOPE' as never, 'x')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await expect(proposals.propose(ctx, supplierId, 'COMPLAINTS', ' ')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
