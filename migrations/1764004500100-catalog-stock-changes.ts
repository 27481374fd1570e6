import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Variant columns that move with every sale, reservation and stock adjustment. */
const COUNTERS = `ARRAY['stock_on_hand', 'stock_reserved', 'units_sold', 'updated_at']`;

/**
 * Issue 16 (W3): a transaction that runs NOTIFY takes a database-wide lock at COMMIT and holds it until
 * its commit record is flushed, so notifying transactions commit strictly one after another (PostgreSQL
 * orders the notification queue by commit that way). Since 1764004000000 every checkout and every
 * payment updated `variant` stock and so sent `catalog_changed`: all of them queued on that lock, one
 * WAL flush each — a ceiling of roughly one checkout step per fsync, whatever the cores.
 *
 * Now an UPDATE of `variant` that changes only its counters (stock on hand, reserved, units sold) does
 * not notify: it advances the sequence `catalog_stock_change` (nextval takes no lock that lasts to
 * COMMIT), and every API process's change listener polls that sequence (libs/shared/core
 * change-listener.ts) and drops its cached answers when it moves. Any other change of a variant —
 * price, publication, specification — and every INSERT/DELETE/TRUNCATE still notifies, as before.
 */
export class CatalogStockChanges1764004500100 implements MigrationInterface {
  name = 'CatalogStockChanges1764004500100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE catalog_stock_change`);
    await q.query(`
      CREATE FUNCTION variant_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (to_jsonb(NEW) - ${COUNTERS}) = (to_jsonb(OLD) - ${COUNTERS}) THEN
          PERFORM nextval('catalog_stock_change');
        ELSE
          PERFORM pg_notify('catalog_changed', '');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER variant_catalog_changed ON variant`);
    await q.query(`CREATE TRIGGER variant_catalog_changed AFTER INSERT OR DELETE OR TRUNCATE ON variant
      FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed_notify()`);
    await q.query(`CREATE TRIGGER variant_catalog_changed_update AFTER UPDATE ON variant
      FOR EACH ROW EXECUTE FUNCTION variant_catalog_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER variant_catalog_changed_update ON variant`);
    await q.query(`DROP TRIGGER variant_catalog_changed ON variant`);
    await q.query(`CREATE TRIGGER variant_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON variant
      FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed_notify()`);
    await q.query(`DROP FUNCTION variant_catalog_changed()`);
    await q.query(`DROP SEQUENCE catalog_stock_change`);
  }
}
