import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { Counter } from 'prom-client';
import { ChangeListener } from './change-listener';
import { APP_CONFIG, type AppConfig } from './config';
import { LruBytes } from './lru-bytes';
import { metricsRegistry } from './metrics';

/** The channel the catalog tables' statement triggers notify (migration 1764004000000). */
export const CATALOG_CHANGED = 'catalog_changed';
/** Advanced (not notified) by stock counter updates: see migration 1764004500100-catalog-stock-changes. */
const STOCK_CHANGES = 'catalog_stock_change';
const STOCK_POLL_MS = 100;

const cacheResults = new Counter({
  name: 'bangfu_response_cache_total',
  help: 'Anonymous catalog queries by cache outcome (hit; coalesced: waited for the same answer being computed; miss; bypass: not listening for changes)',
  labelNames: ['result'],
  registers: [metricsRegistry],
});

interface Entry {
  bytes: number;
  generation: number;
  /** Asia/Shanghai day number: certification validity, linkages and rules in force change at midnight. */
  day: number;
  storedAt: number;
  body: Buffer;
  gzip: Buffer;
  contentType: string;
  etag: string | undefined;
}

interface Flight {
  generation: number;
  day: number;
  waiters: Array<() => void>;
}

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving): its day number without Intl. */
export const shanghaiDay = (now = Date.now()) => Math.floor((now + 8 * 3_600_000) / DAY_MS);

