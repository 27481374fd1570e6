import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { CATALOG_ENTITIES, CatalogModule } from '@bangfu/catalog';
import { CERTIFICATION_ENTITIES, CertificationModule, insertCertificationFixture, insertProductFixture, insertVariantFixture } from '@bangfu/certification';
import { createUserWithRole, IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { createSupplierFixture, SUPPLIER_ENTITIES, SupplierModule } from '@bangfu/supplier';
import { expectErrorCode, startTestServer, type TestServer } from '@bangfu/testing';
import { CHANNEL_ENTITIES, ChannelModule } from './channel.module';

let server: TestServer;
let ds: DataSource;
let admin: string;
let counter: { id: string; deviceId: string; secret: string };
let tea: string; // variant placed in the counter, retail 6800 fen
let honey: string; // variant placed in the counter, retail 12800 fen
let notPlaced: string;

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
  const signature = opts.signature ?? createHmac('sha256', opts.secret ?? counter.secret).update(`${ts}.${nonce}.${raw}`).digest('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-bangfu-timestamp': ts, 'x-bangfu-nonce': nonce, 'x-bangfu-signature': signature };
  if (opts.omit) delete headers[opts.omit];
  const res = await fetch(`${server.url}/counters/${encodeURIComponent(deviceId)}/sales`, { method: 'POST', headers, body: raw });
  return { status: res.status, body: await res.json() };
}

const report = (lines: Array<{ variantId: string; quantity: number; unitPrice: number }>, reportId = `R-${randomUUID()}`) => ({
  reportId,
  soldAt: new Date(Date.now() - 60_000).toISOString(),
  lines,
});

const stock = async (variantId: string) => Number((await ds.query(`SELECT stock_on_hand FROM variant WHERE id = $1`, [variantId]))[0].stock_on_hand);
const rejections = async (deviceId: string) =>
  (await ds.query(`SELECT reason, channel_id, remote_ip FROM counter_rejection WHERE device_id = $1 ORDER BY received_at`, [deviceId])) as Array<{ reason: string; channel_id: string | null; remote_ip: string | null }>;
const reportsOf = async (channelId: string) => Number((await ds.query(`SELECT count(*) AS n FROM counter_report WHERE channel_id = $1`, [channelId]))[0].n);

beforeAll(async () => {
  server = await startTestServer({
    imports: [RegionModule, IdentityModule, SupplierModule, CatalogModule, CertificationModule, ChannelModule],
    entities: [...REGION_ENTITIES, ...IDENTITY_ENTITIES, ...SUPPLIER_ENTITIES, ...CATALOG_ENTITIES, ...CERTIFICATION_ENTITIES, ...CHANNEL_ENTITIES],
  });
  ds = server.app.get(DataSource);
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

  const { supplierId } = await createSupplierFixture(ds);
  const teaProduct = await insertProductFixture(ds, { supplierId, title: '梵净山绿茶' });
  const honeyProduct = await insertProductFixture(ds, { supplierId, title: '秦巴土蜂蜜' });
  const otherProduct = await insertProductFixture(ds, { supplierId, title: '未上架到专柜的产品' });
  for (const p of [teaProduct, honeyProduct, otherProduct]) await insertCertificationFixture(ds, { productId: p });
  tea = await insertVariantFixture(ds, { productId: teaProduct, retailPrice: 6800, stockOnHand: 50 });
  honey = await insertVariantFixture(ds, { productId: honeyProduct, retailPrice: 12800, stockOnHand: 10 });
  notPlaced = await insertVariantFixture(ds, { productId: otherProduct, retailPrice: 1000, stockOnHand: 10 });
  const supplierAdmin = await createUserWithRole(ds, Role.SUPPLIER_ADMIN, { organizationId: supplierId });
  const token = await server.login(supplierAdmin.email, supplierAdmin.password);
  for (const p of [teaProduct, honeyProduct]) {
    await server.gqlOk(`mutation($c: ID!, $p: ID!) { placeProductInChannel(channelId: $c, productId: $p) { id } }`, { c: counter.id, p }, token);
  }
});
afterAll(() => server?.close());

