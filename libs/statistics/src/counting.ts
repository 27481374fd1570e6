import { shanghaiDate as shanghaiDay } from '@bangfu/locale';
import type { CountingOrder } from '@bangfu/ordering';

/** Business days are Asia/Shanghai calendar days: 'YYYY-MM-DD' of an instant (@bangfu/locale). */
export { shanghaiDay };

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
      refunds.push({
        refundId: r.refundId,
        day: before ? day : shanghaiDay(r.occurredAt),
        amount,
        beforeCount: before,
      });
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

/** Region prefix lengths the order counters are kept for ('' = the whole country … a full 12-digit code). */
export const LEVELS = [0, 2, 4, 6, 9, 12] as const;
/** Levels kept in stats_buyer: grouping 'A' at these, the others only at the first two (deeper scopes read stats_line). */
export const BUYER_LEVELS_ALL = [0, 2, 4] as const;
export const BUYER_LEVELS_KEYED = [0, 2] as const;

/** ORIGIN places a sale by the product's origin, BUYER by the buying unit's region. */
export type CubeSide = 'O' | 'B';
/**
 * stats_cube groupings: A = none (REGION, MONTH, totals), C = channel × buyer kind (CHANNEL, CHANNEL_KIND,
 * BUYER_KIND), S = supplier, K = supplier kind, G = category.
 */
export type CubeGrp = 'A' | 'C' | 'S' | 'K' | 'G';
export const CUBE_GRPS: CubeGrp[] = ['A', 'C', 'S', 'K', 'G'];
export const BUYER_GRPS: CubeGrp[] = ['A', 'C', 'S', 'G'];

/** A stats_cube cell: granularity M (period = the month's first day) or D (period = the day). */
export interface CubeCell {
  side: CubeSide;
  grp: CubeGrp;
  gran: 'M' | 'D';
  period: string;
  regionCode: string;
  k1: string;
  k2: string;
  k3: string;
}

export interface CubeDelta {
  cell: CubeCell;
  gross: number;
  refund: number;
  /** Net of certified lines (gross − refunds of certified lines). */
  certNet: number;
  units: number;
  lines: number;
  /** Per LEVELS entry: orders counted in this cell for a scope/row of that prefix length (additive). */
  orders: number[];
}

/** The dimensions of a line that cells are keyed by (a stored or planned line). */
export type CubeDims = Pick<
  PlannedLine,
  | 'originCode'
  | 'buyerRegionCode'
  | 'channelId'
  | 'channelKind'
  | 'supplierId'
  | 'supplierKind'
  | 'categoryKey'
  | 'buyerKind'
  | 'certified'
>;

export const regionOf = (l: CubeDims, side: CubeSide) => (side === 'O' ? l.originCode : l.buyerRegionCode);

export function grpKeys(l: CubeDims, grp: CubeGrp): [string, string, string] {
  switch (grp) {
    case 'A':
      return ['', '', ''];
    case 'C':
      return [l.channelId, l.channelKind, l.buyerKind];
    case 'S':
      return [l.supplierId, l.supplierKind, ''];
    case 'K':
      return [l.supplierKind, '', ''];
    case 'G':
      return [l.categoryKey, '', ''];
  }
}

export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

export const cubeKey = (c: CubeCell) => [c.side, c.grp, c.gran, c.period, c.regionCode, c.k1, c.k2, c.k3].join('|');

export function addCube(into: Map<string, CubeDelta>, d: CubeDelta): void {
  const k = cubeKey(d.cell);
  const cur = into.get(k);
  if (!cur) into.set(k, { ...d, orders: [...d.orders] });
  else {
    cur.gross += d.gross;
    cur.refund += d.refund;
    cur.certNet += d.certNet;
    cur.units += d.units;
    cur.lines += d.lines;
    d.orders.forEach((n, i) => (cur.orders[i] += n));
  }
}

const cells = (l: CubeDims, day: string, each: (cell: CubeCell) => void) => {
  for (const side of ['O', 'B'] as const) {
    for (const grp of CUBE_GRPS) {
      const [k1, k2, k3] = grpKeys(l, grp);
      const regionCode = regionOf(l, side);
      each({ side, grp, gran: 'M', period: monthOf(day), regionCode, k1, k2, k3 });
      each({ side, grp, gran: 'D', period: day, regionCode, k1, k2, k3 });
    }
  }
};

