// Sales statistics benchmark (issue 12, item 10) — not a test. Measures, in one run:
//   1. `salesStats` for a province over a year, for every groupBy, through the real GraphQL API (the
//      API in its own process) as a coordinator scoped to that province: p50 / p99 per grouping;
//   2. the same figures computed by a naive GROUP BY over ordering's tables (order lines joined to their
//      orders, channels, suppliers, products and refunds): time per grouping, and a check that the totals
//      are identical;
//   3. what keeping the rollups costs per counted line: the counting transaction (`confirmDelivery`,
//      which makes a paid retail order count) timed for N orders with the statistics consumer, and
//      without it (switched off in this throwaway process), interleaved.
//
//   node bench/stats.mjs [--lines 10000000] [--calls 40] [--naive-calls 3] [--count-orders 400] [--explain]
//                        [--keep | --reuse DIR] [--upkeep-only]
//
// --keep leaves the temporary folder (PostgreSQL's files and world.json) in place and prints it; --reuse DIR
// measures again on such a folder without generating (a 10M load takes most of an hour; what the bench
// measures then — upkeep, salesStats, the naive query — runs on the database as the earlier run left it,
// including the orders its counting step added). --upkeep-only stops after the counting transaction's measurement.
//
// The counted lines are generated in bulk with SQL, straight into ordering's tables (for the naive
// query) and into the statistics tables exactly as RollupWriterService would have written them
// (stats_line, stats_refund; stats_cube, stats_buyer and stats_buyer_month by
// the lib's rebuild statements, the `stats:reconcile --rebuild` path), with the loaded tables' indexes and
// foreign keys dropped during the load and put back after it. Lines count over 24 months
// (2025-01 … 2026-12), origins spread over every county of the demo products' provinces, 40 % agency
// orders (300 units in 60 cities), 60 % retail (20,000 customers; 1 in 6 at a counter, anonymous),
// 2 % of retail lines refunded three days after they counted.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pgLib from 'pg';
import { freePort } from '../scripts/lib/services.mjs';
import { arg, bundleServices, gql, log, root, spawnApi, startBench } from './lib/setup.mjs';

const LINES = Number(arg('lines', 10_000_000));
const CALLS = Number(arg('calls', 40));
const NAIVE_CALLS = Number(arg('naive-calls', 3));
const COUNT_ORDERS = Number(arg('count-orders', 400));
const EXPLAIN = process.argv.includes('--explain');
const KEEP = process.argv.includes('--keep');
const REUSE = arg('reuse', undefined);
const UPKEEP_ONLY = process.argv.includes('--upkeep-only');
const PROVINCE = '52';
const FROM = '2026-01';
const TO = '2026-12';
const GROUPINGS = ['REGION', 'CHANNEL_KIND', 'CHANNEL', 'SUPPLIER_KIND', 'SUPPLIER', 'CATEGORY', 'MONTH', 'BUYER_KIND'];

const bundle = join(root, 'tmp', `bench-stats-api-${process.pid}`);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (x) => +x.toFixed(1);

/** The services the bench calls in this process. */
async function reach(app) {
  const { byName } = await bundleServices(app, bundle);
  return {
    fulfilment: byName('FulfilmentService'),
    auth: byName('AuthService'),
    statsConsumer: byName('StatisticsEventConsumer'),
    writer: byName('RollupWriterService'),
  };
}

/** The active variants with what the generated lines copy from them (a temporary table, `bv`). */
async function variantsTable(sql) {
  await sql(`CREATE TEMP TABLE bv AS
    SELECT (row_number() OVER (ORDER BY v.sku) - 1)::int AS vidx, v.id, v.product_id, p.supplier_id, sp.kind AS supplier_kind, coalesce(p.category_id::text, '') AS category_key,
           v.sku, v.spec, v.unit, v.retail_price, v.agency_price, p.title, left(p.origin_region_code, 2) AS province,
           coalesce((SELECT status FROM certification c WHERE c.product_id = p.id ORDER BY created_at DESC LIMIT 1), 'NONE') AS cert
      FROM variant v JOIN product p ON p.id = v.product_id JOIN supplier_profile sp ON sp.organization_id = p.supplier_id WHERE v.active`);
}

