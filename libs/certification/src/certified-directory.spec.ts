import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { createSupplierFixture } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { CertificationStatus } from './certification.entities';
import { csvText } from '@bangfu/core';
import { shanghaiDate } from './dates';
import { addDays, insertCertificationFixture, insertProductFixture } from './fixtures';
import { firstVillage, startCertificationServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
const today = shanghaiDate();
let tongren: string;
let hanzhong: string;
let teaCategory: string;
let greenTeaCategory: string;
let jiangkouVillage: string;

const DIRECTORY = `query($f: CertifiedDirectoryFilter, $first: Int, $after: String) {
  certifiedDirectory(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id status certificateNo issuer batch validFrom validTo product { id title } } }
  } }`;

async function numbers(filter: Record<string, unknown> = {}): Promise<string[]> {
  const data = await server.gqlOk(DIRECTORY, { f: filter, first: 100 });
  return data.certifiedDirectory.edges.map((e: { node: { certificateNo: string } }) => e.node.certificateNo);
}

/** RFC 4180 parser, enough to read our own export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

beforeAll(async () => {
  ({ server, ds } = await startCertificationServer());
  jiangkouVillage = await firstVillage(ds);
  tongren = (await createSupplierFixture(ds, { countyCode: '520621000000', name: '江口县梵净山茶叶专业合作社' }))
    .supplierId;
  hanzhong = (await createSupplierFixture(ds, { countyCode: '610724000000', name: '西乡县食用菌家庭农场' })).supplierId;
  [{ id: teaCategory }] = await ds.query(`INSERT INTO category (code, name) VALUES ('tea', '茶叶') RETURNING id`);
  [{ id: greenTeaCategory }] = await ds.query(
    `INSERT INTO category (code, name, parent_id) VALUES ('green-tea', '绿茶', $1) RETURNING id`,
    [teaCategory],
  );

  const cert = async (
    no: string,
    product: Parameters<typeof insertProductFixture>[1],
    c: Partial<Parameters<typeof insertCertificationFixture>[1]> = {},
  ) =>
    insertCertificationFixture(ds, {
      productId: await insertProductFixture(ds, product),
      certificateNo: no,
      validFrom: addDays(today, -30),
      validTo: addDays(today, 300),
      ...c,
    });
  await cert('GZ-BF-2026-001', {
    supplierId: tongren,
    title: '梵净山"翠峰",绿茶礼盒',
    originRegionCode: jiangkouVillage,
    categoryId: greenTeaCategory,
  });
  await cert('GZ-BF-2026-002', { supplierId: tongren, title: '沿河山羊肉', originRegionCode: '520627000000' });
  await cert('SX-BF-2026-001', {
    supplierId: hanzhong,
    title: '汉中食用菌礼包',
    originRegionCode: '610724000000',
    categoryId: teaCategory,
  });
  await cert(
    'GZ-BF-2024-009',
    { supplierId: tongren, title: '往年梵净山黄牛肉', originRegionCode: '520621000000' },
    {
      status: CertificationStatus.EXPIRED,
      validFrom: addDays(today, -400),
      validTo: addDays(today, -35),
    },
  );
  await cert(
    'GZ-BF-2026-REV',
    { supplierId: tongren, title: '撤销的产品', originRegionCode: '520621000000' },
    { status: CertificationStatus.REVOKED },
  );
  await cert(
    'GZ-BF-2027-001',
    { supplierId: tongren, title: '明年的新茶', originRegionCode: '520621000000' },
    { validFrom: addDays(today, 10), validTo: addDays(today, 400) },
  );
  await insertCertificationFixture(ds, {
    productId: await insertProductFixture(ds, { supplierId: tongren }),
    status: CertificationStatus.PENDING,
  });
  // Stored CERTIFIED but past its last day: not valid today even though the job has not run.
  await cert(
    'GZ-BF-2025-LAPSED',
    { supplierId: tongren, title: '刚到期的产品', originRegionCode: '520621000000' },
    { validFrom: addDays(today, -300), validTo: addDays(today, -1) },
  );
});
afterAll(() => server?.close());

describe('certifiedDirectory', () => {
  it('lists certificates valid today, ordered by number, for anyone', async () => {
    const data = await server.gqlOk(DIRECTORY, { first: 100 });
    const conn = data.certifiedDirectory;
    expect(conn.edges.map((e: any) => e.node.certificateNo)).toEqual([
      'GZ-BF-2026-001',
      'GZ-BF-2026-002',
      'SX-BF-2026-001',
    ]);
    expect(conn.totalCount).toBe(3);
    expect(conn.edges[0].node).toMatchObject({
      status: 'CERTIFIED',
      issuer: '贵州省农业农村厅',
      product: { title: '梵净山"翠峰",绿茶礼盒' },
    });
  });

  it('filters by region subtree, category subtree, supplier and validity day', async () => {
    expect(await numbers({ regionCode: '520600000000' })).toEqual(['GZ-BF-2026-001', 'GZ-BF-2026-002']);
    expect(await numbers({ regionCode: '5206' })).toEqual(['GZ-BF-2026-001', 'GZ-BF-2026-002']);
    expect(await numbers({ regionCode: '520621000000' })).toEqual(['GZ-BF-2026-001']);
    expect(await numbers({ regionCode: '610000000000' })).toEqual(['SX-BF-2026-001']);
    expect(await numbers({ categoryId: teaCategory })).toEqual(['GZ-BF-2026-001', 'SX-BF-2026-001']);
    expect(await numbers({ categoryId: greenTeaCategory })).toEqual(['GZ-BF-2026-001']);
    expect(await numbers({ supplierId: hanzhong })).toEqual(['SX-BF-2026-001']);
    expect(await numbers({ validOn: addDays(today, -100) })).toEqual(['GZ-BF-2024-009', 'GZ-BF-2025-LAPSED']);
    expect(await numbers({ validOn: addDays(today, -1) })).toEqual([
      'GZ-BF-2025-LAPSED',
      'GZ-BF-2026-001',
      'GZ-BF-2026-002',
      'SX-BF-2026-001',
    ]);
    expect(await numbers({ validOn: addDays(today, 20), regionCode: '520621' })).toEqual([
      'GZ-BF-2026-001',
      'GZ-BF-2027-001',
    ]);
    // A timestamp counts on its Asia/Shanghai day: 16:30 UTC is already the next day in Beijing.
    expect(await numbers({ validOn: `${addDays(today, -2)}T16:30:00Z`, regionCode: '520621' })).toEqual([
      'GZ-BF-2025-LAPSED',
      'GZ-BF-2026-001',
    ]);
    // The lapsed certificate reads EXPIRED on the day it was still valid.
    const lapsed = await server.gqlOk(DIRECTORY, { f: { validOn: addDays(today, -100) }, first: 10 });
    expect(lapsed.certifiedDirectory.edges.map((e: any) => e.node.status)).toEqual(['EXPIRED', 'EXPIRED']);
  });

  it('pages with cursors', async () => {
    const first = (await server.gqlOk(DIRECTORY, { first: 2 })).certifiedDirectory;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await server.gqlOk(DIRECTORY, { first: 2, after: first.pageInfo.endCursor })).certifiedDirectory;
    expect(second.edges.map((e: any) => e.node.certificateNo)).toEqual(['SX-BF-2026-001']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(second.totalCount).toBe(3);
  });

  it('refuses bad filters with stable codes', async () => {
    expectErrorCode(await server.gql(DIRECTORY, { f: { regionCode: '52x' } }), 'INVALID_REGION_CODE');
    expectErrorCode(await server.gql(DIRECTORY, { f: { validOn: '2026-13-01' } }), 'INVALID_DATE');
    expectErrorCode(await server.gql(DIRECTORY, { f: { categoryId: 'tea' } }), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(DIRECTORY, { first: 1000 }), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(DIRECTORY, { after: 'not-a-cursor' }), 'BAD_USER_INPUT');
  });
});

describe('directory exports', () => {
  const HEADERS = ['证书编号', '产品名称', '供应商', '产地', '认定机构', '批次', '有效期起', '有效期止'];

  it('exports CSV with a UTF-8 BOM, Chinese headers and quoted cells', async () => {
    const res = await fetch(`${server.url}/api/exports/certified-directory.csv?regionCode=520600000000`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain(`certified-directory-${today}.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['GZ-BF-2026-001', 'GZ-BF-2026-002']);
    const [, first] = rows;
    expect(first[1]).toBe('梵净山"翠峰",绿茶礼盒');
    expect(first[2]).toBe('江口县梵净山茶叶专业合作社');
    expect(first[3]).toMatch(/^贵州省铜仁市江口县/);
    expect(first.slice(4)).toEqual(['贵州省农业农村厅', '2026年第一批', addDays(today, -30), addDays(today, 300)]);
  });

  it('exports XLSX that opens with the same rows', async () => {
    const res = await fetch(`${server.url}/api/exports/certified-directory.xlsx?validOn=${addDays(today, -100)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const sheet = workbook.getWorksheet('帮扶产品名录')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet.getCell('A2').value).toBe('GZ-BF-2024-009');
    expect(sheet.getCell('B2').value).toBe('往年梵净山黄牛肉');
    expect(sheet.getCell('H2').value).toBe(addDays(today, -35));
    expect(sheet.getCell('A3').value).toBe('GZ-BF-2025-LAPSED');
    expect(sheet.rowCount).toBe(3);
  });

  it('answers bad filters with a JSON error and a stable code', async () => {
    const res = await fetch(`${server.url}/api/exports/certified-directory.csv?regionCode=abc`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_REGION_CODE');
    const bad = await fetch(`${server.url}/api/exports/certified-directory.xlsx?validOn=yesterday`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('INVALID_DATE');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvText([['=HYPERLINK("x")', '+86 123', '普通,文本']], { bom: false })).toBe(
      `"'=HYPERLINK(""x"")",'+86 123,"普通,文本"\r\n`,
    );
  });
});
