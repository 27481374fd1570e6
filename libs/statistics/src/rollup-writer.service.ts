import { Injectable } from '@nestjs/common';
import { assertUuid, Db, prepared, type RequestContext } from '@bangfu/core';
import { CountingFactsService, type CountingOrder } from '@bangfu/ordering';
import {
  type BuyerMark,
  buyerMarks,
  countCube,
  type CubeDelta,
  type LineDims,
  orderMarks,
  type PlannedLine,
  planOrder,
  refundCube,
} from './counting';
import { LineDimsResolver } from './dims';

export interface StoredLine {
  order_line_id: string;
  order_id: string;
  day: string;
  origin_code: string;
  buyer_region_code: string;
  channel_id: string;
  channel_kind: string;
  supplier_id: string;
  supplier_kind: string;
  category_key: string;
  buyer_kind: string;
  buyer_key: string | null;
  certified: boolean;
  quantity: number;
  line_total: string;
  refunded_amount: string;
  /** Excluded from statistics (stats_correction): kept as a fact, left out of every rollup. */
  excluded: boolean;
}

/** Upsert of stats_cube cells adding deltas (the rows of $N as JSON, see cubeRowsJson). */
const cubeUpsert = (param: string) => `
         INSERT INTO stats_cube AS t (side, grp, gran, period, region_code, k1, k2, k3, gross_amount, refund_amount, cert_net, unit_count, line_count, o0, o2, o4, o6, o9, o12)
         SELECT * FROM jsonb_to_recordset(${param}::jsonb) AS x(side text, grp text, gran text, period date, region_code text, k1 text, k2 text, k3 text, gross bigint, refund bigint,
                cert bigint, units bigint, lines integer, o0 integer, o2 integer, o4 integer, o6 integer, o9 integer, o12 integer)
         ON CONFLICT (side, grp, gran, period, region_code, k1, k2, k3) DO UPDATE SET
           gross_amount = t.gross_amount + EXCLUDED.gross_amount, refund_amount = t.refund_amount + EXCLUDED.refund_amount, cert_net = t.cert_net + EXCLUDED.cert_net,
           unit_count = t.unit_count + EXCLUDED.unit_count, line_count = t.line_count + EXCLUDED.line_count,
           o0 = t.o0 + EXCLUDED.o0, o2 = t.o2 + EXCLUDED.o2, o4 = t.o4 + EXCLUDED.o4, o6 = t.o6 + EXCLUDED.o6, o9 = t.o9 + EXCLUDED.o9, o12 = t.o12 + EXCLUDED.o12`;

const cubeRowsJson = (cube: CubeDelta[]) =>
  JSON.stringify(
    cube.map((d) => {
      const c = d.cell;
      const [o0, o2, o4, o6, o9, o12] = d.orders;
      return {
        side: c.side,
        grp: c.grp,
        gran: c.gran,
        period: c.period,
        region_code: c.regionCode,
        k1: c.k1,
        k2: c.k2,
        k3: c.k3,
        gross: d.gross,
        refund: d.refund,
        cert: d.certNet,
        units: d.units,
        lines: d.lines,
        o0,
        o2,
        o4,
        o6,
        o9,
        o12,
      };
    }),
  );

/** Adds deltas to stats_cube in one statement (the exclusion's correction writes negative ones). */
export async function upsertCube(
  m: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  cube: CubeDelta[],
): Promise<void> {
  if (cube.length) await m.query(cubeUpsert('$1'), [cubeRowsJson(cube)]);
}

/**
 * The one write of a sync: the new stats_line and stats_refund rows, the refunded amounts of lines already
 * stored, and the stats_cube / stats_buyer upserts, as data-modifying CTEs of a single statement. Prepared
 * (parsed once per connection, then a generic plan: its row counts come from JSON, which the planner
 * cannot see into anyway), because planning it cost about as much as running it on a large database.
 */
