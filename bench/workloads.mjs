// Each workload: setup(url, { sql, catalog }) → context, run(context, clientIndex) → one request (throws on
// failure), optional report(context, { sql }) → extra columns for the results table. `catalog: true`
// workloads read the generated catalogue (bench/catalog.mjs), created once before the first of them.
import { randomUUID } from 'node:crypto';
import { NOT_GENERATED_SKU, prng, SEARCH_HITS, SEARCH_WORD } from './catalog.mjs';

/** `fetch` asks for gzip, as browsers do; `encoding: 'identity'` asks for the answer uncompressed. */
export async function gql(url, query, variables, token, { encoding } = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(encoding ? { 'accept-encoding': encoding } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(body.errors[0].message);
  return body.data;
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id totalAmount } ... on InsufficientStockError { message } ... on ProductUnavailableError { message } ... on CertificationInvalidError { message } ... on InvalidOrderInputError { message } } }`;

/** Certified, published variants of approved suppliers in the demo data, grouped by supplier; their stock topped up. */
async function demoVariants(sql) {
  const rows = await sql(
    `SELECT v.id, p.supplier_id FROM variant v
       JOIN product p ON p.id = v.product_id
       JOIN supplier_profile sp ON sp.organization_id = p.supplier_id
      WHERE v.active AND p.status = 'PUBLISHED' AND sp.status = 'APPROVED' AND ${NOT_GENERATED_SKU}
        AND EXISTS (SELECT 1 FROM certification c WHERE c.product_id = p.id AND c.status = 'CERTIFIED'
                      AND c.valid_from <= (now() AT TIME ZONE 'Asia/Shanghai')::date AND c.valid_to >= (now() AT TIME ZONE 'Asia/Shanghai')::date)
      ORDER BY p.supplier_id, v.id`,
  );
  const bySupplier = new Map();
  for (const r of rows) bySupplier.set(r.supplier_id, [...(bySupplier.get(r.supplier_id) ?? []), r.id]);
  // Every order must reserve: the run measures placing orders, not sold-out answers.
  await sql(`UPDATE variant SET stock_on_hand = stock_on_hand + 1000000 WHERE id = ANY($1::uuid[])`, [
    rows.map((r) => r.id),
  ]);
  return bySupplier;
}

/** Every order of 3 lines from 2 suppliers the demo allows: two variants of one supplier, one of another. */
function basketsOf(bySupplier) {
  const baskets = [];
  for (const [x, ids] of bySupplier) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        for (const [y, others] of bySupplier) if (y !== x) for (const c of others) baskets.push([ids[i], ids[j], c]);
      }
    }
  }
  if (baskets.length === 0)
    throw new Error('checkout bench needs two suppliers with certified variants, one of them with two');
  return baskets;
}

/** n customer accounts (made by the platform admin: self-registration waits for an e-mailed link), signed in. */
async function customers(url, n) {
  const login = async (e, p) =>
    (await gql(url, 'mutation($e: String!, $p: String!) { login(identifier: $e, password: $p) { token } }', { e, p }))
      .login.token;
  const admin = await login('admin@demo.bangfu', 'bangfu-demo');
  const tokens = [];
  for (let i = 0; i < n; i++) {
    const email = `bench-${randomUUID().slice(0, 8)}@bench.bangfu`;
    await gql(
      url,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email, displayName: `压测顾客 ${i}`, password: 'bench-password-1', role: 'CUSTOMER' } },
      admin,
    );
    tokens.push(await login(email, 'bench-password-1'));
  }
  return tokens;
}

/**
 * Checkout: 20 customers place retail orders of 3 lines from 2 suppliers in the demo's online hall.
 * `checkout` rotates over every basket the certified demo variants allow (a busy shop);
 * `checkout-hot` sends every order for the same three variants (a flash sale: all reservations
 * queue on the same rows).
 */
/** placeOrder of the context's next basket (1 + 2 + 1 units) as client i; anything but an Order throws. */
async function placeNextBasket(ctx, i) {
  const [a, b, c] = ctx.baskets[ctx.n++ % ctx.baskets.length];
  const input = {
    idempotencyKey: randomUUID(),
    channelId: ctx.hall,
    lines: [
      { variantId: a, quantity: 1 },
      { variantId: b, quantity: 2 },
      { variantId: c, quantity: 1 },
    ],
  };
  const { placeOrder } = await gql(ctx.url, PLACE, { input }, ctx.tokens[i]);
  if (placeOrder.__typename !== 'Order') throw new Error(`${placeOrder.__typename}: ${placeOrder.message}`);
  return { order: placeOrder, idempotencyKey: input.idempotencyKey };
}

function checkoutWorkload(name, hot) {
  return {
    name,
    concurrency: 20,
    async setup(url, { sql }) {
      const [hall] = await sql(
        `SELECT id FROM channel WHERE kind = 'HALL' AND online AND status = 'ACTIVE' ORDER BY created_at LIMIT 1`,
      );
      const bySupplier = await demoVariants(sql);
      const baskets = basketsOf(bySupplier);
      const tokens = await customers(url, this.concurrency);
      process.stdout.write(
        `${name}: ${hot ? 1 : baskets.length} basket(s) over ${[...bySupplier.values()].flat().length} variants of ${bySupplier.size} suppliers\n`,
      );
      return { url, hall: hall.id, baskets: hot ? baskets.slice(0, 1) : baskets, tokens, n: 0, startedAt: new Date() };
    },
    async run(ctx, i) {
      await placeNextBasket(ctx, i);
    },
    async report(ctx, { sql }) {
      const [row] = await sql(`SELECT count(*)::int AS n FROM orders WHERE created_at >= $1`, [ctx.startedAt]);
      return { ordersCreated: row.n };
    },
  };
}

/** The issue 16 workloads' product page: the fields the storefront's list shows (Variant has spec, not title). */
const PRODUCT_FIELDS = 'edges { node { id title variants { id spec retailPrice stockAvailable } } }';
const W1 = `{ products(first: 20) { ${PRODUCT_FIELDS} } }`;
const W2 = `{ products(filter: { search: "${SEARCH_WORD}" }, first: 20) { totalCount ${PRODUCT_FIELDS} } }`;
// Retail customers pay by bank transfer where Stripe is not configured (payOrder answers card/wallet methods only).
const PAY = `mutation($i: RecordBankTransferInput!) { recordBankTransfer(input: $i) { id } }`;

/** Baskets of the generated catalogue: two variants of one supplier and one of another, seeded. */
function generatedBaskets(bySupplier, n = 2000) {
  const rnd = prng(3);
  const suppliers = [...bySupplier.keys()];
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const baskets = [];
  while (baskets.length < n) {
    const [x, y] = [pick(suppliers), pick(suppliers)];
    const [a, b, c] = [pick(bySupplier.get(x)), pick(bySupplier.get(x)), pick(bySupplier.get(y))];
    if (x !== y && a !== b) baskets.push([a, b, c]);
  }
  return baskets;
}

/** W1: the first page of the catalogue; `encoding` as gql takes it. */
function productPageWorkload(name, label, encoding) {
  return {
    name,
    label,
    catalog: true,
    concurrency: 50,
    setup: async (url) => ({ url }),
    async run({ url }) {
      const { products } = await gql(url, W1, undefined, undefined, { encoding });
      if (products.edges.length !== 20) throw new Error(`${label}: ${products.edges.length} products on the page`);
    },
  };
}

export const workloads = [
  {
    name: 'typename',
    label: 'W0',
    concurrency: 50,
    setup: async (url) => ({ url }),
    run: ({ url }) => gql(url, '{ __typename }'),
  },
  productPageWorkload('products', 'W1'),
  // W1 without compression: what gzip costs the API on a product page.
  productPageWorkload('products-identity', 'W1i', 'identity'),
  {
    name: 'search',
    label: 'W2',
    catalog: true,
    concurrency: 50,
    setup: async (url) => ({ url }),
    async run({ url }) {
      const { products } = await gql(url, W2);
      if (products.totalCount !== SEARCH_HITS) throw new Error(`W2: ${products.totalCount} hits, not ${SEARCH_HITS}`);
    },
  },
  {
    name: 'retail-checkout',
    label: 'W3',
    catalog: true,
    concurrency: 20,
    async setup(url, { catalog }) {
      return {
        url,
        hall: catalog.hall,
        baskets: generatedBaskets(catalog.bySupplier),
        tokens: await customers(url, this.concurrency),
        n: 0,
      };
    },
    /** placeOrder (3 lines, 2 suppliers), then the bank transfer recorded against it: one checkout. */
    async run(ctx, i) {
      const { order, idempotencyKey } = await placeNextBasket(ctx, i);
      const transfer = { orderId: order.id, amount: order.totalAmount, reference: idempotencyKey };
      await gql(ctx.url, PAY, { i: { ...transfer, paidAt: new Date().toISOString() } }, ctx.tokens[i]);
    },
  },
  {
    name: 'regions-children',
    concurrency: 50,
    setup: async (url) => ({ url }),
    run: ({ url }) => gql(url, '{ regions(parentCode: "520621000000") { code name level } }'),
  },
  {
    name: 'me-authenticated',
    concurrency: 50,
    setup: async (url) => ({
      url,
      token: (
        await gql(url, 'mutation { login(identifier: "purchaser@demo.bangfu", password: "bangfu-demo") { token } }')
      ).login.token,
    }),
    run: ({ url, token }) => gql(url, '{ me { id displayName roles } }', {}, token),
  },
  checkoutWorkload('checkout', false),
  checkoutWorkload('checkout-hot', true),
];
