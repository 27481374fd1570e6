import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, Role } from '@bangfu/core';
import { HouseholdStatus } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { subscriptionsOf } from '@bangfu/events';
import { AttributionEventConsumer } from './attribution.consumer';
import { AttributionJobs, defaultReconcileWindow, RECONCILE_JOB } from './attribution.jobs';
import { AttributionService } from './attribution.service';
import { ReconciliationService } from './reconciliation.service';
import { runAttributionReconcile } from './reconcile-command';
import {
  accept,
  actor,
  type Actor,
  agency,
  type Buyer,
  channel,
  count,
  customer,
  deliver,
  eventFacts,
  insertOrder,
  link,
  product,
  refund,
  rule,
  SpecOrderFacts,
  startAttributionServer,
  supplier,
  sys,
  villages,
} from './test-helpers';

const specReader = (db: Db) => new SpecOrderFacts(db);

/**
 * The README's worked example, end to end: 贵州梵净山绿茶礼盒 at ¥168 a box, two lots from three
 * households (ids fixed so the largest-remainder ties are predictable: 田 < 杨 < 吴, L1 < L2).
 */
const TIAN = '00000000-0000-4000-8000-000000000001';
const YANG = '00000000-0000-4000-8000-000000000002';
const WU = '00000000-0000-4000-8000-000000000003';
const L1 = '00000000-0000-4000-8000-0000000000a1';
const L2 = '00000000-0000-4000-8000-0000000000a2';
const t = (iso: string) => new Date(iso);

let server: TestServer;
let ds: DataSource;
let attribution: AttributionService;
let coop: { supplierId: string };
let s2: { supplierId: string };
let v1: string;
let v2: string;
let tea: { productId: string; variants: Array<{ id: string; price: number }> };
let hall: string;
let purchaser: Buyer & { organizationId: string };
let buyerActor: Actor;
let shopper: Buyer;
let order1: { orderId: string; lineIds: string[] };
let order2: { orderId: string; lineIds: string[] };
let order3: { orderId: string; lineIds: string[] };
let order4: { orderId: string; lineIds: string[] };
let refundId: string;
let tokens: Record<string, string>;

const ORDER = `query($id: ID!) { orderAttribution(orderId: $id) { orderId counted attributedAmount householdAmount householdCount
  lines { orderLineId quantity lineTotal refundedAmount ruleKind ruleVersion attributedAmount capped period
    beneficiaries { kind householdId name householdStatus villageCode villageName organizationId lotId lotNo amount } } } }`;
const INCOME = `query($h: ID!, $from: String!, $to: String!) { householdIncome(householdId: $h, from: $from, to: $to) {
  householdId status fromPeriod toPeriod totalAmount partial months { period amount products { productTitle amount } } } }`;
const MY_INCOME = `query($from: String!, $to: String!) { myHouseholdIncome(from: $from, to: $to) { householdId totalAmount } }`;
const SUMMARY = `query($r: String!, $from: String!, $to: String!) { attributionSummary(regionCode: $r, from: $from, to: $to) {
  attributedAmount householdIncome villageCollectiveIncome cooperativeIncome unassignedAmount householdsDriven exPovertyHouseholdsDriven monitoredHouseholdsDriven } }`;
const UNASSIGNED = `query($from: String!, $to: String!) { unassignedAttribution(from: $from, to: $to) { supplierId productTitle period amount regionCode } }`;
const RECONCILE = `mutation($from: String!, $to: String!) { reconcileAttribution(from: $from, to: $to) { ok differenceCount ordersChecked linesChecked entriesChecked
  expectedAmount storedAmount cappedLines differences { kind key expected stored } } }`;

async function entriesOf(orderId: string) {
  const rows: Array<{
    beneficiary_key: string;
    lot_id: string | null;
    event_key: string;
    amount: string;
    period: string;
    rule_version: number;
  }> = await ds.query(
    `SELECT beneficiary_key, lot_id, event_key, amount, period, rule_version FROM attribution_entry WHERE order_id = $1 ORDER BY event_key, beneficiary_key, lot_id`,
    [orderId],
  );
  return rows.map((r) => ({
    who: r.beneficiary_key,
    lot: r.lot_id,
    event: r.event_key.startsWith('REFUND') ? 'REFUND' : 'COUNT',
    amount: Number(r.amount),
    period: r.period,
    v: r.rule_version,
  }));
}