const WRITE = prepared(`WITH l AS (
         INSERT INTO stats_line (order_line_id, order_id, counted_at, day, origin_code, buyer_region_code, channel_id, channel_kind, supplier_id, supplier_kind,
                                 category_key, buyer_kind, buyer_key, certified, quantity, line_total, refunded_amount, excluded)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(order_line_id uuid, order_id uuid, counted_at timestamptz, day date, origin_code text, buyer_region_code text,
                channel_id uuid, channel_kind text, supplier_id uuid, supplier_kind text, category_key text, buyer_kind text, buyer_key text, certified boolean,
                quantity integer, line_total bigint, refunded_amount bigint, excluded boolean)
         RETURNING 1),
       r AS (
         INSERT INTO stats_refund (order_line_id, refund_id, order_id, day, amount, before_count)
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(order_line_id uuid, refund_id text, order_id uuid, day date, amount bigint, before_count boolean)
         RETURNING 1),
       u AS (
         UPDATE stats_line s SET refunded_amount = s.refunded_amount + x.amount
           FROM jsonb_to_recordset($3::jsonb) AS x(order_line_id uuid, amount bigint) WHERE s.order_line_id = x.order_line_id
         RETURNING 1),
       c AS (${cubeUpsert('$4')}
         RETURNING 1),
       b AS (
         INSERT INTO stats_buyer AS t (side, grp, lvl, prefix, k1, k2, k3, buyer_key, year, days)
         SELECT side, grp, lvl, prefix, k1, k2, k3, buyer_key, extract(year FROM day)::smallint, bit_or(stats_day_bit(day))
           FROM jsonb_to_recordset($5::jsonb) AS x(side text, grp text, lvl smallint, prefix text, k1 text, k2 text, k3 text, buyer_key text, day date)
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
         ON CONFLICT (side, grp, lvl, prefix, k1, k2, k3, buyer_key, year) DO UPDATE SET days = t.days | EXCLUDED.days
          WHERE t.days | EXCLUDED.days <> t.days
         RETURNING 1)
       SELECT (SELECT count(*) FROM l) + (SELECT count(*) FROM r) + (SELECT count(*) FROM u) + (SELECT count(*) FROM c) + (SELECT count(*) FROM b) AS n`);

/**
 * The advisory lock on the order and, after it, what is stored for it (a PL/pgSQL function, migration
 * 1764003100100, so the read sees what the lock's previous holder committed), with the products' categories
 * from catalog's product_directory view (rows 'P'). Prepared, as WRITE.
 */
const LOCK_AND_READ = prepared(`SELECT t, j FROM stats_lock_and_read($1)
         UNION ALL
         SELECT 'P', jsonb_build_object('id', p.id, 'category', coalesce(p.category_id::text, '')) FROM product_directory p WHERE p.id = ANY($2::uuid[])`);

export const dimsOfStored = (s: StoredLine): LineDims => ({
  channelKind: s.channel_kind,
  supplierKind: s.supplier_kind,
  categoryKey: s.category_key,
  buyerRegionCode: s.buyer_region_code,
});

/** What one sync wrote. */
export interface StatsSyncResult {
  orderId: string;
  counted: boolean;
  linesCounted: number;
  refundsRecorded: number;
}

/**
 * Keeps stats_line, stats_refund, stats_cube and stats_buyer in line with an order's counting facts. Each fact is
 * recorded once (a line's count by its stats_line row, a refund by its stats_refund row) under an
 * advisory lock on the order, so the in-transaction call, the after-commit consumer and the
 * reconciliation's repair may run in any order, any number of times.
 */
@Injectable()
export class RollupWriterService {
  constructor(
    private readonly db: Db,
    private readonly facts: CountingFactsService,
    private readonly dims: LineDimsResolver,
  ) {}

