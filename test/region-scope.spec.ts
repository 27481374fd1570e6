import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { DataSource } from 'typeorm';
import { signCounterRequest } from '@bangfu/channel';
import { DEMO_COUNTER, DEMO_PASSWORD, seedDemo } from '@bangfu/demo';
import type { TestServer } from '@bangfu/testing';
import { startApp } from './app';

/**
 * Region scope on every read (DESIGN: "every query is filtered by the caller's organisation or region
 * scope in SQL"). The demo data set spans four provinces; its coordinator@ and auditor@ are scoped to
 * Tongren (prefix 5206). This walks EVERY Query field of the built schema — so a query added later is
 * walked too — as each of them, with arguments pointing at another province's objects (and without
 * region arguments), and fails when a response carries an id or a division code that belongs to
 * another province and is not public (what an anonymous visitor gets from the same walk).
 *
 * Region of a row (what "outside the scope" means):
 * - a supplier, its products, variants, lots, certifications, linkages, attribution rules, supplier
 *   orders and their lines, payouts, ledger accounts: the supplier's registered county;
 * - a household and its attribution entries: its village;
 * - an agency's procurement rows (purchase requests, filings, exemptions, limits, flags): the agency's region;
 * - an order: the regions of its supplier orders (a coordinator sees the order and only its parts in
 *   its region; an order with no part there is outside);
 * - a counter's reports and receivable account: the counter's region;
 * - platform accounts of the ledger (cash, clearing, fee revenue): no region, platform admins only.
 * Errors are fine (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT); INTERNAL_SERVER_ERROR is a bug and fails.
 */
const SCOPE = '5206';
/**
 * The buyer side of an order in scope is part of that order: a coordinator auditing a Tongren sale to
 * a Guangzhou agency sees the agency and the agency's people who moved the order (placed, approved,
 * accepted it) — there, and nowhere else. Another province's supplier staff are never shown.
 */
const BUYER_SIDE = /(^|\.)(buyerOrgId|buyerUserId|buyerOrg\.id|history\.actorUserId)$/;
const allowedAsBuyerSide = (what: string, path: string) =>
  what.startsWith('agency') && /^orders?\b/.test(path) && BUYER_SIDE.test(path);
const SCOPED_USERS = ['coordinator@demo.bangfu', 'auditor@demo.bangfu'];

let server: TestServer;
let ds: DataSource;
let schema: GraphQLSchema;
/** token (uuid or 12-digit code) → what it is, for every row outside the scope. */
const foreign = new Map<string, string>();
/** Values the argument generator points at: another province's objects. */
let F: Record<string, string>;
let inScopeSupplierOrders: string[];
const year = new Date().getFullYear();

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const CODE = /(?<!\d)\d{12}(?!\d)/g;
/** Every id and division code in a response, with the path (list indexes dropped) of its first occurrence. */
function tokens(value: unknown, into = new Map<string, string>(), path = ''): Map<string, string> {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    for (const m of [...text.matchAll(UUID), ...text.matchAll(CODE)])
      if (!into.has(m[0].toLowerCase())) into.set(m[0].toLowerCase(), path);
  } else if (Array.isArray(value)) {
    for (const v of value) tokens(v, into, path);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) tokens(v, into, path ? `${path}.${k}` : k);
  }
  return into;
}

/**
 * Argument values by argument (or filter field) name. Every argument of every query, and every field
 * of an input object passed to a query, must be listed here — with the values to try (another
 * province's objects), or NEUTRAL when it does not select a region or an owner (paging, status,
 * search…). An enum argument not listed is tried with each of its values (so `side: BUYER` and
 * `groupBy` are walked too). Any other new argument name fails the test until it is added, so new
 * queries stay covered.
 */
