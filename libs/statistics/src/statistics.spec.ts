import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Db, Role } from '@bangfu/core';
import { insertCertificationFixture } from '@bangfu/certification';
import { OrderCounted, OutboxService } from '@bangfu/events';
import { CountingFactsService } from '@bangfu/ordering';
import { SupplierKind } from '@bangfu/supplier';
import type { TestServer } from '@bangfu/testing';
import {
  accept,
  agency,
  at,
  type Buyer,
  category,
  channel,
  countedOrder,
  customer,
  deliver,
  insertOrder,
  lineOf,
  product,
  rebuild,
  reconcile,
  refund,
  salesStatsQuery,
  startStatsServer,
  supplier,
  sync,
  sys,
  tokenFor,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let coordinator: string;
let auditor: string;
let admin: string;
const ids: Record<string, string> = {};

const FIGURES =
  'grossAmount refundAmount netAmount certifiedNetAmount uncertifiedNetAmount orderCount unitCount buyerCount householdsDriven';
const STATS = salesStatsQuery(
  `regionCode regionPath fromDay toDay total { ${FIGURES} } rows { key label figures { ${FIGURES} } }`,
);
const GROUPINGS = ['REGION', 'CHANNEL_KIND', 'CHANNEL', 'SUPPLIER_KIND', 'SUPPLIER', 'CATEGORY', 'MONTH', 'BUYER_KIND'];
const ADDITIVE = [
  'grossAmount',
  'refundAmount',
  'netAmount',
  'certifiedNetAmount',
  'uncertifiedNetAmount',
  'unitCount',
] as const;

/** Each row as [key, label, ...the figures named], to compare with a table. */
const table = (rows: any[], ...figures: string[]) =>
  rows.map((r) => [r.key, r.label, ...figures.map((f) => r.figures[f])]);

function stats(token: string, r: string, f: string, t: string, g: string, s = 'ORIGIN') {
  return server.gqlOk(STATS, { r, f, t, g, s }, token).then((d) => d.salesStats);
}

beforeAll(async () => {
  ({ server, ds, admin } = await startStatsServer());
  coordinator = await tokenFor(server, ds, Role.COORDINATOR, '5206');
  auditor = await tokenFor(server, ds, Role.AUDITOR, '5206');
  const tea = await category(ds, '茶叶');
  const coop = await supplier(ds, '520621000000', SupplierKind.COOPERATIVE);
  const firm = await supplier(ds, '520622000000', SupplierKind.ENTERPRISE);
  const farm = await supplier(ds, '610724000000', SupplierKind.FAMILY_FARM);
  const p1 = await product(ds, coop, '520621000000', tea);
  const p2 = await product(ds, firm, '520622000000');
  const p3 = await product(ds, farm, '610724000000');
  await insertCertificationFixture(ds, { productId: p1.productId, validFrom: '2026-01-01', validTo: '2026-12-31' });
  ids.hall = await channel(ds, 'HALL', null, '帮扶网上专馆');
  ids.zone = await channel(ds, 'ZONE', '440106000000', '天河专区');
  ids.counter = await channel(ds, 'COUNTER', '440106000000', '食堂专柜');
  const opened = [
    await channel(ds, 'HALL', '520621000000', '江口实体专馆'),
    await channel(ds, 'COUNTER', '520602000000', '碧江专柜'),
  ];
  await ds.query(`UPDATE channel SET created_at = '2026-01-05T00:00:00+08:00' WHERE id = ANY($1::uuid[])`, [opened]);
  await channel(ds, 'ZONE', '520602000000', '碧江专区（尚未开设）'); // opened after the indicators' date: not counted
  const gz: Buyer = await agency(ds, '440106000000');
  const tr: Buyer = await agency(ds, '520602000000');
  const walkIn: Buyer = await customer(ds);
  const person: Buyer = await customer(ds);
  const line = (
    p: { productId: string; variantId: string },
    supplierId: string,
    origin: string,
    unitPrice: number,
    quantity: number,
    certified: boolean,
  ) => lineOf(p, supplierId, origin, { unitPrice, quantity, certified });

  // A: an agency in Guangzhou buys Tongren tea (certified) and an uncertified product in the zone; accepted in February, ¥100 refunded in April.
  const a = await insertOrder(ds, gz, ids.zone, at('2026-02-03T09:00:00'), [
    line(p1, coop, '520621000000', 16800, 10, true),
    line(p2, firm, '520622000000', 5000, 5, false),
  ]);
  await deliver(ds, a.orderId, at('2026-02-10T09:00:00'));
  await sync(server, a.orderId);
  expect((await ds.query(`SELECT count(*)::int AS n FROM stats_line WHERE order_id = $1`, [a.orderId]))[0].n).toBe(0); // delivered is not counted for an agency
  await accept(ds, a.orderId, at('2026-02-12T09:00:00'));
  await sync(server, a.orderId);
  await refund(ds, a.orderId, [{ lineId: a.lineIds[0], amount: 10000 }], at('2026-04-02T09:00:00'));
  await sync(server, a.orderId);
  // B: a customer online, delivered in March.
  const b = await countedOrder(
    server,
    ds,
    person,
    ids.hall,
    [line(p1, coop, '520621000000', 8000, 2, true), line(p3, farm, '610724000000', 3000, 1, true)],
    { placed: '2026-03-05T09:00:00', delivered: '2026-03-08T09:00:00' },
  );
  // C: a counter sale (retail in a COUNTER channel), uncertified.
  const c = await countedOrder(server, ds, walkIn, ids.counter, [line(p2, firm, '520622000000', 2000, 3, false)], {
    placed: '2026-03-10T09:00:00',
    delivered: '2026-03-10T09:00:00',
  });
  // D: a Tongren agency buys Hanzhong produce, accepted in March.
  const d = await countedOrder(server, ds, tr, ids.hall, [line(p3, farm, '610724000000', 1000, 4, true)], {
    placed: '2026-03-11T09:00:00',
    delivered: '2026-03-14T09:00:00',
    accepted: '2026-03-15T09:00:00',
  });
  // E: delivered, never accepted: does not count.
  const e = await countedOrder(server, ds, gz, ids.zone, [line(p1, coop, '520621000000', 16800, 1, true)], {
    placed: '2026-03-01T09:00:00',
    delivered: '2026-03-02T09:00:00',
  });
  Object.assign(ids, { a: a.orderId, b: b.orderId, c: c.orderId, d: d.orderId, e: e.orderId, coop, firm, farm, tea });
});
afterAll(() => server?.close());

describe('salesStats', () => {
  it('counts exactly what counts, for Tongren (ORIGIN side)', async () => {
    const s = await stats(coordinator, '520600000000', '2026-01', '2026-04', 'CHANNEL_KIND');
    expect(s.regionPath).toEqual(['贵州省', '铜仁市']);
    expect(s.total).toEqual({
      grossAmount: 168000 + 25000 + 16000 + 6000,
      refundAmount: 10000,
      netAmount: 205000,
      certifiedNetAmount: 168000 - 10000 + 16000,
      uncertifiedNetAmount: 25000 + 6000,
      orderCount: 3,
      unitCount: 20,
      buyerCount: 2,
      householdsDriven: 0,
    });
  });

  it('every grouping sums to its total, on both sides, for a coordinator and for the whole country', async () => {
    const cases: Array<[string, string, string]> = [
      [coordinator, '520600000000', 'ORIGIN'],
      [auditor, '520621000000', 'ORIGIN'],
      [admin, '', 'ORIGIN'],
      [admin, '000000000000', 'BUYER'],
      [admin, '440100000000', 'BUYER'],
    ];
    for (const [token, region, side] of cases) {
      for (const g of GROUPINGS) {
        const s = await stats(token, region, '2026-01-01', '2026-04-30', g, side);
        for (const field of ADDITIVE)
          expect(
            s.rows.reduce((a: number, r: any) => a + r.figures[field], 0),
            `${region} ${side} ${g} ${field}`,
          ).toBe(s.total[field]);
        for (const r of s.rows) {
          expect(r.figures.orderCount).toBeLessThanOrEqual(s.total.orderCount);
          expect(r.figures.netAmount).toBe(r.figures.certifiedNetAmount + r.figures.uncertifiedNetAmount);
        }
        // Orders cannot span channels, buyer kinds or counting months: there the distinct counts add up too.
        if (['CHANNEL', 'CHANNEL_KIND', 'BUYER_KIND', 'MONTH'].includes(g))
          expect(s.rows.reduce((a: number, r: any) => a + r.figures.orderCount, 0)).toBe(s.total.orderCount);
      }
    }
    const country = await stats(admin, '', '2026-01', '2026-04', 'REGION');
    expect(country.total.netAmount).toBe(183000 + 19000 + 6000 + 4000);
    expect(table(country.rows, 'netAmount')).toEqual([
      ['520000000000', '贵州省', 205000],
      ['610000000000', '陕西省', 7000],
    ]);
  });

  it('a refund moves the refund month, not the sale’s', async () => {
    const s = await stats(coordinator, '520600000000', '2026-01', '2026-04', 'MONTH');
    expect(table(s.rows, 'grossAmount', 'refundAmount', 'netAmount', 'orderCount')).toEqual([
      ['2026-02', '2026年2月', 193000, 0, 193000, 1],
      ['2026-03', '2026年3月', 22000, 0, 22000, 2],
      ['2026-04', '2026年4月', 0, 10000, -10000, 0],
    ]);
    const april = await stats(coordinator, '520600000000', '2026-04-01', '2026-04-30', 'REGION');
    expect(april.total).toMatchObject({
      grossAmount: 0,
      refundAmount: 10000,
      netAmount: -10000,
      certifiedNetAmount: -10000,
      orderCount: 0,
    });
    expect(table(april.rows)).toEqual([['520621000000', '江口县']]);
  });

  it('reports uncertified sales separately, per channel, supplier kind and category', async () => {
    const kinds = await stats(coordinator, '520600000000', '2026-01', '2026-04', 'BUYER_KIND');
    expect(table(kinds.rows, 'certifiedNetAmount', 'uncertifiedNetAmount', 'buyerCount')).toEqual([
      ['AGENCY', '预算单位采购', 158000, 25000, 1],
      ['RETAIL', '个人零售', 16000, 0, 1],
      ['COUNTER', '专柜零售', 0, 6000, 0],
    ]);
    const cats = await stats(coordinator, '520600000000', '2026-01', '2026-04', 'CATEGORY');
    expect(table(cats.rows, 'netAmount')).toEqual([
      [ids.tea, '茶叶', 174000],
      ['NONE', '未分类', 31000],
    ]);
    const supplierKinds = await stats(coordinator, '520600000000', '2026-01', '2026-04', 'SUPPLIER_KIND');
    expect(table(supplierKinds.rows, 'uncertifiedNetAmount')).toEqual([
      ['COOPERATIVE', '合作社', 0],
      ['ENTERPRISE', '企业', 31000],
    ]);
    const share = (
      await server.gqlOk(
        `query { channelCertifiedShare(regionCode: "520600000000", from: "2026-01", to: "2026-04") { thresholdBps channels { name kind netAmount certifiedNetAmount uncertifiedNetAmount certifiedShareBps warning } } }`,
        {},
        auditor,
      )
    ).channelCertifiedShare;
    expect(share.thresholdBps).toBe(8000);
    expect(share.channels).toEqual([
      {
        name: '食堂专柜',
        kind: 'COUNTER',
        netAmount: 6000,
        certifiedNetAmount: 0,
        uncertifiedNetAmount: 6000,
        certifiedShareBps: 0,
        warning: true,
      },
      {
        name: '帮扶网上专馆',
        kind: 'HALL',
        netAmount: 16000,
        certifiedNetAmount: 16000,
        uncertifiedNetAmount: 0,
        certifiedShareBps: 10000,
        warning: false,
      },
      {
        name: '天河专区',
        kind: 'ZONE',
        netAmount: 183000,
        certifiedNetAmount: 158000,
        uncertifiedNetAmount: 25000,
        certifiedShareBps: 8633,
        warning: false,
      },
    ]);
  });

  it('BUYER side places a sale by the buying unit’s region; retail has no buyer region', async () => {
    const gz = await stats(admin, '440100000000', '2026-01', '2026-04', 'REGION', 'BUYER');
    expect(table(gz.rows, 'netAmount', 'buyerCount')).toEqual([['440106000000', '天河区', 183000, 1]]);
    expect(gz.total.householdsDriven).toBeNull();
    const tongrenBuys = await stats(coordinator, '520600000000', '2026-01', '2026-04', 'SUPPLIER', 'BUYER');
    expect(tongrenBuys.total.netAmount).toBe(4000); // Hanzhong produce bought by a Tongren unit
    expect(tongrenBuys.rows.map((r: any) => r.key)).toEqual([ids.farm]);
    const country = await stats(admin, '', '2026-01', '2026-04', 'REGION', 'BUYER');
    expect(table(country.rows, 'netAmount')).toEqual([
      ['440000000000', '广东省', 183000],
      ['520000000000', '贵州省', 4000],
      ['NONE', '无采购单位地区（零售、专柜）', 25000],
    ]);
  });

  it('refuses regions outside the caller’s prefix, other roles and bad input', async () => {
    for (const [region, token] of [
      ['610000000000', coordinator],
      ['', coordinator],
      ['000000000000', auditor],
      ['52', coordinator],
    ] as const) {
      const res = await server.gql(STATS, { r: region, f: '2026-01', t: '2026-04', g: 'REGION' }, token);
      expect(res.errors?.[0].extensions?.code, region).toBe('FORBIDDEN');
    }
    const customerToken = await tokenFor(server, ds, Role.CUSTOMER);
    expect(
      (await server.gql(STATS, { r: '520600000000', f: '2026-01', t: '2026-04', g: 'REGION' }, customerToken))
        .errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await server.gql(STATS, { r: '520600000000', f: '2026-01', t: '2026-04', g: 'REGION' })).errors?.[0].extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await server.gql(STATS, { r: '520600000000', f: '2026-13', t: '2026-04', g: 'REGION' }, coordinator)).errors?.[0]
        .extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await server.gql(STATS, { r: '5206x', f: '2026-01', t: '2026-04', g: 'REGION' }, coordinator)).errors?.[0]
        .extensions?.code,
    ).toBe('BAD_USER_INPUT');
    const res = await fetch(
      `${server.url}/api/exports/sales-stats.csv?regionCode=610000000000&from=2026-01&to=2026-04&groupBy=REGION`,
      { headers: { authorization: `Bearer ${coordinator}` } },
    );
    expect(res.status).toBe(403);
  });
});

