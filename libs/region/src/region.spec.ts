import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorCode, startTestServer, type TestServer } from '@bangfu/testing';
import { ancestorCodes, levelOf, normalizePrefix } from '@bangfu/region-data';
import { RegionModule } from './region.module';

describe('division codes', () => {
  it('derives levels, prefixes and ancestors', () => {
    expect(levelOf('520000000000')).toBe(1);
    expect(levelOf('520600000000')).toBe(2);
    expect(levelOf('520621000000')).toBe(3);
    expect(levelOf('520621101000')).toBe(4);
    expect(levelOf('520621101203')).toBe(5);
    expect(levelOf('52062110120')).toBeNull();
    expect(levelOf('000000000000')).toBeNull();
    expect(ancestorCodes('520621101203')).toEqual([
      '520000000000',
      '520600000000',
      '520621000000',
      '520621101000',
      '520621101203',
    ]);
    expect(normalizePrefix('520621000000')).toBe('520621');
    expect(normalizePrefix('5206')).toBe('5206');
    // A short code ending in a level's zeros is that level's region: 520600 is the city 5206 (its subtree
    // is every code starting 5206), not an empty "county 00" — the same answer as 520600000000.
    expect(normalizePrefix('520600')).toBe('5206');
    expect(normalizePrefix('520000')).toBe('52');
    expect(normalizePrefix('520621000')).toBe('520621');
    expect(normalizePrefix('520621101')).toBe('520621101');
    expect(() => normalizePrefix('000000')).toThrow(/division code/);
    expect(() => normalizePrefix('52x')).toThrow(/division code/);
  });
});

describe('regions API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ imports: [RegionModule] });
  });
  afterAll(() => server?.close());

  it('lists provinces, then children of a county, with the ancestor path', async () => {
    const provinces = await server.gqlOk('{ regions { code name level } }');
    expect(provinces.regions.length).toBeGreaterThanOrEqual(31);
    expect(provinces.regions.find((r: { code: string }) => r.code === '520000000000').name).toBe('贵州省');
    const towns = await server.gqlOk('query($p: String) { regions(parentCode: $p) { code name level } }', {
      p: '520621000000',
    });
    expect(towns.regions.map((t: { name: string }) => t.name)).toContain('闵孝镇');
    const r = await server.gqlOk(
      'query($c: String!) { region(code: $c) { name level exPovertyCounty path { name } } }',
      { c: '520621101000' },
    );
    expect(r.region.path.map((p: { name: string }) => p.name)).toEqual(['贵州省', '铜仁市', '江口县', '闵孝镇']);
  });

  it('answers bad codes with INVALID_REGION_CODE and unknown ones with null', async () => {
    expectErrorCode(await server.gql('{ region(code: "12345") { name } }'), 'INVALID_REGION_CODE');
    expectErrorCode(await server.gql('{ regions(parentCode: "abc") { name } }'), 'INVALID_REGION_CODE');
    expect((await server.gqlOk('{ region(code: "990100000000") { name } }')).region).toBeNull();
  });
});
