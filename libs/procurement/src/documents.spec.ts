import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import type { TestServer } from '@bangfu/testing';
import { esc } from './documents';
import {
  actor,
  type Actor,
  APPROVE,
  deliverAndAccept,
  dispatchEvents,
  FILE,
  type Product,
  regional,
  staffedUnit,
  startTeaHall,
  submitOk,
  unit,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let channel: string;
let tea: Product;
let orgId: string;
let admin: Actor;
let purchaser: Actor;
let approver: Actor;
let approved: any;
let pending: any;
let outsider: Actor;

async function get(
  path: string,
  token?: string,
): Promise<{ status: number; headers: Headers; text: string; bytes: Buffer }> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: bytes.toString('utf8'), bytes };
}

beforeAll(async () => {
  ({ server, ds, channel, tea } = await startTeaHall({ price: 12_345 }));
  ({
    id: orgId,
    admin,
    purchaser,
    approver,
  } = await staffedUnit(server, ds, { name: '江口县机关事务服务中心', spending: 1_000_000, approval: 1_000_000 }));
  await server.gqlOk(
    FILE,
    { i: { orgId, year: 2026, canteenMode: 'OWN', canteenBudget: 50_000_000, ratioBps: 1000 } },
    admin.token,
  );
  const req = await submitOk(server, purchaser.token, orgId, channel, [{ variantId: tea.variantId, quantity: 3 }], {
    justification: '职工食堂<午餐>用茶 & 调味',
    tradeUnion: true,
  });
  approved = (await server.gqlOk(APPROVE, { id: req.id, c: '同意' }, approver.token)).approvePurchaseRequest;
  pending = await submitOk(server, purchaser.token, orgId, channel, [{ variantId: tea.variantId, quantity: 1 }]);
  outsider = await actor(server, ds, Role.AGENCY_ADMIN, { organizationId: await unit(ds) });
});
afterAll(() => server?.close());

describe('printable purchase order', () => {
  it('is print-ready Chinese HTML with the PO number, lines, total in capitals and escaped text', async () => {
    const res = await get(`/api/procurement/requests/${approved.id}/po.html`, purchaser.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toContain('@media print');
    expect(res.text).toContain('采购订单');
    expect(res.text).toContain(approved.poNumber);
    expect(res.text).toContain('江口县机关事务服务中心');
    expect(res.text).toContain('370.35'); // 3 × 123.45
    expect(res.text).toContain('人民币叁佰柒拾元叁角伍分');
    expect(res.text).toContain(esc('职工食堂<午餐>用茶 & 调味'));
    expect(res.text).not.toContain('<午餐>');
    expect(res.text).toContain('预付款');
  });

  it('is for the unit and those who oversee it; not issued before approval', async () => {
    expect((await get(`/api/procurement/requests/${approved.id}/po.html`, approver.token)).status).toBe(200);
    expect(
      (
        await get(
          `/api/procurement/requests/${approved.id}/po.html`,
          (await regional(server, ds, Role.AUDITOR, '5206')).token,
        )
      ).status,
    ).toBe(200);
    const forbidden = await get(`/api/procurement/requests/${approved.id}/po.html`, outsider.token);
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.text).error.code).toBe('FORBIDDEN');
    expect(
      (await get(`/api/procurement/requests/${approved.id}/po.html`, (await actor(server, ds, Role.CUSTOMER)).token))
        .status,
    ).toBe(403);
    expect((await get(`/api/procurement/requests/${approved.id}/po.html`)).status).toBe(401);
    const notIssued = await get(`/api/procurement/requests/${pending.id}/po.html`, purchaser.token);
    expect(notIssued.status).toBe(400);
    expect(JSON.parse(notIssued.text).error.code).toBe('PO_NOT_ISSUED');
    expect((await get(`/api/procurement/requests/not-a-uuid/po.html`, purchaser.token)).status).toBe(404);
  });
});

describe('acceptance record', () => {
  it('exists once the order is accepted, in Chinese, with invoice, shipment and the year it counts in', async () => {
    const before = await get(`/api/orders/${approved.orderId}/acceptance.html`, purchaser.token);
    expect(before.status).toBe(400);
    expect(JSON.parse(before.text).error.code).toBe('ORDER_NOT_ACCEPTED');
    await deliverAndAccept(server, ds, approved.orderId, purchaser, { [tea.supplierId]: tea.supplierToken });
    await dispatchEvents(server, ds);
    const res = await get(`/api/orders/${approved.orderId}/acceptance.html`, admin.token);
    expect(res.status).toBe(200);
    expect(res.text).toContain('验收单');
    expect(res.text).toContain(approved.orderNo);
    expect(res.text).toContain(approved.poNumber);
    expect(res.text).toContain('顺丰速运');
    expect(res.text).toContain('发票.pdf');
    expect(res.text).toMatch(/计入预留份额年度<\/th><td>\d{4}（工会采购）/);
    expect(res.text).toContain('@media print');
    expect((await get(`/api/orders/${approved.orderId}/acceptance.html`, outsider.token)).status).toBe(403);
  });
});

describe('exports', () => {
  it('orders.csv: UTF-8 with BOM, Chinese headers, amounts in yuan, scope-checked', async () => {
    const res = await get(`/api/procurement/units/${orgId}/orders.csv`, admin.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''`);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      '订单号,申请单号,采购单号,状态,付款方式,订单金额（元）,已退款（元）,计入预留份额（元）,下单时间,验收时间,计入年度,发票号码,工会采购',
    );
    expect(lines).toHaveLength(3);
    const acceptedRow = lines.find((l) => l.startsWith(approved.orderNo)) as string;
    expect(acceptedRow).toContain(`${approved.poNumber},已验收,预付款,370.35,0.00,370.35`);
    expect(acceptedRow.endsWith(',是')).toBe(true);
    expect(lines.some((l) => l.includes('待审批'))).toBe(true);
    expect((await get(`/api/procurement/units/${orgId}/orders.csv`, outsider.token)).status).toBe(403);
    expect((await get(`/api/procurement/units/${orgId}/orders.csv?year=abc`, admin.token)).status).toBe(400);
    expect(
      (await get(`/api/procurement/units/${orgId}/orders.csv?year=2019`, admin.token)).text
        .slice(1)
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });

  it('orders.xlsx: a real workbook with numbers for amounts', async () => {
    const res = await get(`/api/procurement/units/${orgId}/orders.xlsx`, purchaser.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes as never);
    const sheet = wb.getWorksheet('订单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('订单号');
    const rows = [2, 3].map((n) => sheet.getRow(n));
    const acceptedRow = rows.find((r) => r.getCell(1).value === approved.orderNo)!;
    expect(acceptedRow.getCell(6).value).toBe(370.35);
    expect(acceptedRow.getCell(8).value).toBe(370.35);
  });

  it('filings.csv and filings.xlsx list the unit’s filings', async () => {
    const csv = await get(`/api/procurement/units/${orgId}/filings.csv`, admin.token);
    expect(csv.status).toBe(200);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines[0].startsWith('年度,申报单位,食堂模式,食堂食材预算（元）,预留比例,最低比例,预留金额（元）')).toBe(
      true,
    );
    expect(lines[1]).toContain('2026,江口县机关事务服务中心,自办食堂,500000.00,10.00%,10.00%,50000.00');
    const xlsx = await get(`/api/procurement/units/${orgId}/filings.xlsx`, admin.token);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as never);
    expect(wb.getWorksheet('预留份额申报')!.getRow(2).getCell(7).value).toBe(50_000);
    expect((await get(`/api/procurement/units/${orgId}/filings.csv`, outsider.token)).status).toBe(403);
  });
});