beforeAll(async () => {
  ({ server, ds } = await startAttributionServer());
  attribution = server.app.get(AttributionService);
  [v1, v2] = await villages(ds, '520621', 2);
  coop = await supplier(ds);
  s2 = await supplier(ds, '520627000000');
  for (const [id, village, status, name] of [
    [TIAN, v1, HouseholdStatus.EX_POVERTY, '田大姐'],
    [YANG, v1, HouseholdStatus.MONITORED, '杨大哥'],
    [WU, v2, HouseholdStatus.ORDINARY, '吴阿婆'],
  ]) {
    await ds.query(`INSERT INTO household (id, village_code, head_name, size, status) VALUES ($1, $2, $3, 4, $4)`, [
      id,
      village,
      name,
      status,
    ]);
    await link(ds, coop.supplierId, { householdId: id });
  }
  await link(ds, coop.supplierId, { villageCode: v1 });
  tea = await product(ds, coop.supplierId, [16800]);
  const variantId = tea.variants[0].id;
  for (const [id, lotNo, contributions] of [
    [
      L1,
      'FJS-2026-01',
      [
        [TIAN, 100],
        [YANG, 100],
        [WU, 100],
      ],
    ],
    [
      L2,
      'FJS-2026-02',
      [
        [YANG, 50],
        [WU, 25],
      ],
    ],
  ] as const) {
    await ds.query(
      `INSERT INTO lot (id, variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, $2, $3, '2026-01-10', 500, 500)`,
      [id, variantId, lotNo],
    );
    for (const [h, q] of contributions)
      await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, $3)`, [id, h, q]);
  }
  // v1 REVENUE_SHARE 55/30/15 from January, v2 CONTRACT_PURCHASE ¥40/box from March.
  await rule(ds, {
    supplierId: coop.supplierId,
    productId: tea.productId,
    kind: 'REVENUE_SHARE',
    effectiveFrom: t('2026-01-01T00:00:00+08:00'),
    householdsBp: 5500,
    villageCollectiveBp: 3000,
    villageCode: v1,
    cooperativeBp: 1500,
    cooperativeOrgId: coop.supplierId,
  });
  await rule(ds, {
    supplierId: coop.supplierId,
    productId: tea.productId,
    kind: 'CONTRACT_PURCHASE',
    effectiveFrom: t('2026-03-01T00:00:00+08:00'),
    perUnitPayout: 4000,
  });

  hall = await channel(ds);
  purchaser = await agency(ds);
  shopper = await customer(ds);
  const boxes = (allocations: Array<{ lotId: string | null; quantity: number }>, quantity = 10) => [
    { supplierId: coop.supplierId, productId: tea.productId, variantId, unitPrice: 16800, quantity, allocations },
  ];
  order1 = await insertOrder(
    ds,
    purchaser,
    hall,
    t('2026-02-03T10:00:00+08:00'),
    boxes([
      { lotId: L1, quantity: 7 },
      { lotId: L2, quantity: 3 },
    ]),
  );
  order2 = await insertOrder(
    ds,
    purchaser,
    hall,
    t('2026-03-02T10:00:00+08:00'),
    boxes([
      { lotId: L1, quantity: 7 },
      { lotId: L2, quantity: 3 },
    ]),
  );
  order3 = await insertOrder(ds, shopper, hall, t('2026-03-05T10:00:00+08:00'), boxes([{ lotId: L1, quantity: 1 }], 2));

  // A second supplier whose lot also comes from 杨: its staff see only that part of 杨's income.
  const honey = await product(ds, s2.supplierId, [3000], '沿河土蜂蜜', '520627000000');
  const [honeyLot] = await ds.query(
    `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'YH-1', '2026-04-01', 50, 50) RETURNING id`,
    [honey.variants[0].id],
  );
  await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, 50)`, [
    honeyLot.id,
    YANG,
  ]);
  await rule(ds, {
    supplierId: s2.supplierId,
    productId: null,
    kind: 'CONTRACT_PURCHASE',
    effectiveFrom: t('2026-01-01T00:00:00+08:00'),
    perUnitPayout: 1000,
  });
  order4 = await insertOrder(ds, purchaser, hall, t('2026-05-02T10:00:00+08:00'), [
    {
      supplierId: s2.supplierId,
      productId: honey.productId,
      variantId: honey.variants[0].id,
      unitPrice: 3000,
      quantity: 5,
      allocations: [{ lotId: honeyLot.id, quantity: 5 }],
    },
  ]);

  const [tian] = await ds.query(`SELECT id FROM household WHERE id = $1`, [TIAN]);
  const farmer = await actor(server, ds, Role.FARMER, { organizationId: coop.supplierId });
  await ds.query(`UPDATE household SET user_id = $2 WHERE id = $1`, [tian.id, farmer.userId]);
  buyerActor = {
    token: (await actor(server, ds, Role.PURCHASER, { organizationId: purchaser.organizationId })).token,
    userId: purchaser.userId,
    organizationId: purchaser.organizationId,
  };
  tokens = {
    farmer: farmer.token,
    coopStaff: (await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: coop.supplierId })).token,
    s2Staff: (await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: s2.supplierId })).token,
    coordinator: (await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5206' })).token,
    farCoordinator: (await actor(server, ds, Role.COORDINATOR, { regionPrefix: '4418' })).token,
    auditor: (await actor(server, ds, Role.AUDITOR, { regionPrefix: '520621' })).token,
    admin: (await actor(server, ds, Role.PLATFORM_ADMIN)).token,
    otherCustomer: (await actor(server, ds, Role.CUSTOMER)).token,
  };
});
afterAll(() => server?.close());

