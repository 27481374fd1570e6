import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { startWithDataSource, type TestServer } from '@bangfu/testing';
import { RegionModule } from './region.module';

// region_directory (migration 1764002900400) is region's read contract for libs that join division
// names into set-based reports (attribution's beneficiaries' villages).
let server: TestServer;
let ds: DataSource;

beforeAll(async () => {
  ({ server, ds } = await startWithDataSource({ imports: [RegionModule] }));
});
afterAll(() => server?.close());

describe('region_directory', () => {
  it('is each division’s code, name, level and parent, and nothing else', async () => {
    const [county] = await ds.query(`SELECT * FROM region_directory WHERE code = '520621000000'`);
    expect(county).toEqual({ code: '520621000000', name: '江口县', level: 3, parent_code: '520600000000' });
    const [all] = await ds.query(
      `SELECT (SELECT count(*) FROM region_directory) = (SELECT count(*) FROM region) AS same`,
    );
    expect(all.same).toBe(true);
  });
});
