import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The anonymous catalog response cache (libs/shared/core/src/response-cache.ts) keeps answers of
 * `products`, `product`, `categories` until the catalogue changes. Every statement on a table those
 * answers read — the products and variants with their stock and prices, images, categories, lots and
 * contributions (income share), certification (the badge and certified-only search), channel
 * placement, supplier status and name, regions, linkages and attribution rules (income share) — sends
 * `NOTIFY catalog_changed`. PostgreSQL delivers a notification only when its transaction commits and
 * sends it once per transaction however many statements raised it, so a checkout that updates three
 * variants costs one notification; each API process LISTENs and drops its cache.
 */
const TABLES = [
  'product',
  'variant',
  'product_image',
  'category',
  'lot',
  'lot_contribution',
  'certification',
  'channel_product',
  'supplier_profile',
  'organization',
  'region',
  'linkage',
  'attribution_rule',
];

export class CatalogChangedNotify1764004000000 implements MigrationInterface {
  name = 'CatalogChangedNotify1764004000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION catalog_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('catalog_changed', '');
        RETURN NULL;
      END $$`);
    for (const t of TABLES) {
      await q.query(`CREATE TRIGGER ${t}_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
        FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed_notify()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`DROP TRIGGER ${t}_catalog_changed ON ${t}`);
    await q.query(`DROP FUNCTION catalog_changed_notify()`);
  }
}