describe('worked example: 贵州梵净山绿茶礼盒', () => {
  it('REVENUE_SHARE 55/30/15: 10 boxes at ¥168 accepted in February split to the fen', async () => {
    await deliver(ds, order1.orderId, t('2026-02-10T09:00:00+08:00'));
    await expect(attribution.attributeOrder(sys(), order1.orderId)).rejects.toMatchObject({
      code: 'ORDER_NOT_COUNTED',
    });
    await accept(ds, order1.orderId, t('2026-02-12T15:00:00+08:00'));
    const res = await server.app.get(Db).transaction(sys(), (tx) => attribution.attributeOrder(tx, order1.orderId));
    expect(res).toMatchObject({ counted: true, linesAttributed: 1, entriesWritten: 7, cappedLineIds: [] });
    expect(await entriesOf(order1.orderId)).toEqual([
      { who: `COOPERATIVE:${coop.supplierId}`, lot: null, event: 'COUNT', amount: 25200, period: '2026-02', v: 1 },
      { who: `HOUSEHOLD:${TIAN}`, lot: L1, event: 'COUNT', amount: 21560, period: '2026-02', v: 1 },
      { who: `HOUSEHOLD:${YANG}`, lot: L1, event: 'COUNT', amount: 21560, period: '2026-02', v: 1 },
      { who: `HOUSEHOLD:${YANG}`, lot: L2, event: 'COUNT', amount: 18480, period: '2026-02', v: 1 },
      { who: `HOUSEHOLD:${WU}`, lot: L1, event: 'COUNT', amount: 21560, period: '2026-02', v: 1 },
      { who: `HOUSEHOLD:${WU}`, lot: L2, event: 'COUNT', amount: 9240, period: '2026-02', v: 1 },
      { who: `VILLAGE_COLLECTIVE:${v1}`, lot: null, event: 'COUNT', amount: 50400, period: '2026-02', v: 1 },
    ]);
  });

  it('CONTRACT_PURCHASE ¥40/box (version 2, in force when order 2 was placed) goes through the domain-events consumer', async () => {
    await deliver(ds, order2.orderId, t('2026-03-18T09:00:00+08:00'));
    await accept(ds, order2.orderId, t('2026-03-20T15:00:00+08:00'));
    const consumer = server.app.get(AttributionEventConsumer);
    const payload = await eventFacts(server, order2.orderId);
    await server.app.get(Db).transaction(sys(), (tx) =>
      consumer.handle(tx, {
        id: 'ev-1',
        type: 'order.counted',
        version: 1,
        aggregateId: order2.orderId,
        payload,
        createdAt: new Date().toISOString(),
      }),
    );
    // 7 boxes from L1 (¥280 over 田/杨/吴 1:1:1: the odd fen to the first), 3 from L2 (¥120 over 杨 50 : 吴 25).
    expect(await entriesOf(order2.orderId)).toEqual([
      { who: `HOUSEHOLD:${TIAN}`, lot: L1, event: 'COUNT', amount: 9334, period: '2026-03', v: 2 },
      { who: `HOUSEHOLD:${YANG}`, lot: L1, event: 'COUNT', amount: 9333, period: '2026-03', v: 2 },
      { who: `HOUSEHOLD:${YANG}`, lot: L2, event: 'COUNT', amount: 8000, period: '2026-03', v: 2 },
      { who: `HOUSEHOLD:${WU}`, lot: L1, event: 'COUNT', amount: 9333, period: '2026-03', v: 2 },
      { who: `HOUSEHOLD:${WU}`, lot: L2, event: 'COUNT', amount: 4000, period: '2026-03', v: 2 },
    ]);
  });

  it('a ¥100 partial refund in April reverses 2381 fen in proportion, in April', async () => {
    refundId = await refund(
      ds,
      order2.orderId,
      [{ lineId: order2.lineIds[0], amount: 10000 }],
      t('2026-04-02T11:00:00+08:00'),
    );
    await expect(attribution.reverseRefund(sys(), order2.orderId, 're_unknown')).rejects.toMatchObject({
      code: 'REFUND_NOT_FOUND',
    });
    await expect(
      attribution.reverseRefund(sys(), order2.orderId, refundId, [{ lineId: order2.lineIds[0], amount: 9999 }]),
    ).rejects.toMatchObject({ code: 'REFUND_MISMATCH' });
    const res = await attribution.reverseRefund(sys(), order2.orderId, refundId, [
      { lineId: order2.lineIds[0], amount: 10000 },
    ]);
    expect(res.entriesWritten).toBe(5);
    const reversals = (await entriesOf(order2.orderId)).filter((e) => e.event === 'REFUND');
    // 40000 × 10000 / 168000 = 2380.95 → 2381, split over what each holds (largest remainder).
    expect(reversals.map((e) => [e.who, e.lot, e.amount, e.period])).toEqual([
      [`HOUSEHOLD:${TIAN}`, L1, -556, '2026-04'],
      [`HOUSEHOLD:${YANG}`, L1, -556, '2026-04'],
      [`HOUSEHOLD:${YANG}`, L2, -476, '2026-04'],
      [`HOUSEHOLD:${WU}`, L1, -555, '2026-04'],
      [`HOUSEHOLD:${WU}`, L2, -238, '2026-04'],
    ]);
    expect(
      await count(ds, `SELECT attributed_amount FROM attribution_line WHERE order_line_id = $1`, [order2.lineIds[0]]),
    ).toBe(40000 - 2381);
  });

  it('a retail order counts once paid and delivered; a unit not covered by a lot goes to the unassigned bucket', async () => {
    await deliver(ds, order3.orderId, t('2026-03-08T12:00:00+08:00'));
    await attribution.syncOrder(sys(), order3.orderId);
    expect((await entriesOf(order3.orderId)).map((e) => [e.who, e.lot, e.amount])).toEqual([
      [`HOUSEHOLD:${TIAN}`, L1, 1334],
      [`HOUSEHOLD:${YANG}`, L1, 1333],
      [`HOUSEHOLD:${WU}`, L1, 1333],
      [`UNASSIGNED:${coop.supplierId}`, null, 4000],
    ]);
    await deliver(ds, order4.orderId, t('2026-05-10T09:00:00+08:00'));
    await accept(ds, order4.orderId, t('2026-05-12T09:00:00+08:00'));
    await attribution.syncOrder(sys(), order4.orderId);
    expect((await entriesOf(order4.orderId)).map((e) => [e.who, e.amount, e.period])).toEqual([
      [`HOUSEHOLD:${YANG}`, 5000, '2026-05'],
    ]);
  });

  it('is idempotent: the same-transaction call, the event consumer and concurrent runs write each entry once', async () => {
    const before = await count(ds, `SELECT count(*) FROM attribution_entry`);
    expect(await attribution.attributeOrder(sys(), order1.orderId)).toMatchObject({
      linesAttributed: 0,
      entriesWritten: 0,
    });
    await attribution.reverseRefund(sys(), order2.orderId, refundId);
    const consumer = server.app.get(AttributionEventConsumer);
    const facts = await eventFacts(server, order2.orderId);
    await server.app.get(Db).transaction(sys(), (tx) =>
      consumer.handle(tx, {
        id: 'ev-2',
        type: 'order.refunded',
        version: 2,
        aggregateId: order2.orderId,
        payload: { facts } as never,
        createdAt: new Date().toISOString(),
      }),
    );
    expect(await count(ds, `SELECT count(*) FROM attribution_entry`)).toBe(before);

    const late = await insertOrder(ds, purchaser, hall, t('2026-03-03T10:00:00+08:00'), [
      {
        supplierId: coop.supplierId,
        productId: tea.productId,
        variantId: tea.variants[0].id,
        unitPrice: 16800,
        quantity: 1,
        allocations: [{ lotId: L2, quantity: 1 }],
      },
    ]);
    await deliver(ds, late.orderId, t('2026-03-04T10:00:00+08:00'));
    await accept(ds, late.orderId, t('2026-03-04T11:00:00+08:00'));
    await Promise.all([
      attribution.syncOrder(sys(), late.orderId),
      attribution.attributeOrder(sys(), late.orderId),
      attribution.syncOrder(sys(), late.orderId),
    ]);
    expect((await entriesOf(late.orderId)).map((e) => e.amount)).toEqual([2667, 1333]);
  });
});

