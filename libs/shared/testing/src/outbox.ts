import type { DataSource } from 'typeorm';

interface OutboxRow {
  id: string;
  type: string;
  version: number;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date | string;
}

/** The outbox events of one aggregate, oldest first, as the relay reads them. */
export function outboxEventsOf(ds: DataSource, aggregateId: string): Promise<OutboxRow[]> {
  return ds.query(
    `SELECT id, type, version, aggregate_id, payload, created_at FROM outbox_event WHERE aggregate_id = $1 ORDER BY created_at, id`,
    [aggregateId],
  );
}

/** An outbox row as the job the relay queues for the domain-events dispatcher (specs hand it over themselves). */
export function outboxJob(e: OutboxRow) {
  return {
    data: {
      id: e.id,
      type: e.type,
      version: e.version,
      aggregateId: e.aggregate_id,
      payload: e.payload,
      createdAt: new Date(e.created_at).toISOString(),
    },
  };
}
