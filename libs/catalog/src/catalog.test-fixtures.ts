import { DataSource } from 'typeorm';
import { OrganizationKind, Role } from '@bangfu/core';
import { createOrg, createUserWithRole } from '@bangfu/identity';
import { startWithDataSource } from '@bangfu/testing';
import { CatalogModule } from './catalog.module';

/** The real server with catalog and the domains it reads through (regions, identity, suppliers). */
export function startCatalogServer(env: Record<string, string> = {}) {
  return startWithDataSource({ imports: [CatalogModule], env });
}

/**
 * Test fixtures written with plain SQL, so catalog tests do not depend on the supplier domain's
 * mutations: an admitted supplier with a SUPPLIER_ADMIN, households, linkages.
 */
export interface SupplierFixture {
  id: string;
  email: string;
  password: string;
}

export async function supplierFixture(
  ds: DataSource,
  input: { status?: string; countyCode?: string; name?: string; role?: Role } = {},
): Promise<SupplierFixture> {
  const countyCode = input.countyCode ?? '520621000000';
  const org = await createOrg(ds, { kind: OrganizationKind.SUPPLIER, regionCode: countyCode, name: input.name });
  await ds.query(
    `INSERT INTO supplier_profile (organization_id, kind, county_code, linkage_mechanism, status) VALUES ($1, 'COOPERATIVE', $2, '订单收购', $3)`,
    [org.id, countyCode, input.status ?? 'APPROVED'],
  );
  const user = await createUserWithRole(ds, input.role ?? Role.SUPPLIER_ADMIN, { organizationId: org.id });
  return { id: org.id, email: user.email, password: user.password };
}

export async function villageOf(ds: DataSource, countyPrefix: string): Promise<string> {
  const [row] = await ds.query(`SELECT code FROM region WHERE code LIKE $1 AND level = 5 ORDER BY code LIMIT 1`, [
    `${countyPrefix}%`,
  ]);
  return row.code;
}

export async function householdFixture(ds: DataSource, villageCode: string, linkedTo?: string): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO household (village_code, head_name, size, status) VALUES ($1, '杨大哥', 4, 'EX_POVERTY') RETURNING id`,
    [villageCode],
  );
  if (linkedTo) {
    await ds.query(
      `INSERT INTO linkage (supplier_id, household_id, type, valid_from) VALUES ($1, $2, 'PURCHASE_CONTRACT', (now() AT TIME ZONE 'Asia/Shanghai')::date - 30)`,
      [linkedTo, row.id],
    );
  }
  return row.id;
}

let skuSeq = 0;
export function variantInput(overrides: Record<string, unknown> = {}) {
  skuSeq += 1;
  return {
    sku: `T-${Date.now().toString(36)}-${skuSeq}`,
    spec: '250g×2罐',
    unit: '盒',
    retailPrice: 12800,
    agencyPrice: 11800,
    marketReferencePrice: 15800,
    stockOnHand: 10,
    ...overrides,
  };
}

export const PRODUCT_FIELDS = `id title description status originRegionCode categoryId
  originRegion { code name path { code name } }
  supplier { id name }
  variants { id sku spec unit retailPrice agencyPrice marketReferencePrice stockOnHand stockAvailable active }
  images { id url contentType }
  incomeShare { perUnitToHouseholds householdCount }
  statusHistory { fromStatus toStatus actorUserId reason }`;

export const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`;
export const PUBLISH = `mutation($id: ID!) { publishProduct(productId: $id) { id status } }`;
export const UNPUBLISH = `mutation($id: ID!, $reason: String) { unpublishProduct(productId: $id, reason: $reason) { id status } }`;
export const PRODUCT = `query($id: ID!) { product(id: $id) { ${PRODUCT_FIELDS} } }`;
export const PRODUCTS = `query($filter: ProductFilter, $first: Int, $after: String) {
  products(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    edges { cursor node { id title status } }
  } }`;
