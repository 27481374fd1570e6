import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { insertCertificationFixture, insertProductFixture, insertVariantFixture } from '@bangfu/certification';
import { createUserWithRole } from '@bangfu/identity';
import { DomainEventDispatcher } from '@bangfu/events';
import { createSupplierFixture } from '@bangfu/supplier';
import { expectErrorCode, expectLedgerBalanced, outboxEventsOf, outboxJob, type TestServer } from '@bangfu/testing';
import { loadChannelConfig } from './channel.config';
import { startChannelServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let admin: string;
let counter: { id: string; deviceId: string; secret: string };
let tea: string; // variant placed in the counter, retail 6800 fen
let honey: string; // variant placed in the counter, retail 12800 fen
let notPlaced: string;
let supplierAdminToken: string;
let supplierId: string;
let teaLots: { old: string; fresh: string };

interface Sent {
  status: number;
  body: any;
}

/** Signs and posts like a counter does (see README): hex HMAC-SHA256(secret, `${ts}.${nonce}.${rawBody}`). */
async function post(
  deviceId: string,
  payload: unknown,
  opts: { secret?: string; ts?: number; nonce?: string; signature?: string; omit?: string } = {},
): Promise<Sent> {
  const raw = JSON.stringify(payload);
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? randomBytes(12).toString('hex');
  const signature =
    opts.signature ??
    createHmac('sha256', opts.secret ?? counter.secret)
      .update(`${ts}.${nonce}.${raw}`)
      .digest('hex');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-bangfu-timestamp': ts,
    'x-bangfu-nonce': nonce,
    'x-bangfu-signature': signature,
  };
  if (opts.omit) delete headers[opts.omit];
  const res = await fetch(`${server.url}/counters/${encodeURIComponent(deviceId)}/sales`, {
    method: 'POST',
    headers,
    body: raw,
  });
  return { status: res.status, body: await res.json() };
}

const report = (
  lines: Array<{ variantId: string; quantity: number; unitPrice: number }>,
  reportId = `R-${randomUUID()}`,
) => ({
  reportId,
  soldAt: new Date(Date.now() - 60_000).toISOString(),
  lines,
});

const stock = async (variantId: string) =>
  Number((await ds.query(`SELECT stock_on_hand FROM variant WHERE id = $1`, [variantId]))[0].stock_on_hand);
const rejections = async (deviceId: string) =>
  (await ds.query(
    `SELECT reason, channel_id, remote_ip FROM counter_rejection WHERE device_id = $1 ORDER BY received_at`,
    [deviceId],
  )) as Array<{ reason: string; channel_id: string | null; remote_ip: string | null }>;
const reportsOf = async (channelId: string) =>
  Number((await ds.query(`SELECT count(*) AS n FROM counter_report WHERE channel_id = $1`, [channelId]))[0].n);
const num = async (sql: string, params: unknown[] = []) =>
  Number(Object.values((await ds.query(sql, params))[0] as Record<string, unknown>)[0]);
const ordersIn = (channelId: string) => num(`SELECT count(*) FROM orders WHERE channel_id = $1`, [channelId]);
const reserved = (variantId: string) => num(`SELECT stock_reserved FROM variant WHERE id = $1`, [variantId]);
const postings = () => num(`SELECT count(*) FROM ledger_posting`);

/** Every posting sums to zero, so does the whole ledger; every order's last history row is its status. */
async function expectBooksConsistent() {
  await expectLedgerBalanced(ds);
  expect(
    await num(
      `SELECT count(*) FROM orders o WHERE o.status <> (SELECT h.to_status FROM order_history h WHERE h.order_id = o.id ORDER BY h.created_at DESC, h.id DESC LIMIT 1)`,
    ),
  ).toBe(0);
  // Counter orders hold no reservation once settled: every counter supplier order was handed over.
  expect(
    await num(
      `SELECT count(*) FROM supplier_order so JOIN orders o ON o.id = so.order_id JOIN channel c ON c.id = o.channel_id WHERE c.kind = 'COUNTER' AND so.status <> 'DELIVERED'`,
    ),
  ).toBe(0);
}

