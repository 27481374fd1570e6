import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Db, prepared } from '@bangfu/core';

/** Events one sealing transaction moves into the chain at most (a backlog drains in several). */
const SEAL_BATCH = 2000;
const SEAL = prepared(`SELECT audit_seal($1) AS n`);

/**
 * Moves committed events from `audit_event_pending` into the hash chain (`audit_seal`, migration
 * 1764004500000): one head lock and one WAL flush per batch instead of per audited transaction, so
 * audited transactions never wait for each other.
 *
 * `soon()` runs after every audited operation, without making it wait: calls that arrive while a seal
 * runs are served by one more seal after it (so at most one sealing connection per process, and under
 * load each seal carries many events). `now()` seals before the trail is read, so a reader sees every
 * event committed before it asked. A process that dies between a commit and its seal leaves the event
 * pending, never lost: the next seal anywhere (another operation, a read, the nightly verification, a
 * process start) chains it.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('AuditSealer');
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly db: Db) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sealAll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.running;
  }

  /** Chains what is pending now; resolves when every event committed before the call is in the chain. */
  async now(): Promise<void> {
    await this.sealAll();
  }

  /** Asks for a seal without waiting for it (after an audited operation's commits). */
  soon(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = null));
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.sealAll();
      } catch (e) {
        // Nothing is lost: the events stay pending for the next seal.
        this.log.warn(`audit seal failed, events stay pending: ${(e as Error).message}`);
        return;
      }
    } while (this.again && !this.closed);
  }

  /** On the pool, never in a caller's transaction: the head must not stay locked until that one ends. */
  private async sealAll(): Promise<void> {
    for (;;) {
      const [{ n }] = await this.db.dataSource.query(SEAL, [SEAL_BATCH]);
      if (n < SEAL_BATCH) return;
    }
  }
}