/** Counted lines, generated in bulk (not measured). */
async function generate(sql, lines) {
  // Bulk-load settings for this session: local buffers big enough for the generated temporary tables (set
  // before the session's first temporary table), sorts and hashes in memory, index builds with room, no
  // commit flush. A throwaway cluster: no full-page images in the WAL and a WAL big enough not to
  // checkpoint every few seconds (the measurements run after the load, on the same settings).
  for (const s of [
    `SET temp_buffers = '3GB'`,
    `SET work_mem = '512MB'`,
    `SET maintenance_work_mem = '2GB'`,
    `SET synchronous_commit = off`,
  ])
    await sql(s);
  for (const s of [`max_wal_size = '16GB'`, `full_page_writes = off`, `checkpoint_timeout = '1h'`])
    await sql(`ALTER SYSTEM SET ${s}`);
  await sql(`SELECT pg_reload_conf()`);
  let tStep = performance.now();
  const step = (label) => {
    log(`  ${label}: ${((performance.now() - tStep) / 1000).toFixed(0)} s`);
    tStep = performance.now();
  };
  const h = (expr, salt) => `abs(hashint8extended((${expr})::bigint, ${salt}))`;
  await variantsTable(sql);
  const [{ nv }] = await sql(`SELECT count(*)::int AS nv FROM bv`);
  // Origins: every county of the product's province (level 3 is loaded for the whole country).
  await sql(`CREATE TEMP TABLE bcounty AS SELECT left(code, 2) AS province, (row_number() OVER (PARTITION BY left(code, 2) ORDER BY code) - 1)::int AS i, code
               FROM region WHERE level = 3 AND left(code, 2) IN (SELECT province FROM bv)`);
  await sql(`CREATE TEMP TABLE bcounty_n AS SELECT province, count(*)::int AS n FROM bcounty GROUP BY 1`);
  // Buyers: 300 agency units in 60 cities, 20,000 retail customers (password hashes copied from the demo's).
  await sql(
    `CREATE TEMP TABLE bcity AS SELECT (row_number() OVER (ORDER BY code) - 1)::int AS i, code FROM (SELECT code FROM region WHERE level = 2 ORDER BY code LIMIT 60) c`,
  );
  await sql(
    `CREATE TEMP TABLE bagency AS SELECT g AS i, gen_random_uuid() AS id, (SELECT code FROM bcity WHERE i = g % 60) AS region_code FROM generate_series(0, 299) g`,
  );
  await sql(
    `INSERT INTO organization (id, kind, name, region_code) SELECT id, 'AGENCY', '压测单位' || i, region_code FROM bagency`,
  );
  await sql(`CREATE TEMP TABLE bcustomer AS SELECT g AS i, gen_random_uuid() AS id FROM generate_series(0, 19999) g`);
  await sql(`INSERT INTO app_user (id, email, display_name, password_hash, status)
    SELECT id, 'bench-' || i || '@bench.invalid', '压测顾客' || i, (SELECT password_hash FROM app_user WHERE email = 'customer@demo.bangfu'), 'DISABLED' FROM bcustomer`);
  const [ch] = await sql(`SELECT
      (SELECT id FROM channel WHERE kind = 'HALL' AND online ORDER BY created_at LIMIT 1) AS hall,
      (SELECT id FROM channel WHERE kind = 'ZONE' ORDER BY created_at LIMIT 1) AS zone,
      (SELECT id FROM channel WHERE kind = 'COUNTER' ORDER BY created_at LIMIT 1) AS counter,
      (SELECT id FROM app_user WHERE email = 'purchaser@demo.bangfu') AS purchaser,
      (SELECT id FROM app_user WHERE email = 'customer@demo.bangfu') AS walkin`);

  const maxOrders = Math.ceil((lines / 3) * 1.2) + 10;
  const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
  const steps = Array.from({ length: nv - 1 }, (_, i) => i + 1).filter((x) => gcd(x, nv) === 1);
  // kind: 0–3 agency (40 %), 4–8 retail online / zone, 9 counter. Counted evenly over 2025-01-01 … 2026-12-31.
  // One statement (no rewrite of the table per column): the orders, their counting moment, channel and buyer.
  const uuid = (x) => `'${x}'::uuid`;
  await sql(`CREATE TEMP TABLE bo AS
    WITH o AS (SELECT seq, 1 + ${h('seq', 2)} % 5 AS n, ${h('seq', 1)} % 10 AS kind FROM generate_series(1, ${maxOrders}) seq),
         c AS (SELECT *, sum(n) OVER (ORDER BY seq) AS cum FROM o),
         f AS (SELECT seq, kind, least(n, ${lines} - (cum - n))::int AS n, count(*) OVER () AS m FROM c WHERE cum - n < ${lines})
    SELECT f.seq, gen_random_uuid() AS id, f.kind, f.n,
           ${h('f.seq', 3)} % ${nv} AS base, (ARRAY[${steps.join(',')}])[1 + ${h('f.seq', 4)} % ${steps.length}] AS step,
           timestamptz '2025-01-01 08:00:00+08' + (f.seq::float8 / f.m) * interval '730 days' AS counted_at,
           CASE WHEN f.kind < 4 THEN ${uuid(ch.hall)} WHEN f.kind = 9 THEN ${uuid(ch.counter)} WHEN f.kind % 2 = 0 THEN ${uuid(ch.hall)} ELSE ${uuid(ch.zone)} END AS channel_id,
           CASE WHEN f.kind < 4 THEN 'HALL' WHEN f.kind = 9 THEN 'COUNTER' WHEN f.kind % 2 = 0 THEN 'HALL' ELSE 'ZONE' END AS channel_kind,
           CASE WHEN f.kind < 4 THEN 'AGENCY' WHEN f.kind = 9 THEN 'COUNTER' ELSE 'RETAIL' END AS buyer_kind,
           CASE WHEN f.kind < 4 THEN ${uuid(ch.purchaser)} WHEN f.kind = 9 THEN ${uuid(ch.walkin)} ELSE cu.id END AS buyer_user,
           a.id AS buyer_org, CASE WHEN f.kind < 4 THEN a.region_code ELSE '' END AS buyer_region
      FROM f LEFT JOIN bagency a ON f.kind < 4 AND a.i = ${h('f.seq', 9)} % 300
      LEFT JOIN bcustomer cu ON f.kind BETWEEN 4 AND 8 AND cu.i = ${h('f.seq', 10)} % 20000`);
  await sql(`ALTER TABLE bo ADD PRIMARY KEY (seq)`);
  await sql(`CREATE TEMP TABLE bl AS
    SELECT o.seq, j, gen_random_uuid() AS id, o.id AS order_id, o.kind, v.vidx, v.id AS variant_id, v.product_id, v.supplier_id, v.supplier_kind, v.category_key,
           v.sku, v.spec, v.unit, v.title, v.cert, cty.code AS origin_code,
           CASE WHEN o.kind < 4 THEN 2 + ${h('o.seq * 8 + j', 6)} % 30 ELSE 1 + ${h('o.seq * 8 + j', 6)} % 3 END AS qty,
           CASE WHEN o.kind < 4 THEN v.agency_price ELSE v.retail_price END AS price,
           o.kind BETWEEN 4 AND 8 AND ${h('o.seq * 8 + j', 7)} % 50 = 0 AS refunded
      FROM bo o CROSS JOIN generate_series(0, 4) j JOIN bv v ON v.vidx = (o.base + j * o.step) % ${nv}
      JOIN bcounty_n cn ON cn.province = v.province
      JOIN bcounty cty ON cty.province = v.province AND cty.i = ${h('o.seq * 8 + j', 8)} % cn.n
     WHERE j < o.n`);
  await sql(
    `CREATE TEMP TABLE bso AS SELECT order_id, supplier_id, gen_random_uuid() AS id, sum(qty * price) AS subtotal FROM bl GROUP BY order_id, supplier_id`,
  );

  step('generated lines (temporary tables)');
  // Indexes and foreign keys of the loaded tables go before the load and come back after it (built once by
  // a sort, not row by row); foreign keys come back NOT VALID (rows consistent by construction; new rows —
  // the counting measurement — are checked as usual).
  const restore = await dropIndexes(sql, LOADED_TABLES);
  step(`dropped ${restore.length} indexes / constraints of the loaded tables`);
  // Ordering's rows (what the naive query reads).
  await sql(`INSERT INTO orders (id, buyer_kind, buyer_user_id, buyer_org_id, channel_id, status, total_amount, paid_amount, refunded_amount,
                                 idempotency_key, request_hash, paid_at, delivered_at, accepted_at, created_at, updated_at)
    SELECT o.id, CASE WHEN o.kind < 4 THEN 'AGENCY' ELSE 'CUSTOMER' END, o.buyer_user, o.buyer_org, o.channel_id,
           CASE WHEN o.kind < 4 THEN 'ACCEPTED' WHEN t.refunded > 0 THEN 'PARTIALLY_REFUNDED' ELSE 'DELIVERED' END,
           t.total, t.total, t.refunded, 'bench-' || o.seq, 'bench', o.counted_at - interval '2 days',
           CASE WHEN o.kind < 4 THEN o.counted_at - interval '1 day' ELSE o.counted_at END, CASE WHEN o.kind < 4 THEN o.counted_at END,
           o.counted_at - interval '3 days', o.counted_at
      FROM bo o JOIN (SELECT order_id, sum(qty * price) AS total, coalesce(sum(qty * price) FILTER (WHERE refunded), 0) AS refunded FROM bl GROUP BY 1) t ON t.order_id = o.id`);
  await sql(`INSERT INTO supplier_order (id, order_id, supplier_id, status, subtotal, carrier, tracking_no, shipped_at, delivered_at, created_at, updated_at)
    SELECT so.id, so.order_id, so.supplier_id, 'DELIVERED', so.subtotal, 'SF', 'SF' || o.seq, o.counted_at - interval '2 days', o.counted_at, o.counted_at - interval '3 days', o.counted_at
      FROM bso so JOIN bo o ON o.id = so.order_id`);
  await sql(`INSERT INTO order_line (id, order_id, supplier_order_id, supplier_id, channel_id, variant_id, product_id, product_title, sku, spec, unit, price_kind,
                                     unit_price, quantity, line_total, refunded_amount, certified, certification_status, origin_region_code, created_at)
    SELECT l.id, l.order_id, so.id, l.supplier_id, o.channel_id, l.variant_id, l.product_id, l.title, l.sku, l.spec, l.unit, CASE WHEN l.kind < 4 THEN 'AGENCY' ELSE 'RETAIL' END,
           l.price, l.qty, l.qty * l.price, CASE WHEN l.refunded THEN l.qty * l.price ELSE 0 END, l.cert = 'CERTIFIED', l.cert, l.origin_code, o.counted_at - interval '3 days'
      FROM bl l JOIN bso so ON so.order_id = l.order_id AND so.supplier_id = l.supplier_id JOIN bo o ON o.id = l.order_id`);
  await sql(`INSERT INTO order_history (order_id, from_status, to_status, actor_kind, created_at)
    SELECT id, 'DELIVERED', CASE WHEN kind < 4 THEN 'ACCEPTED' ELSE 'DELIVERED' END, 'SYSTEM', counted_at FROM bo`);
  await sql(`INSERT INTO order_refund (order_id, refund_id, amount, lines, created_at)
    SELECT l.order_id, 'bench-refund-' || l.id, l.qty * l.price, jsonb_build_array(jsonb_build_object('lineId', l.id, 'amount', l.qty * l.price)), o.counted_at + interval '3 days'
      FROM bl l JOIN bo o ON o.id = l.order_id WHERE l.refunded`);

  step(`ordering's rows (orders, supplier orders, order lines, history, refunds)`);
  // The statistics tables, as the writer leaves them.
  await sql(`INSERT INTO stats_line (order_line_id, order_id, counted_at, day, origin_code, buyer_region_code, channel_id, channel_kind, supplier_id, supplier_kind,
                                     category_key, buyer_kind, buyer_key, certified, quantity, line_total, refunded_amount)
    SELECT l.id, l.order_id, o.counted_at, (o.counted_at AT TIME ZONE 'Asia/Shanghai')::date, l.origin_code, o.buyer_region, o.channel_id, o.channel_kind, l.supplier_id, l.supplier_kind,
           l.category_key, o.buyer_kind, CASE o.buyer_kind WHEN 'AGENCY' THEN o.buyer_org::text WHEN 'RETAIL' THEN o.buyer_user::text END, l.cert = 'CERTIFIED',
           l.qty, l.qty * l.price, CASE WHEN l.refunded THEN l.qty * l.price ELSE 0 END
      FROM bl l JOIN bo o ON o.id = l.order_id`);
  await sql(`INSERT INTO stats_refund (order_line_id, refund_id, order_id, day, amount, before_count)
    SELECT l.id, 'bench-refund-' || l.id, l.order_id, ((o.counted_at + interval '3 days') AT TIME ZONE 'Asia/Shanghai')::date, l.qty * l.price, false
      FROM bl l JOIN bo o ON o.id = l.order_id WHERE l.refunded`);
  step('stats_line / stats_refund');
  // The rebuild reads stats_line / stats_refund by scans and writes stats_cube / stats_buyer /
  // stats_buyer_month without lookups (it drops and adds back stats_buyer_month's key itself).
  await sql(`ANALYZE stats_line, stats_refund`);
  // stats_cube / stats_buyer by the lib's own rebuild statements (libs/statistics/src/rebuild.ts), in bulk.
  await sql('BEGIN');
  for (const stmt of rebuildStatements()) {
    await sql(stmt);
    step(`    ${stmt.replace(/\s+/g, ' ').slice(0, 70)}…`);
  }
  await sql('COMMIT');
  step('stats_cube / stats_buyer rebuilt');
  const [counts] =
    await sql(`SELECT (SELECT count(*)::int FROM bo) AS orders, (SELECT count(*)::int FROM stats_line) AS lines,
      (SELECT count(*)::int FROM stats_refund) AS refunds,
      (SELECT count(*)::int FROM stats_cube WHERE gran = 'M') AS cube_month_cells, (SELECT count(*)::int FROM stats_cube WHERE gran = 'D') AS cube_day_cells,
      (SELECT count(*)::int FROM stats_buyer) AS buyer_rows`);
  for (const stmt of restore) await sql(stmt);
  step('indexes and constraints back');
  for (const s of ['RESET synchronous_commit', 'RESET work_mem', 'RESET maintenance_work_mem']) await sql(s);
  // The rollups are read by index-only scans (visibility map): vacuum them; statistics for everything.
  await sql(`VACUUM ANALYZE stats_cube, stats_buyer, stats_buyer_month, stats_buyer_no`);
  await sql(`ANALYZE`);
  step('counted, vacuumed, analysed');
  return counts;
}

