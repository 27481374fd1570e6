import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { StatsExclusionService } from '@bangfu/statistics';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { AnomalyKind, DetectedVia } from './anomaly.entities';
import { StatisticsCorrectionService } from './statistics-correction.service';
import {
  channel,
  customer,
  detect,
  findingsAbout,
  insertOrder,
  lineOf,
  product,
  startOversightServer,
  supplier,
  sys,
  tokenFor,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let admin: string;
let auditor: string; // 5206 铜仁
let otherAuditor: string; // 6107 汉中
let coordinator: string; // 5206
let hall: string;

const LIST = `query($f: AnomalyFindingFilter, $first: Int, $after: String) { anomalyFindings(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id kind status subjectType subjectLabel regionCode summary
  evidence { figures { name value unit text } orderIds } evidenceOrders { id orderNo totalAmount } } } } }`;
const ONE = `query($id: ID!) { anomalyFinding(id: $id) { id status reviewerName reviewReason excludedFromStatistics suspensionProposalId } }`;
const REVIEW = `mutation($id: ID!, $d: AnomalyReviewDecision!, $r: String!, $x: Boolean, $s: Boolean) {
  reviewAnomalyFinding(id: $id, decision: $d, reason: $r, excludeFromStatistics: $x, proposeSuspension: $s) { id status reviewerName reviewReason excludedFromStatistics suspensionProposalId } }`;

/** An uncertified sale in the assistance hall by a supplier of the county: one UNCERTIFIED_UNDER_LABEL finding per order. */
async function findingIn(countyCode: string): Promise<{ id: string; orderId: string; supplierId: string }> {
  const s = await supplier(ds, countyCode);
  const p = await product(ds, s);
  const orderId = await insertOrder(ds, await customer(ds), hall, new Date(), [
    lineOf(s, p, 6_800, { certified: false }),
  ]);
  await detect(server, AnomalyKind.UNCERTIFIED_UNDER_LABEL, [orderId]);
  const [f] = await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, orderId);
  return { id: f.id, orderId, supplierId: s };
}

beforeAll(async () => {
  ({ server, ds } = await startOversightServer());
  hall = await channel(ds, 'HALL');
  admin = await tokenFor(server, ds, Role.PLATFORM_ADMIN);
  auditor = await tokenFor(server, ds, Role.AUDITOR, '5206');
  otherAuditor = await tokenFor(server, ds, Role.AUDITOR, '6107');
  coordinator = await tokenFor(server, ds, Role.COORDINATOR, '5206');
});
afterAll(() => server?.close());

describe('the same evidence never opens two findings', () => {
  it('events, schedule and manual runs racing on one order open one finding', async () => {
    const s = await supplier(ds);
    const p = await product(ds, s);
    const o = await insertOrder(ds, await customer(ds), hall, new Date(), [lineOf(s, p, 6_800, { certified: false })]);
    const runs = await Promise.all([
      detect(server, AnomalyKind.UNCERTIFIED_UNDER_LABEL, [o], new Date(), DetectedVia.EVENT),
      detect(server, AnomalyKind.UNCERTIFIED_UNDER_LABEL, [o], new Date(), DetectedVia.EVENT),
      detect(server, AnomalyKind.UNCERTIFIED_UNDER_LABEL, null, new Date(), DetectedVia.SCHEDULE),
    ]);
    expect(runs.reduce((a, r) => a + r.opened, 0)).toBe(1);
    expect(await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, o)).toHaveLength(1);
    const again = await detect(server, AnomalyKind.UNCERTIFIED_UNDER_LABEL, [o]);
    expect(again.opened).toBe(0);
  });
});

