import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (libs/shared/events): every outbox event records its payload version, so a consumer can
 * tell an old payload from a new one. Rows written before this migration are version 1 (the default).
 */
export class EventVersions1764002800000 implements MigrationInterface {
  name = 'EventVersions1764002800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_event ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_event DROP COLUMN version`);
  }
}
