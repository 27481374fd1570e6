import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggers, createAppendOnly } from './shapes';

/**
 * Audit trail (libs/audit). The database itself keeps the chain, so no code path can skip it:
 *  - `audit_event` is append-only (UPDATE, DELETE and TRUNCATE raise), like the ledger;
 *  - a BEFORE INSERT trigger locks the one-row `audit_chain_head`, numbers the event (`seq`), stamps
 *    it, and stores `hash = sha256(prev_hash || canonical content)`, then moves the head: appends are
 *    serialised, so the chain is linear under any concurrency, and the application sends one INSERT.
 *    The lock is held from the append to the commit only: the audit lib appends last in a transaction;
 *  - `audit_event_hash(row)` is the one definition of the content hash, used by the trigger and by
 *    verification (the canonical form is jsonb's text output, which sorts keys, and times in UTC);
 *  - `audit_chain_checkpoint` keeps the published chain head of each verified day (append-only too):
 *    a chain rewritten consistently after a checkpoint still disagrees with the published hash.
 */
export class Audit1764001800000 implements MigrationInterface {
  name = 'Audit1764001800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`);
    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint NOT NULL UNIQUE,
        at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('GRAPHQL','REST')),
        operation text NOT NULL CHECK (length(operation) BETWEEN 1 AND 200),
        outcome text NOT NULL CHECK (length(outcome) BETWEEN 1 AND 100),
        actor_user_id uuid,
        actor_org_id uuid,
        actor_role text,
        entity_type text,
        entity_id text,
        region_code text,
        summary jsonb NOT NULL DEFAULT '{}'::jsonb,
        client_ip text,
        request_id text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_event_at_idx ON audit_event (at)`);
    await q.query(`CREATE INDEX audit_event_region_idx ON audit_event (region_code text_pattern_ops, seq)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, seq)`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_event_operation_idx ON audit_event (operation, seq)`);

    await q.query(`
      CREATE FUNCTION audit_event_hash(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(e.prev_hash || jsonb_build_object(
          'id', e.id, 'seq', e.seq, 'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          'kind', e.kind, 'operation', e.operation, 'outcome', e.outcome,
          'actorUserId', e.actor_user_id, 'actorOrgId', e.actor_org_id, 'actorRole', e.actor_role,
          'entityType', e.entity_type, 'entityId', e.entity_id, 'regionCode', e.region_code,
          'summary', e.summary, 'clientIp', e.client_ip, 'requestId', e.request_id
        )::text, 'UTF8')), 'hex')
      $$`);
    await q.query(`
      CREATE FUNCTION audit_event_append() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head audit_chain_head%ROWTYPE;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
        NEW.seq := head.seq + 1;
        NEW.at := clock_timestamp();
        NEW.prev_hash := head.hash;
        NEW.hash := audit_event_hash(NEW);
        UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append()`,
    );

    await createAppendOnly(q, 'audit_append_only', 'the audit trail is append-only');
    // The head moves only from inside the append trigger (trigger depth > 1), never by hand.
    await q.query(`
      CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'AUDIT_APPEND_ONLY: % on % is not allowed; the chain head moves with each appended event', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_head_guard()`,
    );
    await q.query(
      `CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
    );

    await q.query(`
      CREATE TABLE audit_chain_checkpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        day date NOT NULL,
        verified_at timestamptz NOT NULL DEFAULT now(),
        ok boolean NOT NULL,
        checked_count bigint NOT NULL,
        first_broken_event_id uuid,
        head_seq bigint NOT NULL,
        head_hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_chain_checkpoint_day_idx ON audit_chain_checkpoint (day, verified_at)`);
    await appendOnlyTriggers(q, 'audit_append_only', ['audit_event', 'audit_chain_checkpoint']);
  }

  async down(q: QueryRunner): Promise<void> {
    // The hash function takes the table's row type: it goes first.
    await q.query(`DROP FUNCTION IF EXISTS audit_event_hash(audit_event)`);
    await q.query(`DROP TABLE IF EXISTS audit_chain_checkpoint`);
    await q.query(`DROP TABLE IF EXISTS audit_event`);
    await q.query(`DROP TABLE IF EXISTS audit_chain_head`);
    await q.query(`DROP FUNCTION IF EXISTS audit_event_append()`);
    await q.query(`DROP FUNCTION IF EXISTS audit_append_only()`);
    await q.query(`DROP FUNCTION IF EXISTS audit_head_guard()`);
  }
}
