import { buildSchema, parse } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { describe, expect, it } from 'vitest';
import { LIST_BASE_COST, listSizeEstimator } from './graphql-limits';
import { Principal } from './request-context';
import { OrganizationKind, Role } from './roles';
import { cspSourcesFromEnv } from './security';
import { findInvalidText, isValidText } from './text-input';

describe('invalid text', () => {
  it('refuses NUL, other C0 controls and unpaired surrogates; keeps tabs, new lines, CJK and emoji', () => {
    for (const bad of ['a\u0000', '\u0007', 'x\u001Fy', 'a\uD800b', '\uDC00', 'end\uD83D'])
      expect(isValidText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['', '绿茶\t礼盒\r\n', '🍵 ok', 'del\u007F', 'Ünïcödé'])
      expect(isValidText(good), JSON.stringify(good)).toBe(true);
  });

  it('finds the first bad string anywhere in a value, keys included, with its path', () => {
    expect(findInvalidText({ input: { lines: [{ note: 'ok' }, { note: 'x\u0000' }] } })).toBe('input.lines[1].note');
    expect(findInvalidText({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findInvalidText({ a: 1, b: [true, null, 'fine'] })).toBeNull();
  });
});

describe('query cost', () => {
  const schema = buildSchema(`
    type Item { id: ID! name: String! tags: [String!]! }
    type ItemEdge { node: Item! }
    type ItemConnection { edges: [ItemEdge!]! totalCount: Int! }
    input Filter { search: String first: Int }
    type Query { items(first: Int, search: String): ItemConnection! recent(filter: Filter): [Item!]! item(id: ID!): Item }
  `);
  const cost = (query: string) =>
    getComplexity({
      schema,
      query: parse(query),
      variables: {},
      estimators: [listSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });

  it('multiplies a list by its page size (first, filter.first, or the default of 20)', () => {
    expect(cost('{ items(first: 100) { edges { node { id name } } } }')).toBe(LIST_BASE_COST + 100 * 4);
    expect(cost('{ items(first: 10) { edges { node { id name } } } }')).toBe(LIST_BASE_COST + 10 * 4);
    expect(cost('{ items { totalCount } }')).toBe(LIST_BASE_COST + 20 * 1);
    expect(cost('{ recent(filter: { first: 50 }) { id } }')).toBe(LIST_BASE_COST + 50 * 1);
    expect(cost('{ item(id: "1") { id name } }')).toBe(3);
  });

  it('counts every alias as its own list', () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `s${i}: items(search: "x", first: 1) { totalCount }`).join(
      ' ',
    );
    expect(cost(`{ ${aliases} }`)).toBe(100 * (LIST_BASE_COST + 1));
  });
});

describe('Principal.organizationIds', () => {
  it('never lists the empty organisation of a customer membership', () => {
    const p = new Principal('u', 'n', [
      { organizationId: '', organizationKind: OrganizationKind.PLATFORM, role: Role.CUSTOMER, regionPrefix: null },
      { organizationId: 'org-1', organizationKind: OrganizationKind.AGENCY, role: Role.PURCHASER, regionPrefix: null },
    ]);
    expect(p.organizationIds()).toEqual(['org-1']);
    expect(p.organizationIds(Role.CUSTOMER)).toEqual([]);
  });
});

describe('Content-Security-Policy sources', () => {
  it('adds Stripe only with a publishable key and the S3 public origin when set', () => {
    expect(cspSourcesFromEnv({})).toEqual({ scripts: [], frames: [], connect: [], images: [] });
    const both = cspSourcesFromEnv({
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
      S3_PUBLIC_URL: 'https://cdn.example.cn/bucket/',
    });
    expect(both.scripts).toContain('https://js.stripe.com');
    expect(both.frames).toContain('https://js.stripe.com');
    expect(both.connect).toContain('https://api.stripe.com');
    expect(both.images).toContain('https://cdn.example.cn');
    expect(cspSourcesFromEnv({ STRIPE_SECRET_KEY: 'sk_test_x' }).scripts).toEqual([]);
  });
});
