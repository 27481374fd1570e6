// Direct GraphQL calls for test set-up (fixtures the journeys need but do not exercise).
import type { APIRequestContext } from '@playwright/test';

export const PASSWORD = 'bangfu-demo';
export const DEMO = {
  admin: 'admin@demo.bangfu',
  supplier: 'supplier@demo.bangfu',
  coordinator: 'coordinator@demo.bangfu',
  /** The demo cooperative supplier@demo.bangfu administers (county 520621 江口县). */
  cooperative: '江口县梵净山茶叶专业合作社',
  county: '520621000000',
};

export class GraphQLFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export async function gql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length)
    throw new GraphQLFailure(body.errors[0].extensions?.code ?? 'UNKNOWN', body.errors[0].message);
  return body.data as T;
}

export async function tokenFor(request: APIRequestContext, identifier: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    request,
    'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }',
    {
      i: identifier,
      p: PASSWORD,
    },
  );
  return data.login.token;
}

/** 统一社会信用代码 check character (GB 32100-2015), to make valid codes for new test organisations. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function withCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}

export function randomCreditCode(countyDigits: string): string {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return withCheckChar(`93${countyDigits}${tail}MA`.slice(0, 17));
}

interface SupplierRow {
  id: string;
  name: string;
  status: string;
}

export interface ReadySupplier {
  id: string;
  name: string;
  /** What had to be created because the demo data lacked it (empty when the demo data sufficed). */
  created: string[];
}

/** One variant of a product made in a spec; prices in fen, ¥39 / ¥35 / ¥45 unless the spec cares. */
export interface VariantSetup {
  sku: string;
  spec: string;
  unit: string;
  stockOnHand: number;
  retailPrice?: number;
  agencyPrice?: number;
  marketReferencePrice?: number;
}

/** A draft product of the supplier, grown in the demo county, made through GraphQL with its token; answers its id. */
export async function createProduct(
  request: APIRequestContext,
  token: string,
  product: { supplierId: string; title: string; variant: VariantSetup },
): Promise<string> {
  const { supplierId, title, variant } = product;
  const { createProduct } = await gql<{ createProduct: { id: string } }>(
    request,
    'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }',
    {
      input: {
        supplierId,
        title,
        originRegionCode: DEMO.county,
        variants: [{ retailPrice: 3900, agencyPrice: 3500, marketReferencePrice: 4500, ...variant }],
      },
    },
    token,
  );
  return createProduct.id;
}
/**
 * An APPROVED supplier that supplier@demo.bangfu administers, with a linkage (利益联结) in force so a
 * coordinator may verify its products. Uses the demo cooperative when the demo data has admitted it;
 * otherwise builds the missing pieces through the API (apply → recommend → approve, household, linkage)
 * and says so in `created`.
 */