beforeAll(async () => {
  ({ server, ds } = await startChannelServer());
  const a = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
  admin = await server.login(a.email, a.password);
  const created = (
    await server.gqlOk(
      `mutation($i: CreateChannelInput!) { createChannel(input: $i) { deviceSecret channel { id deviceId } } }`,
      { i: { kind: 'COUNTER', name: '铜仁市机关食堂智能专柜', regionCode: '520621000000', address: '江口县机关食堂' } },
      admin,
    )
  ).createChannel;
  counter = { id: created.channel.id, deviceId: created.channel.deviceId, secret: created.deviceSecret };

  ({ supplierId } = await createSupplierFixture(ds));
  const teaProduct = await insertProductFixture(ds, { supplierId, title: '梵净山绿茶' });
  const honeyProduct = await insertProductFixture(ds, { supplierId, title: '秦巴土蜂蜜' });
  const otherProduct = await insertProductFixture(ds, { supplierId, title: '未上架到专柜的产品' });
  for (const p of [teaProduct, honeyProduct, otherProduct]) await insertCertificationFixture(ds, { productId: p });
  tea = await insertVariantFixture(ds, { productId: teaProduct, retailPrice: 6800, stockOnHand: 50 });
  honey = await insertVariantFixture(ds, { productId: honeyProduct, retailPrice: 12800, stockOnHand: 10 });
  notPlaced = await insertVariantFixture(ds, { productId: otherProduct, retailPrice: 1000, stockOnHand: 10 });
  const supplierAdmin = await createUserWithRole(ds, Role.SUPPLIER_ADMIN, { organizationId: supplierId });
  supplierAdminToken = await server.login(supplierAdmin.email, supplierAdmin.password);
  for (const p of [teaProduct, honeyProduct]) {
    await server.gqlOk(
      `mutation($c: ID!, $p: ID!) { placeProductInChannel(channelId: $c, productId: $p) { id } }`,
      { c: counter.id, p },
      supplierAdminToken,
    );
  }
  // Tea has two harvest lots (the older one nearly sold out); honey has none (the "unassigned" bucket).
  const lot = async (lotNo: string, harvestedOn: string, quantity: number) =>
    (
      await ds.query(
        `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [tea, lotNo, harvestedOn, quantity],
      )
    )[0].id as string;
  teaLots = { old: await lot('2025-SPRING', '2025-04-01', 1), fresh: await lot('2025-AUTUMN', '2025-10-01', 40) };
});
afterAll(() => server?.close());

describe('counter sales reports', () => {
  it('records a correctly signed report as a settled counter order: retail lines, stock and lots taken once, ledger balanced', async () => {
    const [teaBefore, honeyBefore] = [await stock(tea), await stock(honey)];
    const reservedBefore = [await reserved(tea), await reserved(honey)];
    const [ordersBefore, postingsBefore] = [await ordersIn(counter.id), await postings()];
    const body = report([
      { variantId: tea, quantity: 2, unitPrice: 6800 },
      { variantId: honey, quantity: 1, unitPrice: 12800 },
    ]);
    const res = await post(counter.deviceId, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reportId: body.reportId, status: 'RECORDED', orderId: expect.any(String) });
    const [row] = await ds.query(
      `SELECT total_amount, order_id, lines, reported_at FROM counter_report WHERE id = $1`,
      [res.body.counterReportId],
    );
    expect(Number(row.total_amount)).toBe(2 * 6800 + 12800);
    expect(row.order_id).toBe(res.body.orderId);
    expect(row.lines).toHaveLength(2);
    expect(new Date(row.reported_at).toISOString()).toBe(body.soldAt);

    // One order in the counter's channel, retail, bought by the counter's walk-in account, paid and settled.
    expect(await ordersIn(counter.id)).toBe(ordersBefore + 1);
    const [order] = await ds.query(
      `SELECT o.channel_id, o.status, o.buyer_kind, o.buyer_org_id, o.total_amount, o.paid_amount, o.payment_due_at, o.settled_at, u.email, u.status AS user_status
         FROM orders o JOIN app_user u ON u.id = o.buyer_user_id WHERE o.id = $1`,
      [res.body.orderId],
    );
    expect(order).toMatchObject({
      channel_id: counter.id,
      status: 'SETTLED',
      buyer_kind: 'CUSTOMER',
      buyer_org_id: null,
      payment_due_at: null,
      user_status: 'DISABLED',
    });
    expect([Number(order.total_amount), Number(order.paid_amount)]).toEqual([26400, 26400]);
    expect(order.settled_at).not.toBeNull();
    expect(order.email).toBe(`counter-${counter.id}@walk-in.bangfu.invalid`);
    const lines = await ds.query(
      `SELECT variant_id, quantity, unit_price, line_total, price_kind, channel_id FROM order_line WHERE order_id = $1 ORDER BY unit_price`,
      [res.body.orderId],
    );
    expect(
      lines.map((l: any) => [
        l.variant_id,
        l.quantity,
        Number(l.unit_price),
        Number(l.line_total),
        l.price_kind,
        l.channel_id,
      ]),
    ).toEqual([
      [tea, 2, 6800, 13600, 'RETAIL', counter.id],
      [honey, 1, 12800, 12800, 'RETAIL', counter.id],
    ]);
    const history = await ds.query(
      `SELECT from_status, to_status, actor_kind FROM order_history WHERE order_id = $1 ORDER BY created_at, id`,
      [res.body.orderId],
    );
    expect(history.map((h: any) => h.to_status)).toEqual(['PLACED', 'PAID', 'FULFILLING', 'DELIVERED', 'SETTLED']);
    const [so] = await ds.query(`SELECT id, status, carrier, tracking_no FROM supplier_order WHERE order_id = $1`, [
      res.body.orderId,
    ]);
    expect(so).toMatchObject({ status: 'DELIVERED', carrier: '专柜', tracking_no: body.reportId });
    const soHistory = await ds.query(
      `SELECT to_status, actor_kind FROM supplier_order_history WHERE supplier_order_id = $1 ORDER BY created_at, id`,
      [so.id],
    );
    expect(soHistory).toEqual([
      { to_status: 'SHIPPED', actor_kind: 'COUNTER' },
      { to_status: 'DELIVERED', actor_kind: 'COUNTER' },
    ]);

    // Stock taken exactly once (no reservation left behind); units from lots first-in-first-out.
    expect(await stock(tea)).toBe(teaBefore - 2);
    expect(await stock(honey)).toBe(honeyBefore - 1);
    expect([await reserved(tea), await reserved(honey)]).toEqual(reservedBefore);
    const allocations = await ds.query(
      `SELECT variant_id, lot_id, quantity FROM shipment_allocation WHERE supplier_order_id = $1 ORDER BY created_at, id`,
      [so.id],
    );
    expect(allocations).toEqual(
      [
        { variant_id: honey, lot_id: null, quantity: 1 },
        { variant_id: tea, lot_id: teaLots.old, quantity: 1 },
        { variant_id: tea, lot_id: teaLots.fresh, quantity: 1 },
      ].sort((a, b) => (a.variant_id < b.variant_id ? -1 : 1)),
    );
    expect(await num(`SELECT remaining FROM lot WHERE id = $1`, [teaLots.old])).toBe(0);
    expect(await num(`SELECT remaining FROM lot WHERE id = $1`, [teaLots.fresh])).toBe(39);

    // Ledger: one COUNTER_SETTLEMENT posting — the operator owes the cash, the supplier is owed its part.
    expect(await postings()).toBe(postingsBefore + 1);
    const entries = await ds.query(
      `SELECT p.kind, a.code, e.amount::int AS amount FROM ledger_posting p JOIN ledger_entry e ON e.posting_id = p.id JOIN ledger_account a ON a.id = e.account_id
        WHERE p.order_id = $1 ORDER BY e.amount DESC`,
      [res.body.orderId],
    );
    expect(entries).toEqual([
      { kind: 'COUNTER_SETTLEMENT', code: `COUNTER_RECEIVABLE:${counter.id}`, amount: 26400 },
      { kind: 'COUNTER_SETTLEMENT', code: expect.stringMatching(/^SUPPLIER_PAYABLE:/), amount: -26400 },
    ]);
    const events = (
      await ds.query(`SELECT type FROM outbox_event WHERE aggregate_id = $1 ORDER BY created_at, id`, [
        res.body.orderId,
      ])
    ).map((e: { type: string }) => e.type);
    expect(events).toEqual([
      'order.placed',
      'order.paid',
      'order.shipped',
      'order.fulfilling',
      'supplier_order.delivered',
      'order.delivered',
      'order.counted',
      'order.settled',
    ]);
    await expectBooksConsistent();

    // Through the event dispatcher (as the worker runs it): nobody is asked to ship a counter sale;
    // the supplier hears that it was settled, the walk-in account gets nothing.
    const dispatcher = server.app.get(DomainEventDispatcher);
    for (const e of await outboxEventsOf(ds, res.body.orderId)) await dispatcher.handle(outboxJob(e));
    expect(
      await ds.query(`SELECT recipient_org_id, recipient_user_id, kind FROM notification WHERE data->>'orderId' = $1`, [
        res.body.orderId,
      ]),
    ).toEqual([{ recipient_org_id: supplierId, recipient_user_id: null, kind: 'ORDER_SETTLED' }]);

    const listed = await server.gqlOk(
      `query($c: ID!) { counterReports(channelId: $c) { id reportId totalAmount orderId lines { variantId quantity unitPrice } } }`,
      { c: counter.id },
      admin,
    );
    expect(listed.counterReports.find((r: { id: string }) => r.id === res.body.counterReportId)).toMatchObject({
      totalAmount: 26400,
      orderId: res.body.orderId,
    });
    const viaOrders = await server.gqlOk(
      `query($id: ID!) { order(id: $id) { status channelId totalAmount history { toStatus actorKind } } }`,
      { id: res.body.orderId },
      admin,
    );
    expect(viaOrders.order).toMatchObject({ status: 'SETTLED', channelId: counter.id, totalAmount: 26400 });
  });

  it('one report with two suppliers and a variant on two lines: one order, one supplier order each, one line per variant', async () => {
    const other = await createSupplierFixture(ds);
    const jamProduct = await insertProductFixture(ds, { supplierId: other.supplierId, title: '刺梨果酱' });
    await insertCertificationFixture(ds, { productId: jamProduct });
    const jam = await insertVariantFixture(ds, { productId: jamProduct, retailPrice: 3500, stockOnHand: 8 });
    const otherAdmin = await createUserWithRole(ds, Role.SUPPLIER_ADMIN, { organizationId: other.supplierId });
    await server.gqlOk(
      `mutation($c: ID!, $p: ID!) { placeProductInChannel(channelId: $c, productId: $p) { id } }`,
      { c: counter.id, p: jamProduct },
      await server.login(otherAdmin.email, otherAdmin.password),
    );
    const teaBefore = await stock(tea);

    const res = await post(
      counter.deviceId,
      report([
        { variantId: tea, quantity: 1, unitPrice: 6800 },
        { variantId: jam, quantity: 2, unitPrice: 3500 },
        { variantId: tea, quantity: 2, unitPrice: 6800 },
      ]),
    );
    expect(res.body.status).toBe('RECORDED');
    const sos = await ds.query(
      `SELECT supplier_id, subtotal::int AS subtotal, status FROM supplier_order WHERE order_id = $1 ORDER BY subtotal`,
      [res.body.orderId],
    );
    expect(sos).toEqual([
      { supplier_id: other.supplierId, subtotal: 7000, status: 'DELIVERED' },
      { supplier_id: expect.any(String), subtotal: 20400, status: 'DELIVERED' },
    ]);
    expect(
      await ds.query(`SELECT variant_id, quantity FROM order_line WHERE order_id = $1 ORDER BY quantity`, [
        res.body.orderId,
      ]),
    ).toEqual([
      { variant_id: jam, quantity: 2 },
      { variant_id: tea, quantity: 3 },
    ]);
    expect([await stock(tea), await stock(jam)]).toEqual([teaBefore - 3, 6]);
    const payable = await ds.query(
      `SELECT a.code, sum(e.amount)::int AS amount FROM ledger_posting p JOIN ledger_entry e ON e.posting_id = p.id JOIN ledger_account a ON a.id = e.account_id
        WHERE p.order_id = $1 GROUP BY a.code ORDER BY 2 DESC`,
      [res.body.orderId],
    );
    expect(payable).toEqual(
      [
        { code: `COUNTER_RECEIVABLE:${counter.id}`, amount: 27400 },
        { code: `SUPPLIER_PAYABLE:${other.supplierId}`, amount: -7000 },
        { code: expect.stringMatching(/^SUPPLIER_PAYABLE:/), amount: -20400 },
      ].sort((a, b) => b.amount - a.amount),
    );
    // The walk-in account is one per counter and can never sign in.
    expect(await num(`SELECT count(DISTINCT buyer_user_id) FROM orders WHERE channel_id = $1`, [counter.id])).toBe(1);
    expectErrorCode(
      await server.gql(
        `mutation { login(identifier: "counter-${counter.id}@walk-in.bangfu.invalid", password: "anything-at-all") { token } }`,
      ),
      'INVALID_CREDENTIALS',
    );
    await expectBooksConsistent();
  });

  it('records a retried report once: a retry with a new nonce and a replay with the same nonce both answer DUPLICATE', async () => {
    const before = await stock(tea);
    const [ordersBefore, postingsBefore] = [await ordersIn(counter.id), await postings()];
    const body = report([{ variantId: tea, quantity: 3, unitPrice: 6800 }]);
    const nonce = randomBytes(12).toString('hex');
    const ts = Math.floor(Date.now() / 1000);
    const first = await post(counter.deviceId, body, { nonce, ts });
    expect(first.body.status).toBe('RECORDED');
    const duplicate = {
      reportId: body.reportId,
      status: 'DUPLICATE',
      counterReportId: first.body.counterReportId,
      orderId: first.body.orderId,
    };
    // A retry (new nonce) and a replay (the same nonce and time) both answer the first report.
    for (const signed of [undefined, { nonce, ts }]) {
      const again = await post(counter.deviceId, body, signed);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(duplicate);
    }
    expect(await stock(tea)).toBe(before - 3);
    // The retries created no second order and no second settlement.
    expect(await ordersIn(counter.id)).toBe(ordersBefore + 1);
    expect(await postings()).toBe(postingsBefore + 1);
    expect(
      await num(
        `SELECT count(*) FROM shipment_allocation a JOIN order_line l ON l.id = a.order_line_id WHERE l.order_id = $1`,
        [first.body.orderId],
      ),
    ).toBeGreaterThan(0);
    expect(
      await num(
        `SELECT coalesce(sum(a.quantity), 0) FROM shipment_allocation a JOIN order_line l ON l.id = a.order_line_id WHERE l.order_id = $1`,
        [first.body.orderId],
      ),
    ).toBe(3);
    expect(
      Number((await ds.query(`SELECT count(*) AS n FROM counter_report WHERE report_id = $1`, [body.reportId]))[0].n),
    ).toBe(1);

    // The same reportId with different contents is a conflict, not a duplicate.
    const changed = await post(counter.deviceId, {
      ...body,
      lines: [{ variantId: tea, quantity: 4, unitPrice: 6800 }],
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('REPORT_ID_CONFLICT');
    expect(await stock(tea)).toBe(before - 3);
  });

  it('records concurrent retries of one report exactly once', async () => {
    const before = await stock(tea);
    const ordersBefore = await ordersIn(counter.id);
    const body = report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => post(counter.deviceId, body)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.body.status === 'RECORDED')).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.counterReportId)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.orderId)).size).toBe(1);
    expect(await stock(tea)).toBe(before - 1);
    expect(await ordersIn(counter.id)).toBe(ordersBefore + 1);
    await expectBooksConsistent();
  });

  it('refuses a wrong signature, a stale timestamp, a reused nonce and an unknown device, and logs each', async () => {
    const reportsBefore = await reportsOf(counter.id);
    const body = () => report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]);

    const wrong = await post(counter.deviceId, body(), { secret: 'not-the-secret' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'BAD_SIGNATURE']);
    const garbled = await post(counter.deviceId, body(), { signature: 'zz' });
    expect([garbled.status, garbled.body.error.code]).toEqual([401, 'BAD_SIGNATURE']);
    // A body changed after signing no longer matches.
    const signedBody = body();
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = createHmac('sha256', counter.secret)
      .update(`${ts}.nonce-tamper-1.${JSON.stringify(signedBody)}`)
      .digest('hex');
    const tampered = await fetch(`${server.url}/counters/${counter.deviceId}/sales`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-bangfu-timestamp': ts,
        'x-bangfu-nonce': 'nonce-tamper-1',
        'x-bangfu-signature': sig,
      },
      body: JSON.stringify({ ...signedBody, lines: [{ variantId: tea, quantity: 100, unitPrice: 6800 }] }),
    });
    expect(tampered.status).toBe(401);

    const stale = await post(counter.deviceId, body(), { ts: Math.floor(Date.now() / 1000) - 301 });
    expect([stale.status, stale.body.error.code]).toEqual([401, 'STALE_TIMESTAMP']);
    const future = await post(counter.deviceId, body(), { ts: Math.floor(Date.now() / 1000) + 400 });
    expect([future.status, future.body.error.code]).toEqual([401, 'STALE_TIMESTAMP']);

    const nonce = randomBytes(12).toString('hex');
    expect((await post(counter.deviceId, body(), { nonce })).body.status).toBe('RECORDED');
    const reused = await post(counter.deviceId, body(), { nonce });
    expect([reused.status, reused.body.error.code]).toEqual([409, 'NONCE_REUSED']);

    const missing = await post(counter.deviceId, body(), { omit: 'x-bangfu-signature' });
    expect([missing.status, missing.body.error.code]).toEqual([401, 'MISSING_SIGNATURE']);

    const unknown = await post('CTR-000000-NOSUCHDEV1', body());
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'UNKNOWN_DEVICE']);
    expect(await rejections('CTR-000000-NOSUCHDEV1')).toEqual([
      { reason: 'UNKNOWN_DEVICE', channel_id: null, remote_ip: expect.stringContaining('127.0.0.1') },
    ]);

    const logged = (await rejections(counter.deviceId)).map((r) => r.reason);
    expect(logged).toEqual(
      expect.arrayContaining(['BAD_SIGNATURE', 'STALE_TIMESTAMP', 'NONCE_REUSED', 'MISSING_SIGNATURE']),
    );
    expect(logged.filter((r) => r === 'BAD_SIGNATURE')).toHaveLength(3);
    expect((await rejections(counter.deviceId)).every((r) => r.channel_id === counter.id && r.remote_ip)).toBe(true);
    expect(await reportsOf(counter.id)).toBe(reportsBefore + 1);

    const listed = await server.gqlOk(
      `query($d: String) { counterRejections(deviceId: $d) { reason channelId remoteIp } }`,
      { d: counter.deviceId },
      admin,
    );
    expect(listed.counterRejections.map((r: { reason: string }) => r.reason)).toContain('NONCE_REUSED');
    const far = await createUserWithRole(ds, Role.COORDINATOR, { regionPrefix: '610724' });
    const farToken = await server.login(far.email, far.password);
    expect((await server.gqlOk(`{ counterRejections { id } }`, {}, farToken)).counterRejections).toEqual([]);
    expectErrorCode(
      await server.gql(`query($c: ID!) { counterReports(channelId: $c) { id } }`, { c: counter.id }, farToken),
      'FORBIDDEN',
    );
  });

  it('refuses bad bodies with a 400 and a code, writing nothing', async () => {
    const before = [await stock(tea), await reportsOf(counter.id), await ordersIn(counter.id), await postings()];
    const cases: Array<[unknown, string]> = [
      [report([{ variantId: tea, quantity: 0, unitPrice: 6800 }]), 'INVALID_REPORT'],
      [report([{ variantId: tea, quantity: 1.5, unitPrice: 6800 }]), 'INVALID_REPORT'],
      [report([]), 'INVALID_REPORT'],
      [{ reportId: 'R-x', lines: [{ variantId: tea, quantity: 1, unitPrice: 6800 }] }, 'INVALID_REPORT'],
      [
        {
          ...report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]),
          soldAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
        'INVALID_REPORT',
      ],
      [report([{ variantId: tea, quantity: 1, unitPrice: 6799 }]), 'PRICE_MISMATCH'],
      [report([{ variantId: notPlaced, quantity: 1, unitPrice: 1000 }]), 'PRODUCT_NOT_IN_CHANNEL'],
      [report([{ variantId: randomUUID(), quantity: 1, unitPrice: 1000 }]), 'UNKNOWN_VARIANT'],
    ];
    for (const [body, code] of cases) {
      const res = await post(counter.deviceId, body);
      expect([res.status, res.body.error.code]).toEqual([400, code]);
    }
    expect([await stock(tea), await reportsOf(counter.id), await ordersIn(counter.id), await postings()]).toEqual(
      before,
    );
    const logged = (await rejections(counter.deviceId)).map((r) => r.reason);
    expect(logged).toEqual(
      expect.arrayContaining(['INVALID_REPORT', 'PRICE_MISMATCH', 'PRODUCT_NOT_IN_CHANNEL', 'UNKNOWN_VARIANT']),
    );
  });

  it('merges a variant’s lines, and names the report line that takes it past the order’s per-line limit', async () => {
    const before = [await stock(tea), await reportsOf(counter.id), await ordersIn(counter.id), await postings()];
    const res = await post(
      counter.deviceId,
      report([
        { variantId: tea, quantity: 6000, unitPrice: 6800 },
        { variantId: tea, quantity: 6000, unitPrice: 6800 },
      ]),
    );
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([
      400,
      'INVALID_REPORT',
      'lines.1.quantity',
    ]);
    expect([await stock(tea), await reportsOf(counter.id), await ordersIn(counter.id), await postings()]).toEqual(
      before,
    );
  });

  it('refuses sales older than COUNTER_REPORT_MAX_AGE_DAYS (default 7) or dated in the future, but still answers retries of recorded ones', async () => {
    const day = 86_400_000;
    const line = [{ variantId: tea, quantity: 1, unitPrice: 6800 }];
    const before = [await stock(tea), await reportsOf(counter.id), await ordersIn(counter.id), await postings()];
    const old = await post(counter.deviceId, { ...report(line), soldAt: new Date(Date.now() - 8 * day).toISOString() });
    expect([old.status, old.body.error.code]).toEqual([400, 'REPORT_TOO_OLD']);
    expect(old.body.error.message).toContain('7 day');
    const ahead = await post(counter.deviceId, {
      ...report(line),
      soldAt: new Date(Date.now() + 400_000).toISOString(),
    });
    expect([ahead.status, ahead.body.error.code]).toEqual([400, 'INVALID_REPORT']);
    expect([await stock(tea), await reportsOf(counter.id), await ordersIn(counter.id), await postings()]).toEqual(
      before,
    );
    expect((await rejections(counter.deviceId)).map((r) => r.reason)).toContain('REPORT_TOO_OLD');

    // Inside the window (six days ago) is a normal sale.
    const late = { ...report(line), soldAt: new Date(Date.now() - 6 * day).toISOString() };
    const recorded = await post(counter.deviceId, late);
    expect(recorded.body.status).toBe('RECORDED');
    // A retry of a report that was recorded answers DUPLICATE even once the sale has left the window
    // (simulated by moving the stored sale back in time): idempotency wins over the age check.
    const longAgo = new Date(Date.now() - 30 * day).toISOString();
    await ds.query(`UPDATE counter_report SET reported_at = $2 WHERE id = $1`, [
      recorded.body.counterReportId,
      longAgo,
    ]);
    const retry = await post(counter.deviceId, { ...late, soldAt: longAgo });
    expect([retry.status, retry.body.status, retry.body.counterReportId]).toEqual([
      200,
      'DUPLICATE',
      recorded.body.counterReportId,
    ]);
    await expectBooksConsistent();
  });

  it('reads COUNTER_REPORT_MAX_AGE_DAYS once at boot and refuses bad values', () => {
    expect(loadChannelConfig({})).toEqual({ counterReportMaxAgeDays: 7 });
    expect(loadChannelConfig({ COUNTER_REPORT_MAX_AGE_DAYS: ' 30 ' })).toEqual({ counterReportMaxAgeDays: 30 });
    for (const bad of ['0', '-1', '1.5', 'week', '367'])
      expect(() => loadChannelConfig({ COUNTER_REPORT_MAX_AGE_DAYS: bad })).toThrow(/COUNTER_REPORT_MAX_AGE_DAYS/);
  });

  it('refuses a product that is no longer sellable (unpublished, certificate lapsed) with a 409, writing nothing', async () => {
    const [product] = await ds.query(`SELECT product_id FROM variant WHERE id = $1`, [honey]);
    // What a refused report must leave as it was: stock, reservations, reports, orders and the books.
    const written = async () => [
      await stock(tea),
      await stock(honey),
      await reserved(honey),
      await reportsOf(counter.id),
      await ordersIn(counter.id),
      await postings(),
    ];
    const before = await written();
    const body = report([
      { variantId: tea, quantity: 1, unitPrice: 6800 },
      { variantId: honey, quantity: 1, unitPrice: 12800 },
    ]);
    await ds.query(`UPDATE product SET status = 'UNPUBLISHED' WHERE id = $1`, [product.product_id]);
    const unpublished = await post(counter.deviceId, body);
    expect([unpublished.status, unpublished.body.error.code]).toEqual([409, 'PRODUCT_UNAVAILABLE']);
    await ds.query(`UPDATE product SET status = 'PUBLISHED' WHERE id = $1`, [product.product_id]);

    await ds.query(
      `UPDATE certification SET valid_to = '2024-12-31', valid_from = '2024-01-01' WHERE product_id = $1`,
      [product.product_id],
    );
    const lapsed = await post(counter.deviceId, body);
    expect([lapsed.status, lapsed.body.error.code]).toEqual([409, 'CERTIFICATION_INVALID']);
    await ds.query(
      `UPDATE certification SET valid_to = '2099-12-31', valid_from = '2025-01-01' WHERE product_id = $1`,
      [product.product_id],
    );

    expect(await written()).toEqual(before);
    expect(await ds.query(`SELECT 1 FROM counter_report WHERE report_id = $1`, [body.reportId])).toHaveLength(0);
    // Once sellable again the counter's retry (same reportId, new nonce) is recorded.
    expect((await post(counter.deviceId, body)).body.status).toBe('RECORDED');
    await expectBooksConsistent();
  });

  it('refuses the whole report when one line lacks stock (reserved stock counts as taken)', async () => {
    const teaBefore = await stock(tea);
    await ds.query(`UPDATE variant SET stock_on_hand = 5, stock_reserved = 3 WHERE id = $1`, [honey]);
    const body = report([
      { variantId: tea, quantity: 1, unitPrice: 6800 },
      { variantId: honey, quantity: 3, unitPrice: 12800 },
    ]);
    const [ordersBefore, postingsBefore, teaReserved] = [
      await ordersIn(counter.id),
      await postings(),
      await reserved(tea),
    ];
    const res = await post(counter.deviceId, body);
    expect([res.status, res.body.error.code]).toEqual([409, 'INSUFFICIENT_STOCK']);
    expect(res.body.error.message).toContain('lines.1');
    expect(await stock(tea)).toBe(teaBefore);
    expect(await stock(honey)).toBe(5);
    expect([await reserved(tea), await reserved(honey)]).toEqual([teaReserved, 3]);
    expect([await ordersIn(counter.id), await postings()]).toEqual([ordersBefore, postingsBefore]);
    expect(await ds.query(`SELECT 1 FROM counter_report WHERE report_id = $1`, [body.reportId])).toHaveLength(0);

    // After a restock the counter resends the report (new nonce, same reportId) and it is recorded.
    await ds.query(`UPDATE variant SET stock_on_hand = 20 WHERE id = $1`, [honey]);
    const again = await post(counter.deviceId, body);
    expect(again.body.status).toBe('RECORDED');
    expect(await stock(honey)).toBe(17);
    expect(await stock(tea)).toBe(teaBefore - 1);
    expect([await reserved(tea), await reserved(honey)]).toEqual([teaReserved, 3]);
    expect(await ordersIn(counter.id)).toBe(ordersBefore + 1);
    await expectBooksConsistent();
  });

  it('refuses a disabled counter and the old secret after rotation', async () => {
    const rotated = (
      await server.gqlOk(
        `mutation($id: ID!) { rotateCounterSecret(channelId: $id) { deviceSecret } }`,
        { id: counter.id },
        admin,
      )
    ).rotateCounterSecret.deviceSecret;
    const old = await post(counter.deviceId, report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]));
    expect([old.status, old.body.error.code]).toEqual([401, 'BAD_SIGNATURE']);
    counter.secret = rotated;
    expect((await post(counter.deviceId, report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]))).body.status).toBe(
      'RECORDED',
    );

    await server.gqlOk(`mutation($id: ID!) { disableChannel(channelId: $id) { id } }`, { id: counter.id }, admin);
    const disabled = await post(counter.deviceId, report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]));
    expect([disabled.status, disabled.body.error.code]).toEqual([403, 'CHANNEL_DISABLED']);
    expect((await rejections(counter.deviceId)).at(-1)?.reason).toBe('CHANNEL_DISABLED');
  });
});
