import { Injectable } from '@nestjs/common';
import { ErrorCode, AppError, csvText, Db, type RequestContext } from '@bangfu/core';
import { fenToYuan } from '@bangfu/money';
import { UnitAccess } from './access';
import { checkYear } from './dates';
import { shanghaiTime } from './documents';
import { FilingService } from './filing.service';

/** Above this a unit's export is refused (narrow by year) rather than built in memory. */
export const EXPORT_MAX_ROWS = 50_000;

const STATUS_TEXT: Record<string, string> = {
  PENDING_APPROVAL: '待审批',
  PLACED: '已下单',
  PAID: '已支付',
  CONFIRMED: '已确认（货到付款）',
  FULFILLING: '发货中',
  DELIVERED: '已送达',
  ACCEPTED: '已验收',
  SETTLED: '已结算',
  REJECTED: '未获批准',
  CANCELLED: '已取消',
  REFUNDED: '已退款',
  PARTIALLY_REFUNDED: '部分退款',
};
const MODE_TEXT: Record<string, string> = {
  OWN: '自办食堂',
  SHARED: '共用食堂',
  OUTSOURCED: '外包食堂',
  NONE: '无食堂',
};
const PAYMENT_TEXT: Record<string, string> = { PREPAY: '预付款', PAY_ON_DELIVERY: '货到付款' };

/** A column: its Chinese header, width in the spreadsheet, and the cell (numbers stay numbers in XLSX). */
export interface Column<R> {
  header: string;
  width: number;
  value: (r: R) => string | number;
  /** Money in fen: written as yuan (exact decimal text in CSV, a 0.00-formatted number in XLSX). */
  money?: boolean;
}

export interface OrderExportRow {
  order_no: string;
  request_no: string | null;
  po_number: string | null;
  status: string;
  payment_mode: string;
  total_amount: string;
  refunded_amount: string;
  counted: string;
  created_at: Date;
  accepted_at: Date | null;
  accepted_year: number | null;
  invoice_no: string | null;
  trade_union: boolean | null;
}

export interface FilingExportRow {
  year: number;
  unit: string;
  canteen_mode: string;
  canteen_budget: string;
  ratio_bps: number;
  minimum_bps: number;
  reserved_amount: string;
  covered: string;
  caterer_name: string | null;
  deadline: string;
  late: boolean;
  version: number;
  filed_at: Date;
  updated_at: Date;
}

const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;

export const ORDER_COLUMNS: ReadonlyArray<Column<OrderExportRow>> = [
  { header: '订单号', width: 22, value: (r) => r.order_no },
  { header: '申请单号', width: 18, value: (r) => r.request_no ?? '' },
  { header: '采购单号', width: 26, value: (r) => r.po_number ?? '' },
  { header: '状态', width: 14, value: (r) => STATUS_TEXT[r.status] ?? r.status },
  { header: '付款方式', width: 10, value: (r) => PAYMENT_TEXT[r.payment_mode] ?? r.payment_mode },
  { header: '订单金额（元）', width: 14, value: (r) => Number(r.total_amount), money: true },
  { header: '已退款（元）', width: 14, value: (r) => Number(r.refunded_amount), money: true },
  { header: '计入预留份额（元）', width: 16, value: (r) => Number(r.counted), money: true },
  { header: '下单时间', width: 18, value: (r) => shanghaiTime(r.created_at) },
  { header: '验收时间', width: 18, value: (r) => (r.accepted_at ? shanghaiTime(r.accepted_at) : '') },
  { header: '计入年度', width: 10, value: (r) => r.accepted_year ?? '' },
  { header: '发票号码', width: 14, value: (r) => r.invoice_no ?? '' },
  { header: '工会采购', width: 10, value: (r) => (r.trade_union ? '是' : '否') },
];

export const FILING_COLUMNS: ReadonlyArray<Column<FilingExportRow>> = [
  { header: '年度', width: 8, value: (r) => r.year },
  { header: '申报单位', width: 30, value: (r) => r.unit },
  { header: '食堂模式', width: 12, value: (r) => MODE_TEXT[r.canteen_mode] ?? r.canteen_mode },
  { header: '食堂食材预算（元）', width: 18, value: (r) => Number(r.canteen_budget), money: true },
  { header: '预留比例', width: 10, value: (r) => pct(r.ratio_bps) },
  { header: '最低比例', width: 10, value: (r) => pct(r.minimum_bps) },
  { header: '预留金额（元）', width: 16, value: (r) => Number(r.reserved_amount), money: true },
  { header: '共用食堂单位', width: 30, value: (r) => r.covered },
  { header: '承包方', width: 20, value: (r) => r.caterer_name ?? '' },
  { header: '申报截止日', width: 12, value: (r) => r.deadline },
  { header: '逾期申报', width: 10, value: (r) => (r.late ? '是' : '否') },
  { header: '版本', width: 6, value: (r) => r.version },
  { header: '申报时间', width: 18, value: (r) => shanghaiTime(r.filed_at) },
  { header: '最后修改', width: 18, value: (r) => shanghaiTime(r.updated_at) },
];

