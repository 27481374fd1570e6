import { Logger } from '@nestjs/common';
import pg from 'pg';

const log = new Logger('ChangeListener');
const MAX_BACKOFF_MS = 5000;

/**
 * One LISTEN connection to the primary (its own small client, not the pool's) that turns a channel's
 * notifications into a generation number: anything cached under an older generation is stale.
 *
 * While it is not listening — before the first connect, after an error or a dropped connection, until
 * the reconnect succeeds — `listening` is false and callers must not serve from their cache: a change
 * committed meanwhile would never be announced. Every (re)connect and every failure bumps the
 * generation too, so nothing cached before the gap survives it. Reconnects back off from 100 ms to 5 s.
 */
export class ChangeListener {
  generation = 0;
  listening = false;
  private client: pg.Client | null = null;
  private stopped = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private lastPolled: string | null = null;

  /**
   * `poll`: a sequence that changes which do not notify advance (stock counters: a NOTIFY would make
   * every checkout's COMMIT wait for the others'), read every `everyMs` on this connection. When it
   * moves the generation moves twice — at once, and once more a period later, because the sequence
   * advances before its transaction commits and an answer computed in between must not survive.
   */
  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly poll?: { sequence: string; everyMs: number },
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  /** A change this process knows about before the notification arrives (its own mutation). */
  bump(): void {
    this.generation++;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.timer) clearTimeout(this.timer);
    this.stopPolling();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      // A silently dead connection would lose notifications until the OS noticed (two hours by default).
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: 'bangfu-listen',
    });
    this.client = client;
    let failed = false;
    const fail = (e?: Error) => {
      if (failed) return;
      failed = true;
      this.listening = false;
      this.stopPolling();
      this.generation++;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.failures++);
      log.warn(`not listening on ${this.channel} (${e?.message ?? 'connection ended'}); retrying in ${delay} ms`);
      this.timer = setTimeout(() => void this.connect(), delay);
      this.timer.unref();
    };
    client.on('error', fail);
    client.on('end', () => fail());
    client.on('notification', () => this.generation++);
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (failed || this.stopped) return;
      this.failures = 0;
      this.generation++;
      this.listening = true;
      if (this.poll) this.startPolling(client, this.poll, fail);
    } catch (e) {
      fail(e as Error);
    }
  }

  private startPolling(client: pg.Client, poll: { sequence: string; everyMs: number }, fail: (e?: Error) => void) {
    this.lastPolled = null;
    let busy = false;
    this.poller = setInterval(() => {
      if (busy) return;
      busy = true;
      client
        .query(`SELECT last_value::text AS v FROM ${poll.sequence}`)
        .then(({ rows }) => {
          const value = rows[0].v as string;
          if (this.lastPolled !== null && value !== this.lastPolled) {
            this.generation++;
            setTimeout(() => this.generation++, poll.everyMs).unref();
          }
          this.lastPolled = value;
        })
        .catch((e: Error) => fail(e))
        .finally(() => (busy = false));
    }, poll.everyMs);
    this.poller.unref();
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }
}
