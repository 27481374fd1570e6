import type { Column } from './export.service';
import type { PaymentClockEntry, PaymentClockReport } from './payment-clock.types';
import type { CompletionRanking, SupervisionRow } from './supervision.types';

const pct = (bps: number | null) => (bps === null ? '—' : `${(bps / 100).toFixed(2)}%`);
const GROUP_HEADER: Record<string, string> = { CITY: '地区', COUNTY: '地区', DEPARTMENT: '主管部门', UNIT: '单位' };
const STATUS_TEXT: Record<string, string> = {
  NOT_DUE: '未到期',
  OVERDUE: '逾期未付',
  PAID: '按期支付',
  PAID_LATE: '逾期支付',
};

/** 月度通报 layout: 排名, 地区/单位, counts, 预留金额, 已采购金额, 完成率, year on year; snapshot months add the later corrections. */
export function rankingColumns(r: CompletionRanking): Column<SupervisionRow>[] {
  const cols: Column<SupervisionRow>[] = [
    { header: '排名', width: 6, value: (x) => (x.rank === 0 ? '' : x.rank) },
    { header: GROUP_HEADER[r.groupBy] ?? '地区/单位', width: 30, value: (x) => x.label },
    { header: '注册单位数', width: 10, value: (x) => x.figures.unitsRegistered },
    { header: '已申报单位数', width: 12, value: (x) => x.figures.unitsFiled },
    { header: '已采购单位数', width: 12, value: (x) => x.figures.unitsActivated },
    { header: '预留金额（元）', width: 16, value: (x) => x.figures.reservedAmount, money: true },
    { header: '已采购金额（元）', width: 16, value: (x) => x.figures.countedAmount, money: true },
    { header: '待验收金额（元）', width: 16, value: (x) => x.figures.pendingAmount, money: true },
    { header: '完成率', width: 10, value: (x) => pct(x.figures.completionBasisPoints) },
    { header: '上年预留金额（元）', width: 16, value: (x) => x.figures.previousReservedAmount, money: true },
    { header: '预留金额同比增减（元）', width: 18, value: (x) => x.figures.reservedChangeAmount, money: true },
    { header: '同比', width: 10, value: (x) => pct(x.figures.reservedChangeBasisPoints) },
  ];
  if (r.groupBy === 'UNIT') cols.push({ header: '下降说明', width: 30, value: (x) => x.decreaseReason ?? '' });
  if (r.snapshot) {
    cols.push(
      { header: '现已采购金额（元）', width: 16, value: (x) => x.live?.countedAmount ?? 0, money: true },
      { header: '通报后更正（元）', width: 16, value: (x) => x.countedDifference ?? 0, money: true },
      { header: '现完成率', width: 10, value: (x) => pct(x.live?.completionBasisPoints ?? null) },
    );
  }
  return cols;
}

export function rankingTitle(r: CompletionRanking): string {
  const place = r.regionPath.length ? r.regionPath.join('') : '全国';
  const period = r.month ? `${r.year}年1—${r.month}月` : `${r.year}年`;
  const frozen = r.snapshot ? `（${r.year}年${r.month}月末通报数据，已冻结）` : '';
  return `${place}预算单位消费帮扶预留份额完成情况（${period}）${frozen}`;
}

export function rankingRows(r: CompletionRanking): SupervisionRow[] {
  return [...r.rows, { ...r.total, label: '合计' }];
}

export const OVERDUE_COLUMNS: ReadonlyArray<Column<PaymentClockEntry>> = [
  { header: '采购单位', width: 28, value: (e) => e.unitName },
  { header: '供应商', width: 28, value: (e) => e.supplierName },
  { header: '订单号', width: 22, value: (e) => e.orderNo },
  { header: '应付金额（元）', width: 14, value: (e) => e.amount, money: true },
  { header: '验收日期', width: 12, value: (e) => e.acceptedOn },
  { header: '付款期限（天）', width: 12, value: (e) => e.termDays },
  { header: '到期日', width: 12, value: (e) => e.dueOn },
  { header: '付款日期', width: 12, value: (e) => e.paidOn ?? '' },
  { header: '状态', width: 10, value: (e) => STATUS_TEXT[e.status] ?? e.status },
  { header: '逾期天数', width: 10, value: (e) => e.daysOverdue },
  { header: '日利率', width: 10, value: (e) => `万分之${(e.dailyRatePpm / 100).toString()}` },
  { header: '逾期利息（元）', width: 14, value: (e) => e.interestAmount, money: true },
];

export function overdueTitle(r: PaymentClockReport, place: string): string {
  return `${place}中小企业账款逾期支付情况（截至${r.asOf}）`;
}
