import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An attribution entry repeats its line's order, supplier and product (for the rollups and the
 * region queries). Four foreign keys checked those copies against four tables on every entry,
 * about ten per counted line; the 1M-line benchmark (docs/BENCHMARKS.md) measured them at a
 * quarter of attribution's database time. One composite key to the line checks more — an entry
 * cannot disagree with its line — for one index probe per entry; the line still references
 * order_line, orders, supplier_profile and product itself.
 */
export class AttributionEntryLineKey1764000900000 implements MigrationInterface {
  name = 'AttributionEntryLineKey1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE attribution_line ADD CONSTRAINT attribution_line_identity_key UNIQUE (order_line_id, order_id, supplier_id, product_id)`,
    );
    await q.query(`
      ALTER TABLE attribution_entry
        DROP CONSTRAINT attribution_entry_order_id_fkey,
        DROP CONSTRAINT attribution_entry_order_line_id_fkey,
        DROP CONSTRAINT attribution_entry_supplier_id_fkey,
        DROP CONSTRAINT attribution_entry_product_id_fkey,
        ADD CONSTRAINT attribution_entry_line_fkey FOREIGN KEY (order_line_id, order_id, supplier_id, product_id)
          REFERENCES attribution_line (order_line_id, order_id, supplier_id, product_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attribution_entry
        DROP CONSTRAINT attribution_entry_line_fkey,
        ADD CONSTRAINT attribution_entry_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders(id),
        ADD CONSTRAINT attribution_entry_order_line_id_fkey FOREIGN KEY (order_line_id) REFERENCES attribution_line(order_line_id),
        ADD CONSTRAINT attribution_entry_supplier_id_fkey FOREIGN KEY (supplier_id) REFERENCES supplier_profile(organization_id),
        ADD CONSTRAINT attribution_entry_product_id_fkey FOREIGN KEY (product_id) REFERENCES product(id)`);
    await q.query(`ALTER TABLE attribution_line DROP CONSTRAINT attribution_line_identity_key`);
  }
}