describe('exports', () => {
  it('CSV and XLSX with Chinese headers and the region path', async () => {
    const res = await fetch(
      `${server.url}/api/exports/sales-stats.csv?regionCode=520600000000&from=2026-01&to=2026-04&groupBy=REGION`,
      { headers: { authorization: `Bearer ${auditor}` } },
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('贵州省铜仁市消费帮扶销售统计（2026-01-01至2026-04-30，按地区，按产品产地）');
    expect(lines[1]).toBe(
      '序号,地区,销售金额（元）,退款金额（元）,净销售额（元）,认定产品销售额（元）,非认定产品销售额（元）,订单数,件数,采购方数,带动户数',
    );
    expect(lines.at(-1)).toBe(',合计,2150.00,100.00,2050.00,1740.00,310.00,3,20,2,0');
    const xlsx = await fetch(
      `${server.url}/api/exports/assistance-indicators.xlsx?regionCode=520600000000&date=2026-04-30`,
      { headers: { authorization: `Bearer ${auditor}` } },
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const share = await fetch(
      `${server.url}/api/exports/channel-certified-share.csv?regionCode=520600000000&from=2026-01&to=2026-04`,
      { headers: { authorization: `Bearer ${auditor}` } },
    );
    expect((await share.text()).split('\r\n')[2]).toBe('1,食堂专柜,专柜,60.00,0.00,60.00,0.00%,是');
  });
});

describe('assistanceIndicators', () => {
  it('counts channels, certified suppliers and products on the date, year-to-date sales, and writes the sentence', async () => {
    const { assistanceIndicators: i } = await server.gqlOk(
      `query { assistanceIndicators(regionCode: "520600000000", date: "2026-04-30") { regionPath hallCount zoneCount counterCount certifiedSupplierCount certifiedProductCount salesAmountYtd uncertifiedSalesAmountYtd householdsDriven exPovertyHouseholdsDriven monitoredHouseholdsDriven villageCollectiveIncome summary } }`,
      {},
      coordinator,
    );
    expect(i).toMatchObject({
      hallCount: 1,
      zoneCount: 0,
      counterCount: 1,
      certifiedSupplierCount: 1,
      certifiedProductCount: 1,
      salesAmountYtd: 205000,
      uncertifiedSalesAmountYtd: 31000,
    });
    expect(i.summary).toBe(
      '建成消费帮扶专馆1个、专区0个、专柜1台，累计认定供应商1家、帮扶产品1个，实现销售金额2050.00元，带动脱贫户0户、监测户0户（共0户）增收，村集体增收0.00元',
    );
    const later = await server.gqlOk(
      `query { assistanceIndicators(regionCode: "520600000000", date: "2027-01-15") { certifiedProductCount salesAmountYtd } }`,
      {},
      coordinator,
    );
    expect(later.assistanceIndicators).toEqual({ certifiedProductCount: 0, salesAmountYtd: 0 });
  });
});

describe('writing and reconciling', () => {
  it('is idempotent, and reconciliation finds no difference — and finds tampering', async () => {
    // Every rollup cell and buyer mask, to compare after the same moves again and after a rebuild.
    const rollups = async () => ({
      cube: await ds.query(`SELECT * FROM stats_cube ORDER BY side, grp, gran, period, region_code, k1, k2, k3`),
      buyers: await ds.query(
        `SELECT *, days::text AS days FROM stats_buyer ORDER BY side, grp, lvl, prefix, k1, k2, k3, buyer_key`,
      ),
    });
    const before = await rollups();
    for (const id of [ids.a, ids.b, ids.c, ids.d, ids.e]) await sync(server, id);
    expect(await rollups()).toEqual(before);
    const clean = await reconcile(server, '2026-01', '2026-05');
    expect(clean.differences).toEqual([]);
    expect(clean.ordersChecked).toBe(5);
    // A rebuild from stats_line / stats_refund (what the migration ran) gives the same cells.
    await rebuild(server);
    expect(await rollups()).toEqual(before);
    await ds.query(
      `UPDATE stats_cube SET refund_amount = refund_amount + 1 WHERE side = 'O' AND grp = 'A' AND gran = 'D' AND period = '2026-04-02'`,
    );
    await ds.query(
      `UPDATE stats_buyer SET days = days | stats_day_bit('2026-02-27') WHERE side = 'O' AND grp = 'A' AND lvl = 0 AND year = 2026`,
    );
    const [line] = await ds.query(`SELECT order_line_id FROM stats_line WHERE order_id = $1`, [ids.d]);
    await ds.query(`DELETE FROM stats_line WHERE order_line_id = $1`, [line.order_line_id]);
    const dirty = await reconcile(server, '2026-01', '2026-05');
    const kinds = dirty.differences.map((d) => d.kind);
    expect(new Set(kinds)).toEqual(new Set(['MISSING_LINE', 'ROLLUP_MISMATCH', 'BUYER_MISMATCH']));
    expect(kinds.filter((k) => k === 'MISSING_LINE')).toHaveLength(1);
    expect(dirty.differences.some((d) => d.kind === 'ROLLUP_MISMATCH' && d.key.startsWith('O|A|D|2026-04-02|'))).toBe(
      true,
    );
  });

  it('commits with the move that publishes the counting event (ordering’s outbox runs the consumer in its transaction)', async () => {
    const db = server.app.get(Db);
    const outbox = server.app.get(OutboxService);
    const facts = server.app.get(CountingFactsService);
    const buyer = await agency(ds, '440106000000');
    const p = await product(ds, ids.coop, '520621000000');
    const o = await insertOrder(ds, buyer, ids.zone, at('2026-05-03T09:00:00'), [
      lineOf(p, ids.coop, '520621000000', { unitPrice: 100 }),
    ]);
    await deliver(ds, o.orderId, at('2026-05-04T09:00:00'));
    const count = async () =>
      (await ds.query(`SELECT count(*)::int AS n FROM stats_line WHERE order_id = $1`, [o.orderId]))[0].n;
    await expect(
      db.transaction(sys(), async (tx) => {
        await db
          .manager(tx)
          .query(`UPDATE orders SET status = 'ACCEPTED', accepted_at = now() WHERE id = $1`, [o.orderId]);
        await outbox.publish(tx, new OrderCounted(o.orderId, await facts.orderFacts(tx, o.orderId)));
        expect(
          Number(
            (await db.manager(tx).query(`SELECT count(*) AS n FROM stats_line WHERE order_id = $1`, [o.orderId]))[0].n,
          ),
        ).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await count()).toBe(0);
    await db.transaction(sys(), async (tx) => {
      await db
        .manager(tx)
        .query(`UPDATE orders SET status = 'ACCEPTED', accepted_at = now() WHERE id = $1`, [o.orderId]);
      await outbox.publish(tx, new OrderCounted(o.orderId, await facts.orderFacts(tx, o.orderId)));
    });
    expect(await count()).toBe(1);
  });
});
