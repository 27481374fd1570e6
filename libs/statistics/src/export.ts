import { csvText, lazyModule } from '@bangfu/core';
import { fenToYuan } from '@bangfu/money';
import type { AssistanceIndicators, ChannelCertifiedShareReport, SalesFigures, SalesStats } from './statistics.types';
import { KIND_LABELS } from './labels';

// exceljs is loaded on the first export, not at start: tens of MB the API would otherwise hold for a rare download.
const excel = lazyModule<typeof import('exceljs')>('exceljs');

/** A sheet: a title line (region path, period), Chinese headers, rows; money cells are fen. */
export interface Sheet {
  name: string;
  title: string;
  headers: string[];
  /** Which columns are money in fen (yuan in the file). */
  money: boolean[];
  rows: Array<Array<string | number | null>>;
}

const GROUP_HEADERS: Record<string, string> = {
  REGION: '地区',
  CHANNEL_KIND: '渠道类型',
  CHANNEL: '渠道',
  SUPPLIER_KIND: '供应商类型',
  SUPPLIER: '供应商',
  CATEGORY: '品类',
  MONTH: '月份',
  BUYER_KIND: '采购方类型',
};

const place = (path: string[]) => (path.length ? path.join('') : '全国');

const figureCells = (f: SalesFigures) => [
  f.grossAmount,
  f.refundAmount,
  f.netAmount,
  f.certifiedNetAmount,
  f.uncertifiedNetAmount,
  f.orderCount,
  f.unitCount,
  f.buyerCount,
  f.householdsDriven,
];

export function salesStatsSheet(s: SalesStats): Sheet {
  return {
    name: '销售统计',
    title: `${place(s.regionPath)}消费帮扶销售统计（${s.fromDay}至${s.toDay}，按${GROUP_HEADERS[s.groupBy]}，${s.side === 'BUYER' ? '按采购方所在地' : '按产品产地'}）`,
    headers: [
      '序号',
      GROUP_HEADERS[s.groupBy],
      '销售金额（元）',
      '退款金额（元）',
      '净销售额（元）',
      '认定产品销售额（元）',
      '非认定产品销售额（元）',
      '订单数',
      '件数',
      '采购方数',
      '带动户数',
    ],
    money: [false, false, true, true, true, true, true, false, false, false, false],
    rows: [...s.rows.map((r, i) => [i + 1, r.label, ...figureCells(r.figures)]), ['', '合计', ...figureCells(s.total)]],
  };
}

export function indicatorsSheet(i: AssistanceIndicators): Sheet {
  return {
    name: '帮扶指标',
    title: `${place(i.regionPath)}消费帮扶工作指标（截至${i.date}）`,
    headers: [
      '地区',
      '专馆（个）',
      '专区（个）',
      '专柜（台）',
      '认定供应商（家）',
      '帮扶产品（个）',
      '年度销售金额（元）',
      '其中非认定（元）',
      '带动户数',
      '脱贫户',
      '监测户',
      '村集体收入（元）',
      '综述',
    ],
    money: [false, false, false, false, false, false, true, true, false, false, false, true, false],
    rows: [
      [
        place(i.regionPath),
        i.hallCount,
        i.zoneCount,
        i.counterCount,
        i.certifiedSupplierCount,
        i.certifiedProductCount,
        i.salesAmountYtd,
        i.uncertifiedSalesAmountYtd,
        i.householdsDriven,
        i.exPovertyHouseholdsDriven,
        i.monitoredHouseholdsDriven,
        i.villageCollectiveIncome,
        i.summary,
      ],
    ],
  };
}

export function channelShareSheet(r: ChannelCertifiedShareReport, regionPath: string[]): Sheet {
  return {
    name: '认定产品占比',
    title: `${place(regionPath)}三专渠道认定产品销售占比（${r.fromDay}至${r.toDay}，专柜低于${(r.thresholdBps / 100).toFixed(2)}%预警）`,
    headers: ['序号', '渠道', '类型', '净销售额（元）', '认定产品（元）', '非认定产品（元）', '认定占比', '预警'],
    money: [false, false, false, true, true, true, false, false],
    rows: r.channels.map((c, i) => [
      i + 1,
      c.name,
      KIND_LABELS[c.kind] ?? c.kind,
      c.netAmount,
      c.certifiedNetAmount,
      c.uncertifiedNetAmount,
      c.certifiedShareBps === null ? '' : `${(c.certifiedShareBps / 100).toFixed(2)}%`,
      c.warning ? '是' : '',
    ]),
  };
}

/** UTF-8 with BOM (Excel on Chinese Windows reads it as UTF-8 instead of GBK); money columns as exact yuan. */
export function toCsv(sheet: Sheet): string {
  return csvText([[sheet.title], sheet.headers, ...sheet.rows], {
    number: (v, i) => (sheet.money[i] ? fenToYuan(v) : String(v)),
  });
}

export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([sheet.title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, sheet.headers.length);
  ws.addRow(sheet.headers).font = { bold: true };
  sheet.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(10, h.length * 2 + 2);
    if (sheet.money[i]) col.numFmt = '#,##0.00';
  });
  for (const r of sheet.rows)
    ws.addRow(r.map((v, i) => (v !== null && sheet.money[i] && typeof v === 'number' ? v / 100 : v)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