/**
 * A CSV document with a UTF-8 BOM (Excel otherwise reads it in the system code page) and CRLF lines,
 * `title` (a notice's heading) on its own first line when given. Money cells are exact yuan; numbers are
 * never taken for formulas, so a negative amount stays a number.
 */
export function toCsv<R>(columns: ReadonlyArray<Column<R>>, rows: R[], title?: string): string {
  const table = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))];
  return csvText(title === undefined ? table : [[title], ...table], {
    number: (v, i) => (columns[i].money ? fenToYuan(v) : String(v)),
  });
}

/** A unit's orders and filings as rows for CSV/XLSX, read-scope checked, filtered in SQL. */
@Injectable()
export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly access: UnitAccess,
    private readonly filings: FilingService,
  ) {}

  /** Agency orders counting toward the unit; with a year, those placed or accepted in it (Asia/Shanghai). */
  async orders(ctx: RequestContext, orgId: string, year: number | null): Promise<OrderExportRow[]> {
    await this.access.requireReader(ctx, orgId);
    if (year !== null) checkYear(year);
    // An export tolerates replication lag: a replica when there is one (Db.reader; the access check above is on the primary).
    const rows: OrderExportRow[] = await this.db.reader(ctx).query(
      `SELECT o.order_no, r.request_no, r.po_number, o.status, o.payment_mode, o.total_amount, o.refunded_amount, o.created_at, o.accepted_at, o.invoice_no, b.trade_union,
              EXTRACT(YEAR FROM o.accepted_at AT TIME ZONE 'Asia/Shanghai')::int AS accepted_year,
              (SELECT COALESCE(SUM(m.counted_delta), 0) FROM reserved_share_movement m WHERE m.order_id = o.id AND m.org_id = $1) AS counted
         FROM order_summary o
         LEFT JOIN order_binding b ON b.order_id = o.id
         LEFT JOIN purchase_request r ON r.order_id = o.id
        WHERE o.buyer_kind = 'AGENCY' AND COALESCE(b.org_id, o.buyer_org_id) = $1
          AND ($2::int IS NULL OR EXTRACT(YEAR FROM o.created_at AT TIME ZONE 'Asia/Shanghai') = $2 OR EXTRACT(YEAR FROM o.accepted_at AT TIME ZONE 'Asia/Shanghai') = $2)
        ORDER BY o.created_at, o.id
        LIMIT ${EXPORT_MAX_ROWS + 1}`,
      [orgId, year],
    );
    if (rows.length > EXPORT_MAX_ROWS)
      throw new AppError(ErrorCode.EXPORT_TOO_LARGE, `More than ${EXPORT_MAX_ROWS} orders; export one year at a time`, {
        field: 'year',
      });
    return rows;
  }

  async filingRows(ctx: RequestContext, orgId: string): Promise<FilingExportRow[]> {
    const filings = await this.filings.listForUnit(ctx, orgId);
    const rows: FilingExportRow[] = [];
    for (const f of filings) {
      const covered = await this.filings.coveredOrgIds(ctx, f);
      const names = await this.filings.namesOf(ctx, covered);
      rows.push({
        year: f.year,
        unit: names.get(f.orgId) ?? f.orgId,
        canteen_mode: f.canteenMode,
        canteen_budget: String(f.canteenBudget),
        ratio_bps: f.ratioBps,
        minimum_bps: f.minimumBps,
        reserved_amount: String(f.reservedAmount),
        covered: covered
          .filter((id) => id !== f.orgId)
          .map((id) => names.get(id) ?? id)
          .join('；'),
        caterer_name: f.catererName,
        deadline: f.deadline,
        late: f.late,
        version: f.version,
        filed_at: f.filedAt,
        updated_at: f.updatedAt,
      });
    }
    return rows;
  }
}
