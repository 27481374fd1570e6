import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (table ownership): supplier's read views of households and benefit linkages for
 * attribution, which imports no supplier module (catalog depends on it) and reads them set-based
 * while it computes and reports income. Never the ID-number hash or who created a row. Tested in
 * libs/supplier.
 * - `household_directory`: id, village, head's name, status (ordinary / ex-poverty / monitored) and
 *   the farmer's user account.
 * - `linkage_directory`: supplier, household or village collective, type, share and validity.
 */
export class HouseholdLinkageViews1764002900500 implements MigrationInterface {
  name = 'HouseholdLinkageViews1764002900500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW household_directory AS
        SELECT id, village_code, head_name, status, user_id FROM household`);
    await q.query(`
      CREATE VIEW linkage_directory AS
        SELECT id, supplier_id, household_id, village_code, type, share_basis_points, valid_from, valid_to FROM linkage`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW linkage_directory`);
    await q.query(`DROP VIEW household_directory`);
  }
}