const NEUTRAL: unknown[] = [];
const ARG_VALUES = (): Record<string, unknown[]> => ({
  // Another province's county and province, the buyer agency's city, and codes that contain the
  // scope (its province, an empty prefix): a wider code must not widen what comes back.
  regionCode: ['610724000000', '61', '440100000000', '52', '520000000000', ''],
  parentCode: ['610724000000', ''],
  code: ['610724000000'],
  villageCode: [F.village],
  supplierId: [F.supplier, F.supplierQingyuan],
  orgId: [F.agency, F.supplier],
  organizationId: [F.agency, F.supplier],
  // A buyer in Shaanxi/Guangdong's orders (the demo shopper): the walk must not surface them by buyer.
  buyerUserId: [F.buyerUser],
  // countyTransparency is public (totals only): another province's county.
  countyCode: ['610724000000'],
  buyerOrgId: [F.agency],
  productId: [F.product],
  variantId: [F.variant],
  householdId: [F.household],
  orderId: [F.order, F.mixedOrder],
  channelId: [F.counter, F.zone],
  deviceId: [DEMO_COUNTER.deviceId],
  from: [`${year - 1}-01-01`],
  to: [new Date().toISOString().slice(0, 10)],
  date: [new Date().toISOString().slice(0, 10)],
  year: [year],
  first: [100],
  includeDisabled: [true],
  mine: [false],
  asOf: NEUTRAL,
  month: NEUTRAL,
  overdueOnly: NEUTRAL,
  after: NEUTRAL,
  kind: NEUTRAL,
  status: NEUTRAL,
  statuses: NEUTRAL,
  search: NEUTRAL,
  certifiedOnly: NEUTRAL,
  categoryId: NEUTRAL,
  minPrice: NEUTRAL,
  maxPrice: NEUTRAL,
  validOn: NEUTRAL,
  unreadOnly: NEUTRAL,
  // auditEvents: which actor, target or operation; the region scope applies whatever they say.
  actorId: NEUTRAL,
  entityType: NEUTRAL,
  entityId: [F.order, F.supplier],
  operation: NEUTRAL,
  queue: NEUTRAL,
  // Produce (libs/produce): offers are scoped by the household's village; no demo offer in another province yet.
  offerId: NEUTRAL,
  cropName: NEUTRAL,
});

/** `id` arguments by query: the object of another province that query reads. */
const ID_BY_QUERY = (): Record<string, string[]> => ({
  anomalyFinding: [F.finding],
  certification: [F.certification],
  channel: [F.counter],
  complaint: [F.complaint],
  household: [F.household],
  // No produce offer in another province in the demo yet: a foreign id must read as null all the same.
  produceOffer: [F.household],
  order: [F.order, F.mixedOrder],
  payoutBatch: [F.payoutBatch],
  product: [F.product],
  purchaseRequest: [F.purchaseRequest],
  supplier: [F.supplier],
});

/** Arguments the generator cannot build (whole input objects), by query. */
const EXPLICIT = (): Record<string, Array<Record<string, unknown>>> => ({
  previewBasket: [{ input: { buyerOrgId: F.agency, lines: [{ variantId: F.variant, quantity: 1 }] } }],
  myIncomeStatement: [{ month: new Date().toISOString().slice(0, 7) }],
  householdIncomeStatement: [{ householdId: F.household, month: new Date().toISOString().slice(0, 7) }],
  incomeConfirmationRates: [
    { regionCode: '610724000000', month: new Date().toISOString().slice(0, 7) },
    { regionCode: '52', month: new Date().toISOString().slice(0, 7) },
  ],
});

const MAX_DEPTH = 4;

/** Every field reachable within MAX_DEPTH that needs no argument; unions and interfaces by member. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type))
    return `{ __typename ${type
      .getTypes()
      .map((t) => `... on ${t.name} ${selection(t, depth)}`)
      .join(' ')} }`;
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth < MAX_DEPTH) parts.push(`${field.name} ${selection(named, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

interface Call {
  query: string;
  args: Record<string, unknown>;
}

/** The argument sets to try for one query: required ones filled, then each optional one (or filter field) on its own. */
function calls(field: GraphQLField<unknown, unknown>, missing: string[]): Call[] {
  const explicit = EXPLICIT()[field.name];
  if (explicit) return explicit.map((args) => ({ query: field.name, args }));
  const values = ARG_VALUES();
  const valuesOf = (arg: GraphQLArgument | { name: string; type: GraphQLInputType }, where: string): unknown[] => {
    if (arg.name === 'id') {
      const ids = ID_BY_QUERY()[field.name];
      if (!ids) missing.push(`${field.name}(id): add it to ID_BY_QUERY`);
      return ids ?? [];
    }
    if (!(arg.name in values)) {
      const named = getNamedType(arg.type);
      if (isEnumType(named)) return named.getValues().map((v) => v.value as unknown);
      missing.push(`${where}: add "${arg.name}" to ARG_VALUES (or the query to EXPLICIT)`);
      return [];
    }
    return values[arg.name];
  };
  const base: Record<string, unknown> = {};
  const variants: Array<Record<string, unknown>> = [];
  for (const arg of field.args) {
    const named = getNamedType(arg.type);
    if (isInputObjectType(named)) {
      if (isNonNullType(arg.type))
        missing.push(`${field.name}(${arg.name}: ${String(arg.type)}): add the query to EXPLICIT`);
      for (const inner of Object.values(named.getFields())) {
        for (const v of valuesOf(inner, `${field.name}(${arg.name}.${inner.name})`))
          variants.push({ [arg.name]: { [inner.name]: v } });
      }
      continue;
    }
    const vs = valuesOf(arg, `${field.name}(${arg.name})`);
    if (isNonNullType(arg.type)) {
      if (vs.length === 0) missing.push(`${field.name}(${arg.name}) is required but has no value`);
      base[arg.name] = vs[0];
      for (const v of vs.slice(1)) variants.push({ [arg.name]: v });
    } else {
      for (const v of vs) variants.push({ [arg.name]: v });
    }
  }
  return [base, ...variants.map((v) => ({ ...base, ...v }))].map((args) => ({ query: field.name, args }));
}

