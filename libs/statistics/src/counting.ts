import type { CountingOrder } from '@bangfu/ordering';

/** Business days are Asia/Shanghai calendar days (UTC+8, no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The dimensions of a counted line that its order-line snapshot lacks, frozen when it counts. */
export interface LineDims {
  channelKind: string;
  supplierKind: string;
  /** '' when the product has no category. */
  categoryKey: string;
  /** The buying unit's region code; '' for retail and counter sales (no buyer region). */
  buyerRegionCode: string;
}

export type StatsBuyerKind = 'AGENCY' | 'RETAIL' | 'COUNTER';

/** A stats_line row: one counted order line. */
export interface PlannedLine {
  orderLineId: string;
  orderId: string;
  countedAt: Date;
  day: string;
  originCode: string;
  buyerRegionCode: string;
  channelId: string;
  channelKind: string;
  supplierId: string;
  supplierKind: string;
  categoryKey: string;
  buyerKind: StatsBuyerKind;
  /** Agency unit or customer; null for anonymous counter sales (not counted in buyerCount). */
  buyerKey: string | null;
  certified: boolean;
  quantity: number;
  lineTotal: number;
  /** Refunds recorded before the line counted: they reduce it in its counting day. */
  refundedBeforeCount: number;
  refunds: PlannedRefund[];
}

export interface PlannedRefund {
  refundId: string;
  day: string;
  amount: number;
  beforeCount: boolean;
}

/** The key of a sales_rollup cell. */
export type Cell = Pick<PlannedLine, 'day' | 'originCode' | 'buyerRegionCode' | 'channelId' | 'channelKind' | 'supplierId' | 'supplierKind' | 'categoryKey' | 'buyerKind' | 'certified'>;

export interface CellDelta {
  cell: Cell;
  gross: number;
  refund: number;
  units: number;
  lines: number;
}

export function buyerKindOf(order: CountingOrder, channelKind: string): StatsBuyerKind {
  if (order.buyerKind === 'AGENCY') return 'AGENCY';
  return channelKind === 'COUNTER' ? 'COUNTER' : 'RETAIL';
}

/**
 * DESIGN's "What counts", exactly as attribution and completion apply it: nothing until the order
 * counts; then each line counts in the counting day at its full total, with refunds recorded before
 * that moment subtracted in the same day, and every later refund subtracted on its own day.
 */
export function planOrder(order: CountingOrder, dims: (lineIndex: number) => LineDims): PlannedLine[] {
  const countedAt = order.countedAt;
  if (!countedAt) return [];
  const day = shanghaiDay(countedAt);
  return order.lines.map((line, i) => {
    const d = dims(i);
    const buyerKind = buyerKindOf(order, d.channelKind);
    const refunds: PlannedRefund[] = [];
    for (const r of order.refunds) {
      const amount = r.lines.filter((x) => x.lineId === line.id).reduce((a, x) => a + x.amount, 0);
      if (amount === 0) continue;
      const before = r.occurredAt.getTime() < countedAt.getTime();
      refunds.push({ refundId: r.refundId, day: before ? day : shanghaiDay(r.occurredAt), amount, beforeCount: before });
    }
    return {
      orderLineId: line.id,
      orderId: order.id,
      countedAt,
      day,
      originCode: line.originRegionCode,
      buyerRegionCode: buyerKind === 'AGENCY' ? d.buyerRegionCode : '',
      channelId: line.channelId,
      channelKind: d.channelKind,
      supplierId: line.supplierId,
      supplierKind: d.supplierKind,
      categoryKey: d.categoryKey,
      buyerKind,
      buyerKey: buyerKind === 'AGENCY' ? order.buyerOrgId : buyerKind === 'RETAIL' ? order.buyerUserId : null,
      certified: line.certified,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
      refundedBeforeCount: refunds.filter((r) => r.beforeCount).reduce((a, r) => a + r.amount, 0),
      refunds,
    };
  });
}

export function cellOf(l: Omit<Cell, 'day'>, day: string): Cell {
  return {
    day,
    originCode: l.originCode,
    buyerRegionCode: l.buyerRegionCode,
    channelId: l.channelId,
    channelKind: l.channelKind,
    supplierId: l.supplierId,
    supplierKind: l.supplierKind,
    categoryKey: l.categoryKey,
    buyerKind: l.buyerKind,
    certified: l.certified,
  };
}

export const cellKey = (c: Cell) =>
  [c.day, c.originCode, c.buyerRegionCode, c.channelId, c.channelKind, c.supplierId, c.supplierKind, c.categoryKey, c.buyerKind, c.certified].join('|');

/** Adds deltas into a map keyed by cell (used to batch writes and to rebuild in reconciliation). */
export function addDelta(into: Map<string, CellDelta>, d: CellDelta): void {
  const k = cellKey(d.cell);
  const cur = into.get(k);
  if (!cur) into.set(k, { ...d });
  else {
    cur.gross += d.gross;
    cur.refund += d.refund;
    cur.units += d.units;
    cur.lines += d.lines;
  }
}

/** The rollup deltas of a line counting (count day: gross, refunds before the count, units). */
export function countDelta(l: PlannedLine): CellDelta {
  return { cell: cellOf(l, l.day), gross: l.lineTotal, refund: l.refundedBeforeCount, units: l.quantity, lines: 1 };
}

export function refundDelta(l: Omit<Cell, 'day'>, r: { day: string; amount: number }): CellDelta {
  return { cell: cellOf(l, r.day), gross: 0, refund: r.amount, units: 0, lines: 0 };
}