/**
 * An order counts once per row: for each side, grouping and prefix length, the line with the smallest
 * (region code, order line id) among the order's lines with the same prefix and grouping key carries
 * the order (1), the others 0 — so summing a level's counter over any set of cells that is a union of
 * whole prefixes × keys gives exact distinct order counts. `lines` are all counted lines of one order.
 */
export function orderMarks(lines: Array<CubeDims & { orderLineId: string }>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const side of ['O', 'B'] as const) {
    for (const grp of CUBE_GRPS) {
      const sorted = [...lines].sort(
        (a, b) => cmp(regionOf(a, side), regionOf(b, side)) || cmp(a.orderLineId, b.orderLineId),
      );
      const seen = new Set<string>();
      for (const l of sorted) {
        const [k1, , k3] = grpKeys(l, grp);
        out.set(
          `${side}|${grp}|${l.orderLineId}`,
          LEVELS.map((n) => {
            const k = `${n}|${regionOf(l, side).slice(0, n)}|${k1}|${k3}`;
            if (seen.has(k)) return 0;
            seen.add(k);
            return 1;
          }),
        );
      }
    }
  }
  return out;
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The cube deltas of a line counting (count day: gross, refunds before the count, units, order marks). */
export function countCube(l: PlannedLine, marks: Map<string, number[]>, into: Map<string, CubeDelta>): void {
  const certNet = l.certified ? l.lineTotal - l.refundedBeforeCount : 0;
  cells(l, l.day, (cell) =>
    addCube(into, {
      cell,
      gross: l.lineTotal,
      refund: l.refundedBeforeCount,
      certNet,
      units: l.quantity,
      lines: 1,
      orders: marks.get(`${cell.side}|${cell.grp}|${l.orderLineId}`) ?? LEVELS.map(() => 0),
    }),
  );
}

/** The cube deltas of a refund recorded after its line counted (on the refund's own day). */
export function refundCube(l: CubeDims, r: { day: string; amount: number }, into: Map<string, CubeDelta>): void {
  cells(l, r.day, (cell) =>
    addCube(into, {
      cell,
      gross: 0,
      refund: r.amount,
      certNet: l.certified ? -r.amount : 0,
      units: 0,
      lines: 0,
      orders: LEVELS.map(() => 0),
    }),
  );
}

/** A stats_buyer row: the days a buyer bought in a prefix (at one level) and grouping key. */
export interface BuyerMark {
  side: CubeSide;
  grp: CubeGrp;
  lvl: number;
  prefix: string;
  k1: string;
  k2: string;
  k3: string;
  buyerKey: string;
  day: string;
}

export const buyerMarkKey = (b: Omit<BuyerMark, 'day'>) =>
  [b.side, b.grp, b.lvl, b.prefix, b.k1, b.k2, b.k3, b.buyerKey].join('|');

/**
 * Where a counted line puts its buyer (none for anonymous counter sales). A line without a region on
 * the side ('' = retail on the BUYER side) is kept at levels 0 and 2 only: it is visible to the whole
 * country alone, as the NONE row of the provinces.
 */
export function buyerMarks(l: CubeDims & { day: string; buyerKey: string | null }, into: Map<string, BuyerMark>): void {
  if (!l.buyerKey) return;
  for (const side of ['O', 'B'] as const) {
    const region = regionOf(l, side);
    for (const grp of BUYER_GRPS) {
      const [k1, k2, k3] = grpKeys(l, grp);
      for (const lvl of grp === 'A' ? BUYER_LEVELS_ALL : BUYER_LEVELS_KEYED) {
        if (region === '' && lvl > 2) continue;
        const m: BuyerMark = {
          side,
          grp,
          lvl,
          prefix: region.slice(0, lvl),
          k1,
          k2,
          k3,
          buyerKey: l.buyerKey,
          day: l.day,
        };
        into.set(`${buyerMarkKey(m)}|${l.day}`, m);
      }
    }
  }
}
