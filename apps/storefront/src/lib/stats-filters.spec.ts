import { describe, expect, it } from 'vitest';
import {
  breadcrumb,
  drillTarget,
  filtersHref,
  indicatorsDate,
  monthEnd,
  monthsBetween,
  parseFilters,
  scopeRootFor,
} from './stats-filters';

const TODAY = '2026-12-06';

describe('dashboard filters in the URL', () => {
  it('defaults to the scope root, year to date, by region, origin side', () => {
    expect(parseFilters(new URLSearchParams(''), '5206', TODAY)).toEqual({
      region: '5206',
      from: '2026-01',
      to: '2026-12',
      groupBy: 'REGION',
      side: 'ORIGIN',
    });
  });

  it('keeps valid values and replaces bad ones, so a deep link shows what it says', () => {
    const f = parseFilters(
      new URLSearchParams('region=520621&from=2026-03&to=2026-05&groupBy=MONTH&side=BUYER'),
      '5206',
      TODAY,
    );
    expect(f).toEqual({ region: '520621', from: '2026-03', to: '2026-05', groupBy: 'MONTH', side: 'BUYER' });
    const bad = parseFilters(new URLSearchParams('region=52062&from=2026-13&to=x&groupBy=NOPE&side=left'), '52', TODAY);
    expect(bad).toEqual({ region: '52', from: '2026-01', to: '2026-12', groupBy: 'REGION', side: 'ORIGIN' });
    expect(parseFilters(new URLSearchParams('from=2026-06&to=2026-02'), '52', TODAY).to).toBe('2026-06');
  });

  it('reads a region ending in a level’s zeros as that level, as the server does (520600 is the city 5206)', () => {
    const region = (r: string) => parseFilters(new URLSearchParams(`region=${r}`), '', TODAY).region;
    expect(region('520600')).toBe('5206');
    expect(region('520000')).toBe('52');
    expect(region('520600000000')).toBe('5206');
    expect(region('520621')).toBe('520621');
  });

  it('round-trips through the link', () => {
    const f = parseFilters(
      new URLSearchParams('region=5206&from=2025-11&to=2026-02&groupBy=CHANNEL_KIND&side=ORIGIN'),
      '52',
      TODAY,
    );
    const href = filtersHref('/portal/stats', f);
    expect(href).toBe('/portal/stats?region=5206&from=2025-11&to=2026-02&groupBy=CHANNEL_KIND&side=ORIGIN');
    expect(parseFilters(new URL(href, 'http://x').searchParams, '52', TODAY)).toEqual(f);
  });
});

describe('periods', () => {
  it('knows month ends, leap years included', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });

  it('lists every month of a period across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('asks the indicators as of the period end, never after today', () => {
    expect(indicatorsDate('2026-06', TODAY)).toBe('2026-06-30');
    expect(indicatorsDate('2026-12', TODAY)).toBe(TODAY);
  });
});

describe('region drill-down', () => {
  it('drills into a child region, not into the region itself or "no region"', () => {
    expect(drillTarget('520600000000', '52')).toBe('5206');
    expect(drillTarget('520621000000', '5206')).toBe('520621');
    expect(drillTarget('520600000000', '5206')).toBeNull();
    expect(drillTarget('NONE', '52')).toBeNull();
    expect(drillTarget('610700000000', '52')).toBeNull();
  });

  it('finds the scope root and builds the breadcrumb from it', () => {
    expect(scopeRootFor('520621', ['5206'], false)).toBe('5206');
    expect(scopeRootFor('61', ['5206'], false)).toBeNull();
    expect(scopeRootFor('61', [], true)).toBe('');
    expect(breadcrumb('520621', '52', ['贵州省', '铜仁市', '江口县'])).toEqual([
      { prefix: '52', name: '贵州省' },
      { prefix: '5206', name: '铜仁市' },
      { prefix: '520621', name: '江口县' },
    ]);
    expect(breadcrumb('5206', '5206', ['贵州省', '铜仁市'])).toEqual([{ prefix: '5206', name: '铜仁市' }]);
    expect(breadcrumb('52', '', ['贵州省'])).toEqual([
      { prefix: '', name: null },
      { prefix: '52', name: '贵州省' },
    ]);
  });
});