/** The tables the bench fills in bulk (ordering's and the statistics facts and rollups). */
const LOADED_TABLES = [
  'orders',
  'supplier_order',
  'order_line',
  'order_history',
  'order_refund',
  'stats_line',
  'stats_refund',
  'stats_cube',
  'stats_buyer',
];

/**
 * Drops the indexes, primary / unique keys and foreign keys (from or to them) of `tables`; returns the
 * statements that put them back (indexes and keys first, then the foreign keys, NOT VALID).
 */
async function dropIndexes(sql, tables) {
  const fks = await sql(
    `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype = 'f' AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))`,
    [tables],
  );
  const keys = await sql(
    `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def, conindid FROM pg_constraint
      WHERE contype IN ('p', 'u', 'x') AND conrelid::regclass::text = ANY($1)`,
    [tables],
  );
  const idx = await sql(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1) AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
    [tables],
  );
  for (const f of fks) await sql(`ALTER TABLE ${f.t} DROP CONSTRAINT ${JSON.stringify(f.conname)}`);
  for (const k of keys) await sql(`ALTER TABLE ${k.t} DROP CONSTRAINT ${JSON.stringify(k.conname)}`);
  for (const i of idx) await sql(`DROP INDEX ${i.name}`);
  return [
    ...idx.map((i) => i.def),
    ...keys.map((k) => `ALTER TABLE ${k.t} ADD CONSTRAINT ${JSON.stringify(k.conname)} ${k.def}`),
    ...fks.map((f) => `ALTER TABLE ${f.t} ADD CONSTRAINT ${JSON.stringify(f.conname)} ${f.def} NOT VALID`),
  ];
}

