import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { OrderService } from '@bangfu/ordering';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { ProcurementService } from './procurement.service';
import { ReservedShareProgressConsumer } from './progress.consumer';
import {
  accept,
  actor,
  type Actor,
  APPROVE,
  count,
  deliverAndAccept,
  dispatchEvents,
  FILE,
  payShipDeliver,
  type Product,
  product,
  regional,
  REJECT,
  RESERVED_SHARE,
  staffedUnit,
  startTeaHall,
  submitOk,
  sys,
  type Unit,
  WITHDRAW,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let channel: string;
let tea: Product; // certified, 50.00 yuan
let veg: Product; // certified, 33.33 yuan, another supplier
let plain: Product; // no certification, 20.00 yuan
let tokens: Record<string, string>;
let platform: Actor;

let root: Unit; // 铜仁市 unit with two subordinate units
let a: Unit;
let b: Unit;
let c: Unit; // elsewhere (陕西西乡), not below root
const ids: Record<string, string> = {};

const REBIND = `mutation($o: ID!, $t: ID!, $r: String!) { requestOrderRebinding(orderId: $o, toOrgId: $t, reason: $r) { id orderId fromOrgId toOrgId status } }`;
const APPROVE_REBIND = `mutation($id: ID!) { approveOrderRebinding(id: $id, comment: "经核实为乙单位食堂采购") { id status decidedByUserId } }`;
const REJECT_REBIND = `mutation($id: ID!) { rejectOrderRebinding(id: $id, reason: "证据不足") { id status } }`;
const SUBORDINATES = `query($o: ID!, $y: Int!) { subordinateCompletion(orgId: $o, year: $y) { rank orgId name reservedAmount countedAmount pendingAmount completionBasisPoints completionPercent filingOrgId } }`;
const REGION = `query($r: String!, $y: Int!) { regionCompletion(regionCode: $r, year: $y) { rank orgId reservedAmount countedAmount completionBasisPoints } }`;

/** Submits and approves; returns the order id. */
async function approvedOrder(
  u: Unit,
  lines: Array<{ variantId: string; quantity: number }>,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const req = await submitOk(server, u.purchaser.token, u.id, channel, lines, extra);
  await server.gqlOk(APPROVE, { id: req.id }, u.approver.token);
  return req.orderId;
}

async function file(u: Unit, year: number, budget: number, ratioBps = 1000) {
  await server.gqlOk(
    FILE,
    { i: { orgId: u.id, year, canteenMode: 'OWN', canteenBudget: budget, ratioBps } },
    u.admin.token,
  );
}

async function share(orgId: string, year: number, token = platform.token) {
  return (await server.gqlOk(RESERVED_SHARE, { o: orgId, y: year }, token)).reservedShare;
}

/**
 * The completion figures computed independently from the orders themselves (not from the rollup):
 * certified lines of orders accepted in the year (Asia/Shanghai, by SQL), net of refunds made before
 * acceptance, minus certified parts of refunds made in the year after acceptance; pending = certified
 * amounts of approved orders not accepted yet, by the year they were placed.
 */
async function independent(
  orgId: string,
  year: number,
): Promise<{ counted: number; pending: number; uncertified: number; monthly: number[] }> {
  const orders: Array<{
    id: string;
    status: string;
    accepted_at: Date | null;
    acc_year: number | null;
    acc_month: number | null;
  }> = await ds.query(
    `SELECT o.id, o.status, o.accepted_at,
            EXTRACT(YEAR FROM o.accepted_at AT TIME ZONE 'Asia/Shanghai')::int AS acc_year,
            EXTRACT(MONTH FROM o.accepted_at AT TIME ZONE 'Asia/Shanghai')::int AS acc_month
       FROM orders o LEFT JOIN order_binding b ON b.order_id = o.id
      WHERE o.buyer_kind = 'AGENCY' AND COALESCE(b.org_id, o.buyer_org_id) = $1`,
    [orgId],
  );
  const monthly = Array.from({ length: 12 }, () => 0);
  let counted = 0;
  let pending = 0;
  let uncertified = 0;
  for (const o of orders) {
    const lines: Array<{ id: string; line_total: string; refunded_amount: string; certified: boolean }> =
      await ds.query(`SELECT id, line_total, refunded_amount, certified FROM order_line WHERE order_id = $1`, [o.id]);
    const certified = new Map(lines.map((l) => [l.id, l.certified]));
    const refunds: Array<{
      created_at: Date;
      lines: Array<{ lineId: string; amount: number }>;
      r_year: number;
      r_month: number;
    }> = await ds.query(
      `SELECT created_at, lines, EXTRACT(YEAR FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS r_year, EXTRACT(MONTH FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS r_month
         FROM order_refund WHERE order_id = $1`,
      [o.id],
    );
    if (o.accepted_at) {
      const acceptedAt = new Date(o.accepted_at).getTime();
      if (o.acc_year === year) {
        for (const l of lines) {
          const before = refunds
            .filter((r) => new Date(r.created_at).getTime() <= acceptedAt)
            .flatMap((r) => r.lines)
            .filter((p) => p.lineId === l.id)
            .reduce((s, p) => s + p.amount, 0);
          const net = Number(l.line_total) - before;
          if (l.certified) {
            counted += net;
            monthly[(o.acc_month as number) - 1] += net;
          } else uncertified += net;
        }
      }
      for (const r of refunds.filter((x) => new Date(x.created_at).getTime() > acceptedAt && x.r_year === year)) {
        for (const p of r.lines) {
          if (certified.get(p.lineId)) {
            counted -= p.amount;
            monthly[r.r_month - 1] -= p.amount;
          } else uncertified -= p.amount;
        }
      }
    } else if (['PLACED', 'PAID', 'CONFIRMED', 'FULFILLING', 'DELIVERED', 'PARTIALLY_REFUNDED'].includes(o.status)) {
      const [placed] = await ds.query(
        `SELECT EXTRACT(YEAR FROM min(created_at) AT TIME ZONE 'Asia/Shanghai')::int AS y FROM order_history WHERE order_id = $1 AND to_status = 'PLACED'`,
        [o.id],
      );
      if (placed.y === year)
        pending += lines
          .filter((l) => l.certified)
          .reduce((s, l) => s + Number(l.line_total) - Number(l.refunded_amount), 0);
    }
  }
  return { counted, pending, uncertified, monthly };
}

async function expectReconciled(u: Unit, years: number[]): Promise<void> {
  for (const year of years) {
    const got = await share(u.id, year);
    const want = await independent(u.id, year);
    expect({
      year,
      counted: got.countedAmount,
      pending: got.pendingAmount,
      uncertified: got.uncertifiedAmount,
      monthly: got.monthly.map((m: any) => m.countedAmount),
    }).toEqual({
      year,
      counted: want.counted,
      pending: want.pending,
      uncertified: want.uncertified,
      monthly: want.monthly,
    });
  }
}

const backdate = (orderId: string, acceptedAt: string) =>
  ds.query(`UPDATE orders SET accepted_at = $2 WHERE id = $1`, [orderId, acceptedAt]);

beforeAll(async () => {
  ({ server, ds, channel, tea } = await startTeaHall());
  platform = await actor(server, ds, Role.PLATFORM_ADMIN);
  plain = await product(server, ds, {
    price: 2000,
    certified: false,
    supplierId: tea.supplierId,
    supplierToken: tea.supplierToken,
  });
  veg = await product(server, ds, { price: 3333 });
  tokens = { [tea.supplierId]: tea.supplierToken, [veg.supplierId]: veg.supplierToken };

  root = await staffedUnit(server, ds, { regionCode: '520600000000' });
  a = await staffedUnit(server, ds, { regionCode: '520621000000', parentId: root.id });
  b = await staffedUnit(server, ds, { regionCode: '520627000000', parentId: root.id });
  c = await staffedUnit(server, ds, { regionCode: '610724000000' });
  await file(a, 2025, 10_000_000); // reserved 1,000,000
  await file(a, 2026, 12_000_000, 1500); // reserved 1,800,000
  await file(b, 2025, 5_000_000); // 500,000
  await file(b, 2026, 5_000_000); // 500,000
  await file(c, 2026, 2_000_000); // 200,000

  // Unit A, two years.
  ids.a1 = await approvedOrder(a, [{ variantId: tea.variantId, quantity: 10 }]); // 50,000 → June 2025
  ids.a2 = await approvedOrder(a, [
    { variantId: tea.variantId, quantity: 4 },
    { variantId: plain.variantId, quantity: 5 },
  ]); // 20,000 + 10,000 uncertified → 23:30 Dec 31 2025 (Shanghai)
  ids.a3 = await approvedOrder(a, [{ variantId: veg.variantId, quantity: 7 }], { terms: 'ON_DELIVERY' }); // 23,331 → 00:30 Jan 1 2026 (Shanghai)
  ids.a4 = await approvedOrder(a, [{ variantId: tea.variantId, quantity: 20 }]); // 100,000 → Nov 2025, refund 30,000 in March 2026
  ids.a5 = await approvedOrder(a, [{ variantId: tea.variantId, quantity: 2 }]); // 10,000 pending (placed now, 2026)
  ids.a6 = await approvedOrder(a, [{ variantId: tea.variantId, quantity: 3 }], { tradeUnion: true }); // 15,000 trade union → May 2026
  for (const id of [ids.a1, ids.a2, ids.a3, ids.a4, ids.a6])
    await deliverAndAccept(server, ds, id, a.purchaser, tokens);
  await server.app.get(OrderService).recordRefund(sys(), ids.a4, { refundId: 'rf-a4', amount: 30_000 });

  // Unit B: one plain acceptance, one refunded before acceptance, one rejected, one withdrawn.
  ids.b1 = await approvedOrder(b, [{ variantId: veg.variantId, quantity: 30 }]); // 99,990 → Feb 2026
  ids.b2 = await approvedOrder(b, [{ variantId: tea.variantId, quantity: 6 }]); // 30,000, refund 5,000 before acceptance → 25,000 in Apr 2026
  await deliverAndAccept(server, ds, ids.b1, b.purchaser, tokens);
  await payShipDeliver(server, ds, ids.b2, b.purchaser, tokens);
  await server.app.get(OrderService).recordRefund(sys(), ids.b2, { refundId: 'rf-b2', amount: 5000 });
  await accept(server, ds, ids.b2, b.purchaser);
  const rejected = await submitOk(server, b.purchaser.token, b.id, channel, [
    { variantId: tea.variantId, quantity: 1 },
  ]);
  await server.gqlOk(REJECT, { id: rejected.id, r: '重复采购' }, b.approver.token);
  const withdrawn = await submitOk(server, b.purchaser.token, b.id, channel, [
    { variantId: tea.variantId, quantity: 1 },
  ]);
  await server.gqlOk(WITHDRAW, { id: withdrawn.id, r: '改日再买' }, b.purchaser.token);
  ids.bPending = (
    await submitOk(server, b.purchaser.token, b.id, channel, [{ variantId: tea.variantId, quantity: 1 }])
  ).orderId; // awaiting approval: not pending yet

  // Unit C, elsewhere.
  ids.c1 = await approvedOrder(c, [{ variantId: tea.variantId, quantity: 1 }]); // 5,000 → July 2026
  await deliverAndAccept(server, ds, ids.c1, c.purchaser, tokens);

  // The periods the scenario is about (the server only knows "now").
  await backdate(ids.a1, '2025-06-15T04:00:00Z');
  await backdate(ids.a2, '2025-12-31T15:30:00Z');
  await backdate(ids.a3, '2025-12-31T16:30:00Z');
  await backdate(ids.a4, '2025-11-10T02:00:00Z');
  await ds.query(`UPDATE order_refund SET created_at = '2026-03-05T03:00:00Z' WHERE refund_id = 'rf-a4'`);
  await backdate(ids.a6, '2026-05-20T06:00:00Z');
  await backdate(ids.b1, '2026-02-01T01:00:00Z');
  await ds.query(`UPDATE order_refund SET created_at = '2026-04-01T01:00:00Z' WHERE refund_id = 'rf-b2'`);
  await backdate(ids.b2, '2026-04-10T01:00:00Z');
  await backdate(ids.c1, '2026-07-01T01:00:00Z');
  await ds.query(
    `UPDATE order_history SET created_at = '2026-10-01T02:00:00Z' WHERE order_id = $1 AND to_status = 'PLACED'`,
    [ids.a5],
  );

  await dispatchEvents(server, ds);
}, 180_000);
afterAll(() => server?.close());

describe('reservedShare completion (一个口径)', () => {
  it('counts accepted certified lines in the Asia/Shanghai month of acceptance; refunds subtract when they happen', async () => {
    const y2025 = await share(a.id, 2025, a.admin.token);
    expect(y2025).toMatchObject({
      reservedAmount: 1_000_000,
      countedAmount: 170_000,
      uncertifiedAmount: 10_000,
      tradeUnionAmount: 0,
      pendingAmount: 0,
      completionBasisPoints: 1700,
      completionPercent: 17,
    });
    expect(y2025.monthly.filter((m: any) => m.countedAmount !== 0)).toEqual([
      { month: 6, countedAmount: 50_000 },
      { month: 11, countedAmount: 100_000 },
      { month: 12, countedAmount: 20_000 },
    ]);
    const y2026 = await share(a.id, 2026, a.purchaser.token);
    expect(y2026).toMatchObject({
      reservedAmount: 1_800_000,
      countedAmount: 23_331 - 30_000 + 15_000,
      tradeUnionAmount: 15_000,
      pendingAmount: 10_000,
      completionBasisPoints: 46,
      completionPercent: 0.46,
    });
    expect(y2026.monthly.filter((m: any) => m.countedAmount !== 0)).toEqual([
      { month: 1, countedAmount: 23_331 },
      { month: 3, countedAmount: -30_000 },
      { month: 5, countedAmount: 15_000 },
    ]);
    expect(y2026.monthly).toHaveLength(12);
    // A refund before acceptance reduces what the acceptance counts.
    expect(await share(b.id, 2026)).toMatchObject({
      countedAmount: 99_990 + 25_000,
      pendingAmount: 0,
      completionBasisPoints: 2499,
    });
    expect(await share(c.id, 2026)).toMatchObject({ countedAmount: 5000, completionBasisPoints: 250 });
    expect(await share(b.id, 2025)).toMatchObject({ countedAmount: 0, completionBasisPoints: 0 });
  });

  it('reconciles exactly with the accepted orders for every unit and year', async () => {
    for (const u of [a, b, c, root]) await expectReconciled(u, [2025, 2026, 2027]);
  });

  it('is idempotent: events handled again and direct hook calls change nothing', async () => {
    const before = await ds.query(
      `SELECT org_id, year, month, counted_amount, pending_amount, uncertified_amount, trade_union_amount FROM reserved_share_progress ORDER BY 1, 2, 3`,
    );
    const movements = await count(ds, `SELECT count(*) FROM reserved_share_movement`);
    await dispatchEvents(server, ds);
    const procurement = server.app.get(ProcurementService);
    for (const id of Object.values(ids)) {
      await procurement.onOrderAccepted(sys(), id);
      await procurement.onOrderRefunded(sys(), id);
      await procurement.onOrderPlaced(sys(), id);
    }
    // The outbox consumer of another run would see the same events: simulate a lost consumption record.
    await ds.query(`DELETE FROM outbox_consumption WHERE consumer = 'procurement.reserved-share'`);
    await dispatchEvents(server, ds);
    expect(
      await ds.query(
        `SELECT org_id, year, month, counted_amount, pending_amount, uncertified_amount, trade_union_amount FROM reserved_share_progress ORDER BY 1, 2, 3`,
      ),
    ).toEqual(before);
    expect(await count(ds, `SELECT count(*) FROM reserved_share_movement`)).toBe(movements);
  });

  it('a unit with no filing has figures but no completion', async () => {
    expect(await share(root.id, 2026)).toMatchObject({
      reservedAmount: 0,
      countedAmount: 0,
      completionBasisPoints: null,
      filing: null,
    });
  });
});

describe('rankings', () => {
  it('an agency admin sees its subordinate units ranked by completion', async () => {
    const ranked = (await server.gqlOk(SUBORDINATES, { o: root.id, y: 2026 }, root.admin.token)).subordinateCompletion;
    expect(ranked.map((r: any) => [r.rank, r.orgId, r.completionBasisPoints])).toEqual([
      [1, b.id, 2499],
      [2, a.id, 46],
    ]);
    expect(ranked[0]).toMatchObject({ reservedAmount: 500_000, countedAmount: 124_990, completionPercent: 24.99 });
    expectErrorCode(await server.gql(SUBORDINATES, { o: root.id, y: 2026 }, a.admin.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(SUBORDINATES, { o: root.id, y: 2026 }, root.purchaser.token), 'FORBIDDEN');
    expect((await server.gqlOk(SUBORDINATES, { o: a.id, y: 2026 }, root.admin.token)).subordinateCompletion).toEqual(
      [],
    );
  });

  it('coordinators see every unit of their region, filtered in SQL; other regions are FORBIDDEN', async () => {
    const coordinator = await regional(server, ds, Role.COORDINATOR, '5206');
    const ranked = (await server.gqlOk(REGION, { r: '520600000000', y: 2026 }, coordinator.token)).regionCompletion;
    expect(ranked.map((r: any) => r.orgId)).toEqual([b.id, a.id, root.id]);
    expect(ranked[2]).toMatchObject({ orgId: root.id, completionBasisPoints: null, rank: 3 });
    const county = (await server.gqlOk(REGION, { r: '520627', y: 2026 }, coordinator.token)).regionCompletion;
    expect(county.map((r: any) => r.orgId)).toContain(b.id);
    expect(county.map((r: any) => r.orgId)).not.toContain(a.id);
    const auditor = await regional(server, ds, Role.AUDITOR, '6107');
    expect(
      (await server.gqlOk(REGION, { r: '6107', y: 2026 }, auditor.token)).regionCompletion.map((r: any) => r.orgId),
    ).toContain(c.id);
    expectErrorCode(await server.gql(REGION, { r: '5206', y: 2026 }, auditor.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(REGION, { r: '52', y: 2026 }, coordinator.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(REGION, { r: '5206', y: 2026 }, root.admin.token), 'FORBIDDEN');
  });
});

describe('re-binding an order to another unit', () => {
  it('a shipped order needs a coordinator of the current unit’s region; the counted amount then moves in its periods', async () => {
    const before = { a: await share(a.id, 2025), b: await share(b.id, 2025) };
    expectErrorCode(
      await server.gql(REBIND, { o: ids.a1, t: b.id, r: '实际为乙单位食堂' }, b.admin.token),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(REBIND, { o: ids.a1, t: b.id, r: '实际为乙单位食堂' }, a.purchaser.token),
      'FORBIDDEN',
    );
    expectErrorCode(await server.gql(REBIND, { o: ids.a1, t: a.id, r: '同一单位' }, a.admin.token), 'SAME_UNIT');
    const asked = (await server.gqlOk(REBIND, { o: ids.a1, t: b.id, r: '实际为乙单位食堂' }, root.admin.token))
      .requestOrderRebinding;
    expect(asked).toMatchObject({ status: 'PENDING', fromOrgId: a.id, toOrgId: b.id });
    expectErrorCode(
      await server.gql(REBIND, { o: ids.a1, t: c.id, r: '再次申请' }, root.admin.token),
      'REBINDING_PENDING',
    );
    // Nothing moved yet.
    expect((await share(a.id, 2025)).countedAmount).toBe(before.a.countedAmount);

    const elsewhere = await regional(server, ds, Role.COORDINATOR, '6107');
    expectErrorCode(await server.gql(APPROVE_REBIND, { id: asked.id }, elsewhere.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(APPROVE_REBIND, { id: asked.id }, root.admin.token), 'FORBIDDEN');
    const coordinator = await regional(server, ds, Role.COORDINATOR, '520621');
    expect(
      (await server.gqlOk(APPROVE_REBIND, { id: asked.id }, coordinator.token)).approveOrderRebinding,
    ).toMatchObject({ status: 'APPROVED', decidedByUserId: coordinator.userId });
    expectErrorCode(await server.gql(APPROVE_REBIND, { id: asked.id }, coordinator.token), 'REBINDING_NOT_PENDING');

    const after = { a: await share(a.id, 2025), b: await share(b.id, 2025) };
    expect(after.a.countedAmount).toBe(before.a.countedAmount - 50_000);
    expect(after.b.countedAmount).toBe(before.b.countedAmount + 50_000);
    expect(after.b.monthly[5]).toEqual({ month: 6, countedAmount: 50_000 });
    for (const u of [a, b]) await expectReconciled(u, [2025, 2026]);
    // The acceptance record now shows the new unit.
    expect(await ds.query(`SELECT org_id FROM order_binding WHERE order_id = $1`, [ids.a1])).toEqual([
      { org_id: b.id },
    ]);
  });

  it('an unshipped order moves at once between units the admin administers, pending amount included', async () => {
    const before = await share(b.id, 2026);
    const applied = (await server.gqlOk(REBIND, { o: ids.a5, t: b.id, r: '录入单位有误' }, root.admin.token))
      .requestOrderRebinding;
    expect(applied.status).toBe('APPLIED');
    expect((await share(a.id, 2026)).pendingAmount).toBe(0);
    expect((await share(b.id, 2026)).pendingAmount).toBe(before.pendingAmount + 10_000);
    for (const u of [a, b]) await expectReconciled(u, [2025, 2026]);
  });

  it('a move outside the requester’s units waits for a coordinator, who may reject it', async () => {
    const asked = (await server.gqlOk(REBIND, { o: ids.a6, t: c.id, r: '工会活动由丙单位组织' }, a.admin.token))
      .requestOrderRebinding;
    expect(asked.status).toBe('PENDING');
    const coordinator = await regional(server, ds, Role.COORDINATOR, '5206');
    expect((await server.gqlOk(REJECT_REBIND, { id: asked.id }, coordinator.token)).rejectOrderRebinding.status).toBe(
      'REJECTED',
    );
    expect(await ds.query(`SELECT org_id FROM order_binding WHERE order_id = $1`, [ids.a6])).toEqual([
      { org_id: a.id },
    ]);
    const list = (await server.gqlOk(`{ orderRebindings { id status } }`, {}, coordinator.token)).orderRebindings;
    expect(list.map((r: any) => r.id)).toContain(asked.id);
  });
});

describe('trade-union purchases', () => {
  it('count when flagged, shown separately; the flag cannot change once counted', async () => {
    const FLAG = `mutation($o: ID!, $t: Boolean!) { flagTradeUnionPurchase(orderId: $o, tradeUnion: $t) { orderId orgId tradeUnion } }`;
    expectErrorCode(await server.gql(FLAG, { o: ids.a6, t: false }, a.admin.token), 'ORDER_ALREADY_COUNTED');
    expectErrorCode(await server.gql(FLAG, { o: ids.bPending, t: true }, a.admin.token), 'FORBIDDEN');
    expect(
      (await server.gqlOk(FLAG, { o: ids.bPending, t: true }, b.admin.token)).flagTradeUnionPurchase,
    ).toMatchObject({ orgId: b.id, tradeUnion: true });
    expect(
      (await ds.query(`SELECT trade_union FROM purchase_request WHERE order_id = $1`, [ids.bPending]))[0].trade_union,
    ).toBe(true);
  });
});

describe('the reserved-share consumer', () => {
  it('reads nothing for a retail order’s order.placed: no unit’s figures can change then', async () => {
    // An order id that exists nowhere: a consumer that read the order would fail with NOT_FOUND.
    const orderId = crypto.randomUUID();
    const event = (buyerKind: 'CUSTOMER' | 'AGENCY') => ({
      id: crypto.randomUUID(),
      type: 'order.placed',
      version: 1,
      aggregateId: orderId,
      payload: { orderId, buyerKind } as never,
      createdAt: new Date().toISOString(),
    });
    const consumer = server.app.get(ReservedShareProgressConsumer);
    await expect(consumer.handle(sys(), event('CUSTOMER'))).resolves.toBeUndefined();
    await expect(consumer.handle(sys(), event('AGENCY'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
