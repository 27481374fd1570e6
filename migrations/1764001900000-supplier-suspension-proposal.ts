import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supplier suspension proposals (libs/oversight): anomaly findings, complaints and ratings propose
 * suspending a supplier (动态退出); the platform admin decides. One open proposal per
 * (supplier, source, source reference), so a rule that fires twice proposes once.
 */
export class SupplierSuspensionProposal1764001900000 implements MigrationInterface {
  name = 'SupplierSuspensionProposal1764001900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supplier_suspension_proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES organization(id),
        source text NOT NULL,
        source_ref text NOT NULL DEFAULT '',
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','ACCEPTED','REJECTED')),
        proposed_by uuid REFERENCES app_user(id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        decision_reason text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX supplier_suspension_proposal_open_uq ON supplier_suspension_proposal (supplier_id, source, source_ref) WHERE status = 'PROPOSED'`,
    );
    await q.query(
      `CREATE INDEX supplier_suspension_proposal_status_idx ON supplier_suspension_proposal (status, proposed_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supplier_suspension_proposal`);
  }
}