  /**
   * Two round trips of its own per order (with the event's facts): LOCK_AND_READ (channel and supplier kinds
   * are cached, they never change), then WRITE.
   */
  async syncOrder(ctx: RequestContext, orderId: string, known?: CountingOrder): Promise<StatsSyncResult> {
    assertUuid(orderId, 'orderId');
    return this.db.transaction(ctx, async (tx) => {
      const m = this.db.manager(tx);
      // With the event's facts, the categories come with the lock: the line dimensions need no round trip of their own.
      const productIds = known ? [...new Set(known.lines.map((l) => l.productId))] : [];
      const rows: Array<{ t: 'L' | 'R' | 'X' | 'P'; j: any }> = await m.query(LOCK_AND_READ, [orderId, productIds]);
      const categories = new Map<string, string>(rows.filter((r) => r.t === 'P').map((r) => [r.j.id, r.j.category]));
      // `known`: the facts an OrderCounted / OrderRefunded event carries (statistics.consumer.ts), read by ordering once.
      const [order] = known ? [known] : await this.facts.load(tx, [orderId]);
      const result: StatsSyncResult = { orderId, counted: !!order?.countedAt, linesCounted: 0, refundsRecorded: 0 };
      if (!order?.countedAt) return result;
      const stored = new Map<string, StoredLine>(
        rows.filter((r) => r.t === 'L').map((r) => [r.j.order_line_id, r.j as StoredLine]),
      );
      const seen = new Set(rows.filter((r) => r.t === 'R').map((r) => `${r.j.order_line_id}|${r.j.refund_id}`));
      // An excluded order (stats_correction) still has its facts recorded, but adds nothing to the rollups again.
      const excluded = rows.some((r) => r.t === 'X');
      const planned = await this.plan(tx, order, stored, categories);
      const cube = new Map<string, CubeDelta>();
      const buyers = new Map<string, BuyerMark>();
      const newLines: PlannedLine[] = [];
      const newRefunds: Array<{
        line: PlannedLine;
        refundId: string;
        day: string;
        amount: number;
        beforeCount: boolean;
      }> = [];
      const marks = orderMarks(planned);
      for (const p of planned) {
        if (!stored.has(p.orderLineId)) {
          newLines.push(p);
          if (!excluded) countCube(p, marks, cube);
          if (!excluded) buyerMarks(p, buyers);
          for (const r of p.refunds) {
            newRefunds.push({ line: p, ...r });
            if (!r.beforeCount && !excluded) refundCube(p, r, cube);
          }
          continue;
        }
        for (const r of p.refunds.filter((x) => !seen.has(`${p.orderLineId}|${x.refundId}`))) {
          newRefunds.push({ line: p, ...r });
          if (!excluded) refundCube(p, r, cube);
        }
      }
      if (newLines.length || newRefunds.length)
        await this.write(tx, orderId, newLines, newRefunds, stored, [...cube.values()], [...buyers.values()], excluded);
      result.linesCounted = newLines.length;
      result.refundsRecorded = newRefunds.length;
      return result;
    });
  }

  /** The plan, with frozen dimensions for lines already counted and fresh ones for the others. */
  async plan(
    ctx: RequestContext,
    order: CountingOrder,
    stored: Map<string, StoredLine>,
    categories?: Map<string, string>,
  ): Promise<PlannedLine[]> {
    const missing = order.lines.some((l) => !stored.has(l.id));
    const fresh = missing ? await this.dims.resolve(ctx, order, categories) : [];
    return planOrder(order, (i) => {
      const s = stored.get(order.lines[i].id);
      return s ? dimsOfStored(s) : fresh[i];
    });
  }

  private async write(
    tx: RequestContext,
    orderId: string,
    lines: PlannedLine[],
    refunds: Array<{ line: PlannedLine; refundId: string; day: string; amount: number; beforeCount: boolean }>,
    stored: Map<string, StoredLine>,
    cube: CubeDelta[],
    buyers: BuyerMark[],
    excluded: boolean,
  ): Promise<void> {
    const lineRows = lines.map((p) => ({
      order_line_id: p.orderLineId,
      order_id: p.orderId,
      counted_at: p.countedAt.toISOString(),
      day: p.day,
      origin_code: p.originCode,
      buyer_region_code: p.buyerRegionCode,
      channel_id: p.channelId,
      channel_kind: p.channelKind,
      supplier_id: p.supplierId,
      supplier_kind: p.supplierKind,
      category_key: p.categoryKey,
      buyer_kind: p.buyerKind,
      buyer_key: p.buyerKey,
      certified: p.certified,
      quantity: p.quantity,
      line_total: p.lineTotal,
      refunded_amount: p.refunds.reduce((a, r) => a + r.amount, 0),
      excluded,
    }));
    const refundRows = refunds.map((r) => ({
      order_line_id: r.line.orderLineId,
      refund_id: r.refundId,
      order_id: orderId,
      day: r.day,
      amount: r.amount,
      before_count: r.beforeCount,
    }));
    // Refunds of lines stored earlier raise their refunded amount (one row per line: an UPDATE touches a row once).
    const raised = new Map<string, number>();
    for (const r of refunds)
      if (stored.has(r.line.orderLineId))
        raised.set(r.line.orderLineId, (raised.get(r.line.orderLineId) ?? 0) + r.amount);
    await this.db.manager(tx).query(WRITE, [
      JSON.stringify(lineRows),
      JSON.stringify(refundRows),
      JSON.stringify([...raised].map(([order_line_id, amount]) => ({ order_line_id, amount }))),
      cubeRowsJson(cube),
      JSON.stringify(
        buyers.map((b) => ({
          side: b.side,
          grp: b.grp,
          lvl: b.lvl,
          prefix: b.prefix,
          k1: b.k1,
          k2: b.k2,
          k3: b.k3,
          buyer_key: b.buyerKey,
          day: b.day,
        })),
      ),
    ]);
  }
}