describe('who sees what', () => {
  it('a farmer sees its own household’s income by month and product, and no other household', async () => {
    const own = (await server.gqlOk(INCOME, { h: TIAN, from: '2026-01', to: '2026-06' }, tokens.farmer))
      .householdIncome;
    expect(own).toMatchObject({
      householdId: TIAN,
      status: 'EX_POVERTY',
      partial: false,
      totalAmount: 21560 + 9334 + 1334 - 556,
    });
    expect(own.months.map((m: any) => [m.period, m.amount])).toEqual([
      ['2026-02', 21560],
      ['2026-03', 9334 + 1334],
      ['2026-04', -556],
    ]);
    expect(own.months[1].products).toEqual([{ productTitle: '贵州梵净山绿茶礼盒', amount: 10668 }]);
    expect(
      (await server.gqlOk(MY_INCOME, { from: '2026-01', to: '2026-06' }, tokens.farmer)).myHouseholdIncome,
    ).toEqual({ householdId: TIAN, totalAmount: 31672 });
    expectErrorCode(await server.gql(INCOME, { h: YANG, from: '2026-01', to: '2026-06' }, tokens.farmer), 'FORBIDDEN');
    expectErrorCode(await server.gql(ORDER, { id: order2.orderId }, tokens.farmer), 'FORBIDDEN');
  });

  it('a supplier sees its beneficiaries’ income from its own sales; coordinators and auditors their region', async () => {
    const yangAll = 21560 + 18480 + 9333 + 8000 + 1333 - 556 - 476;
    const coopView = (await server.gqlOk(INCOME, { h: YANG, from: '2026-01', to: '2026-06' }, tokens.coopStaff))
      .householdIncome;
    expect(coopView).toMatchObject({ partial: true, totalAmount: yangAll + 2667 });
    expect(coopView.months.map((m: any) => m.period)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(
      (await server.gqlOk(INCOME, { h: YANG, from: '2026-01', to: '2026-06' }, tokens.s2Staff)).householdIncome,
    ).toMatchObject({ partial: true, totalAmount: 5000 });
    expectErrorCode(await server.gql(INCOME, { h: TIAN, from: '2026-01', to: '2026-06' }, tokens.s2Staff), 'FORBIDDEN');
    const coordinatorView = (
      await server.gqlOk(INCOME, { h: YANG, from: '2026-01', to: '2026-06' }, tokens.coordinator)
    ).householdIncome;
    expect(coordinatorView).toMatchObject({ partial: false, totalAmount: yangAll + 2667 + 5000, status: 'MONITORED' });
    expect(
      (await server.gqlOk(INCOME, { h: WU, from: '2026-03', to: '2026-03' }, tokens.auditor)).householdIncome
        .totalAmount,
    ).toBe(9333 + 4000 + 1333 + 1333);
    expectErrorCode(
      await server.gql(INCOME, { h: YANG, from: '2026-01', to: '2026-06' }, tokens.farCoordinator),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(INCOME, { h: YANG, from: '2026-06', to: '2026-01' }, tokens.admin),
      'BAD_USER_INPUT',
    );
  });

  it('attributionSummary: amounts and households driven (positive net income) in a region', async () => {
    const feb2apr = (
      await server.gqlOk(SUMMARY, { r: '520621000000', from: '2026-02', to: '2026-04' }, tokens.coordinator)
    ).attributionSummary;
    const households = 92400 + 40000 - 2381 + 4000 + 4000; // + the late one-box order (¥40 to 杨/吴 via L2)
    expect(feb2apr).toEqual({
      attributedAmount: households + 50400 + 25200,
      householdIncome: households,
      villageCollectiveIncome: 50400,
      cooperativeIncome: 25200,
      unassignedAmount: 4000,
      householdsDriven: 3,
      exPovertyHouseholdsDriven: 1,
      monitoredHouseholdsDriven: 1,
    });
    // April alone: only reversals, so nobody had a positive net income.
    expect(
      (await server.gqlOk(SUMMARY, { r: '520621', from: '2026-04-01', to: '2026-04-30' }, tokens.auditor))
        .attributionSummary,
    ).toMatchObject({
      householdIncome: -2381,
      householdsDriven: 0,
    });
    expect(
      (await server.gqlOk(SUMMARY, { r: v2, from: '2026-03', to: '2026-03' }, tokens.admin)).attributionSummary,
    ).toMatchObject({ householdsDriven: 1, householdIncome: 9333 + 4000 + 1333 + 1333 });
    expectErrorCode(
      await server.gql(SUMMARY, { r: '520621000000', from: '2026-02', to: '2026-04' }, tokens.farCoordinator),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(SUMMARY, { r: '52', from: '2026-02', to: '2026-04' }, tokens.coordinator),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(SUMMARY, { r: '5206', from: '2026-02', to: '2026-04' }, tokens.auditor),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(SUMMARY, { r: '520621000000', from: '2026-02', to: '2026-04' }, tokens.coopStaff),
      'FORBIDDEN',
    );
  });

  it('“where your money went”: the buyer sees every beneficiary with masked names; the supplier sees names; others nothing', async () => {
    const forBuyer = (await server.gqlOk(ORDER, { id: order2.orderId }, buyerActor.token)).orderAttribution;
    expect(forBuyer).toMatchObject({
      counted: true,
      attributedAmount: 40000 - 2381,
      householdAmount: 40000 - 2381,
      householdCount: 3,
    });
    expect(forBuyer.lines[0]).toMatchObject({
      ruleKind: 'CONTRACT_PURCHASE',
      ruleVersion: 2,
      lineTotal: 168000,
      refundedAmount: 10000,
      capped: false,
      period: '2026-03',
    });
    expect(forBuyer.lines[0].beneficiaries.map((b: any) => [b.name, b.householdStatus, b.lotNo, b.amount])).toEqual([
      ['田**', 'EX_POVERTY', 'FJS-2026-01', 8778],
      ['吴**', 'ORDINARY', 'FJS-2026-01', 8778],
      ['杨**', 'MONITORED', 'FJS-2026-01', 8777],
      ['杨**', 'MONITORED', 'FJS-2026-02', 7524],
      ['吴**', 'ORDINARY', 'FJS-2026-02', 3762],
    ]);
    const forSupplier = (await server.gqlOk(ORDER, { id: order1.orderId }, tokens.coopStaff)).orderAttribution;
    expect(forSupplier.lines[0].beneficiaries.map((b: any) => [b.kind, b.name])).toContainEqual([
      'HOUSEHOLD',
      '田大姐',
    ]);
    expect(forSupplier.lines[0].beneficiaries.find((b: any) => b.kind === 'VILLAGE_COLLECTIVE')).toMatchObject({
      villageCode: v1,
      amount: 50400,
    });
    expectErrorCode(await server.gql(ORDER, { id: order2.orderId }, tokens.s2Staff), 'FORBIDDEN');
    expectErrorCode(await server.gql(ORDER, { id: order3.orderId }, tokens.otherCustomer), 'FORBIDDEN');
    const notYet = await insertOrder(ds, shopper, hall, t('2026-03-05T10:00:00+08:00'), [
      {
        supplierId: coop.supplierId,
        productId: tea.productId,
        variantId: tea.variants[0].id,
        unitPrice: 16800,
        quantity: 1,
        allocations: [],
      },
    ]);
    expect((await server.gqlOk(ORDER, { id: notYet.orderId }, tokens.admin)).orderAttribution).toMatchObject({
      counted: false,
      attributedAmount: 0,
      lines: [],
    });
  });

  it('the unassigned bucket is visible to the supplier and to coordinators of its region', async () => {
    const bucket = [
      {
        supplierId: coop.supplierId,
        productTitle: '贵州梵净山绿茶礼盒',
        period: '2026-03',
        amount: 4000,
        regionCode: '520621000000',
      },
    ];
    expect(
      (await server.gqlOk(UNASSIGNED, { from: '2026-01', to: '2026-12' }, tokens.coordinator)).unassignedAttribution,
    ).toEqual(bucket);
    expect(
      (await server.gqlOk(UNASSIGNED, { from: '2026-01', to: '2026-12' }, tokens.coopStaff)).unassignedAttribution,
    ).toEqual(bucket);
    expect(
      (await server.gqlOk(UNASSIGNED, { from: '2026-01', to: '2026-12' }, tokens.s2Staff)).unassignedAttribution,
    ).toEqual([]);
    expect(
      (await server.gqlOk(UNASSIGNED, { from: '2026-01', to: '2026-12' }, tokens.farCoordinator)).unassignedAttribution,
    ).toEqual([]);
  });
});

describe('reconciliation', () => {
  it('rebuilds the period from orders, allocations and rules and finds no difference', async () => {
    const report = (await server.gqlOk(RECONCILE, { from: '2026-01', to: '2026-06' }, tokens.admin))
      .reconcileAttribution;
    expect(report).toMatchObject({ ok: true, differenceCount: 0, ordersChecked: 6, linesChecked: 5, differences: [] });
    expect(report.expectedAmount).toBe(report.storedAmount);
    expectErrorCode(await server.gql(RECONCILE, { from: '2026-01', to: '2026-06' }, tokens.auditor), 'FORBIDDEN');
    const lines: string[] = [];
    expect(
      await runAttributionReconcile(ds, ['--from', '2026-01', '--to', '2026-06'], specReader, (l) => lines.push(l)),
    ).toBe(0);
    expect(lines.join('\n')).toMatch(/no difference/);
  });

  it('runs as the `attribution` queue’s reconcile job (default window: last month to now) and records each run', async () => {
    expect(defaultReconcileWindow(new Date('2026-01-15T00:00:00+08:00'))).toEqual({ from: '2025-12', to: '2026-01' });
    const jobs = server.app.get(AttributionJobs);
    const summary = await jobs.handle({ name: RECONCILE_JOB, data: { from: '2026-02-01', to: '2026-05-31' } });
    expect(summary).toMatchObject({ ok: true, differenceCount: 0, linesChecked: 5 });
    expect(summary).not.toHaveProperty('differences');
    expect(await jobs.handle({ name: 'something-else', data: {} })).toBeNull();
    expect(
      await count(ds, `SELECT count(*) FROM attribution_reconciliation WHERE ok AND difference_count = 0`),
    ).toBeGreaterThanOrEqual(3);
  });

  it('reports a tampered rollup and a changed lot contribution', async () => {
    await ds.query(
      `UPDATE attribution_monthly SET amount = amount + 1 WHERE beneficiary_key = $1 AND period = '2026-02'`,
      [`HOUSEHOLD:${TIAN}`],
    );
    await ds.query(`UPDATE lot_contribution SET quantity = 200 WHERE lot_id = $1 AND household_id = $2`, [L1, TIAN]);
    const report = await server.app.get(ReconciliationService).reconcile(sys(), '2026-02', '2026-03');
    expect(report.ok).toBe(false);
    expect(report.differences).toContainEqual(
      expect.objectContaining({
        kind: 'ROLLUP_MISMATCH',
        key: `attribution_monthly:HOUSEHOLD:${TIAN}|2026-02|${tea.productId}`,
        expected: '21560',
        stored: '21561',
      }),
    );
    expect(report.differences).toContainEqual(
      expect.objectContaining({
        kind: 'AMOUNT_MISMATCH',
        key: `${order1.lineIds[0]}|COUNT|HOUSEHOLD:${TIAN}|${L1}`,
        expected: '32340',
        stored: '21560',
      }),
    );
    const lines: string[] = [];
    expect(
      await runAttributionReconcile(ds, ['--from', '2026-02', '--to', '2026-03'], specReader, (l) => lines.push(l)),
    ).toBe(1);
    expect(lines.join('\n')).toMatch(/ROLLUP_MISMATCH/);
    await ds.query(
      `UPDATE attribution_monthly SET amount = amount - 1 WHERE beneficiary_key = $1 AND period = '2026-02'`,
      [`HOUSEHOLD:${TIAN}`],
    );
    await ds.query(`UPDATE lot_contribution SET quantity = 100 WHERE lot_id = $1 AND household_id = $2`, [L1, TIAN]);
    expect((await server.app.get(ReconciliationService).reconcile(sys(), '2026-01', '2026-06')).ok).toBe(true);
  });

  it('the database refuses edited entries and entries that do not add up to the line', async () => {
    await expect(
      ds.query(`UPDATE attribution_entry SET amount = amount + 1 WHERE order_id = $1`, [order1.orderId]),
    ).rejects.toThrow(/ATTRIBUTION_APPEND_ONLY/);
    await expect(ds.query(`DELETE FROM attribution_entry WHERE order_id = $1`, [order1.orderId])).rejects.toThrow(
      /ATTRIBUTION_APPEND_ONLY/,
    );
    const entryFor = (orderId: string, on: Pick<typeof ds, 'query'> = ds) =>
      on.query(
        `INSERT INTO attribution_entry (order_id, order_line_id, supplier_id, product_id, event_key, beneficiary_kind, beneficiary_key, household_id, region_code, amount, period, occurred_at)
         VALUES ($1, $2, $3, $4, 'COUNT', 'HOUSEHOLD', 'HOUSEHOLD:x', $5, $6, 1, '2026-02', now())`,
        [orderId, order1.lineIds[0], coop.supplierId, tea.productId, TIAN, v1],
      );
    await expect(entryFor(order1.orderId)).rejects.toThrow(/ATTRIBUTION_UNBALANCED/);
    // The entry's own check steps aside when the transaction wrote the line (migration 1764003850000):
    // the line's check still refuses the commit.
    await expect(
      ds.transaction(async (em) => {
        await em.query(`UPDATE attribution_line SET updated_at = now() WHERE order_line_id = $1`, [order1.lineIds[0]]);
        await entryFor(order1.orderId, em);
      }),
    ).rejects.toThrow(/ATTRIBUTION_UNBALANCED/);
    // An entry repeats its line's order, supplier and product; it may not disagree with them.
    await expect(entryFor(order2.orderId)).rejects.toThrow(/attribution_entry_line_fkey/);
  });
});

describe('wiring', () => {
  it('the consumer subscribes to the typed events that carry the facts (the registry in @bangfu/events finds it)', () => {
    expect(subscriptionsOf(AttributionEventConsumer)).toEqual(['order.counted', 'order.refunded']);
  });

  it('no SQL of attribution’s event path names an ordering table (the facts come in the event)', () => {
    const read = (f: string) => readFileSync(resolve(process.cwd(), 'libs/attribution/src', f), 'utf8');
    const consumer = read('attribution.consumer.ts');
    const world = read('facts.ts').split('async withWorld(')[1].split('\n}\n')[0];
    for (const table of [
      'orders',
      'order_line',
      'order_history',
      'order_refund',
      'shipment_allocation',
      'supplier_order',
    ])
      for (const source of [consumer, world])
        expect(source).not.toMatch(new RegExp(`\\b(FROM|JOIN)\\s+${table}\\b`, 'i'));
  });
});
