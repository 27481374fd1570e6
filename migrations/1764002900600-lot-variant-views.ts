import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (table ownership): catalog's read views of variants, lots and lot contributions for
 * attribution, which catalog depends on (so attribution cannot call catalog) and which reads them
 * set-based while it computes and reports income. Tested in libs/catalog.
 * - `variant_directory`: a variant's product, prices and whether it is sold.
 * - `lot_directory`: a lot's variant, number and harvest date.
 * - `lot_contribution_directory`: which households contributed how much to a lot.
 */
export class LotVariantViews1764002900600 implements MigrationInterface {
  name = 'LotVariantViews1764002900600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW variant_directory AS
        SELECT id, product_id, retail_price, agency_price, active FROM variant`);
    await q.query(`CREATE VIEW lot_directory AS SELECT id, variant_id, lot_no, harvested_on FROM lot`);
    await q.query(
      `CREATE VIEW lot_contribution_directory AS SELECT lot_id, household_id, quantity FROM lot_contribution`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW lot_contribution_directory`);
    await q.query(`DROP VIEW lot_directory`);
    await q.query(`DROP VIEW variant_directory`);
  }
}
