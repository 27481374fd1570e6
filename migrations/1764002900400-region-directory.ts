import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (table ownership): `region_directory`, region's read view of the division codes (code,
 * name, level, parent) for libs that join names into set-based reports and cannot import the region
 * module (attribution names the villages of an order's beneficiaries in the same query). Tested in
 * libs/region.
 */
export class RegionDirectory1764002900400 implements MigrationInterface {
  name = 'RegionDirectory1764002900400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW region_directory AS SELECT code, name, level, parent_code FROM region`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW region_directory`);
  }
}
