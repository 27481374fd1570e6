import { GraphQLError, parse } from 'graphql';
import pino from 'pino';
import { AppErrorFilter } from './error-filter';
import { PinoNestLogger } from './logging';
import { formatError } from './graphql';
import { describe, expect, it } from 'vitest';
import { pricedVariables, queryDepth } from './graphql-limits';
import { decodeCursor, encodeCursor, pageSize, timeIdCursor, toConnection } from './pagination';
import { Principal } from './request-context';
import { OrganizationKind, Role } from './roles';

describe('queryDepth', () => {
  it('counts nested selections and follows fragments without looping', () => {
    expect(queryDepth(parse('{ a }'))).toBe(1);
    expect(queryDepth(parse('{ a { b { c } } d }'))).toBe(3);
    const withFragments = parse('query Q { a { ...F } } fragment F on T { b { ...G } } fragment G on T { c { d } }');
    expect(queryDepth(withFragments, 'Q')).toBe(4);
    const cyclic = parse('{ a { ...F } } fragment F on T { b { ...F } }');
    expect(queryDepth(cyclic)).toBe(2);
    expect(queryDepth(parse('{ __schema { types { fields { type { ofType { ofType { name } } } } } } a { b } }'))).toBe(
      2,
    );
  });
});

describe('pricedVariables', () => {
  it('names only the variables that reach a `first` or a `filter`, in fragments too', () => {
    const checkout = 'mutation($i: PlaceOrderInput!, $k: String!) { placeOrder(input: $i, key: $k) { id } }';
    expect(pricedVariables(parse(checkout))).toEqual([]);
    const lists = parse(`query($n: Int, $f: F, $s: String, $t: String) { a(first: $n) { id } ...G
      c(filter: { search: $s, first: 3 }, q: $t) { id } } fragment G on Q { b(filter: $f) { id } }`);
    expect(pricedVariables(lists)).toEqual(['f', 'n', 's']);
  });
});

describe('pagination helpers', () => {
  it('round-trips cursors and refuses garbage', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01', 'id-1']))).toEqual(['2026-01-01', 'id-1']);
    expect(decodeCursor(null)).toBeNull();
    expect(() => decodeCursor('not-base64-json')).toThrow(/cursor/);
  });

  it('reads a (time, id) cursor only when PostgreSQL would: a real calendar time and a uuid', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(timeIdCursor(['2026-12-06T15:57:00.999Z', id])).toEqual(['2026-12-06T15:57:00.999Z', id]);
    expect(timeIdCursor(['2026-12-06 15:57:00.999762+00', id])).toEqual(['2026-12-06 15:57:00.999762+00', id]);
    // Date.parse accepts "0" (year 2000) and rolls 02-30 over to March; PostgreSQL refuses both (a 500 before).
    for (const at of ['0', '-0', '2026-02-30T00:00:00Z', '2026-99-99', 'NaN', '1e999', '', '2026-01-01T24:00:00Z', 5])
      expect(() => timeIdCursor([at, id])).toThrow(/cursor/);
    expect(() => timeIdCursor(['2026-12-06T15:57:00Z', 'nope'])).toThrow(/cursor/);
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(0)).toThrow(/first/);
    expect(() => pageSize(101)).toThrow(/first/);
  });

  it('builds a connection from limit+1 rows', () => {
    const c = toConnection([{ id: 1 }, { id: 2 }, { id: 3 }], 2, 10, (r) => [r.id], false);
    expect(c.edges.map((e) => e.node.id)).toEqual([1, 2]);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(c.pageInfo.endCursor)).toEqual([2]);
    expect(c.totalCount).toBe(10);
  });
});

describe('Principal', () => {
  it('answers role, organisation and region-scope questions from its memberships', () => {
    const p = new Principal('u1', 'x', [
      {
        organizationId: 'o1',
        organizationKind: OrganizationKind.COORDINATION_OFFICE,
        role: Role.COORDINATOR,
        regionPrefix: '5206',
      },
      { organizationId: 'o2', organizationKind: OrganizationKind.AGENCY, role: Role.PURCHASER, regionPrefix: '4401' },
    ]);
    expect(p.hasRole(Role.COORDINATOR)).toBe(true);
    expect(p.hasRole(Role.PLATFORM_ADMIN)).toBe(false);
    expect(p.organizationIds(Role.PURCHASER)).toEqual(['o2']);
    expect(p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR)).toEqual(['5206']);
    expect(p.roles.sort()).toEqual(['COORDINATOR', 'PURCHASER']);
  });
});

describe('client value errors from PostgreSQL', () => {
  // What node-postgres/TypeORM throw when a malformed id reaches a uuid parameter.
  const pgError = (code: string, message: string) =>
    Object.assign(new Error(message), { name: 'QueryFailedError', code, driverError: { code, message } });

  it('answers a malformed uuid or an out-of-range value as BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', () => {
    const malformed = pgError('22P02', 'invalid input syntax for type uuid: "nope"');
    const gql = formatError(
      { message: 'x', path: ['certification'] },
      new GraphQLError('x', { originalError: malformed }),
    );
    expect(gql.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gql.message).not.toContain('syntax');
    expect(formatError({ message: 'x' }, pgError('22003', 'bigint out of range')).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    // Anything else stays a bug.
    expect(formatError({ message: 'x' }, pgError('42P01', 'relation "x" does not exist')).extensions?.code).toBe(
      'INTERNAL_SERVER_ERROR',
    );
  });

  it('answers them over REST with HTTP 400', () => {
    let status = 0;
    let body: any;
    const res = { headersSent: false, status: (s: number) => ((status = s), res), json: (b: unknown) => (body = b) };
    const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res }) } as any;
    new AppErrorFilter().catch(pgError('22P02', 'invalid input syntax for type uuid: "../x"'), host);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_USER_INPUT');
  });
});

describe('PinoNestLogger', () => {
  it('logs an object message as its fields, not "[object Object]" (the reset code and SMS log lines)', () => {
    const lines: string[] = [];
    const logger = new PinoNestLogger(pino({ base: null }, { write: (line: string) => void lines.push(line) }));
    logger.log({ msg: 'password reset', code: 'abc123', phone: '138****5678' }, 'password-reset');
    logger.log('plain text', 'Demo');
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      context: 'password-reset',
      msg: 'password reset',
      code: 'abc123',
      phone: '138****5678',
    });
    expect(second).toMatchObject({ context: 'Demo', msg: 'plain text' });
  });
});