describe('counter sales reports', () => {
  it('records a correctly signed report, totals it and takes the stock; order_id stays NULL', async () => {
    const [teaBefore, honeyBefore] = [await stock(tea), await stock(honey)];
    const body = report([
      { variantId: tea, quantity: 2, unitPrice: 6800 },
      { variantId: honey, quantity: 1, unitPrice: 12800 },
    ]);
    const res = await post(counter.deviceId, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reportId: body.reportId, status: 'RECORDED' });
    const [row] = await ds.query(`SELECT total_amount, order_id, lines, reported_at FROM counter_report WHERE id = $1`, [res.body.counterReportId]);
    expect(Number(row.total_amount)).toBe(2 * 6800 + 12800);
    expect(row.order_id).toBeNull();
    expect(row.lines).toHaveLength(2);
    expect(new Date(row.reported_at).toISOString()).toBe(body.soldAt);
    expect(await stock(tea)).toBe(teaBefore - 2);
    expect(await stock(honey)).toBe(honeyBefore - 1);

    const listed = await server.gqlOk(`query($c: ID!) { counterReports(channelId: $c) { id reportId totalAmount orderId lines { variantId quantity unitPrice } } }`, { c: counter.id }, admin);
    expect(listed.counterReports.find((r: { id: string }) => r.id === res.body.counterReportId)).toMatchObject({ totalAmount: 26400, orderId: null });
  });

  it('records a retried report once: a retry with a new nonce and a replay with the same nonce both answer DUPLICATE', async () => {
    const before = await stock(tea);
    const body = report([{ variantId: tea, quantity: 3, unitPrice: 6800 }]);
    const nonce = randomBytes(12).toString('hex');
    const ts = Math.floor(Date.now() / 1000);
    const first = await post(counter.deviceId, body, { nonce, ts });
    expect(first.body.status).toBe('RECORDED');
    const retry = await post(counter.deviceId, body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ reportId: body.reportId, status: 'DUPLICATE', counterReportId: first.body.counterReportId });
    const replay = await post(counter.deviceId, body, { nonce, ts });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ reportId: body.reportId, status: 'DUPLICATE', counterReportId: first.body.counterReportId });
    expect(await stock(tea)).toBe(before - 3);
    expect(Number((await ds.query(`SELECT count(*) AS n FROM counter_report WHERE report_id = $1`, [body.reportId]))[0].n)).toBe(1);

    // The same reportId with different contents is a conflict, not a duplicate.
    const changed = await post(counter.deviceId, { ...body, lines: [{ variantId: tea, quantity: 4, unitPrice: 6800 }] });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('REPORT_ID_CONFLICT');
    expect(await stock(tea)).toBe(before - 3);
  });

  it('records concurrent retries of one report exactly once', async () => {
    const before = await stock(tea);
    const body = report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => post(counter.deviceId, body)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.body.status === 'RECORDED')).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.counterReportId)).size).toBe(1);
    expect(await stock(tea)).toBe(before - 1);
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
    const sig = createHmac('sha256', counter.secret).update(`${ts}.nonce-tamper-1.${JSON.stringify(signedBody)}`).digest('hex');
    const tampered = await fetch(`${server.url}/counters/${counter.deviceId}/sales`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bangfu-timestamp': ts, 'x-bangfu-nonce': 'nonce-tamper-1', 'x-bangfu-signature': sig },
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
    expect(await rejections('CTR-000000-NOSUCHDEV1')).toEqual([{ reason: 'UNKNOWN_DEVICE', channel_id: null, remote_ip: expect.stringContaining('127.0.0.1') }]);

    const logged = (await rejections(counter.deviceId)).map((r) => r.reason);
    expect(logged).toEqual(expect.arrayContaining(['BAD_SIGNATURE', 'STALE_TIMESTAMP', 'NONCE_REUSED', 'MISSING_SIGNATURE']));
    expect(logged.filter((r) => r === 'BAD_SIGNATURE')).toHaveLength(3);
    expect((await rejections(counter.deviceId)).every((r) => r.channel_id === counter.id && r.remote_ip)).toBe(true);
    expect(await reportsOf(counter.id)).toBe(reportsBefore + 1);

    const listed = await server.gqlOk(`query($d: String) { counterRejections(deviceId: $d) { reason channelId remoteIp } }`, { d: counter.deviceId }, admin);
    expect(listed.counterRejections.map((r: { reason: string }) => r.reason)).toContain('NONCE_REUSED');
    const far = await createUserWithRole(ds, Role.COORDINATOR, { regionPrefix: '610724' });
    const farToken = await server.login(far.email, far.password);
    expect((await server.gqlOk(`{ counterRejections { id } }`, {}, farToken)).counterRejections).toEqual([]);
    expectErrorCode(await server.gql(`query($c: ID!) { counterReports(channelId: $c) { id } }`, { c: counter.id }, farToken), 'FORBIDDEN');
  });

  it('refuses bad bodies with a 400 and a code, writing nothing', async () => {
    const before = [await stock(tea), await reportsOf(counter.id)];
    const cases: Array<[unknown, string]> = [
      [report([{ variantId: tea, quantity: 0, unitPrice: 6800 }]), 'INVALID_REPORT'],
      [report([{ variantId: tea, quantity: 1.5, unitPrice: 6800 }]), 'INVALID_REPORT'],
      [report([]), 'INVALID_REPORT'],
      [{ reportId: 'R-x', lines: [{ variantId: tea, quantity: 1, unitPrice: 6800 }] }, 'INVALID_REPORT'],
      [{ ...report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]), soldAt: new Date(Date.now() + 3_600_000).toISOString() }, 'INVALID_REPORT'],
      [report([{ variantId: tea, quantity: 1, unitPrice: 6799 }]), 'PRICE_MISMATCH'],
      [report([{ variantId: notPlaced, quantity: 1, unitPrice: 1000 }]), 'PRODUCT_NOT_IN_CHANNEL'],
      [report([{ variantId: randomUUID(), quantity: 1, unitPrice: 1000 }]), 'UNKNOWN_VARIANT'],
    ];
    for (const [body, code] of cases) {
      const res = await post(counter.deviceId, body);
      expect([res.status, res.body.error.code]).toEqual([400, code]);
    }
    expect([await stock(tea), await reportsOf(counter.id)]).toEqual(before);
    const logged = (await rejections(counter.deviceId)).map((r) => r.reason);
    expect(logged).toEqual(expect.arrayContaining(['INVALID_REPORT', 'PRICE_MISMATCH', 'PRODUCT_NOT_IN_CHANNEL', 'UNKNOWN_VARIANT']));
  });

  it('refuses the whole report when one line lacks stock (reserved stock counts as taken)', async () => {
    const teaBefore = await stock(tea);
    await ds.query(`UPDATE variant SET stock_on_hand = 5, stock_reserved = 3 WHERE id = $1`, [honey]);
    const body = report([
      { variantId: tea, quantity: 1, unitPrice: 6800 },
      { variantId: honey, quantity: 3, unitPrice: 12800 },
    ]);
    const res = await post(counter.deviceId, body);
    expect([res.status, res.body.error.code]).toEqual([409, 'INSUFFICIENT_STOCK']);
    expect(await stock(tea)).toBe(teaBefore);
    expect(await stock(honey)).toBe(5);
    expect(await ds.query(`SELECT 1 FROM counter_report WHERE report_id = $1`, [body.reportId])).toHaveLength(0);

    // After a restock the counter resends the report (new nonce, same reportId) and it is recorded.
    await ds.query(`UPDATE variant SET stock_on_hand = 20 WHERE id = $1`, [honey]);
    const again = await post(counter.deviceId, body);
    expect(again.body.status).toBe('RECORDED');
    expect(await stock(honey)).toBe(17);
    expect(await stock(tea)).toBe(teaBefore - 1);
  });

  it('refuses a disabled counter and the old secret after rotation', async () => {
    const rotated = (await server.gqlOk(`mutation($id: ID!) { rotateCounterSecret(channelId: $id) { deviceSecret } }`, { id: counter.id }, admin)).rotateCounterSecret.deviceSecret;
    const old = await post(counter.deviceId, report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]));
    expect([old.status, old.body.error.code]).toEqual([401, 'BAD_SIGNATURE']);
    counter.secret = rotated;
    expect((await post(counter.deviceId, report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]))).body.status).toBe('RECORDED');

    await server.gqlOk(`mutation($id: ID!) { disableChannel(channelId: $id) { id } }`, { id: counter.id }, admin);
    const disabled = await post(counter.deviceId, report([{ variantId: tea, quantity: 1, unitPrice: 6800 }]));
    expect([disabled.status, disabled.body.error.code]).toEqual([403, 'CHANNEL_DISABLED']);
    expect((await rejections(counter.deviceId)).at(-1)?.reason).toBe('CHANNEL_DISABLED');
  });
});
