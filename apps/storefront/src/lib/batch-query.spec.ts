import { describe, expect, it } from 'vitest';
import { aliasedQuery, byId, distinct } from './batch-query';

describe('aliasedQuery', () => {
  it('asks for many ids in one document', () => {
    const q = aliasedQuery('Names', 'supplier', ['a', 'b'], '{ id name }');
    expect(q.query).toContain('query Names($n0: ID!, $n1: ID!)');
    expect(q.query).toContain('n0: supplier(id: $n0) { id name }');
    expect(q.query).toContain('n1: supplier(id: $n1) { id name }');
    expect(q.variables).toEqual({ n0: 'a', n1: 'b' });
    expect(aliasedQuery('Lots', 'lots', ['v'], '{ id }', { arg: 'variantId' }).query).toContain(
      'n0: lots(variantId: $n0)',
    );
    expect(aliasedQuery('None', 'x', [], '{ id }').query).toBe('');
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
