import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRequire } from 'node:module';

/**
 * Issue 15, item 1 (buyers):
 * - `customer_address` (owned by libs/identity): a customer's address book; at most one default.
 * - `orders.delivery_address` (libs/ordering): the address snapshotted at checkout, so editing or
 *   deleting the book entry later never moves where an order ships.
 * - `product.pinyin_tokens` / `pinyin_vector` (libs/catalog): full-pinyin syllables of the title for
 *   `cha` → 茶 and `fanjingshan` → 梵净山; existing products are re-indexed here.
 * - `variant.units_sold` (catalog's row, kept by ordering's StockService.ship in the same UPDATE that
 *   takes the stock out): the "sales" sort without scanning order lines; back-filled from shipped lines.
 */
/**
 * The syllables of a title as libs/catalog's pinyinSyllables computed them when this migration was
 * written (a migration must not change when the library does; the lib keeps products current after).
 */
function pinyinSyllables(text: string): string {
  // Required here, when the migration runs, not imported: every API start evaluates the migrations
  // module, and pinyin-pro's tables would stay resident (about 12 MB) for nothing.
  const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  const syllables = pinyin(text.normalize('NFKC'), {
    type: 'array',
    toneType: 'none',
    v: true,
    nonZh: 'removed',
  }) as string[];
  return syllables
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z]+$/.test(s))
    .join(' ');
}

export class Buyers1764002200000 implements MigrationInterface {
  name = 'Buyers1764002200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_address (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 50),
        phone text NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        region_code text NOT NULL REFERENCES region(code),
        detail text NOT NULL CHECK (length(detail) BETWEEN 1 AND 200),
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX customer_address_user_idx ON customer_address (user_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX customer_address_one_default ON customer_address (user_id) WHERE is_default`);

    await q.query(`ALTER TABLE orders ADD COLUMN delivery_address jsonb`);

    await q.query(`ALTER TABLE product ADD COLUMN pinyin_tokens text NOT NULL DEFAULT ''`);
    await q.query(
      `ALTER TABLE product ADD COLUMN pinyin_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', pinyin_tokens)) STORED`,
    );
    await q.query(`CREATE INDEX product_pinyin_vector_idx ON product USING gin (pinyin_vector)`);
    const products: Array<{ id: string; title: string }> = await q.query(`SELECT id, title FROM product`);
    for (const p of products)
      await q.query(`UPDATE product SET pinyin_tokens = $2 WHERE id = $1`, [p.id, pinyinSyllables(p.title)]);

    await q.query(`ALTER TABLE variant ADD COLUMN units_sold integer NOT NULL DEFAULT 0 CHECK (units_sold >= 0)`);
    await q.query(`
      UPDATE variant v SET units_sold = s.units FROM (
        SELECT l.variant_id, sum(l.quantity)::int AS units FROM order_line l
          JOIN supplier_order so ON so.id = l.supplier_order_id WHERE so.shipped_at IS NOT NULL GROUP BY l.variant_id
      ) s WHERE s.variant_id = v.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE variant DROP COLUMN units_sold`);
    await q.query(`DROP INDEX product_pinyin_vector_idx`);
    await q.query(`ALTER TABLE product DROP COLUMN pinyin_vector`);
    await q.query(`ALTER TABLE product DROP COLUMN pinyin_tokens`);
    await q.query(`ALTER TABLE orders DROP COLUMN delivery_address`);
    await q.query(`DROP TABLE customer_address`);
  }
}
