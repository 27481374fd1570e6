import { Injectable } from '@nestjs/common';
import { Db, prepared, type RequestContext } from '@bangfu/core';

/** An order line's variant and quantity: all stock needs of it. */
export interface StockLine {
  variantId: string;
  quantity: number;
}

export interface Allocation {
  lotId: string | null;
  quantity: number;
}

/**
 * Stock on the `variant` and `lot` rows, for ordering's checkout, cancellations and shipping (catalog
 * owns the rows, so the conditional UPDATEs live here). Every change is one conditional UPDATE: concurrent
 * buyers queue on the row lock and PostgreSQL re-checks the condition against the committed row,
 * so availability can never go negative (the variant CHECKs are the last line of defence).
 * Callers lock variants in id order so two multi-line orders cannot deadlock.
 */
@Injectable()
export class StockService {
  constructor(private readonly db: Db) {}

  /**
   * Reserves every line's units in one statement (a checkout's lines): the rows are locked in id order
   * first (the same order `release` and `ship` take, so two multi-line orders cannot deadlock; NO KEY
   * UPDATE, the lock an UPDATE takes, so the order lines' foreign-key share locks do not conflict), then
   * each is reserved only if that many are available and the variant is active; PostgreSQL re-checks
   * the condition against the committed row. Answers the first line (id order) that could not be
   * reserved, or null when all were. On a refusal the caller rolls back (lines before it did reserve).
   */
  async reserve(ctx: RequestContext, lines: StockLine[]): Promise<StockLine | null> {
    const sorted = [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId));
    // An UPDATE answers [rows, affected] through TypeORM's Postgres driver.
    const [reserved]: [Array<{ id: string }>, number] = await this.db.manager(ctx).query(
      prepared(`WITH locked AS MATERIALIZED (
         SELECT id FROM variant WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE
       )
       UPDATE variant v SET stock_reserved = v.stock_reserved + w.quantity
         FROM unnest($1::uuid[], $2::int[]) AS w(id, quantity)
        WHERE v.id = w.id AND v.id IN (SELECT id FROM locked) AND v.active
          AND v.stock_on_hand - v.stock_reserved >= w.quantity
       RETURNING v.id`),
      [sorted.map((l) => l.variantId), sorted.map((l) => l.quantity)],
    );
    const done = new Set(reserved.map((r) => r.id.toLowerCase()));
    return sorted.find((l) => !done.has(l.variantId.toLowerCase())) ?? null;
  }

  async available(ctx: RequestContext, variantId: string): Promise<number> {
    const rows: Array<{ available: number }> = await this.db
      .manager(ctx)
      .query(`SELECT stock_on_hand - stock_reserved AS available FROM variant WHERE id = $1`, [variantId]);
    return rows[0]?.available ?? 0;
  }

  /** Gives reserved units back (cancellation, expiry, refund before shipment). */
  async release(ctx: RequestContext, lines: StockLine[]): Promise<void> {
    for (const line of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
      const [, affected] = await this.db
        .manager(ctx)
        .query(`UPDATE variant SET stock_reserved = stock_reserved - $2 WHERE id = $1 AND stock_reserved >= $2`, [
          line.variantId,
          line.quantity,
        ]);
      if (affected !== 1)
        throw new Error(
          `stock of variant ${line.variantId} holds fewer reserved units than the order reserved (${line.quantity})`,
        );
    }
  }

  /**
   * Ships a line: the reservation becomes a real outflow (on hand and reserved both drop, units sold —
   * the catalogue's "sales" sort — rises in the same UPDATE, so no extra row lock), and the
   * units are taken from the variant's lots first-in-first-out (harvest date, then creation). Units
   * no lot covers are returned with lotId null.
   */
  async ship(ctx: RequestContext, line: StockLine): Promise<Allocation[]> {
    const m = this.db.manager(ctx);
    const [, affected] = await m.query(
      `UPDATE variant SET stock_on_hand = stock_on_hand - $2, stock_reserved = stock_reserved - $2, units_sold = units_sold + $2
        WHERE id = $1 AND stock_reserved >= $2`,
      [line.variantId, line.quantity],
    );
    if (affected !== 1)
      throw new Error(`variant ${line.variantId} holds fewer reserved units than the line ships (${line.quantity})`);
    const lots: Array<{ id: string; remaining: number }> = await m.query(
      `SELECT id, remaining FROM lot WHERE variant_id = $1 AND remaining > 0 ORDER BY harvested_on, created_at, id FOR UPDATE`,
      [line.variantId],
    );
    const allocations: Allocation[] = [];
    let left = line.quantity;
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(left, lot.remaining);
      await m.query(`UPDATE lot SET remaining = remaining - $2 WHERE id = $1`, [lot.id, take]);
      allocations.push({ lotId: lot.id, quantity: take });
      left -= take;
    }
    if (left > 0) allocations.push({ lotId: null, quantity: left });
    return allocations;
  }
}