function operation(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): string {
  const used = field.args.filter((a) => a.name in args);
  const vars = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const pass = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `query${vars ? `(${vars})` : ''} { ${field.name}${pass ? `(${pass})` : ''} ${selection(getNamedType(field.type), 1)} }`;
}

interface Walked {
  call: Call;
  data: unknown;
  codes: string[];
}

async function walk(token: string | null): Promise<Walked[]> {
  const missing: string[] = [];
  const todo = Object.values(schema.getQueryType()!.getFields()).flatMap((field) =>
    calls(field, missing).map((call) => ({ field, call })),
  );
  expect(missing, 'queries whose arguments the walk cannot generate').toEqual([]);
  const out: Walked[] = [];
  // A few at a time: the walk is a few hundred requests.
  for (let i = 0; i < todo.length; i += 6) {
    await Promise.all(
      todo.slice(i, i + 6).map(async ({ field, call }) => {
        const res = await server.gql(operation(field, call.args), call.args, token);
        out.push({
          call,
          data: res.data ?? null,
          codes: (res.errors ?? []).map((e) => String(e.extensions?.code ?? e.message)),
        });
      }),
    );
  }
  return out;
}

const describeCall = (c: Call) => `${c.query}(${JSON.stringify(c.args)})`;

async function collectForeign(): Promise<void> {
  const p = `${SCOPE}%`;
  const rows: Array<{ token: string; what: string }> = await ds.query(
    `WITH fs AS (SELECT organization_id AS id FROM supplier_profile WHERE county_code NOT LIKE $1),
          fa AS (SELECT id FROM organization WHERE kind = 'AGENCY' AND coalesce(region_code, '') NOT LIKE $1),
          fo AS (SELECT o.id FROM orders o WHERE NOT EXISTS (
                   SELECT 1 FROM supplier_order so JOIN supplier_profile sp ON sp.organization_id = so.supplier_id
                    WHERE so.order_id = o.id AND sp.county_code LIKE $1)),
          fc AS (SELECT id FROM channel WHERE region_code IS NULL OR region_code NOT LIKE $1)
     SELECT id::text AS token, 'supplier ' || name AS what FROM organization WHERE id IN (SELECT id FROM fs)
     UNION ALL SELECT id::text, 'agency ' || name FROM organization WHERE id IN (SELECT id FROM fa)
     UNION ALL SELECT DISTINCT m.user_id::text, CASE WHEN m.organization_id IN (SELECT id FROM fa) THEN 'agency user ' ELSE 'supplier user ' END || coalesce(u.email, u.phone, '') || ' (' || m.role || ')'
                FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.organization_id IN (SELECT id FROM fa UNION SELECT id FROM fs)
     UNION ALL SELECT id::text, 'product ' || title FROM product WHERE supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT v.id::text, 'variant ' || v.sku FROM variant v JOIN product pr ON pr.id = v.product_id WHERE pr.supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT l.id::text, 'lot ' || l.lot_no FROM lot l JOIN variant v ON v.id = l.variant_id JOIN product pr ON pr.id = v.product_id WHERE pr.supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT c.id::text, 'certification ' || coalesce(c.certificate_no, c.status) FROM certification c JOIN product pr ON pr.id = c.product_id WHERE pr.supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT id::text, 'linkage' FROM linkage WHERE supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT id::text, 'household ' || head_name FROM household WHERE village_code NOT LIKE $1
     UNION ALL SELECT id::text, 'attribution rule' FROM attribution_rule WHERE supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT id::text, 'attribution entry' FROM attribution_entry WHERE coalesce(region_code, village_code, '') NOT LIKE $1
     UNION ALL SELECT id::text, 'supplier order' FROM supplier_order WHERE supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT id::text, 'order line ' || product_title FROM order_line WHERE supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT id::text, 'order ' || order_no FROM orders WHERE id IN (SELECT id FROM fo)
     UNION ALL SELECT id::text, 'payment' FROM payment WHERE order_id IN (SELECT id FROM fo)
     UNION ALL SELECT id::text, 'payout' FROM payout WHERE supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT id::text, 'complaint' FROM complaint WHERE region_code NOT LIKE $1
     UNION ALL SELECT id::text, 'supplier rating' FROM supplier_rating WHERE supplier_id IN (SELECT id FROM fs)
     UNION ALL SELECT a.id::text, 'ledger account ' || a.code FROM ledger_account a
              WHERE a.owner_kind = 'PLATFORM' OR a.owner_id IN (SELECT id FROM fs) OR a.owner_id IN (SELECT id FROM fc)
     UNION ALL SELECT id::text, 'counter report ' || report_id FROM counter_report WHERE channel_id IN (SELECT id FROM fc)
     UNION ALL SELECT id::text, 'purchase request ' || request_no FROM purchase_request WHERE org_id IN (SELECT id FROM fa)
     UNION ALL SELECT id::text, 'reserved-share filing' FROM reserved_share_filing WHERE org_id IN (SELECT id FROM fa)
     UNION ALL SELECT id::text, 'reserved-share exemption' FROM reserved_share_exemption WHERE org_id IN (SELECT id FROM fa)
     UNION ALL SELECT id::text, 'procurement flag' FROM procurement_anomaly_flag WHERE org_id IN (SELECT id FROM fa)
     UNION ALL SELECT id::text, 'anomaly finding ' || kind FROM anomaly_finding WHERE region_code NOT LIKE $1
     UNION ALL SELECT DISTINCT code, 'region ' || name FROM region
              WHERE level >= 3 AND left(code, 4) IN (SELECT left(county_code, 4) FROM supplier_profile WHERE county_code NOT LIKE $1)`,
    [p],
  );
  for (const r of rows) foreign.set(r.token.toLowerCase(), r.what);
}

