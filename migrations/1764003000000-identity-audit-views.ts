import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (table ownership): two views libs/identity defines for libs/audit, whose event INSERT is
 * one statement inside every audited transaction (between the chain-head lock and the commit) and
 * must stay one statement: a read service call would add a round trip to every mutation.
 * - `user_first_membership`: per user, the membership an actor without a principal (a sign-in) acts
 *   in: the first with an organisation, else the first without (created_at order).
 * - `organization_region`: an organisation's region code, where an event lands when nothing closer
 *   is known.
 * libs/identity's identity-views.spec.ts tests what they return.
 */
export class IdentityAuditViews1764003000000 implements MigrationInterface {
  name = 'IdentityAuditViews1764003000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW user_first_membership AS
        SELECT DISTINCT ON (m.user_id) m.user_id, m.organization_id, m.role
          FROM membership m
         ORDER BY m.user_id, m.organization_id IS NULL, m.created_at`);
    await q.query(
      `CREATE VIEW organization_region AS SELECT o.id AS organization_id, o.region_code FROM organization o`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW organization_region`);
    await q.query(`DROP VIEW user_first_membership`);
  }
}
