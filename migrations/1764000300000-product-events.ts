import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Product status history (DRAFT → PUBLISHED ↔ UNPUBLISHED): one row per move, with actor and reason. */
export class ProductEvents1764000300000 implements MigrationInterface {
  name = 'ProductEvents1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product(id),
        from_status text,
        to_status text NOT NULL CHECK (to_status IN ('DRAFT','PUBLISHED','UNPUBLISHED')),
        actor_user_id uuid REFERENCES app_user(id),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX product_event_product_idx ON product_event (product_id, created_at)`);
    // Listing "newest first" within a supplier's own catalogue (drafts included).
    await q.query(`CREATE INDEX product_supplier_list_idx ON product (supplier_id, created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX product_supplier_list_idx`);
    await q.query(`DROP TABLE product_event`);
  }
}
