import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (table ownership): read views that an owning lib defines for libs that may not import it
 * (the import would be a cycle: channel and certification depend on ordering/catalog) or that join
 * its rows set-based into their own queries (search filters, scopes). Each view is the owner's
 * contract, tested in the owner lib (tools/table-ownership/table-owners.json lists who may read it).
 * - `supplier_directory` (supplier): a supplier's kind, admission status and county.
 * - `channel_directory` (channel): what buyers and bookkeeping need of a channel, without the counter
 *   device's secret.
 * - `channel_placement` (channel): which products a channel sells.
 * - `product_certification` (certification): each product's certification that counts today — one
 *   valid today if any, else the live one (pending/verified/certified), else the latest — with
 *   `certified_today` computed in the Asia/Shanghai calendar.
 */
export class ReadViews1764002900000 implements MigrationInterface {
  name = 'ReadViews1764002900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW supplier_directory AS
        SELECT organization_id, kind, status, county_code FROM supplier_profile`);
    await q.query(`
      CREATE VIEW channel_directory AS
        SELECT id, kind, name, online, status, assistance_only, region_code, operator_org_id FROM channel`);
    await q.query(`CREATE VIEW channel_placement AS SELECT channel_id, product_id FROM channel_product`);
    await q.query(`
      CREATE VIEW product_certification AS
        SELECT DISTINCT ON (c.product_id)
               c.product_id, c.id AS certification_id, c.status, c.certificate_no, c.valid_from, c.valid_to,
               (c.status = 'CERTIFIED' AND c.valid_from <= (now() AT TIME ZONE 'Asia/Shanghai')::date
                 AND c.valid_to >= (now() AT TIME ZONE 'Asia/Shanghai')::date) AS certified_today
          FROM certification c
         ORDER BY c.product_id,
                  (c.status = 'CERTIFIED' AND c.valid_from <= (now() AT TIME ZONE 'Asia/Shanghai')::date
                    AND c.valid_to >= (now() AT TIME ZONE 'Asia/Shanghai')::date) DESC,
                  (c.status IN ('PENDING','VERIFIED','CERTIFIED')) DESC, c.updated_at DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW product_certification`);
    await q.query(`DROP VIEW channel_placement`);
    await q.query(`DROP VIEW channel_directory`);
    await q.query(`DROP VIEW supplier_directory`);
  }
}
