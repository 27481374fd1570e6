import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `product_certification` (1764002900000) used DISTINCT ON, which PostgreSQL cannot merge into the
 * reader's query: checkout and certified-only search sorted the whole certification table each time.
 * The same rows — per product the certification valid today, else the live one, else the latest
 * updated (then highest id) — written as "no better row of the same product" is a plain filter the
 * planner inlines, and with an index on product_id each reader touches only its products' rows.
 */
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const rank = (c: string) =>
  `(${c}.status = 'CERTIFIED' AND ${c}.valid_from <= ${TODAY} AND ${c}.valid_to >= ${TODAY},
    ${c}.status IN ('PENDING','VERIFIED','CERTIFIED'), ${c}.updated_at, ${c}.id)`;

export class ProductCertificationInline1764002900300 implements MigrationInterface {
  name = 'ProductCertificationInline1764002900300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX certification_product_idx ON certification (product_id)`);
    await q.query(`
      CREATE OR REPLACE VIEW product_certification AS
        SELECT c.product_id, c.id AS certification_id, c.status, c.certificate_no, c.valid_from, c.valid_to,
               (c.status = 'CERTIFIED' AND c.valid_from <= ${TODAY} AND c.valid_to >= ${TODAY}) AS certified_today
          FROM certification c
         WHERE NOT EXISTS (SELECT 1 FROM certification b WHERE b.product_id = c.product_id AND ${rank('b')} > ${rank('c')})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW product_certification AS
        SELECT DISTINCT ON (c.product_id)
               c.product_id, c.id AS certification_id, c.status, c.certificate_no, c.valid_from, c.valid_to,
               (c.status = 'CERTIFIED' AND c.valid_from <= ${TODAY} AND c.valid_to >= ${TODAY}) AS certified_today
          FROM certification c
         ORDER BY c.product_id,
                  (c.status = 'CERTIFIED' AND c.valid_from <= ${TODAY} AND c.valid_to >= ${TODAY}) DESC,
                  (c.status IN ('PENDING','VERIFIED','CERTIFIED')) DESC, c.updated_at DESC`);
    await q.query(`DROP INDEX certification_product_idx`);
  }
}
