// Attribution benchmark (issue 6, item 6) — not a test. Measures:
//   1. attributing N counted order lines (default 1,000,000) through the real AttributionService
//      (`attributeOrder`, the call ordering makes in the transaction of the move that makes an order
//      count), in this process, with C concurrent orders: lines/s and this process's peak RSS;
//   2. optionally reconciliation over one month of the result (a correctness check, and its speed);
//   3. `attributionSummary(regionCode, from, to)` over the result, by GraphQL over HTTP against the
//      API running in its own process: p50/p99 per query shape.
//
//   node bench/attribution.mjs [--lines 1000000] [--concurrency 4] [--summary-calls 300]
//                              [--reconcile month|all|none] [--households 1500]
//                              [--diagnose | --compare-balance] [--slice 1500] [--batch 0]
//   --batch N: N orders per transaction through `attributeOrders` (the batch path: backfills,
//   `attribution:reconcile --repair`) instead of `attributeOrder` per order; latencies are then per batch.
//   --diagnose: slices of --slice orders under different conditions, with pg_stat_statements and a
//   Node CPU profile; --compare-balance: only baseline, the pre-1764003850000 balance check, baseline.
//
// The orders are generated in bulk with SQL (they are ordering's facts, which the API would take
// weeks of checkouts to produce): agency orders ACCEPTED and retail orders PAID + DELIVERED, spread
// over 12 months, lines shipped from harvest lots with household contributions (a few units not
// covered by any lot), some partial refunds after counting, and rule versions of every kind in force.
// Postgres and Redis are private (as in the embedded default) and run with fsync on.
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pgLib from 'pg';
import { freePort } from '../scripts/lib/services.mjs';
import { percentile, postgresCpuSince, postgresCpuTicks, procStatus, resetPeak } from './lib/measure.mjs';
import { arg, bundleServices, gql, log, root, spawnApi, startBench } from './lib/setup.mjs';

const LINES = Number(arg('lines', 1_000_000));
const CONCURRENCY = Number(arg('concurrency', 4));
// Orders per transaction through AttributionService.attributeOrders (the batch path); 0: attributeOrder per order.
const BATCH = Number(arg('batch', 0));
const SUMMARY_CALLS = Number(arg('summary-calls', 300));
const RECONCILE = arg('reconcile', 'month');
const COMPARE_BALANCE = process.argv.includes('--compare-balance');
const DIAGNOSE = COMPARE_BALANCE || process.argv.includes('--diagnose');
const SLICE = Number(arg('slice', 1500));
const HOUSEHOLDS_PER_SUPPLIER = Number(arg('households', 1500));
const LOTS_PER_VARIANT = 24;

/**
 * The balance check as migration 1764003500100 left it (every entry and every line, two sums each),
 * read from that migration (applied migrations never change) with its partition bound in place.
 */
