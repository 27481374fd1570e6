// The benchmark's generated catalogue (issue 16): 200 products with 500 variants across the demo's six
// approved suppliers, every one published, certified and placed in the online hall, and exactly 33 of
// them titled 特级… (the search workload's hits). Deterministic: a seeded PRNG picks the titles,
// variants and prices, so every run reads the same catalogue. Built through GraphQL as the roles that
// own each step (supplier staff create, publish, apply for certification and place in the hall; a
// coordinator of the origin's province verifies; the platform admin certifies), so search text,
// segmentation and pinyin columns are filled exactly as in production.

export const PRODUCTS = 200;
export const VARIANTS = 500;
export const SEARCH_WORD = '特级';
export const SEARCH_HITS = 33;
const SKU_PREFIX = 'BENCH-';

/** mulberry32: a small seeded PRNG, the same sequence on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(items, rnd) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// None of these contain 特级, so only the chosen 33 titles match the search word.
const GRADES = ['精选', '优选', '一级', '农家', '高山', '生态', '头茬', '当季'];
const PRODUCE = [
  ['绿茶', '罐'],
  ['红茶', '盒'],
  ['黄牛肉', 'kg'],
  ['香菇', '袋'],
  ['木耳', '袋'],
  ['土蜂蜜', '瓶'],
  ['菜心', '箱'],
  ['魔芋', 'kg'],
  ['腊肉', '件'],
  ['核桃', '袋'],
  ['小米', '袋'],
  ['猕猴桃', '箱'],
  ['红薯粉', '袋'],
  ['山茶油', '瓶'],
  ['脐橙', '箱'],
];
const SPECS = ['250g', '500g', '1kg', '2.5kg', '5kg', '礼盒装', '家庭装'];
const PLACES = ['梵净山', '铜仁', '汉中', '秦岭', '连州', '大巴山', '武陵山', '乌江'];

/** The products to create, as plain data (title, description, variants), index order. */
export function catalogPlan(seed = 16) {
  const rnd = prng(seed);
  const premium = new Set(shuffled([...Array(PRODUCTS).keys()], rnd).slice(0, SEARCH_HITS));
  const threeVariants = new Set(shuffled([...Array(PRODUCTS).keys()], rnd).slice(0, VARIANTS - 2 * PRODUCTS));
  const plan = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const [produce, unit] = PRODUCE[Math.floor(rnd() * PRODUCE.length)];
    const place = PLACES[Math.floor(rnd() * PLACES.length)];
    const grade = premium.has(i) ? SEARCH_WORD : GRADES[Math.floor(rnd() * GRADES.length)];
    const specs = shuffled(SPECS, rnd).slice(0, threeVariants.has(i) ? 3 : 2);
    plan.push({
      title: `${grade}${place}${produce} ${String(i + 1).padStart(3, '0')}`,
      description: `${place}脱贫县合作社的${produce}，产地直发，帮扶农户增收。`,
      variants: specs.map((spec, k) => {
        const retail = 1000 + Math.floor(rnd() * 190) * 100;
        return {
          sku: `${SKU_PREFIX}${String(i + 1).padStart(3, '0')}-${k + 1}`,
          spec,
          unit,
          retailPrice: retail,
          agencyPrice: Math.round(retail * 0.9),
          marketReferencePrice: Math.round(retail * 1.2),
          // Enough for every checkout a run can place (W3 reserves 4 units per order).
          stockOnHand: 1_000_000,
        };
      }),
    });
  }
  return plan;
}

/** SQL condition excluding the generated variants (the demo-only checkout workloads). */
export const NOT_GENERATED_SKU = `v.sku NOT LIKE '${SKU_PREFIX}%'`;

const SUPPLIER_LOGINS = [
  'supplier@demo.bangfu',
  'cattle@demo.bangfu',
  'fungi@demo.bangfu',
  'honey@demo.bangfu',
  'lianzhou@demo.bangfu',
  'chongqing@demo.bangfu',
];
const PASSWORD = 'bangfu-demo';

