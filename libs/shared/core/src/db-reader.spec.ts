// Db.reader's routing: which data source a context's lag-tolerant reads use. The data sources are real
// TypeORM ones that are never connected: routing only picks a manager, it runs no query.
import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Db } from './db';
import { RequestContext } from './request-context';

const source = (db: string) => new DataSource({ type: 'postgres', url: `postgres://127.0.0.1:1/${db}` });

describe('Db.reader', () => {
  const primary = source('primary');
  const replicas = [source('replica0'), source('replica1')];
  const db = new Db(primary, replicas);
  const names = new Map([primary, ...replicas].map((ds, i) => [ds.manager, i === 0 ? 'primary' : `replica${i - 1}`]));
  const nameOf = (ctx: RequestContext) => names.get(db.reader(ctx));

  it('keeps one replica for all reads of a request, and deals requests round-robin', () => {
    const a = RequestContext.anonymous();
    const b = RequestContext.anonymous();
    const first = [nameOf(a), nameOf(a), nameOf(a)];
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toMatch(/^replica/);
    expect(nameOf(b)).not.toBe(first[0]);
    // The guard's context with a principal keeps the request's choice (it keeps the loaders too).
    expect(nameOf(a.withPrincipal(null))).toBe(first[0]);
  });

  it('reads the primary in a transaction and during a mutation, a replica during an audited read', () => {
    const ctx = RequestContext.anonymous();
    expect(nameOf(ctx.withManager(primary.manager))).toBe('primary');
    expect(nameOf(ctx.withAudit({ note: () => undefined }))).toBe('primary');
    expect(nameOf(ctx.withAudit({ note: () => undefined, readOnly: true }))).toMatch(/^replica/);
  });

  it('reads the primary without replicas', () => {
    expect(new Db(primary, []).reader(RequestContext.anonymous())).toBe(primary.manager);
  });
});
