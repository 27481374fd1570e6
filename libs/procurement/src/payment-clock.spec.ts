import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { OrderService } from '@bangfu/ordering';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { addDays, clockFigures, daysBetween, lateInterest } from './payment-clock';
import {
  accept,
  actor,
  type Actor,
  APPROVE,
  dispatchEvents,
  payShipDeliver,
  product,
  type Product,
  regional,
  staffedUnit,
  startTeaHall,
  submitOk,
  sys,
  type Unit,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let channel: string;
let tea: Product; // 50.00 yuan, supplier T
let veg: Product; // 33.33 yuan, supplier V
let tokens: Record<string, string>;
let platform: Actor;

let parent: Unit;
let child: Unit; // below parent, 铜仁市江口县
let other: Unit; // 陕西西乡, no relation
const ids: Record<string, string> = {};

const CLOCK = `query($f: PaymentClockFilter, $d: String) { paymentClock(filter: $f, asOf: $d) {
  asOf outstandingAmount overdueAmount interestAmount overdueCount
  entries { orderId orderNo orgId unitName supplierId supplierName amount acceptedOn termDays dailyRatePpm dueOn paidOn status daysOverdue interestAmount outstandingAmount }
  overdueUnits { orgId name overdueCount overdueAmount interestAmount maxDaysOverdue }
} }`;
const SET_TERMS = `mutation($r: String!, $t: Int!, $p: Int!) { setJurisdictionPaymentTerms(regionCode: $r, termDays: $t, dailyRatePpm: $p) { regionPrefix termDays dailyRatePpm } }`;

/** Approved, shipped, delivered and accepted; acceptance backdated to `acceptedAt` before the events are handled. */
async function acceptedOrder(
  u: Unit,
  terms: 'ON_DELIVERY' | 'PREPAY',
  acceptedAt: string,
  lines: Array<{ variantId: string; quantity: number }>,
): Promise<string> {
  const req = await submitOk(server, u.purchaser.token, u.id, channel, lines, { terms });
  await server.gqlOk(APPROVE, { id: req.id }, u.approver.token);
  await payShipDeliver(server, ds, req.orderId, u.purchaser, tokens);
  await accept(server, ds, req.orderId, u.purchaser);
  await ds.query(`UPDATE orders SET accepted_at = $2 WHERE id = $1`, [req.orderId, acceptedAt]);
  return req.orderId;
}

async function pay(orderId: string, paidAt: string): Promise<void> {
  const order = await server.app.get(OrderService).get(sys(), orderId);
  await server.app
    .get(OrderService)
    .markPaid(sys(), orderId, { paymentId: `pod-${orderId}`, amount: order.totalAmount });
  await ds.query(`UPDATE orders SET paid_at = $2 WHERE id = $1`, [orderId, paidAt]);
}

const clock = async (token: string, f: Record<string, unknown> = {}, d = '2025-08-01') =>
  (await server.gqlOk(CLOCK, { f, d }, token)).paymentClock;

beforeAll(async () => {
  ({ server, ds, channel, tea } = await startTeaHall());
  platform = await actor(server, ds, Role.PLATFORM_ADMIN);
  veg = await product(server, ds, { price: 3333 });
  tokens = { [tea.supplierId]: tea.supplierToken, [veg.supplierId]: veg.supplierToken };
  parent = await staffedUnit(server, ds, { regionCode: '520600000000' });
  child = await staffedUnit(server, ds, { regionCode: '520621000000', parentId: parent.id });
  other = await staffedUnit(server, ds, { regionCode: '610724000000' });

  // Accepted 2025-06-15 12:00 Shanghai: due 2025-07-15 (30 days, the acceptance day not counted).
  ids.mixed = await acceptedOrder(child, 'ON_DELIVERY', '2025-06-15T04:00:00Z', [
    { variantId: veg.variantId, quantity: 7 },
    { variantId: tea.variantId, quantity: 2 },
  ]);
  // Accepted 2025-06-10 (Shanghai, 23:30 on the 9th UTC), paid 2025-07-20: 10 days late.
  ids.late = await acceptedOrder(child, 'ON_DELIVERY', '2025-06-09T16:30:00Z', [
    { variantId: tea.variantId, quantity: 1 },
  ]);
  await pay(ids.late, '2025-07-20T02:00:00Z');
  // Prepaid: no clock.
  ids.prepaid = await acceptedOrder(child, 'PREPAY', '2025-06-15T04:00:00Z', [
    { variantId: tea.variantId, quantity: 3 },
  ]);
  // Another province, accepted 2025-07-01: not due on 2025-08-01.
  ids.other = await acceptedOrder(other, 'ON_DELIVERY', '2025-07-01T04:00:00Z', [
    { variantId: tea.variantId, quantity: 4 },
  ]);
  await dispatchEvents(server, ds);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('payment clock arithmetic', () => {
  it('counts from the day after acceptance and rounds interest half up to the fen', () => {
    expect(addDays('2025-06-15', 30)).toBe('2025-07-15');
    expect(addDays('2024-02-15', 30)).toBe('2024-03-16'); // leap year
    expect(daysBetween('2025-07-15', '2025-08-01')).toBe(17);
    expect(lateInterest(1000, 500, 1)).toBe(1); // 0.5 fen → 1
    expect(lateInterest(999, 500, 1)).toBe(0); // 0.4995 fen → 0
    expect(lateInterest(23_331, 500, 17)).toBe(198); // 198.3135
    expect(lateInterest(Number.MAX_SAFE_INTEGER, 500, 60)).toBe(270_215_977_642_230); // exact, no float
    expect(
      clockFigures({ dueOn: '2025-07-15', amount: 10_000, paidOn: null, dailyRatePpm: 500 }, '2025-07-15'),
    ).toEqual({ status: 'NOT_DUE', daysOverdue: 0, interestAmount: 0, outstandingAmount: 10_000 });
    expect(
      clockFigures({ dueOn: '2025-07-15', amount: 10_000, paidOn: '2025-07-25', dailyRatePpm: 500 }, '2025-07-20'),
    ).toMatchObject({ status: 'OVERDUE', daysOverdue: 5 });
  });
});

describe('payment clock', () => {
  it('gives every pay-on-delivery order its due date, days overdue and late interest per supplier', async () => {
    const r = await clock(platform.token, { orgId: child.id });
    const mine = r.entries.filter((e: any) => e.orderId === ids.mixed);
    expect(
      mine.map((e: any) => [e.supplierId, e.amount, e.acceptedOn, e.dueOn, e.status, e.daysOverdue, e.interestAmount]),
    ).toEqual(
      expect.arrayContaining([
        [veg.supplierId, 23_331, '2025-06-15', '2025-07-15', 'OVERDUE', 17, 198],
        [tea.supplierId, 10_000, '2025-06-15', '2025-07-15', 'OVERDUE', 17, 85], // 10000 × 0.0005 × 17
      ]),
    );
    expect(mine).toHaveLength(2);
    const late = r.entries.find((e: any) => e.orderId === ids.late);
    // Accepted on 06-10 Shanghai → due 07-10; paid 07-20 → 10 days × 5000 × 0.0005 = 25 fen.
    expect(late).toMatchObject({
      acceptedOn: '2025-06-10',
      dueOn: '2025-07-10',
      paidOn: '2025-07-20',
      status: 'PAID_LATE',
      daysOverdue: 10,
      interestAmount: 25,
      outstandingAmount: 0,
    });
    expect(r.entries.some((e: any) => e.orderId === ids.prepaid)).toBe(false);
    expect(r).toMatchObject({
      asOf: '2025-08-01',
      outstandingAmount: 33_331,
      overdueAmount: 33_331,
      overdueCount: 2,
      interestAmount: 198 + 85 + 25,
    });
    expect(r.overdueUnits).toEqual([
      {
        orgId: child.id,
        name: expect.any(String),
        overdueCount: 2,
        overdueAmount: 33_331,
        interestAmount: 308,
        maxDaysOverdue: 17,
      },
    ]);
    // The day the clock runs out is still on time.
    const onDue = await clock(platform.token, { orderId: ids.mixed }, '2025-07-15');
    expect(onDue.entries.map((e: any) => [e.status, e.daysOverdue, e.interestAmount])).toEqual([
      ['NOT_DUE', 0, 0],
      ['NOT_DUE', 0, 0],
    ]);
    // Before it was paid, the late order was overdue with interest running.
    expect((await clock(platform.token, { orderId: ids.late }, '2025-07-13')).entries[0]).toMatchObject({
      status: 'OVERDUE',
      daysOverdue: 3,
      interestAmount: 8,
    }); // 7.5 → 8
  });

  it('a payment stops the clock and is idempotent under repeated events', async () => {
    await pay(ids.mixed, '2025-08-05T02:00:00Z');
    await dispatchEvents(server, ds);
    await dispatchEvents(server, ds);
    const r = await clock(platform.token, { orderId: ids.mixed }, '2025-09-30');
    expect(r.entries.map((e: any) => [e.status, e.daysOverdue, e.interestAmount, e.outstandingAmount]).sort()).toEqual([
      ['PAID_LATE', 21, 105, 0],
      ['PAID_LATE', 21, 245, 0], // 23331 × 0.0005 × 21 = 244.97
    ]);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM payment_clock WHERE order_id = $1`, [ids.mixed]);
    expect(n).toBe(2);
  });

  it('suppliers see only what is owed to them', async () => {
    const v = await clock(veg.supplierToken, {}, '2025-08-01');
    expect(v.entries.length).toBeGreaterThan(0);
    expect(v.entries.every((e: any) => e.supplierId === veg.supplierId)).toBe(true);
    const t = await clock(tea.supplierToken, {}, '2025-08-01');
    expect(t.entries.every((e: any) => e.supplierId === tea.supplierId)).toBe(true);
    expect(t.entries.map((e: any) => e.orderId)).toEqual(expect.arrayContaining([ids.mixed, ids.late, ids.other]));
    // Asking for another supplier's part returns nothing, not an error that tells it exists.
    expect((await clock(veg.supplierToken, { supplierId: tea.supplierId })).entries).toEqual([]);
  });

  it('agency admins see their unit and the units below; coordinators their region; others nothing', async () => {
    expect(
      (await clock(parent.admin.token)).entries.map((e: any) => e.orgId).every((id: string) => id === child.id),
    ).toBe(true);
    expect((await clock(parent.admin.token)).entries.length).toBe(3);
    expect((await clock(other.admin.token)).entries.map((e: any) => e.orderId)).toEqual([ids.other]);
    expect((await clock(other.purchaser.token, { orgId: child.id })).entries).toEqual([]);
    const tongren = await regional(server, ds, Role.COORDINATOR, '5206');
    const r = await clock(tongren.token, { regionCode: '5206', overdueOnly: true });
    expect(r.entries.every((e: any) => e.orgId === child.id)).toBe(true);
    expectErrorCode(
      await server.gql(CLOCK, { f: { regionCode: '6107' }, d: '2025-08-01' }, tongren.token),
      'FORBIDDEN',
    );
    expectErrorCode(await server.gql(CLOCK, { f: { regionCode: '52' }, d: '2025-08-01' }, tongren.token), 'FORBIDDEN');
    expect((await clock(tongren.token, { orderId: ids.other })).entries).toEqual([]);
    const auditor = await regional(server, ds, Role.AUDITOR, '6107');
    expect((await clock(auditor.token)).entries.map((e: any) => e.orderId)).toEqual([ids.other]);
    expectErrorCode(await server.gql(CLOCK, { f: {}, d: '2025-02-30' }, auditor.token), 'INVALID_DATE');
  });

  it('terms are set per jurisdiction (at most 60 days) and fixed at acceptance', async () => {
    expectErrorCode(await server.gql(SET_TERMS, { r: '6107', t: 61, p: 500 }, platform.token), 'INVALID_PAYMENT_TERM');
    expectErrorCode(await server.gql(SET_TERMS, { r: '6107', t: 45, p: -1 }, platform.token), 'INVALID_INTEREST_RATE');
    expectErrorCode(await server.gql(SET_TERMS, { r: '610724', t: 45, p: 300 }, platform.token), 'WRONG_REGION_LEVEL');
    expectErrorCode(await server.gql(SET_TERMS, { r: '6107', t: 45, p: 300 }, other.admin.token), 'FORBIDDEN');
    expect(
      (await server.gqlOk(SET_TERMS, { r: '6107', t: 60, p: 300 }, platform.token)).setJurisdictionPaymentTerms,
    ).toEqual({ regionPrefix: '6107', termDays: 60, dailyRatePpm: 300 });
    const later = await acceptedOrder(other, 'ON_DELIVERY', '2025-07-01T04:00:00Z', [
      { variantId: tea.variantId, quantity: 2 },
    ]);
    await dispatchEvents(server, ds);
    const r = await clock(other.admin.token, {}, '2025-09-09');
    // Earlier order keeps 30 days: due 07-31, 40 days late × 20000 × 0.0005 = 400.
    expect(r.entries.find((e: any) => e.orderId === ids.other)).toMatchObject({
      termDays: 30,
      dueOn: '2025-07-31',
      daysOverdue: 40,
      interestAmount: 400,
    });
    // The new one: 60 days → due 08-30, 10 days × 10000 × 0.0003 = 30.
    expect(r.entries.find((e: any) => e.orderId === later)).toMatchObject({
      termDays: 60,
      dailyRatePpm: 300,
      dueOn: '2025-08-30',
      daysOverdue: 10,
      interestAmount: 30,
    });
  });

  it('exports the overdue list with Chinese headers', async () => {
    const tongren = await regional(server, ds, Role.COORDINATOR, '5206');
    const res = await fetch(
      `${server.url}/api/procurement/supervision/overdue.csv?regionCode=520600000000&asOf=2025-08-01`,
      { headers: { authorization: `Bearer ${tongren.token}` } },
    );
    expect(res.status).toBe(200);
    const buf = Buffer.from(await res.arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const lines = buf.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toContain('中小企业账款逾期支付情况（截至2025-08-01）');
    expect(lines[1]).toBe(
      '采购单位,供应商,订单号,应付金额（元）,验收日期,付款期限（天）,到期日,付款日期,状态,逾期天数,日利率,逾期利息（元）',
    );
    expect(
      lines.some((l) => l.includes('233.31') && l.includes('逾期未付') && l.includes(',17,') && l.endsWith('1.98')),
    ).toBe(true);
    const forbidden = await fetch(`${server.url}/api/procurement/supervision/overdue.csv?regionCode=610724000000`, {
      headers: { authorization: `Bearer ${tongren.token}` },
    });
    expect(forbidden.status).toBe(403);
  });
});