describe('scope: auditors and coordinators see their region in SQL, admins all', () => {
  it('lists, filters and reads one finding within the prefix only', async () => {
    const tongren = await findingIn('520621000000');
    const hanzhong = await findingIn('610724000000');
    const ids = async (token: string, f: Record<string, unknown> = {}) =>
      (await server.gqlOk(LIST, { f, first: 100 }, token)).anomalyFindings.edges.map((e: any) => e.node.id) as string[];
    expect(await ids(auditor)).toContain(tongren.id);
    expect(await ids(auditor)).not.toContain(hanzhong.id);
    expect(await ids(auditor, { regionCode: '61' })).toEqual([]);
    expect(await ids(coordinator)).toContain(tongren.id);
    expect(await ids(otherAuditor)).toEqual(expect.arrayContaining([hanzhong.id]));
    expect(await ids(otherAuditor)).not.toContain(tongren.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([tongren.id, hanzhong.id]));
    expect(await ids(admin, { kind: 'SELF_DEALING' })).toEqual([]);
    expect(await ids(admin, { status: 'OPEN', subjectType: 'ORDER', regionCode: '610724000000' })).toEqual([
      hanzhong.id,
    ]);
    expectErrorCode(await server.gql(ONE, { id: hanzhong.id }, auditor), 'FORBIDDEN');
    expectErrorCode(await server.gql(LIST, {}, await tokenFor(server, ds, Role.PURCHASER)), 'FORBIDDEN');
    const node = (await server.gqlOk(LIST, { f: { regionCode: '520621' } }, auditor)).anomalyFindings.edges.find(
      (e: any) => e.node.id === tongren.id,
    ).node;
    expect(node.evidenceOrders).toEqual([expect.objectContaining({ id: tongren.orderId, totalAmount: 6_800 })]);
    expect(node.evidence.figures).toEqual(
      expect.arrayContaining([{ name: 'uncertifiedAmount', value: 6_800, unit: 'FEN', text: null }]),
    );
  });

  it('evidence names only the orders the caller may read', async () => {
    const here = await findingIn('520621000000');
    const there = await findingIn('610724000000');
    // A finding in 铜仁 whose evidence also holds an order of a 汉中 supplier (e.g. trade between the two).
    const [{ id }] = await ds.query(
      `INSERT INTO anomaly_finding (kind, severity, subject_type, subject_id, subject_label, region_code, summary, order_ids, evidence_key, detected_via)
       VALUES ('CIRCULAR_TRADE', 'HIGH', 'SUPPLIER', $1, 'x', '520621000000', 'x', $2::uuid[], $3, 'MANUAL') RETURNING id`,
      [here.supplierId, [here.orderId, there.orderId], `test:${here.orderId}`],
    );
    const Q = `query($id: ID!) { anomalyFinding(id: $id) { evidence { orderIds } evidenceOrders { id } } }`;
    const mine = (await server.gqlOk(Q, { id }, auditor)).anomalyFinding;
    expect(mine.evidenceOrders.map((o: any) => o.id)).toEqual([here.orderId]);
    const all = (await server.gqlOk(Q, { id }, admin)).anomalyFinding;
    expect(all.evidenceOrders.map((o: any) => o.id).sort()).toEqual([here.orderId, there.orderId].sort());
  });

  it('pages newest first with a cursor', async () => {
    const first = await server.gqlOk(LIST, { first: 1 }, admin);
    const second = await server.gqlOk(LIST, { first: 1, after: first.anomalyFindings.pageInfo.endCursor }, admin);
    expect(first.anomalyFindings.pageInfo.hasNextPage).toBe(true);
    expect(second.anomalyFindings.edges[0].node.id).not.toBe(first.anomalyFindings.edges[0].node.id);
    expectErrorCode(await server.gql(LIST, { first: 1, after: 'nope' }, admin), 'BAD_USER_INPUT');
  });

  it('pages through findings detected in one transaction (same microsecond) without skipping any', async () => {
    // One detection run stamps all its findings with the transaction's now(): a cursor holding only
    // milliseconds would put every one after the page's last row out of reach.
    const here = await findingIn('520621000000');
    const marker = `same-tx-${Date.now()}`;
    const inserted: Array<{ id: string }> = await ds.query(
      `INSERT INTO anomaly_finding (kind, severity, subject_type, subject_id, subject_label, region_code, summary, evidence_key, detected_via, detected_at)
       SELECT 'CIRCULAR_TRADE', 'LOW', 'SUPPLIER', $1, $2, '520621000000', 'x', $2 || '-' || g, 'MANUAL', '2031-01-01 08:00:00.123456+08'
         FROM generate_series(1, 5) g RETURNING id`,
      [here.supplierId, marker],
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: any = (await server.gqlOk(LIST, { first: 2, after }, admin)).anomalyFindings;
      seen.push(...res.edges.map((e: any) => e.node.id));
      after = res.pageInfo.endCursor;
      if (seen.length >= 5) break;
    }
    expect(seen.slice(0, 5).sort()).toEqual(inserted.map((r) => r.id).sort());
  });
});

