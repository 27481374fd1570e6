import { describe, expect, it } from 'vitest';
import { regionCodeOf, regionPrefix } from './region-code';

describe('region codes', () => {
  it('shortens a code to its subtree prefix', () => {
    expect(regionPrefix('520000000000')).toBe('52');
    expect(regionPrefix('520600000000')).toBe('5206');
    expect(regionPrefix('520621000000')).toBe('520621');
    expect(regionPrefix('520621101000')).toBe('520621101');
    expect(regionPrefix('520621101201')).toBe('520621101201');
    expect(regionPrefix('5206')).toBe('5206');
  });

  it('expands a level prefix to the region code, and refuses others', () => {
    expect(regionCodeOf('5206')).toBe('520600000000');
    expect(regionCodeOf('520621101')).toBe('520621101000');
    expect(regionCodeOf('52062')).toBeNull();
    expect(regionCodeOf('abc')).toBeNull();
  });
});
