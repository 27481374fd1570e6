import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (table ownership): `product_directory`, catalog's read view of its products for lists
 * that filter and page another lib's rows by product attributes in SQL (certification's public
 * directory of certified products, by origin subtree, category and supplier). Tested in libs/catalog.
 */
export class ProductDirectory1764002900100 implements MigrationInterface {
  name = 'ProductDirectory1764002900100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW product_directory AS
        SELECT id, supplier_id, title, status, origin_region_code, category_id FROM product`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW product_directory`);
  }
}