/** A unified social credit code for a bench organisation (the check character as identity's credit-code.ts computes it). */
function creditCode(region6, serial) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const first17 = `11${region6}MB${String(serial).padStart(7, '0')}`;
  const sum = [...first17].reduce((acc, c, i) => acc + alphabet.indexOf(c) * weights[i], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

async function inBatches(items, size, fn) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/**
 * Creates the catalogue through the API; returns { hall, bySupplier: Map(supplierId → variant ids) }.
 * `sql` reads only (the hall's id, where each supplier's demo products come from).
 */
export async function generateCatalog(gql, sql, { seed = 16, log = () => undefined } = {}) {
  const t0 = Date.now();
  const login = async (email, password = PASSWORD) =>
    (
      await gql(`mutation($e: String!, $p: String!) { login(identifier: $e, password: $p) { token } }`, {
        e: email,
        p: password,
      })
    ).login.token;
  const admin = await login('admin@demo.bangfu');
  const [hall] = await sql(
    `SELECT id FROM channel WHERE kind = 'HALL' AND online AND status = 'ACTIVE' ORDER BY created_at LIMIT 1`,
  );
  const suppliers = [];
  for (const email of SUPPLIER_LOGINS) {
    const token = await login(email);
    const { me } = await gql(`{ me { memberships { organizationId role } } }`, {}, token);
    const id = me.memberships.find((m) => m.role === 'SUPPLIER_ADMIN').organizationId;
    const origins = (
      await sql(
        `SELECT DISTINCT origin_region_code AS code FROM product WHERE supplier_id = $1 AND status = 'PUBLISHED' ORDER BY 1`,
        [id],
      )
    ).map((r) => r.code);
    suppliers.push({ token, id, origins });
  }
  // A coordination office and coordinator per origin province (the demo's cover Tongren only), made by the platform admin.
  const coordinators = new Map();
  for (const province of new Set(suppliers.flatMap((s) => s.origins.map((c) => c.slice(0, 2))))) {
    const { createOrganization } = await gql(
      `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }`,
      {
        i: {
          kind: 'COORDINATION_OFFICE',
          name: `压测消费帮扶协调办公室 ${province}`,
          regionCode: `${province}0000000000`,
          creditCode: creditCode(`${province}0000`, 1600 + Number(province)),
        },
      },
      admin,
    );
    const email = `bench-coordinator-${province}@bench.bangfu`;
    await gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: {
          email,
          displayName: `压测协调员 ${province}`,
          password: 'bench-password-1',
          role: 'COORDINATOR',
          organizationId: createOrganization.id,
          regionPrefix: province,
        },
      },
      admin,
    );
    coordinators.set(province, await login(email, 'bench-password-1'));
  }
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4, 8)}28`;
  const plan = catalogPlan(seed);
  const bySupplier = new Map(suppliers.map((s) => [s.id, []]));
  await inBatches([...plan.entries()], 6, async ([i, p]) => {
    const s = suppliers[i % suppliers.length];
    const origin = s.origins[i % s.origins.length];
    const { createProduct } = await gql(
      `mutation($i: CreateProductInput!) { createProduct(input: $i) { id variants { id } } }`,
      { i: { title: p.title, description: p.description, originRegionCode: origin, variants: p.variants } },
      s.token,
    );
    const productId = createProduct.id;
    await gql(`mutation($p: ID!) { publishProduct(productId: $p) { id } }`, { p: productId }, s.token);
    const { submitCertification } = await gql(
      `mutation($p: ID!) { submitCertification(productId: $p) { id } }`,
      { p: productId },
      s.token,
    );
    await gql(
      `mutation($c: ID!) { verifyCertification(id: $c, comment: "产地与联农机制已核实") { id } }`,
      { c: submitCertification.id },
      coordinators.get(origin.slice(0, 2)),
    );
    await gql(
      `mutation($c: ID!, $i: CertifyProductInput!) { certifyProduct(id: $c, input: $i) { id } }`,
      {
        c: submitCertification.id,
        i: {
          batch: '压测批次',
          certificateNo: `BENCH-CERT-${String(i + 1).padStart(3, '0')}`,
          issuer: '帮扶产品认定机构',
          validFrom: today,
          validTo: nextYear,
        },
      },
      admin,
    );
    await gql(
      `mutation($c: ID!, $p: ID!) { placeProductInChannel(channelId: $c, productId: $p) { id } }`,
      { c: hall.id, p: productId },
      s.token,
    );
    bySupplier.get(s.id).push(...createProduct.variants.map((v) => v.id));
  });
  for (const ids of bySupplier.values()) ids.sort();
  log(
    `catalogue: ${PRODUCTS} products / ${VARIANTS} variants of ${suppliers.length} suppliers in ${Date.now() - t0} ms`,
  );
  return { hall: hall.id, bySupplier };
}