export async function ensureApprovedSupplier(request: APIRequestContext): Promise<ReadySupplier> {
  const created: string[] = [];
  const supplierToken = await tokenFor(request, DEMO.supplier);
  const { suppliers } = await gql<{ suppliers: SupplierRow[] }>(
    request,
    '{ suppliers { id name status } }',
    {},
    supplierToken,
  );
  let supplier =
    suppliers.find((s) => s.status === 'APPROVED' && s.name === DEMO.cooperative) ??
    suppliers.find((s) => s.status === 'APPROVED');

  if (!supplier) {
    const name = `梵净山生态茶叶合作社（测试${Date.now().toString(36)}）`;
    const { applyAsSupplier } = await gql<{ applyAsSupplier: SupplierRow }>(
      request,
      'mutation($input: ApplyAsSupplierInput!) { applyAsSupplier(input: $input) { id name status } }',
      {
        input: {
          name,
          creditCode: randomCreditCode(DEMO.county.slice(0, 6)),
          kind: 'COOPERATIVE',
          countyCode: DEMO.county,
          linkageMechanism: '订单收购：与本村农户签订鲜叶保底收购协议',
        },
      },
      supplierToken,
    );
    // Admission: the county coordinator recommends, then the platform approves.
    for (const [user, move] of [
      [DEMO.coordinator, 'recommendSupplier'],
      [DEMO.admin, 'approveSupplier'],
    ] as const) {
      await gql(
        request,
        `mutation($id: ID!) { ${move}(supplierId: $id) { id } }`,
        { id: applyAsSupplier.id },
        await tokenFor(request, user),
      );
    }
    supplier = { ...applyAsSupplier, status: 'APPROVED' };
    created.push(`approved supplier "${name}" (the demo data has no APPROVED supplier for ${DEMO.supplier})`);
  }

  const { linkages } = await gql<{ linkages: Array<{ id: string; active: boolean }> }>(
    request,
    'query($id: ID!) { linkages(supplierId: $id) { id active } }',
    { id: supplier.id },
    supplierToken,
  );
  if (!linkages.some((l) => l.active)) {
    const village = await firstVillage(request, DEMO.county);
    const { createHousehold } = await gql<{ createHousehold: { id: string } }>(
      request,
      'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }',
      { input: { villageCode: village, headName: '杨秀英', size: 4, status: 'EX_POVERTY', supplierId: supplier.id } },
      supplierToken,
    );
    await gql(
      request,
      'mutation($input: CreateLinkageInput!) { createLinkage(input: $input) { id } }',
      {
        input: {
          supplierId: supplier.id,
          householdId: createHousehold.id,
          type: 'PURCHASE_CONTRACT',
          terms: '鲜叶保底收购',
          validFrom: '2025-01-01',
        },
      },
      supplierToken,
    );
    created.push(`household + linkage for "${supplier.name}" (no linkage in force)`);
  }
  return { id: supplier.id, name: supplier.name, created };
}

export async function firstVillage(request: APIRequestContext, county: string): Promise<string> {
  const q = 'query($p: String) { regions(parentCode: $p) { code level } }';
  const { regions: towns } = await gql<{ regions: Array<{ code: string }> }>(request, q, { p: county });
  for (const town of towns) {
    const { regions: villages } = await gql<{ regions: Array<{ code: string; level: number }> }>(request, q, {
      p: town.code,
    });
    if (villages.length) return villages[0].code;
  }
  throw new Error(`no villages under ${county} in the region data`);
}

/** A variant of the product titled `title` with at least `quantity` available: set-up for orders placed through the API. */
export async function variantInStock(
  request: APIRequestContext,
  title: string,
  quantity: number,
): Promise<{ id: string; stockAvailable: number }> {
  const { products } = await gql<{
    products: { edges: Array<{ node: { title: string; variants: Array<{ id: string; stockAvailable: number }> } }> };
  }>(
    request,
    'query($s: String) { products(filter: { search: $s }, first: 5) { edges { node { title variants { id stockAvailable } } } } }',
    { s: title },
  );
  return products.edges.find((e) => e.node.title === title)!.node.variants.find((v) => v.stockAvailable >= quantity)!;
}

/** The active online assistance hall (网上专馆) of the demo data, where retail orders are placed. */
export async function onlineHallId(request: APIRequestContext): Promise<string> {
  const { channels } = await gql<{ channels: Array<{ id: string; status: string; kind: string; online: boolean }> }>(
    request,
    '{ channels { id status kind online } }',
  );
  return channels.find((c) => c.status === 'ACTIVE' && c.kind === 'HALL' && c.online)!.id;
}

/** The supplier submits the product for certification and a coordinator verifies it (县级审核); answers the certification. */
export async function submitAndVerifyCertification(
  request: APIRequestContext,
  productId: string,
  supplierToken: string,
  coordinatorToken: string,
): Promise<string> {
  const { submitCertification } = await gql<{ submitCertification: { id: string } }>(
    request,
    'mutation($p: ID!) { submitCertification(productId: $p) { id } }',
    { p: productId },
    supplierToken,
  );
  await gql(
    request,
    'mutation($id: ID!) { verifyCertification(id: $id, comment: "产地与联农带农属实") { id } }',
    { id: submitCertification.id },
    coordinatorToken,
  );
  return submitCertification.id;
}
