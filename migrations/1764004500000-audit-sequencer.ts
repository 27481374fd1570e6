import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The content hash of 1764003500300, plus the appending transaction's id once an event has one. */
const HASH_FUNCTION = `
  CREATE OR REPLACE FUNCTION audit_event_hash(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(e.prev_hash || (jsonb_build_object(
      'id', e.id, 'seq', e.seq, 'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'kind', e.kind, 'operation', e.operation, 'outcome', e.outcome,
      'actorUserId', e.actor_user_id, 'actorOrgId', e.actor_org_id, 'actorRole', e.actor_role,
      'entityType', e.entity_type, 'entityId', e.entity_id, 'regionCode', e.region_code,
      'summary', e.summary, 'clientIp', e.client_ip, 'requestId', e.request_id
    ) || CASE WHEN e.xact IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('xact', e.xact::text) END)::text, 'UTF8')), 'hex')
  $$`;

/**
 * Issue 16 (W3): the audit chain becomes a sequencer. Since 1764004200000 every audited transaction
 * moved its event into the chain at COMMIT, holding the chain head's row lock through its own WAL
 * flush — so audited transactions committed strictly one after another, at the disk's fsync pace
 * (~3 ms here: at most ~300 audited commits/s, 150 checkouts/s, with queueing well before).
 *
 * Now the event stays in `audit_event_pending` when its transaction commits (stamped with that
 * transaction's id, `xact`, so it still proves the event committed with its effect), and
 * `audit_seal(n)` moves up to n committed pending events into the chain in one transaction, in the
 * order they were appended (`pending_no`): the chain trigger numbers, stamps and hashes each as
 * before, so one head lock and one WAL flush serve a whole batch. Audited transactions no longer wait
 * for each other. libs/audit seals right after every audited operation (coalesced per process) and
 * before every read of the trail, so readers see every committed event.
 *
 * `audit_event.xact` is hashed when present (events chained before this migration have none and keep
 * their hashes). The chain's order is now the order of sealing, not of COMMIT; `at` is the time an
 * event joined the chain (milliseconds after its commit under normal operation).
 */
export class AuditSequencer1764004500000 implements MigrationInterface {
  name = 'AuditSequencer1764004500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_pending_commit ON audit_event_pending`);
    await q.query(`DROP FUNCTION audit_event_pending_commit()`);
    await q.query(`ALTER TABLE audit_event_pending
      ADD COLUMN pending_no bigint GENERATED ALWAYS AS IDENTITY,
      ADD COLUMN xact xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE UNIQUE INDEX audit_event_pending_no_idx ON audit_event_pending (pending_no)`);
    await q.query(`ALTER TABLE audit_event ADD COLUMN xact xid8`);
    await q.query(HASH_FUNCTION);
    // One sealer at a time: the head's row lock, taken first. A sealer that waited for it starts its
    // next statement on a fresh snapshot (READ COMMITTED), so it never sees rows the previous one moved.
    // The EXISTS probe first keeps an idle seal a read: no lock, no transaction id, no WAL.
    await q.query(`
      CREATE FUNCTION audit_seal(max_events int) RETURNS int LANGUAGE plpgsql AS $$
      DECLARE n int;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM audit_event_pending) THEN RETURN 0; END IF;
        PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
        WITH batch AS (
          DELETE FROM audit_event_pending
           WHERE pending_no IN (SELECT pending_no FROM audit_event_pending ORDER BY pending_no LIMIT max_events)
          RETURNING *
        )
        INSERT INTO audit_event (id, kind, operation, outcome, actor_user_id, actor_org_id, actor_role, entity_type,
                                 entity_id, region_code, summary, client_ip, request_id, xact)
        SELECT id, kind, operation, outcome, actor_user_id, actor_org_id, actor_role, entity_type,
               entity_id, region_code, summary, client_ip, request_id, xact
          FROM batch ORDER BY pending_no;
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT audit_seal(2147483647)`);
    await q.query(`DROP FUNCTION audit_seal(int)`);
    // Events sealed with a transaction id keep it in their hash: the column and the hash stay for them.
    await q.query(`ALTER TABLE audit_event_pending DROP COLUMN pending_no, DROP COLUMN xact`);
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
}