const MUTATION = /\bmutation\b/;
const MAX_QUERY_LENGTH = 8192;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The anonymous catalog response cache. A POST /graphql *query* without an Authorization header whose
 * root fields are all registered public catalog fields (`allowRootFields`, the catalog registers
 * products, product, categories, variantUnits) is answered from memory when the same query text,
 * operation name, variables and extensions were answered before — the serialized body and its gzip
 * are replayed, skipping authentication, parsing, validation, cost analysis, execution, serialization
 * and compression. Sessions are bearer tokens only (no cookies), so no header is a caller with no
 * identity; an answer never depends on anything else of the request.
 *
 * Freshness: an entry is valid only for the generation it was computed in. The catalog tables'
 * statement triggers NOTIFY `catalog_changed` on commit and every API process LISTENs (ChangeListener),
 * so a committed change of price, publication, certification… drops every process's entries; a change of
 * stock counters only advances the sequence `catalog_stock_change` instead (a NOTIFY per checkout would
 * serialise every checkout's COMMIT), which the listener polls every 100 ms with the same effect;
 * this process's own mutations bump the generation before their answer is written, so a client that
 * got its mutation's answer never reads the old page from this process. An answer computed while the
 * generation moved is not stored. Anything that changes with time alone — certification validity,
 * linkages and rules in force (all by Asia/Shanghai date) — is covered by the day in the entry, and
 * CATALOG_CACHE_MAX_AGE_MS (5 s) bounds any staleness nobody announces (a dead listen connection the
 * TCP keepalive has not noticed yet, a reader on a replica that had not replayed the change).
 * Only 200 answers without `errors` are kept; memory is bounded by CATALOG_CACHE_MB (LRU by bytes).
 * Concurrent misses of one key in one generation are coalesced: the first computes, the others wait and
 * replay its answer (or compute their own when it was not kept), so a change on a busy page costs one
 * execution, not one per waiting client.
 */
@Injectable()
export class ResponseCache implements OnApplicationShutdown {
  private readonly roots = new Set<string>();
  private readonly store: LruBytes<Entry>;
  private readonly listener: ChangeListener | null;
  /** Query text → whether it is a cacheable query (bounded; cleared when full). */
  private readonly shapes = new Map<string, boolean>();
  /** Answers being computed now, with the requests waiting for them. */
  private readonly inflight = new Map<string, Flight>();
  private readonly maxAgeMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const bytes = Math.floor(config.CATALOG_CACHE_MB * 1024 * 1024);
    this.store = new LruBytes<Entry>(bytes);
    this.maxAgeMs = config.CATALOG_CACHE_MAX_AGE_MS;
    this.listener =
      bytes > 0 && this.maxAgeMs > 0
        ? new ChangeListener(config.DATABASE_URL, CATALOG_CHANGED, { sequence: STOCK_CHANGES, everyMs: STOCK_POLL_MS })
        : null;
  }

  /** Root query fields whose answers are public and the same for every anonymous caller. */
  allowRootFields(...names: string[]): void {
    for (const n of names) this.roots.add(n);
    this.shapes.clear();
  }

  get enabled(): boolean {
    return this.listener !== null;
  }

  /** For tests and health: entries, bytes held, the bound, and whether changes are being heard. */
  stats() {
    return {
      entries: this.store.size,
      bytes: this.store.bytes,
      maxBytes: this.store.maxBytes,
      listening: this.listener?.listening ?? false,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  /** The middleware for the HTTP pipeline; it starts listening (a worker process never asks, so never listens). */
  middleware(): RequestHandler {
    this.listener?.start();
    return (req, res, next) => this.handle(req, res, next);
  }

  private handle(req: Request, res: Response, next: NextFunction): void {
    const listener = this.listener;
    if (!listener) return next();
    if (READS.has(req.method)) return next();
    const body = req.body as Record<string, unknown> | undefined;
    const query = req.path === '/graphql' && body && typeof body === 'object' ? body.query : undefined;
    if (typeof query !== 'string' || req.headers.authorization !== undefined) {
      // A write (a signed-in caller's mutation, an upload, a counter report, a webhook) may change the
      // catalogue: the generation moves before its answer goes out, so its caller never reads the old page
      // here. Anonymous REST writes count only when they succeed (anyone can POST a 404); anonymous GraphQL
      // mutations (sign-up, sign-in, password reset) never touch the catalogue. Other processes hear of
      // every committed change through NOTIFY either way.
      const anonymous = req.headers.authorization === undefined;
      if (typeof query !== 'string' || MUTATION.test(query)) this.bumpBeforeAnswer(listener, res, anonymous);
      return next();
    }
    const operationName = typeof body!.operationName === 'string' ? body!.operationName : null;
    if (!this.cacheable(query, operationName)) return next();
    if (!listener.listening) {
      cacheResults.inc({ result: 'bypass' });
      return next();
    }
    const key = createHash('sha256')
      .update(`${operationName ?? ''}\0${query}\0${JSON.stringify(body!.variables ?? null)}\0`)
      .update(JSON.stringify(body!.extensions ?? null))
      .digest('base64');
    const now = Date.now();
    const day = shanghaiDay(now);
    const hit = this.store.get(key);
    if (hit && hit.generation === listener.generation && hit.day === day && now - hit.storedAt < this.maxAgeMs) {
      cacheResults.inc({ result: 'hit' });
      this.replay(req, res, hit, 'hit');
      return;
    }
    // The same answer already being computed in this generation: wait for it instead of computing it again
    // (after every change, all clients of a busy page would otherwise miss at once).
    const flight = this.inflight.get(key);
    if (flight && flight.generation === listener.generation && flight.day === day) {
      flight.waiters.push(() => {
        const e = this.store.get(key);
        if (e && e.generation === flight.generation && e.day === day) {
          cacheResults.inc({ result: 'coalesced' });
          this.replay(req, res, e, 'coalesced');
        } else next(); // the leader's answer was not kept (an error, a change meanwhile): compute our own
      });
      return;
    }
    cacheResults.inc({ result: 'miss' });
    const mine: Flight = { generation: listener.generation, day, waiters: [] };
    this.inflight.set(key, mine);
    // Waiters wake when the leader's whole answer has been handed to `end` (kept or not by then), not when
    // its client has read it: a client that stops reading must not hold up the others. 'close' is the
    // fallback for a leader that never answered (its client left).
    let landed = false;
    const land = () => {
      if (landed) return;
      landed = true;
      if (this.inflight.get(key) === mine) this.inflight.delete(key);
      for (const wake of mine.waiters) wake();
    };
    this.fill(res, key, mine.generation, day, now, land);
    res.once('close', land);
    next();
  }

  private replay(req: Request, res: Response, e: Entry, how: 'hit' | 'coalesced'): void {
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    const bytes = gzip ? e.gzip : e.body;
    res.statusCode = 200;
    res.setHeader('content-type', e.contentType);
    if (e.etag) res.setHeader('etag', e.etag);
    res.setHeader('x-cache', how);
    // Already encoded: the compression middleware adds Vary and leaves the body alone.
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.setHeader('content-length', bytes.length);
    res.end(bytes);
  }

  /** Collects the answer Apollo writes and keeps it when it is a clean 200 of an unchanged generation. */
  private fill(res: Response, key: string, generation: number, day: number, startedAt: number, done: () => void): void {
    res.setHeader('x-cache', 'miss');
    const chunks: Buffer[] = [];
    const collect = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Response['write'];
    const keep = () => {
      if (res.statusCode !== 200 || this.listener?.generation !== generation || !this.listener.listening) return;
      const body = Buffer.concat(chunks);
      let parsed: { errors?: unknown; data?: unknown };
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return;
      }
      if (parsed.errors !== undefined || !parsed.data) return;
      const gzip = gzipSync(body);
      this.store.set(key, {
        bytes: body.length + gzip.length + key.length * 2 + 200,
        generation,
        day,
        storedAt: startedAt,
        body,
        gzip,
        contentType: String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        etag: res.getHeader('etag') as string | undefined,
      });
    };
    res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      const out = (end as (...a: unknown[]) => Response).call(this, chunk, ...rest);
      keep();
      done();
      return out;
    } as Response['end'];
  }

  /** Bumps the generation when the answer starts (after the write committed, before the client knows). */
  private bumpBeforeAnswer(listener: ChangeListener, res: Response, onlyOnSuccess: boolean): void {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      const status = typeof args[0] === 'number' ? args[0] : this.statusCode;
      if (!onlyOnSuccess || status < 400) listener.bump();
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
  }

  /** Whether the operation is a query whose root fields are all allowed catalog fields (memoised per text). */
  private cacheable(query: string, operationName: string | null): boolean {
    // A storefront's catalogue query is a few hundred characters; the memo keeps texts, so no giants.
    if (query.length + (operationName?.length ?? 0) > MAX_QUERY_LENGTH) return false;
    const memo = `${operationName ?? ''}\0${query}`;
    let ok = this.shapes.get(memo);
    if (ok === undefined) {
      ok = this.decide(query, operationName);
      if (this.shapes.size >= 1000) this.shapes.clear();
      this.shapes.set(memo, ok);
    }
    return ok;
  }

  private decide(query: string, operationName: string | null): boolean {
    let ops: OperationDefinitionNode[];
    try {
      ops = parse(query, { noLocation: true }).definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
    } catch {
      return false; // Apollo answers the syntax error
    }
    const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : null;
    if (!op || op.operation !== 'query') return false;
    let catalog = false;
    for (const sel of op.selectionSet.selections) {
      // Fragments at the root could hide any field: not worth following for a cache.
      if (sel.kind !== Kind.FIELD) return false;
      if (sel.name.value === '__typename') continue;
      if (!this.roots.has(sel.name.value)) return false;
      catalog = true;
    }
    return catalog;
  }
}

/** Whether Accept-Encoding allows gzip (present, and not `q=0`). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== 'gzip' && name.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}