function balancePerEntry() {
  const src = readFileSync(join(root, 'migrations/1764003500100-attribution-entry-partitions.ts'), 'utf8');
  const template = /const checkLine = \(since: string\) => `([^`]*)`/.exec(src)?.[1];
  if (!template) throw new Error('cannot find checkLine in migration 1764003500100');
  return template.replaceAll('${since}', ' AND occurred_at >= since');
}

const DAYS = 350;
const START = '2025-12-01 00:00:00+08';

const bundle = join(root, 'tmp', `bench-attribution-api-${process.pid}`);
const mb = (kb) => Math.round(kb / 1024);

/** The services the bench calls in this process. */
async function reach(app) {
  const { byName, RequestContext } = await bundleServices(app, bundle);
  return { attribution: byName('AttributionService'), reconciliation: byName('ReconciliationService'), RequestContext };
}

/** The world and the orders, generated in bulk in the database (not measured). */
async function generate(sql, lines) {
  const H = HOUSEHOLDS_PER_SUPPLIER;
  const h = (expr, salt) => `abs(hashint8extended((${expr})::bigint, ${salt}))`;
  await sql(`CREATE TEMP TABLE bench_supplier AS
    SELECT (row_number() OVER (ORDER BY o.name) - 1)::int AS sidx, sp.organization_id AS id, sp.county_code, sp.kind
      FROM supplier_profile sp JOIN organization o ON o.id = sp.organization_id WHERE sp.status = 'APPROVED'`);
  await sql(`CREATE TEMP TABLE bench_variant AS
    SELECT (row_number() OVER (ORDER BY v.sku) - 1)::int AS vidx, v.id, v.product_id, p.supplier_id, s.sidx, v.sku, v.spec, v.unit,
           v.retail_price, v.agency_price, p.title, p.origin_region_code,
           coalesce(c.status, 'NONE') AS cert_status, c.certificate_no
      FROM variant v JOIN product p ON p.id = v.product_id JOIN bench_supplier s ON s.id = p.supplier_id
      LEFT JOIN LATERAL (SELECT status, certificate_no FROM certification WHERE product_id = p.id ORDER BY created_at DESC LIMIT 1) c ON true
     WHERE v.active`);
  const [{ nv }] = await sql(`SELECT count(*)::int AS nv FROM bench_variant`);

  // Households in the villages of each supplier's county, one purchase contract each.
  await sql(`CREATE TEMP TABLE bench_household AS
    SELECT s.sidx, g, gen_random_uuid() AS id, s.id AS supplier_id,
           (SELECT code FROM region WHERE level = 5 AND code LIKE substr(s.county_code, 1, 6) || '%' ORDER BY code
             OFFSET g % (SELECT count(*) FROM region WHERE level = 5 AND code LIKE substr(s.county_code, 1, 6) || '%') LIMIT 1) AS village_code
      FROM bench_supplier s, generate_series(0, ${H - 1}) g`);
  await sql(`INSERT INTO household (id, village_code, head_name, size, status, created_by_org_id)
    SELECT id, village_code, '压测户' || sidx || '-' || g, 1 + g % 6,
           CASE WHEN g % 4 = 0 THEN 'EX_POVERTY' WHEN g % 12 = 1 THEN 'MONITORED' ELSE 'ORDINARY' END, supplier_id
      FROM bench_household`);
  await sql(`INSERT INTO linkage (supplier_id, household_id, type, terms, valid_from)
    SELECT supplier_id, id, 'PURCHASE_CONTRACT', '压测', '2025-01-01' FROM bench_household`);

  // Harvest lots (two a month per variant), each from 2–8 of the supplier's households.
  await sql(
    `CREATE TEMP TABLE bench_lot AS SELECT vidx, k, gen_random_uuid() AS id FROM bench_variant, generate_series(0, ${LOTS_PER_VARIANT - 1}) k`,
  );
  await sql(`INSERT INTO lot (id, variant_id, lot_no, harvested_on, quantity, remaining)
    SELECT l.id, v.id, 'BENCH-' || v.sku || '-' || lpad(l.k::text, 2, '0'), date '2025-11-15' + 15 * l.k, 10000000, 10000000
      FROM bench_lot l JOIN bench_variant v USING (vidx)`);
  await sql(`INSERT INTO lot_contribution (lot_id, household_id, quantity)
    SELECT l.id, hh.id, 10 + ${h('l.vidx * 1000 + l.k * 10 + j', 11)} % 190
      FROM bench_lot l JOIN bench_variant v USING (vidx) CROSS JOIN generate_series(0, 7) j
      JOIN bench_household hh ON hh.sidx = v.sidx AND hh.g = (${h('l.vidx * 1000 + l.k', 12)} + j * 37) % ${H}
     WHERE j < 2 + ${h('l.vidx * 1000 + l.k', 13)} % 7`);

  // Pools: WAGE for the cattle farm (12 workers × 5%), DIVIDEND for the fungi cooperative (20 × 5%).
  const supplierBySku = async (sku) =>
    (await sql(`SELECT supplier_id, sidx FROM bench_variant WHERE sku = $1`, [sku]))[0];
  const cattle = await supplierBySku('TR-BEEF-1KG');
  const fungi = await supplierBySku('HZ-FUNGI-GIFT');
  const tea = await supplierBySku('FJS-GT-250');
  const honey = await supplierBySku('QL-HONEY-500');
  const lianzhou = await supplierBySku('LZ-CX-5KG');
  const konjac = await supplierBySku('CK-KONJAC-1KG');
  for (const [s, type, n] of [
    [cattle, 'WAGE', 12],
    [fungi, 'DIVIDEND', 20],
  ]) {
    await sql(
      `INSERT INTO linkage (supplier_id, household_id, type, terms, share_basis_points, valid_from)
      SELECT supplier_id, id, $2, '压测', 500, '2025-01-01' FROM bench_household WHERE sidx = $1 AND g < $3`,
      [s.sidx, type, n],
    );
  }
  // The tea cooperative's village collective holds shares (the REVENUE_SHARE rule pays it).
  const [{ code: teaVillage }] = await sql(
    `SELECT village_code AS code FROM bench_household WHERE sidx = $1 AND g = 0`,
    [tea.sidx],
  );
  await sql(
    `INSERT INTO linkage (supplier_id, village_code, type, terms, share_basis_points, valid_from) VALUES ($1, $2, 'DIVIDEND', '压测', 1500, '2025-01-01')`,
    [tea.supplier_id, teaVillage],
  );

  // Rule versions in force before the first order (a second version of one product from June).
  const product = async (sku) =>
    (await sql(`SELECT product_id FROM bench_variant WHERE sku = $1`, [sku]))[0].product_id;
  const rule = (supplierId, productId, from, kind, p = {}) =>
    sql(
      `INSERT INTO attribution_rule (supplier_id, product_id, version, effective_from, kind, per_unit_payout, households_bp, village_collective_bp, cooperative_bp, pool_bp, village_code, cooperative_org_id, note)
       SELECT $1, $2::uuid, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'bench'
         FROM attribution_rule WHERE supplier_id = $1 AND product_id IS NOT DISTINCT FROM $2::uuid`,
      [
        supplierId,
        productId,
        from,
        kind,
        p.perUnit ?? null,
        p.h ?? 0,
        p.v ?? 0,
        p.c ?? 0,
        p.pool ?? 0,
        p.village ?? null,
        p.coop ?? null,
      ],
    );
  const ruleFrom = '2025-11-01 00:00:00+08';
  await rule(tea.supplier_id, null, ruleFrom, 'REVENUE_SHARE', {
    h: 5500,
    v: 3000,
    c: 1500,
    village: teaVillage,
    coop: tea.supplier_id,
  });
  await rule(tea.supplier_id, await product('FJS-CF-100'), ruleFrom, 'CONTRACT_PURCHASE', { perUnit: 2000 });
  await rule(tea.supplier_id, await product('FJS-GT-250'), ruleFrom, 'REVENUE_SHARE', {
    h: 5500,
    v: 3000,
    c: 1500,
    village: teaVillage,
    coop: tea.supplier_id,
  });
  await rule(tea.supplier_id, await product('FJS-GT-250'), '2026-06-01 00:00:00+08', 'CONTRACT_PURCHASE', {
    perUnit: 4000,
  });
  await rule(cattle.supplier_id, null, ruleFrom, 'WAGE', { pool: 2000 });
  await rule(fungi.supplier_id, null, ruleFrom, 'DIVIDEND', { pool: 1000 });
  await rule(honey.supplier_id, null, ruleFrom, 'CONTRACT_PURCHASE', { perUnit: 3000 });
  await rule(lianzhou.supplier_id, null, ruleFrom, 'REVENUE_SHARE', { h: 6000, c: 1000, coop: lianzhou.supplier_id });
  await rule(konjac.supplier_id, null, ruleFrom, 'CONTRACT_PURCHASE', { perUnit: 1200 });
  await rule(konjac.supplier_id, await product('CK-RADISH-5KG'), ruleFrom, 'REVENUE_SHARE', { h: 5000 });

  // Orders: 1–5 lines of distinct variants, 60 % agency (ACCEPTED), 40 % retail (PAID + DELIVERED),
  // counted evenly over ${DAYS} days, placed 1–9 days before. Exactly `lines` lines.
  const [buyers] = await sql(`SELECT
      (SELECT u.id FROM app_user u WHERE u.email = 'purchaser@demo.bangfu') AS purchaser,
      (SELECT m.organization_id FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.email = 'purchaser@demo.bangfu' LIMIT 1) AS agency,
      (SELECT u.id FROM app_user u WHERE u.email = 'customer@demo.bangfu') AS customer,
      (SELECT id FROM channel WHERE kind = 'HALL' AND online ORDER BY created_at LIMIT 1) AS hall,
      (SELECT id FROM channel WHERE kind = 'ZONE' ORDER BY created_at LIMIT 1) AS zone`);
  const maxOrders = Math.ceil((lines / 3) * 1.2) + 10;
  // Steps coprime with the variant count keep an order's 5 variants distinct.
  const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
  const steps = Array.from({ length: nv - 1 }, (_, i) => i + 1).filter((x) => gcd(x, nv) === 1);
  await sql(`CREATE TEMP TABLE bench_order AS
    WITH o AS (
      SELECT seq, 1 + ${h('seq', 2)} % 5 AS n, ${h('seq', 1)} % 10 < 6 AS agency FROM generate_series(1, ${maxOrders}) seq),
    c AS (SELECT *, sum(n) OVER (ORDER BY seq) AS cum FROM o)
    SELECT seq, gen_random_uuid() AS id, agency, least(n, ${lines} - (cum - n))::int AS n,
           ${h('seq', 3)} % ${nv} AS base, (ARRAY[${steps.join(',')}])[1 + ${h('seq', 4)} % ${steps.length}] AS step
      FROM c WHERE cum - n < ${lines}`);
  await sql(`ALTER TABLE bench_order ADD PRIMARY KEY (seq)`);
  const [{ n_orders }] = await sql(`SELECT count(*)::int AS n_orders FROM bench_order`);
  await sql(`ALTER TABLE bench_order ADD counted_at timestamptz, ADD created_at timestamptz`);
  await sql(`UPDATE bench_order SET counted_at = timestamptz '${START}' + (seq::float8 / ${n_orders}) * interval '${DAYS} days',
                                   created_at = timestamptz '${START}' + (seq::float8 / ${n_orders}) * interval '${DAYS} days' - (1 + ${h('seq', 5)} % 9) * interval '1 day'`);
  await sql(`CREATE TEMP TABLE bench_line AS
    SELECT o.seq, j, gen_random_uuid() AS id, o.id AS order_id, o.agency, v.vidx, v.id AS variant_id, v.product_id, v.supplier_id, v.sku, v.spec, v.unit,
           v.retail_price, v.agency_price, v.title, v.origin_region_code, v.cert_status, v.certificate_no,
           CASE WHEN o.agency THEN 2 + ${h('o.seq * 8 + j', 6)} % 30 ELSE 1 + ${h('o.seq * 8 + j', 6)} % 3 END AS qty
      FROM bench_order o CROSS JOIN generate_series(0, 4) j JOIN bench_variant v ON v.vidx = (o.base + j * o.step) % ${nv}
     WHERE j < o.n`);
  await sql(`ALTER TABLE bench_line ADD price bigint`);
  await sql(`UPDATE bench_line SET price = CASE WHEN agency THEN agency_price ELSE retail_price END`);
  await sql(`CREATE TEMP TABLE bench_so AS
    SELECT order_id, supplier_id, gen_random_uuid() AS id, sum(qty * price) AS subtotal FROM bench_line GROUP BY order_id, supplier_id`);
  // 2 % of retail orders: one unit of their first line refunded three days after delivery.
  await sql(`CREATE TEMP TABLE bench_refund AS
    SELECT o.seq, o.id AS order_id, l.id AS line_id, l.price AS amount, 'bench-refund-' || o.seq AS refund_id, o.counted_at + interval '3 days' AS at
      FROM bench_order o JOIN bench_line l ON l.order_id = o.id AND l.j = 0 WHERE NOT o.agency AND ${h('o.seq', 7)} % 50 = 0`);

  await sql(
    `INSERT INTO orders (id, buyer_kind, buyer_user_id, buyer_org_id, channel_id, status, total_amount, paid_amount, refunded_amount,
                                 idempotency_key, request_hash, paid_at, delivered_at, accepted_at, created_at, updated_at)
    SELECT o.id, CASE WHEN o.agency THEN 'AGENCY' ELSE 'CUSTOMER' END, CASE WHEN o.agency THEN $1::uuid ELSE $3::uuid END,
           CASE WHEN o.agency THEN $2::uuid END, CASE WHEN o.agency THEN $5::uuid ELSE $4::uuid END,
           CASE WHEN o.agency THEN 'ACCEPTED' WHEN r.order_id IS NOT NULL THEN 'PARTIALLY_REFUNDED' ELSE 'DELIVERED' END,
           t.total, t.total, coalesce(r.amount, 0), 'bench-' || o.seq, 'bench',
           o.created_at + interval '1 hour', CASE WHEN o.agency THEN o.counted_at - interval '1 day' ELSE o.counted_at END,
           CASE WHEN o.agency THEN o.counted_at END, o.created_at, o.counted_at
      FROM bench_order o JOIN (SELECT order_id, sum(qty * price) AS total FROM bench_line GROUP BY order_id) t ON t.order_id = o.id
      LEFT JOIN bench_refund r ON r.order_id = o.id`,
    [buyers.purchaser, buyers.agency, buyers.customer, buyers.hall, buyers.zone],
  );
  await sql(`INSERT INTO supplier_order (id, order_id, supplier_id, status, subtotal, carrier, tracking_no, shipped_at, delivered_at, created_at, updated_at)
    SELECT so.id, so.order_id, so.supplier_id, 'DELIVERED', so.subtotal, 'SF', 'SF' || o.seq, o.created_at + interval '1 day', o.counted_at, o.created_at, o.counted_at
      FROM bench_so so JOIN bench_order o ON o.id = so.order_id`);
  await sql(`INSERT INTO order_line (id, order_id, supplier_order_id, supplier_id, channel_id, variant_id, product_id, product_title, sku, spec, unit, price_kind,
                                     unit_price, quantity, line_total, refunded_amount, certified, certification_status, certificate_no, origin_region_code, created_at)
    SELECT l.id, l.order_id, so.id, l.supplier_id, ord.channel_id, l.variant_id, l.product_id, l.title, l.sku, l.spec, l.unit,
           CASE WHEN l.agency THEN 'AGENCY' ELSE 'RETAIL' END, l.price, l.qty, l.qty * l.price, coalesce(r.amount, 0),
           l.cert_status = 'CERTIFIED', l.cert_status, l.certificate_no, l.origin_region_code, ord.created_at
      FROM bench_line l
      JOIN bench_so so ON so.order_id = l.order_id AND so.supplier_id = l.supplier_id
      JOIN orders ord ON ord.id = l.order_id
      LEFT JOIN bench_refund r ON r.line_id = l.id`);
  // Shipments: from the lot harvested before the order counted; 25 % split with the previous lot,
  // 5 % with one unit not covered by any lot (the UNASSIGNED bucket).
  await sql(`CREATE TEMP TABLE bench_alloc AS
    SELECT l.id AS line_id, l.order_id, l.vidx, l.qty, ${h('l.seq * 8 + l.j', 8)} % 20 AS pick,
           greatest(0, least(${LOTS_PER_VARIANT - 1}, floor(extract(epoch FROM o.counted_at - timestamptz '2025-11-15 00:00:00+08') / (15 * 86400))::int - 1)) AS k
      FROM bench_line l JOIN bench_order o ON o.id = l.order_id`);
  await sql(`INSERT INTO shipment_allocation (order_line_id, supplier_order_id, variant_id, lot_id, quantity)
    SELECT a.line_id, so.id, v.id, x.lot_id, x.q
      FROM bench_alloc a JOIN bench_line l ON l.id = a.line_id JOIN bench_so so ON so.order_id = l.order_id AND so.supplier_id = l.supplier_id
      JOIN bench_variant v ON v.vidx = a.vidx
      CROSS JOIN LATERAL (
        SELECT (SELECT id FROM bench_lot WHERE vidx = a.vidx AND k = a.k) AS lot_id, a.qty - CASE WHEN a.pick = 0 THEN 1 WHEN a.pick <= 5 AND a.qty >= 2 AND a.k >= 1 THEN a.qty / 2 ELSE 0 END AS q
        UNION ALL SELECT NULL, 1 WHERE a.pick = 0
        UNION ALL SELECT (SELECT id FROM bench_lot WHERE vidx = a.vidx AND k = a.k - 1), a.qty / 2 WHERE a.pick BETWEEN 1 AND 5 AND a.qty >= 2 AND a.k >= 1
      ) x
     WHERE x.q > 0`);
  await sql(
    `INSERT INTO order_history (order_id, from_status, to_status, actor_kind, actor_user_id, created_at)
    SELECT o.id, 'DELIVERED', CASE WHEN o.agency THEN 'ACCEPTED' ELSE 'DELIVERED' END, 'USER', CASE WHEN o.agency THEN $1::uuid ELSE $2::uuid END, o.counted_at
      FROM bench_order o`,
    [buyers.purchaser, buyers.customer],
  );
  await sql(`INSERT INTO order_refund (order_id, refund_id, amount, lines, created_at)
    SELECT order_id, refund_id, amount, jsonb_build_array(jsonb_build_object('lineId', line_id, 'amount', amount)), at FROM bench_refund`);
  await sql(`INSERT INTO order_history (order_id, from_status, to_status, actor_kind, data, created_at)
    SELECT order_id, 'DELIVERED', 'PARTIALLY_REFUNDED', 'SYSTEM', jsonb_build_object('refund', jsonb_build_object('refundId', refund_id, 'amount', amount)), at FROM bench_refund`);
  const [counts] =
    await sql(`SELECT (SELECT count(*)::int FROM bench_order) AS orders, (SELECT count(*)::int FROM bench_line) AS lines,
      (SELECT count(*)::int FROM bench_refund) AS refunds, (SELECT count(*)::int FROM bench_household) AS households,
      (SELECT count(*)::int FROM lot_contribution) AS contributions, (SELECT count(*)::int FROM bench_lot) AS lots`);
  await sql(`ANALYZE`);
  return counts;
}

/** Orders in the order they counted, as they would arrive; ids fetched page by page from the generator's session table. */
function orderSource(db) {
  let cursor = 0;
  let queue = [];
  let exhausted = false;
  const next = async () => {
    if (queue.length === 0 && !exhausted) {
      const rows = (await db.query(`SELECT seq, id FROM bench_order WHERE seq > $1 ORDER BY seq LIMIT 5000`, [cursor]))
        .rows;
      if (rows.length === 0) exhausted = true;
      else {
        cursor = rows.at(-1).seq;
        queue = rows.map((r) => r.id);
      }
    }
    return queue.shift();
  };
  let fetching = Promise.resolve();
  return () => {
    const p = fetching.then(next);
    fetching = p.then(() => undefined);
    return p;
  };
}

/** Runs `attributeOrder` over the next `limit` orders (all by default) from `concurrency` loops. */
async function attribute(appCtx, take, concurrency, { limit = Infinity, postmasterPid, progress = true } = {}) {
  const { attribution, RequestContext } = appCtx;
  const totals = { orders: 0, lines: 0, entries: 0, capped: 0 };
  const latencies = [];
  let started = 0;
  const cpu0 = process.cpuUsage();
  const pgCpu0 = postmasterPid ? postgresCpuTicks(postmasterPid) : null;
  const t0 = performance.now();
  let lastReport = t0;
  let lastLines = 0;
  let half = null;
  const halfLines = Number.isFinite(limit) ? Infinity : LINES / 2;
  const worker = async () => {
    while (started < limit) {
      const ids = [];
      while (ids.length < Math.max(1, BATCH) && started < limit) {
        started++;
        const id = await take();
        if (!id) break;
        ids.push(id);
      }
      if (ids.length === 0) return;
      const s = performance.now();
      const ctx = RequestContext.system('bench-attribution');
      const r = BATCH > 0 ? await attribution.attributeOrders(ctx, ids) : await attribution.attributeOrder(ctx, ids[0]);
      latencies.push(performance.now() - s);
      totals.orders += ids.length;
      totals.lines += r.linesAttributed;
      totals.entries += r.entriesWritten;
      totals.capped += r.cappedLineIds.length;
      const now = performance.now();
      if (!half && totals.lines >= halfLines) half = { t: now, lines: totals.lines };
      if (progress && now - lastReport > 30_000) {
        const st = procStatus();
        log(
          `  ${totals.lines.toLocaleString('en')} lines, ${Math.round(((totals.lines - lastLines) * 1000) / (now - lastReport))} lines/s (last 30 s), RSS ${mb(st.rssKb)} MB, peak ${mb(st.hwmKb)} MB, load ${loadavg()[0].toFixed(1)}`,
        );
        lastReport = now;
        lastLines = totals.lines;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const end = performance.now();
  return {
    ...totals,
    seconds,
    secondHalfLinesPerSecond: half ? Math.round(((totals.lines - half.lines) * 1000) / (end - half.t)) : null,
    orderP50: percentile(latencies, 50),
    orderP99: percentile(latencies, 99),
    nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
    pgCpuSeconds: postmasterPid ? postgresCpuSince(postmasterPid, pgCpu0) : null,
  };
}

const SUMMARY = `query($r: String!, $f: String!, $t: String!) { attributionSummary(regionCode: $r, from: $f, to: $t) {
  attributedAmount householdIncome villageCollectiveIncome cooperativeIncome unassignedAmount householdsDriven exPovertyHouseholdsDriven monitoredHouseholdsDriven } }`;

async function summaries(url, db) {
  const login = async (email) =>
    (await gql(url, 'mutation($e: String!) { login(identifier: $e, password: "bangfu-demo") { token } }', { e: email }))
      .login.token;
  const coordinator = await login('coordinator@demo.bangfu');
  const admin = await login('admin@demo.bangfu');
  const [{ village }] = (
    await db.query(
      `SELECT region_code AS village FROM attribution_region_month WHERE region_code LIKE '520621%' AND length(region_code) = 12 AND region_code NOT LIKE '%000000' ORDER BY household_amount DESC LIMIT 1`,
    )
  ).rows;
  // Prefix levels (province … village) × one month / a quarter / the whole year.
  const regions = [
    { r: '52', token: admin, who: 'admin' },
    { r: '5206', token: coordinator, who: 'coordinator' },
    { r: '520621', token: coordinator, who: 'coordinator' },
    { r: village, token: coordinator, who: 'coordinator' },
    { r: '61', token: admin, who: 'admin' },
    { r: '4418', token: admin, who: 'admin' },
  ];
  const ranges = [
    { name: 'one month', f: '2026-03', t: '2026-03' },
    { name: 'quarter', f: '2026-04', t: '2026-06' },
    { name: '12 months', f: '2025-12', t: '2026-11' },
  ];
  const shapes = regions.flatMap((x) => ranges.map((y) => ({ ...x, ...y })));
  const results = shapes.map((s) => ({ region: s.r, range: s.name, latencies: [], sample: null }));
  for (let i = 0; i < shapes.length; i++)
    results[i].sample = (
      await gql(url, SUMMARY, { r: shapes[i].r, f: shapes[i].f, t: shapes[i].t }, shapes[i].token)
    ).attributionSummary; // warm-up
  const all = [];
  for (let i = 0; i < SUMMARY_CALLS; i++) {
    const k = i % shapes.length;
    const s = shapes[k];
    const t0 = performance.now();
    await gql(url, SUMMARY, { r: s.r, f: s.f, t: s.t }, s.token);
    const dt = performance.now() - t0;
    results[k].latencies.push(dt);
    all.push(dt);
  }
  all.sort((a, b) => a - b);
  const byRange = ranges.map((rg) => {
    const ls = results
      .filter((x) => x.range === rg.name)
      .flatMap((x) => x.latencies)
      .sort((a, b) => a - b);
    return {
      range: rg.name,
      calls: ls.length,
      p50: +percentile(ls, 50).toFixed(1),
      p99: +percentile(ls, 99).toFixed(1),
    };
  });
  const perShape = results.map((x) => {
    const ls = x.latencies.sort((a, b) => a - b);
    return {
      region: x.region,
      range: x.range,
      calls: ls.length,
      p50: +percentile(ls, 50).toFixed(1),
      max: +ls.at(-1).toFixed(1),
      householdsDriven: x.sample.householdsDriven,
      attributedAmount: x.sample.attributedAmount,
    };
  });
  // Also under load: 10 clients for 10 s over the same shapes.
  const lat = [];
  const end = Date.now() + 10_000;
  let n = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < end) {
        const s = shapes[n++ % shapes.length];
        const t0 = performance.now();
        await gql(url, SUMMARY, { r: s.r, f: s.f, t: s.t }, s.token);
        lat.push(performance.now() - t0);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return {
    sequential: { calls: all.length, p50: +percentile(all, 50).toFixed(1), p99: +percentile(all, 99).toFixed(1) },
    byRange,
    perShape,
    concurrent10: {
      requests: lat.length,
      perSecond: Math.round(lat.length / 10),
      p50: +percentile(lat, 50).toFixed(1),
      p99: +percentile(lat, 99).toFixed(1),
    },
  };
}

async function startProfile() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session) {
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return profile;
}

/** Self time of the Node process by package (node_modules/<pkg>, the API bundle, node internals) and the top functions. */
function summariseProfile(profile, lines) {
  const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length; // ms per sample
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byPkg = new Map();
  const byFn = new Map();
  for (const n of profile.nodes) {
    const h = hits.get(n.id) ?? 0;
    if (!h) continue;
    const url = n.callFrame.url;
    const pkg = url.includes('node_modules/')
      ? url
          .split('node_modules/')
          .at(-1)
          .split('/')
          .slice(0, url.split('node_modules/').at(-1).startsWith('@') ? 2 : 1)
          .join('/')
      : url.includes('/dist/api/') || url.includes('/bench-attribution-api-')
        ? 'API bundle (our code)'
        : url.startsWith('node:') || url === ''
          ? n.callFrame.functionName === '(idle)' ||
            n.callFrame.functionName === '(program)' ||
            n.callFrame.functionName === '(garbage collector)'
            ? n.callFrame.functionName
            : 'node internals'
          : url;
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + h);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').at(-1)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + h);
  }
  console.log('\nNode CPU profile of the slice: self time by package (ms per attributed line)');
  console.table(
    [...byPkg.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, h]) => ({ package: k, msPerLine: +((h * dt) / lines).toFixed(3) })),
  );
  console.table(
    [...byFn.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([k, h]) => ({ function: k, msPerLine: +((h * dt) / lines).toFixed(3) })),
  );
}

/**
 * `--diagnose`: where the time goes. Attributes consecutive slices of SLICE orders (same mix) under
 * different conditions and prints lines/s and CPU per line for each, then the statements that took
 * the most time in the baseline (pg_stat_statements, including what triggers run). The conditions
 * that switch off database checks are diagnostics only: they show what a check costs.
 */
async function diagnose(appCtx, take, sql, postmasterPid) {
  await sql(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
  log(`warm-up: ${SLICE} orders, then ANALYZE`);
  await attribute(appCtx, take, 4, { limit: SLICE, postmasterPid, progress: false });
  await sql('ANALYZE');
  const rows = [];
  const slice = async (
    name,
    concurrency,
    setup = null,
    teardown = null,
    { sampleWaits = false, profile = false } = {},
  ) => {
    await setup?.();
    await sql(`SELECT pg_stat_statements_reset()`);
    await sql(`SELECT pg_stat_reset()`);
    const waits = new Map();
    let samples = 0;
    let sampling = sampleWaits;
    const sampler = (async () => {
      while (sampling) {
        const active = await sql(
          `SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS w, regexp_replace(left(query, 60), '\\s+', ' ', 'g') AS q
             FROM pg_stat_activity WHERE application_name = 'bangfu' AND state = 'active' AND pid <> pg_backend_pid()`,
        );
        samples++;
        for (const a of active) waits.set(`${a.w} | ${a.q}`, (waits.get(`${a.w} | ${a.q}`) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const session = profile ? await startProfile() : null;
    const r = await attribute(appCtx, take, concurrency, { limit: SLICE, postmasterPid, progress: false });
    const cpuProfile = session ? await stopProfile(session) : null;
    sampling = false;
    await sampler;
    await teardown?.();
    if (sampleWaits) {
      console.log(
        `\n${name}, concurrency ${concurrency}: what the ${concurrency} connections were doing (${samples} samples of pg_stat_activity)`,
      );
      console.table(
        [...waits.entries()]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 15)
          .map(([k, n]) => ({ share: `${((100 * n) / samples / concurrency).toFixed(1)} %`, 'wait | statement': k })),
      );
    }
    if (cpuProfile) summariseProfile(cpuProfile, r.lines);
    const row = {
      condition: name,
      concurrency,
      lines: r.lines,
      entriesPerLine: +(r.entries / r.lines).toFixed(1),
      linesPerSecond: Math.round(r.lines / r.seconds),
      orderP50ms: +r.orderP50.toFixed(1),
      nodeCpuMsPerLine: +((r.nodeCpuSeconds * 1000) / r.lines).toFixed(2),
      pgCpuMsPerLine: +((r.pgCpuSeconds * 1000) / r.lines).toFixed(2),
      load: +loadavg()[0].toFixed(1),
    };
    rows.push(row);
    log(JSON.stringify(row));
    return r;
  };
  const top = async (title, lines) => {
    const stmts = await sql(
      `SELECT calls, round(total_exec_time)::int AS total_ms, round((total_exec_time / $1)::numeric, 3) AS ms_per_line, toplevel,
              regexp_replace(left(query, 150), '\\s+', ' ', 'g') AS query
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'bench') ORDER BY total_exec_time DESC LIMIT 25`,
      [lines],
    );
    console.log(`\n${title}`);
    console.table(stmts);
    const fns = await sql(
      `SELECT funcname, calls, round(total_time)::int AS total_ms, round(self_time)::int AS self_ms FROM pg_stat_user_functions ORDER BY total_time DESC`,
    );
    console.table(fns);
    const tables = await sql(
      `SELECT relname, seq_scan, seq_tup_read, idx_scan FROM pg_stat_user_tables WHERE relname LIKE 'attribution%' OR relname IN ('order_history','order_line','orders','shipment_allocation','lot_contribution','household','linkage') ORDER BY seq_tup_read DESC LIMIT 12`,
    );
    console.table(tables);
  };
  if (COMPARE_BALANCE) {
    const BALANCE_PER_ENTRY = balancePerEntry();
    // Migration 1764003850000 (balance checked once per line) against the check it replaced, alternating
    // in one run: on a shared machine slices a minute apart differ more than the change.
    const [{ def: once }] = await sql(`SELECT pg_get_functiondef('attribution_check_line'::regproc) AS def`);
    const base = await slice('baseline', 4, () => sql(once), undefined, { profile: true });
    await top('baseline, concurrency 4', base.lines);
    const before = await slice('before 1764003850000: balance checked per entry and per line', 4, () =>
      sql(BALANCE_PER_ENTRY),
    );
    await top('before 1764003850000, concurrency 4', before.lines);
    for (let i = 0; i < 2; i++) {
      await slice('baseline', 4, () => sql(once));
      await slice('before 1764003850000', 4, () => sql(BALANCE_PER_ENTRY));
    }
    await sql(once);
    console.log('\n');
    console.table(rows);
    return;
  }
  const base1 = await slice('baseline', 1, undefined, undefined, { profile: true, sampleWaits: true });
  await top('baseline, concurrency 1: statements by total time (ms_per_line: per attributed line)', base1.lines);
  const base4 = await slice('baseline', 4, undefined, undefined, { sampleWaits: true });
  await top('baseline, concurrency 4', base4.lines);
  await slice('baseline', 8);
  // The changes proposed in docs/BENCHMARKS.md, cumulatively, each applied to this throwaway database only.
  await slice('+ index linkage (supplier_id, type)', 4, () =>
    sql(`CREATE INDEX bench_linkage_supplier_type_idx ON linkage (supplier_id, type)`),
  );
  await slice('+ no per-entry balance trigger (per-line one kept)', 4, () =>
    sql(`ALTER TABLE attribution_entry DISABLE TRIGGER attribution_entry_balanced`),
  );
  await slice('+ concurrency 8', 8);
  // Restore the schema as migrated.
  await sql(`DROP INDEX bench_linkage_supplier_type_idx`);
  await sql(`ALTER TABLE attribution_entry ENABLE TRIGGER attribution_entry_balanced`);
  const allTables = [
    'attribution_entry',
    'attribution_line',
    'attribution_monthly',
    'attribution_household_month',
    'attribution_refund',
  ];
  await slice(
    'bound: no trigger at all on attribution tables (no FK checks either)',
    4,
    async () => {
      for (const t of allTables) await sql(`ALTER TABLE ${t} DISABLE TRIGGER ALL`);
    },
    async () => {
      for (const t of allTables) await sql(`ALTER TABLE ${t} ENABLE TRIGGER ALL`);
    },
  );
  await slice(
    'bound: synchronous_commit off',
    4,
    async () => {
      await sql(`ALTER SYSTEM SET synchronous_commit = off`);
      await sql(`SELECT pg_reload_conf()`);
    },
    async () => {
      await sql(`ALTER SYSTEM RESET synchronous_commit`);
      await sql(`SELECT pg_reload_conf()`);
    },
  );
  await slice('baseline again', 4);
  console.log('\n');
  console.table(rows);
}

async function main() {
  // Postgres' files outlive a restart (--diagnose restarts it); the directory is removed at the end.
  const { machine, dir, pg, env } = await startBench('attr', bundle);
  log(
    `target: ${LINES.toLocaleString('en')} lines, concurrency ${CONCURRENCY}, ${BATCH > 0 ? `batches of ${BATCH} orders (attributeOrders)` : 'one order per transaction (attributeOrder)'}`,
  );
  if (DIAGNOSE) {
    // Per-statement times, including the statements triggers run (constraint checks, FK checks).
    const c = pg.pg.getPgClient();
    await c.connect();
    await c.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
    await c.query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`);
    await c.query(`ALTER SYSTEM SET track_functions = 'pl'`);
    await c.end();
    await pg.pg.stop();
    await pg.pg.start();
  }

  // 1. The API in this process (migrations + demo data), for its AttributionService.
  const { startApi } = await import(join(bundle, 'main.js'));
  const api = await startApi({ ...env, PORT: String(await freePort()) });
  const appCtx = await reach(api.app);
  const db = new pgLib.Client({ connectionString: pg.url('bench') });
  await db.connect();
  const sql = async (text, params = []) => (await db.query(text, params)).rows;

  log('generating orders…');
  let t = performance.now();
  const world = await generate(sql, LINES);
  const generateSeconds = (performance.now() - t) / 1000;
  log(`generated in ${generateSeconds.toFixed(0)} s: ${JSON.stringify(world)}`);
  const [{ size: sizeBefore }] = await sql(`SELECT pg_database_size('bench') AS size`);

  const postmasterPid = pg.pg.process?.pid;
  const take = orderSource(db);
  if (DIAGNOSE) {
    await diagnose(appCtx, take, sql, postmasterPid);
    await api.close();
    await db.end();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0); // redis-server is killed on exit
  }

  // 2. Attribution.
  await new Promise((r) => setTimeout(r, 2000));
  const before = procStatus();
  const peakReset = resetPeak();
  log(
    `attributing with concurrency ${CONCURRENCY} (RSS ${mb(before.rssKb)} MB before; peak ${peakReset ? 'reset' : 'NOT reset: includes boot'})…`,
  );
  let peakSampled = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, procStatus().rssKb);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 500);
  const run = await attribute(appCtx, take, CONCURRENCY, { postmasterPid });
  clearInterval(sampler);
  const after = procStatus();
  const [{ size: sizeAfter }] = await sql(`SELECT pg_database_size('bench') AS size`);
  const attribution = {
    orders: run.orders,
    lines: run.lines,
    entries: run.entries,
    entriesPerLine: +(run.entries / run.lines).toFixed(2),
    cappedLines: run.capped,
    seconds: Math.round(run.seconds),
    linesPerSecond: Math.round(run.lines / run.seconds),
    secondHalfLinesPerSecond: run.secondHalfLinesPerSecond,
    ordersPerSecond: Math.round(run.orders / run.seconds),
    ordersPerTransaction: Math.max(1, BATCH),
    // Per transaction: one order, or one batch with --batch.
    orderLatencyP50ms: +run.orderP50.toFixed(1),
    orderLatencyP99ms: +run.orderP99.toFixed(1),
    nodeCpuMsPerLine: +((run.nodeCpuSeconds * 1000) / run.lines).toFixed(2),
    postgresCpuMsPerLine: +((run.pgCpuSeconds * 1000) / run.lines).toFixed(2),
    rssBeforeMb: mb(before.rssKb),
    peakRssMb: mb(Math.max(after.hwmKb, peakSampled)),
    peakHeapUsedMb: Math.round(peakHeap / 2 ** 20),
    dbGrowthMb: Math.round((Number(sizeAfter) - Number(sizeBefore)) / 2 ** 20),
  };
  log(`attribution: ${JSON.stringify(attribution)}`);
  const [stored] =
    await sql(`SELECT (SELECT count(*)::int FROM attribution_line) AS lines, (SELECT count(*)::int FROM attribution_entry) AS entries,
      (SELECT sum(amount)::text FROM attribution_entry) AS amount, (SELECT count(*)::int FROM order_line) AS order_lines`);
  log(`stored: ${JSON.stringify(stored)}`);
  const byKind = await sql(
    `SELECT coalesce(l.rule_kind, '(no rule)') AS kind, count(*)::int AS lines, round(avg(e.n), 1)::float AS entries_per_line
       FROM attribution_line l JOIN (SELECT order_line_id, count(*) AS n FROM attribution_entry GROUP BY 1) e USING (order_line_id)
      GROUP BY 1 ORDER BY 2 DESC`,
  );
  console.table(byKind);

  // 3. Reconciliation (correctness check over the result; read-only apart from its report row).
  let reconcile = null;
  if (RECONCILE !== 'none') {
    const [from, to] = RECONCILE === 'all' ? ['2025-12', '2026-11'] : ['2026-03', '2026-03'];
    await sql('ANALYZE');
    t = performance.now();
    const r = await appCtx.reconciliation.reconcile(appCtx.RequestContext.system('bench-reconcile'), from, to);
    const seconds = (performance.now() - t) / 1000;
    reconcile = {
      from,
      to,
      ok: r.ok,
      differences: r.differenceCount,
      orders: r.ordersChecked,
      lines: r.linesChecked,
      entries: r.entriesChecked,
      seconds: Math.round(seconds),
      linesPerSecond: Math.round(r.linesChecked / seconds),
    };
    log(`reconciliation: ${JSON.stringify(reconcile)}`);
  }
  await db.query('ANALYZE');
  await api.close();

  // 4. attributionSummary against the API in its own process.
  const { child, url } = await spawnApi(bundle, env);
  log(`attributionSummary: ${SUMMARY_CALLS} sequential calls over 18 shapes, then 10 clients for 10 s…`);
  const summary = await summaries(url, db);
  const apiMem = procStatus(child.pid);
  summary.apiRssMb = mb(apiMem.rssKb);
  summary.apiPeakRssMb = mb(apiMem.hwmKb);
  log(`summary: ${JSON.stringify({ ...summary, perShape: undefined })}`);
  console.table(summary.perShape);
  console.log(
    JSON.stringify(
      {
        machine,
        loadAverageAtEnd: loadavg().map((x) => +x.toFixed(1)),
        world,
        generateSeconds: Math.round(generateSeconds),
        attribution,
        stored,
        byKind,
        reconcile,
        summary,
      },
      null,
      2,
    ),
  );

  await db.end();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