describe('review', () => {
  it('only auditors in the region (and admins) review, with a reason, once', async () => {
    const f = await findingIn('520621000000');
    expectErrorCode(await server.gql(REVIEW, { id: f.id, d: 'CONFIRM', r: '核实' }, coordinator), 'FORBIDDEN');
    expectErrorCode(await server.gql(REVIEW, { id: f.id, d: 'CONFIRM', r: '核实' }, otherAuditor), 'FORBIDDEN');
    expectErrorCode(await server.gql(REVIEW, { id: f.id, d: 'CONFIRM', r: '  ' }, auditor), 'BAD_USER_INPUT');
    expectErrorCode(
      await server.gql(REVIEW, { id: f.id, d: 'DISMISS', r: '误报', x: true }, auditor),
      'BAD_USER_INPUT',
    );
    const done = await server.gqlOk(REVIEW, { id: f.id, d: 'DISMISS', r: '证书已续期，属误报' }, auditor);
    expect(done.reviewAnomalyFinding).toMatchObject({
      status: 'DISMISSED',
      reviewReason: '证书已续期，属误报',
      excludedFromStatistics: false,
      suspensionProposalId: null,
    });
    expect(done.reviewAnomalyFinding.reviewerName).toBe('AUDITOR'); // the auditor's display name, from identity
    expectErrorCode(
      await server.gql(REVIEW, { id: f.id, d: 'CONFIRM', r: 'again' }, admin),
      'FINDING_ALREADY_REVIEWED',
    );
    expectErrorCode(
      await server.gql(REVIEW, { id: '00000000-0000-0000-0000-000000000009', d: 'CONFIRM', r: 'x' }, admin),
      'NOT_FOUND',
    );
    // A reviewed finding stays as reviewed: detection runs again without reopening or touching it.
    const rerun = await detect(server, AnomalyKind.UNCERTIFIED_UNDER_LABEL, [f.orderId]);
    expect(rerun).toMatchObject({ opened: 0, refreshed: 0 });
  });

  it('confirming excludes the orders from statistics as append-only corrections and proposes the supplier’s suspension', async () => {
    const f = await findingIn('520621000000');
    const done = await server.gqlOk(REVIEW, { id: f.id, d: 'CONFIRM', r: '假冒帮扶产品', x: true, s: true }, auditor);
    expect(done.reviewAnomalyFinding).toMatchObject({ status: 'CONFIRMED', excludedFromStatistics: true });
    const [proposal] = await ds.query(`SELECT * FROM supplier_suspension_proposal WHERE id = $1`, [
      done.reviewAnomalyFinding.suspensionProposalId,
    ]);
    expect(proposal).toMatchObject({
      supplier_id: f.supplierId,
      source: 'ANOMALY_FINDING',
      source_ref: f.id,
      status: 'PROPOSED',
    });
    const corrections = await ds.query(
      `SELECT order_id, reason FROM anomaly_statistics_correction WHERE finding_id = $1`,
      [f.id],
    );
    expect(corrections).toEqual([{ order_id: f.orderId, reason: 'UNCERTIFIED_UNDER_LABEL: 假冒帮扶产品' }]);
    expect(
      await server.app.get(StatisticsCorrectionService).excludedOrderIds(sys(), [f.orderId, f.supplierId]),
    ).toEqual([f.orderId]);
    // Statistics reversed the order in the same transaction: its own correction row, naming the finding (libs/statistics specs cover the figures).
    expect(await server.app.get(StatsExclusionService).corrections(sys(), [f.orderId])).toMatchObject([
      {
        orderId: f.orderId,
        source: 'ANOMALY_FINDING',
        sourceRef: f.id,
        reason: 'UNCERTIFIED_UNDER_LABEL: 假冒帮扶产品',
      },
    ]);
    await expect(ds.query(`DELETE FROM anomaly_statistics_correction WHERE finding_id = $1`, [f.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(
      ds.query(`UPDATE anomaly_statistics_correction SET reason = 'x' WHERE finding_id = $1`, [f.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('a finding about no supplier cannot propose a suspension', async () => {
    const c = await channel(ds, 'COUNTER', { regionCode: '520621000000', assistanceOnly: false });
    const s = await supplier(ds);
    const p = await product(ds, s);
    await insertOrder(ds, await customer(ds), c, new Date(), [lineOf(s, p, 50_000, { certified: false })]);
    await detect(server, AnomalyKind.UNCERTIFIED_UNDER_LABEL);
    const [f] = await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, c);
    expectErrorCode(
      await server.gql(REVIEW, { id: f.id, d: 'CONFIRM', r: '核实', s: true }, auditor),
      'FINDING_HAS_NO_SUPPLIER',
    );
    expect((await server.gqlOk(ONE, { id: f.id }, auditor)).anomalyFinding.status).toBe('OPEN');
  });
});

describe('admin: thresholds and manual runs', () => {
  const SET = `mutation($k: AnomalyKind!, $p: String!, $v: [AnomalyThresholdInput!]!) { setAnomalyThresholds(kind: $k, regionPrefix: $p, values: $v) {
    kind thresholds { name defaultValue } overrides { regionPrefix values { name value } } } }`;
  const RULES = `{ anomalyRules { kind overrides { regionPrefix } } }`;
  const RUN = `mutation($r: String) { runAnomalyDetection(regionCode: $r) { candidates opened openedIds } }`;

  it('sets a region’s thresholds (validated), shows overrides on the caller’s path, and removes them', async () => {
    const set = await server.gqlOk(SET, { k: 'ORDER_BURST', p: '6107', v: [{ name: 'minOrders', value: 3 }] }, admin);
    expect(set.setAnomalyThresholds.overrides).toEqual([
      { regionPrefix: '6107', values: [{ name: 'minOrders', value: 3 }] },
    ]);
    expect(set.setAnomalyThresholds.thresholds).toEqual(
      expect.arrayContaining([{ name: 'minOrders', defaultValue: 5 }]),
    );
    expectErrorCode(
      await server.gql(SET, { k: 'ORDER_BURST', p: '6107', v: [{ name: 'nope', value: 3 }] }, admin),
      'BAD_USER_INPUT',
    );
    expectErrorCode(
      await server.gql(SET, { k: 'ORDER_BURST', p: '6107', v: [{ name: 'minOrders', value: 2.5 }] }, admin),
      'BAD_USER_INPUT',
    );
    expectErrorCode(await server.gql(SET, { k: 'ORDER_BURST', p: '61x', v: [] }, admin), 'BAD_USER_INPUT');
    expectErrorCode(
      await server.gql(SET, { k: 'ORDER_BURST', p: '5206', v: [{ name: 'minOrders', value: 3 }] }, auditor),
      'FORBIDDEN',
    );
    const overridesFor = async (token: string) =>
      (await server.gqlOk(RULES, {}, token)).anomalyRules.find((r: any) => r.kind === 'ORDER_BURST').overrides;
    expect(await overridesFor(otherAuditor)).toEqual([{ regionPrefix: '6107' }]);
    expect(await overridesFor(auditor)).toEqual([]);
    const cleared = await server.gqlOk(SET, { k: 'ORDER_BURST', p: '6107', v: [] }, admin);
    expect(cleared.setAnomalyThresholds.overrides).toEqual([]);
  });

  it('runs the scan now for one region, keeping only that region’s findings', async () => {
    const make = async (county: string) => {
      const s = await supplier(ds, county);
      const p = await product(ds, s);
      return insertOrder(ds, await customer(ds), hall, new Date(), [lineOf(s, p, 6_800, { certified: false })]);
    };
    const [tongren, hanzhong] = [await make('520621000000'), await make('610724000000')];
    expectErrorCode(await server.gql(RUN, { r: '5206' }, auditor), 'FORBIDDEN');
    expectErrorCode(await server.gql(RUN, { r: 'x' }, admin), 'BAD_USER_INPUT');
    const run = (await server.gqlOk(RUN, { r: '5206' }, admin)).runAnomalyDetection;
    expect(run.opened).toBeGreaterThanOrEqual(1);
    const [f] = await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, tongren);
    expect(f).toMatchObject({ detected_via: 'MANUAL' });
    expect(run.openedIds).toContain(f.id);
    expect(await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, hanzhong)).toEqual([]);
  });
});