beforeAll(async () => {
  server = await startApp({ GRAPHQL_MAX_DEPTH: '20', GRAPHQL_MAX_COMPLEXITY: '1000000' });
  ds = server.app.get(DataSource);
  schema = server.app.get(GraphQLSchemaHost).schema;
  await seedDemo(server.app);

  // An order with no part in Tongren: a counter in Guangzhou sells Liuba (Hanzhong) honey.
  const [honey] = await ds.query(`SELECT id, retail_price::int AS price FROM variant WHERE sku = 'QL-HONEY-500'`);
  const body = JSON.stringify({
    reportId: 'SCOPE-1',
    soldAt: new Date(Date.now() - 60_000).toISOString(),
    lines: [{ variantId: honey.id, quantity: 1, unitPrice: honey.price }],
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(12).toString('hex');
  const res = await fetch(`${server.url}/counters/${DEMO_COUNTER.deviceId}/sales`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-bangfu-timestamp': ts,
      'x-bangfu-nonce': nonce,
      'x-bangfu-signature': signCounterRequest(DEMO_COUNTER.secret, ts, nonce, body),
    },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const counterOrder = ((await res.json()) as { orderId: string }).orderId;

  const one = async (sql: string, params: unknown[] = []) =>
    String(Object.values((await ds.query(sql, params))[0] ?? { v: '' })[0]);
  const supplierBySku = (sku: string) =>
    one(`SELECT pr.supplier_id FROM variant v JOIN product pr ON pr.id = v.product_id WHERE v.sku = $1`, [sku]);
  const supplier = await supplierBySku('HZ-FUNGI-GIFT');
  F = {
    supplier,
    supplierQingyuan: await supplierBySku('LZ-RICE-10KG'),
    // The demo's finding about 连州菜心 (清远): outside Tongren.
    finding: await one(
      `SELECT id FROM anomaly_finding WHERE region_code NOT LIKE '5206%' ORDER BY detected_at LIMIT 1`,
    ),
    agency: await one(`SELECT id FROM organization WHERE name = '广州市教育局'`),
    product: await one(`SELECT product_id FROM variant WHERE sku = 'HZ-FUNGI-GIFT'`),
    variant: await one(`SELECT id FROM variant WHERE sku = 'HZ-FUNGI-GIFT'`),
    household: await one(`SELECT id FROM household WHERE head_name = '李春生'`),
    village: '610724101202',
    order: counterOrder,
    // The retail demo order: Tongren tea and Hanzhong fungi, so the coordinator sees its Tongren part only.
    mixedOrder: await one(
      `SELECT so.order_id FROM supplier_order so WHERE so.supplier_id = $1 AND EXISTS (
         SELECT 1 FROM supplier_order t JOIN supplier_profile sp ON sp.organization_id = t.supplier_id WHERE t.order_id = so.order_id AND sp.county_code LIKE $2) LIMIT 1`,
      [supplier, `${SCOPE}%`],
    ),
    counter: await one(`SELECT id FROM channel WHERE device_id = $1`, [DEMO_COUNTER.deviceId]),
    zone: await one(`SELECT id FROM channel WHERE kind = 'ZONE' LIMIT 1`),
    certification: await one(
      `SELECT c.id FROM certification c JOIN variant v ON v.product_id = c.product_id WHERE v.sku = 'HZ-FUNGI-GIFT'`,
    ),
    purchaseRequest: await one(`SELECT id FROM purchase_request ORDER BY created_at LIMIT 1`),
    payoutBatch: (await one(`SELECT id FROM payout_batch LIMIT 1`)) || '00000000-0000-4000-8000-000000000000',
    buyerUser: await one(`SELECT id FROM app_user WHERE email = 'shopper-lin@demo.bangfu'`),
  };
  expect(F.mixedOrder, 'the demo has an order with a Tongren and a Hanzhong part').toMatch(UUID);
  // The demo's complaints are all about Tongren suppliers: one about the order's Hanzhong part (libs/aftersales).
  F.complaint = await one(
    `INSERT INTO complaint (order_id, supplier_order_id, supplier_id, buyer_user_id, region_code, kind, description)
     SELECT so.order_id, so.id, so.supplier_id, o.buyer_user_id, sp.county_code, 'QUALITY', '菌菇受潮发霉'
       FROM supplier_order so JOIN orders o ON o.id = so.order_id JOIN supplier_profile sp ON sp.organization_id = so.supplier_id
      WHERE so.order_id = $1 AND so.supplier_id = $2 RETURNING id`,
    [F.mixedOrder, supplier],
  );
  inScopeSupplierOrders = (
    await ds.query(
      `SELECT so.id FROM supplier_order so JOIN supplier_profile sp ON sp.organization_id = so.supplier_id WHERE sp.county_code LIKE $1`,
      [`${SCOPE}%`],
    )
  ).map((r: { id: string }) => r.id);
  await collectForeign();
}, 120_000);
afterAll(() => server?.close());

describe(`region scope (${SCOPE}) on every query`, () => {
  it('no query answers a coordinator or an auditor with another province’s rows', async () => {
    // What anyone may see (the public hall, the directory, division codes) is not a leak.
    const publicTokens = new Map<string, string>();
    for (const w of await walk(null)) tokens(w.data, publicTokens);
    const privateForeign = [...foreign.keys()].filter((t) => !publicTokens.has(t));
    expect(privateForeign.length, 'the demo has private rows in other provinces').toBeGreaterThan(20);

    const leaks: string[] = [];
    const bugs: string[] = [];
    let inScopeSeen = 0;
    for (const email of SCOPED_USERS) {
      const token = await server.login(email, DEMO_PASSWORD);
      for (const w of await walk(token)) {
        const seen = tokens(w.data);
        for (const [t, at] of seen)
          if (foreign.has(t) && !publicTokens.has(t) && !allowedAsBuyerSide(foreign.get(t)!, at))
            leaks.push(`${email} ${describeCall(w.call)} → ${at}: ${foreign.get(t)} (${t})`);
        if (inScopeSupplierOrders.some((id) => seen.has(id))) inScopeSeen++;
        for (const code of w.codes)
          if (code === 'INTERNAL_SERVER_ERROR' || code === 'GRAPHQL_VALIDATION_FAILED')
            bugs.push(`${email} ${describeCall(w.call)} → ${code}`);
      }
    }
    expect(bugs).toEqual([]);
    expect([...new Set(leaks)]).toEqual([]);
    // The walk reads real data: scoped users do see their own region's supplier orders.
    expect(inScopeSeen).toBeGreaterThan(0);
  }, 300_000);

  it('the same walk as a platform admin does see other provinces (the check can fail)', async () => {
    const token = await server.login('admin@demo.bangfu', DEMO_PASSWORD);
    const seen = new Map<string, string>();
    for (const w of await walk(token)) tokens(w.data, seen);
    const kinds = new Set([...seen.keys()].filter((t) => foreign.has(t)).map((t) => foreign.get(t)!.split(' ')[0]));
    expect([...kinds]).toEqual(expect.arrayContaining(['ledger', 'household', 'supplier', 'order', 'lot']));
  }, 300_000);
});