/** The rebuild statements, read from the lib's source (the one definition the migration copied). */
function rebuildStatements() {
  const src = readFileSync(join(root, 'libs/statistics/src/rebuild.ts'), 'utf8');
  const body = src.slice(src.indexOf('export const STATS_REBUILD_STATEMENTS = ['), src.indexOf('];'));
  return [...body.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
}

/** The naive answer: one GROUP BY over order lines (and refunds over theirs), the counting moment from orders. */
function naiveSql(groupBy) {
  const key = {
    REGION: `rpad(left(l.origin_region_code, 4), 12, '0')`,
    CHANNEL_KIND: 'c.kind',
    CHANNEL: 'c.id::text',
    SUPPLIER_KIND: 'sp.kind',
    SUPPLIER: 'l.supplier_id::text',
    CATEGORY: `coalesce(p.category_id::text, 'NONE')`,
    MONTH: `to_char(x.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
    BUYER_KIND: `CASE WHEN o.buyer_kind = 'AGENCY' THEN 'AGENCY' WHEN c.kind = 'COUNTER' THEN 'COUNTER' ELSE 'RETAIL' END`,
  }[groupBy];
  const buyer = `CASE WHEN o.buyer_kind = 'AGENCY' THEN o.buyer_org_id::text WHEN c.kind <> 'COUNTER' THEN o.buyer_user_id::text END`;
  const range = `x.at >= timestamptz '${FROM}-01 00:00:00+08' AND x.at < timestamptz '2027-01-01 00:00:00+08'`;
  const joins = `JOIN channel c ON c.id = o.channel_id JOIN supplier_profile sp ON sp.organization_id = l.supplier_id JOIN product p ON p.id = l.product_id`;
  const counted = `CASE WHEN o.buyer_kind = 'AGENCY' THEN o.accepted_at ELSE greatest(o.paid_at, o.delivered_at) END`;
  return `WITH sold AS (
      SELECT ${key} AS k, l.line_total AS gross, 0::bigint AS refund, CASE WHEN l.certified THEN l.line_total ELSE 0 END AS cert, l.quantity AS units, o.id AS order_id, ${buyer} AS buyer
        FROM order_line l JOIN orders o ON o.id = l.order_id ${joins} CROSS JOIN LATERAL (SELECT ${counted} AS at) x
       WHERE l.origin_region_code LIKE '${PROVINCE}%' AND ${range}),
    refunded AS (
      SELECT ${key} AS k, 0::bigint AS gross, (e->>'amount')::bigint AS refund, CASE WHEN l.certified THEN -(e->>'amount')::bigint ELSE 0 END AS cert, 0 AS units, NULL::uuid AS order_id, NULL AS buyer
        FROM order_refund r CROSS JOIN jsonb_array_elements(r.lines) e JOIN order_line l ON l.id = (e->>'lineId')::uuid JOIN orders o ON o.id = l.order_id ${joins}
        CROSS JOIN LATERAL (SELECT r.created_at AS at) x
       WHERE l.origin_region_code LIKE '${PROVINCE}%' AND ${range})
    SELECT k, GROUPING(k) = 1 AS total, sum(gross) AS gross, sum(refund) AS refund, sum(cert) AS certified_net, sum(units) AS units,
           count(DISTINCT order_id) AS orders, count(DISTINCT buyer) AS buyers
      FROM (SELECT * FROM sold UNION ALL SELECT * FROM refunded) s GROUP BY GROUPING SETS ((k), ())`;
}

const STATS = `query($r: String!, $f: String!, $t: String!, $g: SalesGroupBy!) { salesStats(regionCode: $r, from: $f, to: $t, groupBy: $g) {
  total { grossAmount refundAmount netAmount certifiedNetAmount unitCount orderCount buyerCount householdsDriven } rows { key figures { grossAmount refundAmount netAmount certifiedNetAmount unitCount orderCount buyerCount } } } }`;

/** The naive row's figures in the API's shape (money, units, distinct orders and buyers). */
const naiveFigures = (r) => ({
  grossAmount: Number(r.gross),
  refundAmount: Number(r.refund),
  netAmount: Number(r.gross) - Number(r.refund),
  certifiedNetAmount: Number(r.certified_net),
  unitCount: Number(r.units),
  orderCount: Number(r.orders),
  buyerCount: Number(r.buyers),
});
const pick = (f) => Object.fromEntries(Object.keys(naiveFigures({})).map((k) => [k, f[k]]));

/** Every figure of the total and of every row, the API's against the naive query's; the differences. */
function compare(sample, naive) {
  const diffs = [];
  const check = (what, api, nv) => {
    if (JSON.stringify(pick(api ?? {})) !== JSON.stringify(nv)) diffs.push({ what, api: api && pick(api), naive: nv });
  };
  check('total', sample.total, naiveFigures(naive.find((r) => r.total)));
  const apiRows = new Map(sample.rows.map((r) => [r.key, r.figures]));
  const naiveRows = naive.filter((r) => !r.total);
  for (const r of naiveRows) check(`row ${r.k}`, apiRows.get(r.k), naiveFigures(r));
  for (const k of apiRows.keys())
    if (!naiveRows.some((r) => r.k === k)) diffs.push({ what: `row ${k}`, api: pick(apiRows.get(k)), naive: null });
  return diffs;
}

/** `confirmDelivery` (the retail counting transaction) over paid, shipped orders made for it, with and without the statistics consumer. */
async function countingCost(sql, appCtx, RequestContext, n) {
  const [w] = await sql(`SELECT (SELECT id FROM app_user WHERE email = 'customer@demo.bangfu') AS customer,
      (SELECT id FROM channel WHERE kind = 'HALL' AND online ORDER BY created_at LIMIT 1) AS hall`);
  // n orders of 3 lines (3 suppliers' variants), paid and shipped, not yet delivered.
  await sql(
    `CREATE TEMP TABLE bc AS SELECT g, gen_random_uuid() AS id, gen_random_uuid() AS so FROM generate_series(1, ${n}) g`,
  );
  await sql(
    `CREATE TEMP TABLE bcl AS SELECT c.g, c.id AS order_id, c.so, v.* FROM bc c CROSS JOIN LATERAL (SELECT * FROM bv WHERE supplier_id = (SELECT supplier_id FROM bv ORDER BY vidx LIMIT 1) ORDER BY vidx LIMIT 3) v`,
  );
  await sql(
    `INSERT INTO orders (id, buyer_kind, buyer_user_id, channel_id, status, total_amount, paid_amount, idempotency_key, request_hash, paid_at, created_at)
    SELECT c.id, 'CUSTOMER', $1::uuid, $2::uuid, 'FULFILLING', t.total, t.total, 'bench-count-${process.pid}-' || c.g, 'bench', now(), now()
      FROM bc c JOIN (SELECT order_id, sum(retail_price) AS total FROM bcl GROUP BY 1) t ON t.order_id = c.id`,
    [w.customer, w.hall],
  );
  await sql(`INSERT INTO supplier_order (id, order_id, supplier_id, status, subtotal, carrier, tracking_no, shipped_at, created_at)
    SELECT c.so, c.id, (SELECT supplier_id FROM bcl WHERE order_id = c.id LIMIT 1), 'SHIPPED', (SELECT sum(retail_price) FROM bcl WHERE order_id = c.id), 'SF', 'SF-count-${process.pid}-' || c.g, now(), now() FROM bc c`);
  await sql(
    `INSERT INTO order_line (order_id, supplier_order_id, supplier_id, channel_id, variant_id, product_id, product_title, sku, spec, unit, price_kind,
                                     unit_price, quantity, line_total, certified, certification_status, origin_region_code)
    SELECT l.order_id, l.so, l.supplier_id, $1::uuid, l.id, l.product_id, l.title, l.sku, l.spec, l.unit, 'RETAIL', l.retail_price, 1, l.retail_price, l.cert = 'CERTIFIED', l.cert,
           (SELECT origin_region_code FROM product WHERE id = l.product_id)
      FROM bcl l`,
    [w.hall],
  );
  await sql('ANALYZE orders, supplier_order, order_line');
  const sos = (await sql(`SELECT so FROM bc ORDER BY g`)).map((r) => r.so);
  const buyer = await appCtx.auth.load(w.customer);
  const consumer = appCtx.statsConsumer;
  // Switched off by making its in-transaction handler a no-op (the outbox calls it for every event it subscribes to).
  const inTransaction = consumer.handleInTransaction;
  const off = async () => undefined;
  const timings = { with: [], without: [] };
  // Inside the "with" transactions, the statistics writer's own time, split into its parts (wall clock of the
  // awaited calls: the counting facts from ordering, the owners' dimensions, and the one write statement).
  const parts = { syncOrder: 0, factsLoad: 0, dimsResolve: 0, write: 0, calls: 0 };
  const timed = (fn, key) =>
    async function (...a) {
      const t0 = performance.now();
      try {
        return await fn.apply(this, a);
      } finally {
        parts[key] += performance.now() - t0;
      }
    };
  const writer = appCtx.writer;
  const facts = Object.create(writer.facts);
  facts.load = timed(writer.facts.load.bind(writer.facts), 'factsLoad');
  const dims = Object.create(writer.dims);
  dims.resolve = timed(writer.dims.resolve.bind(writer.dims), 'dimsResolve');
  Object.assign(writer, {
    facts,
    dims,
    write: timed(writer.write, 'write'),
    syncOrder: timed(writer.syncOrder, 'syncOrder'),
  });
  const countCalls = writer.syncOrder;
  writer.syncOrder = function (...a) {
    parts.calls++;
    return countCalls.apply(this, a);
  };
  // Interleaved slices of 20 (with, without, …) so a change of load on the shared machine hits both alike.
  // The WAL each counting transaction writes (this database has no other writer while it runs): what its commit flushes.
  const walBytes = { with: 0, without: 0 };
  const lsn = async () => (await sql(`SELECT pg_current_wal_insert_lsn() AS l`))[0].l;
  for (let i = 0; i < sos.length; i++) {
    const withStats = Math.floor(i / 20) % 2 === 0;
    consumer.handleInTransaction = withStats ? inTransaction : off;
    const before = await lsn();
    const t0 = performance.now();
    await appCtx.fulfilment.confirmDelivery(new RequestContext(`bench-count-${i}`, buyer), sos[i]);
    (withStats ? timings.with : timings.without).push(performance.now() - t0);
    const [{ b }] = await sql(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1)::bigint AS b`, [before]);
    walBytes[withStats ? 'with' : 'without'] += Number(b);
  }
  consumer.handleInTransaction = inTransaction;
  const [{ counted }] = await sql(`SELECT count(*)::int AS counted FROM stats_line s JOIN bc c ON c.id = s.order_id`);
  const stat = (a) => {
    const s = [...a].sort((x, y) => x - y);
    return { orders: s.length, meanMs: ms(s.reduce((x, y) => x + y, 0) / s.length), p50Ms: ms(pct(s, 50)) };
  };
  const withS = stat(timings.with);
  const withoutS = stat(timings.without);
  const extra = withS.meanMs - withoutS.meanMs;
  const per = (x) => ms(x / withS.orders);
  const inside = {
    syncOrderCallsPerOrder: +(parts.calls / withS.orders).toFixed(2),
    syncOrderMs: per(parts.syncOrder),
    factsLoadMs: per(parts.factsLoad),
    dimsResolveMs: per(parts.dimsResolve),
    writeMs: per(parts.write),
    statisticsShare: `${((100 * parts.syncOrder) / withS.orders / withS.meanMs).toFixed(1)} %`,
    writeShare: `${((100 * parts.write) / withS.orders / withS.meanMs).toFixed(1)} %`,
  };
  return {
    linesPerOrder: 3,
    with: withS,
    without: withoutS,
    rollupMsPerOrder: ms(extra),
    rollupMsPerLine: +(extra / 3).toFixed(2),
    shareOfCountingTransaction: `${((100 * extra) / withS.meanMs).toFixed(1)} %`,
    statsLinesWritten: counted,
    timedInside: inside,
    walKbPerOrder: {
      with: ms(walBytes.with / 1024 / withS.orders),
      without: ms(walBytes.without / 1024 / withoutS.orders),
    },
  };
}

