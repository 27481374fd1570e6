import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 (W3, checkout throughput): an audited transaction held the chain head's row lock from its
 * append (its last statement) through the client's round trip, the COMMIT statement and the WAL flush,
 * and every audited transaction waits for that lock — so mutations ran one after another at the pace
 * of a client round trip plus a commit (under load the API's event loop or a busy core added tens of
 * milliseconds per commit: the checkout bench spent 50 ms per append waiting for the head).
 *
 * Now the transaction writes its event into `audit_event_pending`, which takes no lock, and a deferred
 * constraint trigger moves it into `audit_event` when the transaction commits: the INSERT there runs
 * the chain trigger unchanged (head lock, next seq, time stamped under the lock, hash), and the pending
 * row is deleted in the same step. The lock is held from the start of COMMIT to the end of its WAL
 * flush only, with no client in between. A rolled-back transaction leaves neither row; the pending
 * table is empty outside transactions. The pending table has audit_event's checks, so a bad event
 * fails at its INSERT, as before, not at COMMIT.
 */
export class AuditAppendAtCommit1764004200000 implements MigrationInterface {
  name = 'AuditAppendAtCommit1764004200000';

  async up(q: QueryRunner): Promise<void> {
    // audit_event's columns, defaults and checks, without what the chain trigger fills in.
    await q.query(`CREATE TABLE audit_event_pending (LIKE audit_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await q.query(
      `ALTER TABLE audit_event_pending DROP COLUMN seq, DROP COLUMN at, DROP COLUMN prev_hash, DROP COLUMN hash, ADD PRIMARY KEY (id)`,
    );
    await q.query(`
      CREATE FUNCTION audit_event_pending_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_event (id, kind, operation, outcome, actor_user_id, actor_org_id, actor_role, entity_type,
                                 entity_id, region_code, summary, client_ip, request_id)
        VALUES (NEW.id, NEW.kind, NEW.operation, NEW.outcome, NEW.actor_user_id, NEW.actor_org_id, NEW.actor_role,
                NEW.entity_type, NEW.entity_id, NEW.region_code, NEW.summary, NEW.client_ip, NEW.request_id);
        DELETE FROM audit_event_pending WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER audit_event_pending_commit AFTER INSERT ON audit_event_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_event_pending_commit()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event_pending`);
    await q.query(`DROP FUNCTION audit_event_pending_commit()`);
  }
}
