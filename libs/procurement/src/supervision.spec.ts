import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { CompletionSnapshotJob, SNAPSHOT_JOB } from './supervision.job';
import {
  accept,
  actor,
  type Actor,
  APPROVE,
  dispatchEvents,
  FILE,
  hall,
  payShipDeliver,
  product,
  type Product,
  regional,
  staffedUnit,
  startProcurementServer,
  submitOk,
  type Unit,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let channel: string;
let tea: Product; // 50.00 yuan
let tokens: Record<string, string>;
let platform: Actor;
let tongren: Actor; // coordinator 5206
let hanzhong: Actor; // coordinator 6107

let root: Unit; // 铜仁市 department, files nothing
let a: Unit; // below root, 江口县
let b: Unit; // below root, 德江县
let c: Unit; // 玉屏, no parent: only a pending order
let d: Unit; // 陕西西乡: another province

const RANKING = `query($r: String!, $y: Int!, $g: SupervisionGroupBy!, $m: Int) { completionRanking(regionCode: $r, year: $y, groupBy: $g, month: $m) {
  regionCode regionPath year month groupBy snapshot { year month source unitCount }
  rows { rank key label regionCode decreaseReason countedDifference reservedDifference completionDifferenceBasisPoints
    figures { unitsRegistered unitsFiled unitsActivated reservedAmount countedAmount pendingAmount completionBasisPoints previousReservedAmount reservedChangeAmount reservedChangeBasisPoints }
    live { countedAmount reservedAmount completionBasisPoints } }
  total { label figures { unitsRegistered unitsFiled unitsActivated reservedAmount countedAmount pendingAmount completionBasisPoints previousReservedAmount reservedChangeAmount reservedChangeBasisPoints } live { countedAmount } countedDifference }
} }`;
const PUBLISH = `mutation($y: Int!, $m: Int!) { publishCompletionSnapshot(year: $y, month: $m) { year month source unitCount } }`;
const AMEND = `mutation($i: AmendReservedShareInput!) { amendReservedShare(input: $i) { reservedAmount decreaseReason version } }`;
/** AMEND's variables: the unit's 2025 filing at another canteen budget. */
const amendment = (unit: { id: string }, canteenBudget: number, reason: string) => ({
  i: { orgId: unit.id, year: 2025, canteenBudget, reason },
});

const file = (u: Unit, year: number, budget: number, extra: Record<string, unknown> = {}) =>
  server.gql(
    FILE,
    { i: { orgId: u.id, year, canteenMode: 'OWN', canteenBudget: budget, ratioBps: 1000, ...extra } },
    u.admin.token,
  );

async function approved(u: Unit, quantity: number): Promise<string> {
  const req = await submitOk(server, u.purchaser.token, u.id, channel, [{ variantId: tea.variantId, quantity }]);
  await server.gqlOk(APPROVE, { id: req.id }, u.approver.token);
  return req.orderId;
}

/** Accepted, with the acceptance backdated before the events are handled. */
async function acceptedIn(u: Unit, quantity: number, acceptedAt: string): Promise<string> {
  const orderId = await approved(u, quantity);
  await payShipDeliver(server, ds, orderId, u.purchaser, tokens);
  await accept(server, ds, orderId, u.purchaser);
  await ds.query(`UPDATE orders SET accepted_at = $2 WHERE id = $1`, [orderId, acceptedAt]);
  return orderId;
}

const ranking = async (token: string, g: string, m: number | null = 6, r = '520600000000') =>
  (await server.gqlOk(RANKING, { r, y: 2025, g, m }, token)).completionRanking;

/** Limits high enough that no request in this file needs a second approver. */
const LIMITS = { spending: 100_000_000, approval: 100_000_000 };

beforeAll(async () => {
  ({ server, ds } = await startProcurementServer());
  platform = await actor(server, ds, Role.PLATFORM_ADMIN);
  tongren = await regional(server, ds, Role.COORDINATOR, '5206');
  hanzhong = await regional(server, ds, Role.COORDINATOR, '6107');
  channel = await hall(ds);
  tea = await product(server, ds, { price: 5000, stock: 100_000 });
  tokens = { [tea.supplierId]: tea.supplierToken };
  root = await staffedUnit(server, ds, { regionCode: '520600000000', ...LIMITS });
  a = await staffedUnit(server, ds, { regionCode: '520621000000', parentId: root.id, ...LIMITS });
  b = await staffedUnit(server, ds, { regionCode: '520627000000', parentId: root.id, ...LIMITS });
  c = await staffedUnit(server, ds, { regionCode: '520622000000', ...LIMITS });
  d = await staffedUnit(server, ds, { regionCode: '610724000000', ...LIMITS });
  for (const [u, y, budget] of [
    [a, 2024, 9_000_000],
    [c, 2024, 3_000_000],
    [a, 2025, 10_000_000],
    [b, 2025, 5_000_000],
    [d, 2025, 3_000_000],
  ] as const) {
    expect((await file(u, y, budget)).errors).toBeUndefined();
  }
  await acceptedIn(a, 50, '2025-06-10T04:00:00Z'); // 250,000 of 1,000,000 → 25%
  await acceptedIn(b, 40, '2025-05-20T04:00:00Z'); // 200,000 of 500,000 → 40%
  await acceptedIn(d, 60, '2025-06-01T04:00:00Z'); // another province
  const pending = await approved(c, 10); // 50,000 pending, placed in May 2025
  await ds.query(
    `UPDATE order_history SET created_at = '2025-05-05T02:00:00Z' WHERE order_id = $1 AND to_status = 'PLACED'`,
    [pending],
  );
  await dispatchEvents(server, ds);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('year-on-year drop', () => {
  it('a reserved amount below last year’s needs an explanation at filing time, kept on the filing', async () => {
    expectErrorCode(await file(c, 2025, 2_000_000), 'RESERVED_DECREASE_REASON_REQUIRED');
    const ok = await server.gqlOk(
      FILE.replace('late deadline', 'late decreaseReason deadline'),
      {
        i: {
          orgId: c.id,
          year: 2025,
          canteenMode: 'OWN',
          canteenBudget: 2_000_000,
          ratioBps: 1000,
          decreaseReason: '机构改革，就餐人数减少三成',
        },
      },
      c.admin.token,
    );
    expect(ok.fileReservedShare).toMatchObject({
      reservedAmount: 200_000,
      decreaseReason: '机构改革，就餐人数减少三成',
    });
    // An amendment that lowers a's amount below 2024 needs one too; an increase does not.
    expectErrorCode(
      await server.gql(AMEND, amendment(a, 8_000_000, '预算调整'), a.admin.token),
      'RESERVED_DECREASE_REASON_REQUIRED',
    );
    expect(
      (await server.gqlOk(AMEND, amendment(a, 12_000_000, '预算调整'), a.admin.token)).amendReservedShare,
    ).toMatchObject({ reservedAmount: 1_200_000, decreaseReason: null });
    expect(
      (await server.gqlOk(AMEND, amendment(a, 10_000_000, '恢复'), a.admin.token)).amendReservedShare,
    ).toMatchObject({ reservedAmount: 1_000_000 });
  });
});

describe('completion ranking', () => {
  it('ranks units by completion rate with reserved, counted, pending and the year-on-year change', async () => {
    const r = await ranking(tongren.token, 'UNIT', 6);
    expect(r.regionPath).toEqual(['贵州省', '铜仁市']);
    expect(r.snapshot).toBeNull();
    expect(
      r.rows.map((x: any) => [
        x.rank,
        x.key,
        x.figures.completionBasisPoints,
        x.figures.reservedAmount,
        x.figures.countedAmount,
        x.figures.pendingAmount,
      ]),
    ).toEqual([
      [1, b.id, 4000, 500_000, 200_000, 0],
      [2, a.id, 2500, 1_000_000, 250_000, 0],
      [3, c.id, 0, 200_000, 0, 50_000],
      [4, root.id, null, 0, 0, 0],
    ]);
    expect(r.rows[1].figures).toMatchObject({
      previousReservedAmount: 900_000,
      reservedChangeAmount: 100_000,
      reservedChangeBasisPoints: 1111,
    });
    expect(r.rows[2]).toMatchObject({
      decreaseReason: '机构改革，就餐人数减少三成',
      figures: { previousReservedAmount: 300_000, reservedChangeAmount: -100_000, reservedChangeBasisPoints: -3333 },
    });
    // 450,000 / 1,700,000 = 26.47%; registered 4, filed 3, activated 3 (c has a pending order); d (陕西) not here.
    expect(r.total.figures).toMatchObject({
      unitsRegistered: 4,
      unitsFiled: 3,
      unitsActivated: 3,
      reservedAmount: 1_700_000,
      countedAmount: 450_000,
      pendingAmount: 50_000,
      completionBasisPoints: 2647,
    });
    // Up to May only b's acceptance counts.
    expect((await ranking(tongren.token, 'UNIT', 5)).total.figures).toMatchObject({
      countedAmount: 200_000,
      completionBasisPoints: 1176,
    });
  });

  it('groups by jurisdiction and by department; groups sum to the total', async () => {
    const county = await ranking(tongren.token, 'COUNTY');
    expect(county.rows.map((x: any) => [x.label, x.figures.completionBasisPoints])).toEqual([
      ['沿河土家族自治县', 4000],
      ['江口县', 2500],
      ['玉屏侗族自治县', 0],
      ['铜仁市', null],
    ]);
    const dept = await ranking(tongren.token, 'DEPARTMENT');
    expect(
      dept.rows.map((x: any) => [
        x.key,
        x.figures.unitsRegistered,
        x.figures.unitsFiled,
        x.figures.unitsActivated,
        x.figures.reservedAmount,
        x.figures.countedAmount,
        x.figures.completionBasisPoints,
      ]),
    ).toEqual([
      [root.id, 3, 2, 2, 1_500_000, 450_000, 3000],
      [c.id, 1, 1, 1, 200_000, 0, 0],
    ]);
    const all = await ranking(platform.token, 'CITY', 6, '000000000000');
    expect(all.rows.map((x: any) => x.label)).toEqual(['汉中市', '铜仁市']); // d: 300,000 / 300,000 = 100%
    for (const g of [county, dept, all]) {
      expect(g.rows.reduce((s: number, x: any) => s + x.figures.countedAmount, 0)).toBe(g.total.figures.countedAmount);
      expect(g.rows.reduce((s: number, x: any) => s + x.figures.reservedAmount, 0)).toBe(
        g.total.figures.reservedAmount,
      );
    }
  });

  it('coordinators and auditors see their prefix only; outside it is FORBIDDEN', async () => {
    expectErrorCode(
      await server.gql(RANKING, { r: '520600000000', y: 2025, g: 'UNIT', m: 6 }, hanzhong.token),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(RANKING, { r: '520000000000', y: 2025, g: 'UNIT', m: 6 }, tongren.token),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(RANKING, { r: '000000000000', y: 2025, g: 'UNIT', m: 6 }, tongren.token),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(RANKING, { r: '520600000000', y: 2025, g: 'UNIT', m: 6 }, a.admin.token),
      'FORBIDDEN',
    );
    const auditor = await regional(server, ds, Role.AUDITOR, '520621');
    const r = await ranking(auditor.token, 'UNIT', 6, '520621000000');
    expect(r.rows.map((x: any) => x.key)).toEqual([a.id]);
    expectErrorCode(
      await server.gql(RANKING, { r: '520600000000', y: 2025, g: 'UNIT', m: 13 }, tongren.token),
      'INVALID_MONTH',
    );
  });
});

describe('month-end snapshots', () => {
  it('freeze a published month; later corrections show as a difference against the snapshot', async () => {
    expectErrorCode(await server.gql(PUBLISH, { y: 2025, m: 6 }, tongren.token), 'FORBIDDEN');
    const now = new Date();
    expectErrorCode(
      await server.gql(PUBLISH, { y: now.getUTCFullYear() + 1, m: 1 }, platform.token),
      'MONTH_NOT_ENDED',
    );
    const published = (await server.gqlOk(PUBLISH, { y: 2025, m: 6 }, platform.token)).publishCompletionSnapshot;
    expect(published).toMatchObject({ year: 2025, month: 6, source: 'ADMIN', unitCount: 5 });
    expectErrorCode(await server.gql(PUBLISH, { y: 2025, m: 6 }, platform.token), 'SNAPSHOT_EXISTS');

    // Corrections after publication: a late-recorded June acceptance for a, and b's filing amended upward.
    await acceptedIn(a, 30, '2025-06-28T04:00:00Z'); // +150,000 in June
    await dispatchEvents(server, ds);
    await server.gqlOk(AMEND, amendment(b, 8_000_000, '追加预算'), b.admin.token);

    const r = await ranking(tongren.token, 'UNIT', 6);
    expect(r.snapshot).toMatchObject({ year: 2025, month: 6, source: 'ADMIN' });
    expect(r.rows.map((x: any) => [x.rank, x.key, x.figures.countedAmount, x.figures.completionBasisPoints])).toEqual([
      [1, b.id, 200_000, 4000],
      [2, a.id, 250_000, 2500],
      [3, c.id, 0, 0],
      [4, root.id, 0, null],
    ]);
    const rowA = r.rows.find((x: any) => x.key === a.id);
    expect(rowA).toMatchObject({
      live: { countedAmount: 400_000, completionBasisPoints: 4000 },
      countedDifference: 150_000,
      reservedDifference: 0,
      completionDifferenceBasisPoints: 1500,
    });
    expect(r.rows.find((x: any) => x.key === b.id)).toMatchObject({
      live: { reservedAmount: 800_000, completionBasisPoints: 2500 },
      reservedDifference: 300_000,
      countedDifference: 0,
      completionDifferenceBasisPoints: -1500,
    });
    expect(r.total).toMatchObject({
      figures: { countedAmount: 450_000 },
      live: { countedAmount: 600_000 },
      countedDifference: 150_000,
    });
    // The live view (no month) has moved; the published month has not.
    expect((await ranking(tongren.token, 'UNIT', null)).rows[0]).toMatchObject({
      key: a.id,
      figures: { countedAmount: 400_000 },
      live: null,
    });
    // The database refuses to rewrite a snapshot.
    await expect(
      ds.query(`UPDATE completion_snapshot_row SET counted_amount = 0 WHERE year = 2025 AND month = 6`),
    ).rejects.toThrow(/frozen/);
    await expect(ds.query(`DELETE FROM completion_snapshot WHERE year = 2025 AND month = 6`)).rejects.toThrow(/frozen/);
  });

  it('the month-end job publishes the previous month once', async () => {
    const job = server.app.get(CompletionSnapshotJob);
    expect(await job.handle({ name: SNAPSHOT_JOB, data: { now: '2025-08-01T16:30:00Z' } })).toEqual({
      published: '2025-7',
    }); // 00:30 on Aug 2, Shanghai
    expect(await job.handle({ name: SNAPSHOT_JOB, data: { now: '2025-08-02T16:30:00Z' } })).toEqual({
      published: null,
    });
    expect(await job.handle({ name: SNAPSHOT_JOB, data: { now: '2025-07-15T00:00:00Z' } })).toEqual({
      published: null,
    }); // June: already published by the admin
    const july = await ranking(tongren.token, 'UNIT', 7);
    expect(july.snapshot).toMatchObject({ month: 7, source: 'JOB' });
    expect(july.rows.find((x: any) => x.key === a.id).figures.countedAmount).toBe(400_000);
  });

  it('exports the ranking in the monthly-notice layout (CSV and XLSX)', async () => {
    const q = 'regionCode=520600000000&year=2025&month=6&groupBy=UNIT';
    const csv = await fetch(`${server.url}/api/procurement/supervision/ranking.csv?${q}`, {
      headers: { authorization: `Bearer ${tongren.token}` },
    });
    expect(csv.status).toBe(200);
    const lines = Buffer.from(await csv.arrayBuffer())
      .toString('utf8')
      .slice(1)
      .split('\r\n');
    expect(lines[0]).toBe('贵州省铜仁市预算单位消费帮扶预留份额完成情况（2025年1—6月）（2025年6月末通报数据，已冻结）');
    expect(lines[1]).toBe(
      '排名,单位,注册单位数,已申报单位数,已采购单位数,预留金额（元）,已采购金额（元）,待验收金额（元）,完成率,上年预留金额（元）,预留金额同比增减（元）,同比,下降说明,现已采购金额（元）,通报后更正（元）,现完成率',
    );
    expect(lines[2]).toMatch(/^1,.*,1,1,1,5000\.00,2000\.00,0\.00,40\.00%,/);
    expect(lines.find((l) => l.startsWith(',合计,'))).toContain(',4500.00,');
    const xlsx = await fetch(`${server.url}/api/procurement/supervision/ranking.xlsx?${q.replace('UNIT', 'COUNTY')}`, {
      headers: { authorization: `Bearer ${tongren.token}` },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(2).getCell(2).value).toBe('地区');
    expect(sheet.getRow(3).getCell(2).value).toBe('沿河土家族自治县');
    expect(sheet.getRow(3).getCell(7).value).toBe(2000);
    const forbidden = await fetch(`${server.url}/api/procurement/supervision/ranking.csv?${q}`, {
      headers: { authorization: `Bearer ${hanzhong.token}` },
    });
    expect(forbidden.status).toBe(403);
  });
});