async function main() {
  const services = await startBench('stats', bundle, REUSE);
  const { dir, pg } = services;
  const env = { ...services.env, WORKER_IN_PROCESS: 'false' };

  // The API in this process (migrations + demo data), for the counting transaction.
  const { startApi } = await import(join(bundle, 'main.js'));
  const api = await startApi({ ...env, PORT: String(await freePort()) });
  const appCtx = await reach(api.app);
  const { RequestContext } = await bundleServices(api.app, bundle);
  const db = new pgLib.Client({ connectionString: pg.url('bench') });
  await db.connect();
  const sql = async (text, params = []) => (await db.query(text, params)).rows;

  let world;
  if (REUSE) {
    world = JSON.parse(readFileSync(join(dir, 'world.json'), 'utf8'));
    await variantsTable(sql);
    log(`reusing ${dir}: ${JSON.stringify(world)}`);
  } else {
    log(`generating ${LINES.toLocaleString('en')} counted lines…`);
    const t = performance.now();
    world = await generate(sql, LINES);
    if (KEEP) writeFileSync(join(dir, 'world.json'), JSON.stringify(world));
    log(
      `generated in ${((performance.now() - t) / 1000).toFixed(0)} s: ${JSON.stringify(world)}; database ${Math.round((await sql(`SELECT pg_database_size('bench') AS s`))[0].s / 2 ** 20)} MB`,
    );
  }

  log(`counting transaction with and without the statistics consumer, ${COUNT_ORDERS} orders…`);
  const counting = await countingCost(sql, appCtx, RequestContext, COUNT_ORDERS);
  log(`counting: ${JSON.stringify(counting)}`);
  await api.close();
  if (UPKEEP_ONLY) return finish(dir, pg, db, []);
  await sql('ANALYZE');

  // salesStats over HTTP against the API in its own process, as a coordinator of the province.
  await sql(
    `INSERT INTO app_user (email, display_name, password_hash) SELECT 'bench-coordinator@bench.invalid', '压测协调员', password_hash FROM app_user WHERE email = 'coordinator@demo.bangfu'
     ON CONFLICT DO NOTHING`,
  );
  if (!REUSE)
    await sql(
      `INSERT INTO membership (user_id, role, organization_id, region_prefix)
     SELECT u.id, 'COORDINATOR', (SELECT m.organization_id FROM membership m JOIN app_user c ON c.id = m.user_id WHERE c.email = 'coordinator@demo.bangfu'), $1
       FROM app_user u WHERE u.email = 'bench-coordinator@bench.invalid'`,
      [PROVINCE],
    );
  const { child, url } = await spawnApi(bundle, env);
  const token = (
    await gql(
      url,
      'mutation { login(identifier: "bench-coordinator@bench.invalid", password: "bangfu-demo") { token } }',
    )
  ).login.token;
  const results = [];
  const mismatches = [];
  for (const g of GROUPINGS) {
    const vars = { r: PROVINCE, f: FROM, t: TO, g };
    const sample = (await gql(url, STATS, vars, token)).salesStats; // warm-up
    const lat = [];
    for (let i = 0; i < CALLS; i++) {
      const t0 = performance.now();
      await gql(url, STATS, vars, token);
      lat.push(performance.now() - t0);
    }
    lat.sort((a, b) => a - b);
    // The naive GROUP BY, same period and province.
    const naiveLat = [];
    let naive;
    for (let i = 0; i < NAIVE_CALLS; i++) {
      const t0 = performance.now();
      naive = await sql(naiveSql(g));
      naiveLat.push(performance.now() - t0);
    }
    naiveLat.sort((a, b) => a - b);
    const diffs = compare(sample, naive);
    const same = diffs.length === 0;
    if (!same) mismatches.push({ groupBy: g, diffs });
    const row = {
      groupBy: g,
      rows: sample.rows.length,
      p50ms: ms(pct(lat, 50)),
      p99ms: ms(pct(lat, 99)),
      naiveMedianMs: ms(pct(naiveLat, 50)),
      speedup: `${Math.round(pct(naiveLat, 50) / pct(lat, 50))}×`,
      sameFigures: same,
    };
    results.push(row);
    log(JSON.stringify(row));
    if (!same) log(`  DIFFERENT FIGURES: ${JSON.stringify(diffs.slice(0, 5))}`);
  }
  console.table(results);
  if (EXPLAIN) {
    const prefix = PROVINCE;
    for (const stmt of [
      `SELECT count(*), sum(o2) FROM stats_cube WHERE side = 'O' AND grp = 'A' AND gran = 'M' AND period >= '${FROM}-01' AND period < '2027-01-01' AND region_code LIKE '${prefix}%'`,
      `SELECT count(DISTINCT buyer_key) FROM stats_buyer WHERE side = 'O' AND grp = 'A' AND lvl = 2 AND prefix = '${prefix}' AND year = 2026 AND bit_count(days) > 0`,
      `SELECT rpad(prefix, 12, '0'), count(DISTINCT buyer_key) FROM stats_buyer WHERE side = 'O' AND grp = 'A' AND lvl = 4 AND prefix LIKE '${prefix}%' AND year = 2026 AND bit_count(days) > 0 GROUP BY 1`,
      // REGION's per-city buyers as salesStats reads them for whole months (stats_buyer_month).
      `SELECT k, sum(bit_count(bits)) FROM (SELECT rpad(prefix, 12, '0') AS k, chunk, bit_or(bits) AS bits FROM stats_buyer_month
         WHERE side = 'O' AND grp = 'A' AND lvl = 4 AND prefix LIKE '${prefix}%' AND month >= '${FROM}-01' AND month < '2027-01-01' GROUP BY 1, 2) c GROUP BY 1`,
    ]) {
      console.log((await sql(`EXPLAIN (ANALYZE, BUFFERS) ${stmt}`)).map((r) => r['QUERY PLAN']).join('\n'));
    }
  }
  log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  child.kill('SIGTERM');
  await finish(dir, pg, db, mismatches);
}

/** Stops the servers, deletes the folder unless it is kept, and exits 1 when any grouping's figures differed. */
async function finish(dir, pg, db, mismatches) {
  await db.end();
  await pg.stop();
  if (KEEP || REUSE) log(`kept ${dir} (measure again with --reuse ${dir}; delete it when done)`);
  else rmSync(dir, { recursive: true, force: true });
  if (mismatches.length) {
    console.error(`salesStats and the naive query disagree for ${mismatches.map((x) => x.groupBy).join(', ')}`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
