import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10 item 3: every agency-paid order passes the unit's procurement policy, and staff buying with
 * their own money are retail buyers reported separately.
 *
 * - `orders.approved_at`: set when an agency order leaves PENDING_APPROVAL for PLACED (approver, or
 *   the system within the purchaser's limit). Ordering refuses to pay or confirm an agency order
 *   without it. Backfilled from the history of orders that did go through approval; agency orders
 *   that were placed directly (the bypass) stay NULL, so if still PLACED they can only be cancelled
 *   or expire.
 * - `orders.staff_of_org_id`: a retail order placed by a member of an agency (PURCHASER, APPROVER,
 *   AGENCY_ADMIN) with their own money: the unit they work for.
 * - `jurisdiction_staff_purchases`: per province/city, whether such purchases count toward the
 *   unit's reserved-share completion (most specific prefix wins; default: they do not).
 * - staff amounts in the completion journal and rollup (`STAFF` movements), always reported as
 *   `staffAmount`, added to `countedAmount` only where the jurisdiction says they count.
 */
export class AgencyOrderPolicy1764001000000 implements MigrationInterface {
  name = 'AgencyOrderPolicy1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE orders
        ADD COLUMN approved_at timestamptz,
        ADD COLUMN staff_of_org_id uuid REFERENCES organization(id),
        ADD CONSTRAINT orders_staff_is_retail CHECK (staff_of_org_id IS NULL OR buyer_kind = 'CUSTOMER'),
        ADD CONSTRAINT orders_approval_is_agency CHECK (approved_at IS NULL OR buyer_kind = 'AGENCY')`);
    await q.query(`CREATE INDEX orders_staff_of_org_idx ON orders (staff_of_org_id) WHERE staff_of_org_id IS NOT NULL`);
    await q.query(`
      UPDATE orders o SET approved_at = h.at
        FROM (SELECT order_id, min(created_at) AS at FROM order_history WHERE from_status = 'PENDING_APPROVAL' AND to_status = 'PLACED' GROUP BY order_id) h
       WHERE h.order_id = o.id AND o.buyer_kind = 'AGENCY'`);
    await q.query(`
      CREATE TABLE jurisdiction_staff_purchases (
        region_prefix text PRIMARY KEY CHECK (region_prefix ~ '^([0-9]{2}|[0-9]{4})$'),
        staff_purchases_count boolean NOT NULL,
        set_by_user_id uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE reserved_share_movement DROP CONSTRAINT reserved_share_movement_kind_check`);
    await q.query(`
      ALTER TABLE reserved_share_movement
        ADD CONSTRAINT reserved_share_movement_kind_check CHECK (kind IN ('ACCEPTED','REFUND','REBIND_OUT','REBIND_IN','STAFF','STAFF_REFUND')),
        ADD COLUMN staff_delta bigint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE reserved_share_progress ADD COLUMN staff_amount bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reserved_share_progress DROP COLUMN staff_amount`);
    await q.query(`DELETE FROM reserved_share_movement WHERE kind IN ('STAFF','STAFF_REFUND')`);
    await q.query(
      `ALTER TABLE reserved_share_movement DROP CONSTRAINT reserved_share_movement_kind_check, DROP COLUMN staff_delta`,
    );
    await q.query(
      `ALTER TABLE reserved_share_movement ADD CONSTRAINT reserved_share_movement_kind_check CHECK (kind IN ('ACCEPTED','REFUND','REBIND_OUT','REBIND_IN'))`,
    );
    await q.query(`DROP TABLE jurisdiction_staff_purchases`);
    await q.query(
      `ALTER TABLE orders DROP CONSTRAINT orders_staff_is_retail, DROP CONSTRAINT orders_approval_is_agency, DROP COLUMN staff_of_org_id, DROP COLUMN approved_at`,
    );
  }
}
