import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildTable } from './partitioning';

/** Unchanged from the audit migration: the table's row type is recreated, so the function is too. */
const HASH_FUNCTION = `
  CREATE FUNCTION audit_event_hash(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(e.prev_hash || jsonb_build_object(
      'id', e.id, 'seq', e.seq, 'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'kind', e.kind, 'operation', e.operation, 'outcome', e.outcome,
      'actorUserId', e.actor_user_id, 'actorOrgId', e.actor_org_id, 'actorRole', e.actor_role,
      'entityType', e.entity_type, 'entityId', e.entity_id, 'regionCode', e.region_code,
      'summary', e.summary, 'clientIp', e.client_ip, 'requestId', e.request_id
    )::text, 'UTF8')), 'hex')
  $$`;

const append = (stamp: string) => `
  CREATE OR REPLACE FUNCTION audit_event_append() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    head audit_chain_head%ROWTYPE;
    t timestamptz;
  BEGIN
    SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    NEW.seq := head.seq + 1;
    ${stamp}
    NEW.prev_hash := head.hash;
    NEW.hash := audit_event_hash(NEW);
    UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
    RETURN NEW;
  END $$`;

/**
 * Issue 16 item 6: audit_event (~800 m rows a year nationally) is partitioned by Asia/Shanghai month
 * of `at`. Keys become (id, at) and (seq, at): the chain trigger still numbers events one by one
 * under the head's lock, and verification still fails on a duplicate or missing seq (it checks that
 * each event follows seq - 1), so the database-wide uniqueness of seq is kept by the chain itself.
 * Nothing references audit_event by foreign key (checkpoints name events by seq and id, unchecked).
 *
 * A row is routed to its partition before BEFORE triggers run and a trigger cannot move it to another
 * partition, so `at` now defaults to clock_timestamp() (that routes the row) and the trigger stamps
 * the time again after taking the head lock, as before, but never past the end of the month the row
 * was routed to: an append that waited for the lock across midnight at a month's end is stamped
 * 23:59:59.999999 of that month instead of failing. A caller-supplied `at` is refused unless it is
 * within the last hour (the database stamps the time; nobody backdates an event into an old month).
 */
export class AuditEventPartitions1764003500300 implements MigrationInterface {
  name = 'AuditEventPartitions1764003500300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_event_hash(audit_event)`);
    await rebuildTable(q, {
      table: 'audit_event',
      partitionBy: 'at',
      keys: [
        `ALTER TABLE audit_event ADD PRIMARY KEY (id, at)`,
        `ALTER TABLE audit_event ADD CONSTRAINT audit_event_seq_key UNIQUE (seq, at)`,
      ],
    });
    await q.query(HASH_FUNCTION);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN at SET DEFAULT clock_timestamp()`);
    await q.query(
      append(`t := clock_timestamp();
    IF NEW.at IS NULL OR NEW.at > t OR NEW.at < t - interval '1 hour' THEN
      RAISE EXCEPTION 'AUDIT_APPEND_ONLY: the database stamps an event''s time (got %)', NEW.at
        USING ERRCODE = 'restrict_violation';
    END IF;
    NEW.at := least(t, monthly_partition_bound((date_trunc('month', NEW.at AT TIME ZONE 'Asia/Shanghai') + interval '1 month')::date)
                       - interval '1 microsecond');`),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_event_hash(audit_event)`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN at DROP DEFAULT`);
    await rebuildTable(q, {
      table: 'audit_event',
      keys: [`ALTER TABLE audit_event ADD PRIMARY KEY (id)`, `ALTER TABLE audit_event ADD UNIQUE (seq)`],
    });
    await q.query(HASH_FUNCTION);
    await q.query(append(`NEW.at := clock_timestamp();`));
  }
}
