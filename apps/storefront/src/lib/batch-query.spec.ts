import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CART_PRODUCTS, SHIPPED_LOTS, SUPPLIER_NAME, SUPPLIER_NAMES } from '../api/ordering';
import { aliasedQuery, type Batch, batch, byId, distinct } from './batch-query';

const schema = buildSchema(readFileSync(new URL('../../../../schema.graphql', import.meta.url), 'utf8'));

describe('aliasedQuery', () => {
  it('asks for many ids in one document', () => {
    const q = aliasedQuery(SUPPLIER_NAMES, ['a', 'b']);
    expect(q.query).toContain('query SupplierNames($n0: ID!, $n1: ID!)');
    expect(q.query).toContain('n0: supplier(id: $n0) { ...SupplierName }');
    expect(q.query).toContain('n1: supplier(id: $n1) { ...SupplierName }');
    expect(q.query).toContain('fragment SupplierName on Supplier');
    expect(q.variables).toEqual({ n0: 'a', n1: 'b' });
    expect(aliasedQuery(SHIPPED_LOTS, ['v']).query).toContain('n0: lots(variantId: $n0)');
    expect(aliasedQuery(SUPPLIER_NAMES, []).query).toBe('');
  });

  it('builds documents the schema accepts, for every batch the app uses', () => {
    for (const b of [CART_PRODUCTS, SUPPLIER_NAMES, SHIPPED_LOTS] as Batch<unknown>[]) {
      expect(validate(schema, parse(aliasedQuery(b, ['1', '2']).query)), b.name).toEqual([]);
    }
    // …and would notice a field the schema lacks.
    const wrong = aliasedQuery(batch('Wrong', 'suppliers', SUPPLIER_NAME), ['1']).query;
    expect(validate(schema, parse(wrong)).length).toBeGreaterThan(0);
  });

  it('maps answers back to ids, never lending a stale record to another id', () => {
    expect(byId(['a', 'b'], ['n0', 'n1'], { n0: { id: 'a' }, n1: null })).toEqual(
      new Map([
        ['a', { id: 'a' }],
        ['b', null],
      ]),
    );
    // An old answer for ['a', 'c'] while ['a', 'b', 'c'] is loading: b is unknown, c is still found.
    const stale = byId(['a', 'b', 'c'], ['n0', 'n1', 'n2'], { n0: { id: 'a' }, n1: { id: 'c' } }, true);
    expect([...stale.keys()]).toEqual(['a', 'c']);
    expect(stale.get('c')).toEqual({ id: 'c' });
    expect(distinct(['b', 'a', 'b'])).toEqual(['a', 'b']);
  });
});
