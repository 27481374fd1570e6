import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrganizationKind, Role } from '@bangfu/core';
import { createOrg, signedActor as actor, type Actor } from '@bangfu/identity';
import { createHouseholdFixture, createLinkageFixture, createSupplierFixture } from '@bangfu/supplier';
import { type FileServer, serverForFile, startWithDataSource, type TestServer } from '@bangfu/testing';
import { ProduceModule } from './produce.module';

export { actor, type Actor };

/** Spec support (not exported from the lib): one real server per spec file. */
export function startProduceServer() {
  return startWithDataSource({ imports: [ProduceModule], env: { DATABASE_POOL_SIZE: '25' } });
}

export async function villages(ds: DataSource, countyPrefix: string, n: number): Promise<string[]> {
  const rows: Array<{ code: string }> = await ds.query(
    `SELECT code FROM region WHERE code LIKE $1 AND level = 5 ORDER BY code LIMIT $2`,
    [`${countyPrefix}%`, n],
  );
  if (rows.length < n) throw new Error(`test template lacks villages under ${countyPrefix}`);
  return rows.map((r) => r.code);
}

/** An approved cooperative with a signed-in admin. */
export async function cooperative(
  server: TestServer,
  ds: DataSource,
  countyCode = '520621000000',
): Promise<{ supplierId: string; staff: Actor }> {
  const { supplierId } = await createSupplierFixture(ds, { countyCode });
  return { supplierId, staff: await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: supplierId }) };
}

/** A household with a FARMER login (member of the supplier), linked to the supplier today. */
export async function farmerHousehold(
  server: TestServer,
  ds: DataSource,
  supplierId: string,
  villageCode: string,
  headName = '田秀英',
): Promise<{ householdId: string; farmer: Actor }> {
  const farmer = await actor(server, ds, Role.FARMER, { organizationId: supplierId });
  const h = await createHouseholdFixture(ds, {
    villageCode,
    headName,
    userId: farmer.userId,
    createdByOrgId: supplierId,
  });
  await createLinkageFixture(ds, { supplierId, householdId: h.id });
  return { householdId: h.id, farmer };
}

/** A cooperative in 江口县 and one farmer household of the county's first village: where most produce specs start. */
export async function villageCooperative(
  server: TestServer,
  ds: DataSource,
  headName?: string,
): Promise<{ village: string; supplierId: string; staff: Actor; householdId: string; farmer: Actor }> {
  const [village] = await villages(ds, '520621', 1);
  const { supplierId, staff } = await cooperative(server, ds);
  const { householdId, farmer } = await farmerHousehold(server, ds, supplierId, village, headName);
  return { village, supplierId, staff, householdId, farmer };
}

export type VillageFile = FileServer & Awaited<ReturnType<typeof villageCooperative>>;

/**
 * serverForFile with villageCooperative's cooperative and farmer household, which most produce spec files share;
 * `start` when the file needs more modules than produce's.
 */
export function villageForFile(headName?: string, start: () => Promise<FileServer> = startProduceServer): VillageFile {
  return serverForFile(async () => {
    const s = await start();
    return { ...s, ...(await villageCooperative(s.server, s.ds, headName)) };
  });
}

/** A coordinator with its own coordination office registered at the prefix's region. */
export async function coordinator(
  server: TestServer,
  ds: DataSource,
  prefix: string,
  role = Role.COORDINATOR,
): Promise<Actor> {
  const regionCode = prefix.padEnd(12, '0');
  const office = await createOrg(ds, { kind: OrganizationKind.COORDINATION_OFFICE, regionCode });
  return actor(server, ds, role, { organizationId: office.id, regionPrefix: prefix });
}

/** A product of the supplier with one variant in the given unit (stock 0), for receipts into lots. */
export async function variantOf(
  ds: DataSource,
  supplierId: string,
  unit = '斤',
): Promise<{ productId: string; variantId: string }> {
  const [p] = await ds.query(
    `INSERT INTO product (supplier_id, title, origin_region_code, status) VALUES ($1, '白萝卜', '520621000000', 'PUBLISHED') RETURNING id`,
    [supplierId],
  );
  const [v] = await ds.query(
    `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand)
     VALUES ($1, $2, '5斤装', $3, 1000, 900, 1200, 0) RETURNING id`,
    [p.id, `RAD-${randomBytes(5).toString('hex')}`, unit],
  );
  return { productId: p.id, variantId: v.id };
}

export const OFFER_FIELDS = `id householdId villageCode cropName variety quantity committedQuantity availableQuantity unit availableFrom availableUntil askingPrice status assisted
  household { id headName nameMasked }`;
export const CREATE_OFFER = `mutation($input: CreateProduceOfferInput!) { createProduceOffer(input: $input) { ${OFFER_FIELDS} } }`;
export const COMMIT = `mutation($offerId: ID!, $quantity: Int!, $unitPrice: Money!, $pickupDate: String!) {
  commitToProduceOffer(offerId: $offerId, quantity: $quantity, unitPrice: $unitPrice, pickupDate: $pickupDate) {
    __typename
    ... on ProduceCommitment { id status quantity unitPrice amount belowAskingPrice supplierName }
    ... on OfferQuantityExceededError { code requested available }
    ... on OfferNotOpenError { code offerStatus }
  } }`;
export const ACCEPT = `mutation($id: ID!) { acceptProduceCommitment(id: $id) { id status } }`;
export const DECLINE = `mutation($id: ID!, $reason: String!) { declineProduceCommitment(id: $id, reason: $reason) { id status declineReason } }`;
export const RECEIVE = `mutation($commitmentId: ID!, $quantity: Int!, $lotId: ID, $newLot: NewLotInput, $lotQuantity: Int, $householdConfirmation: String) {
  recordProduceReceipt(commitmentId: $commitmentId, quantity: $quantity, lotId: $lotId, newLot: $newLot, lotQuantity: $lotQuantity, householdConfirmation: $householdConfirmation) {
    __typename
    ... on ProduceReceipt { id lotId lotNo quantity committedQuantity shortfall lotQuantity unitPrice amount householdConfirmedAt payment { id status amount } }
    ... on ReceiptExceedsCommitmentError { code committed received }
  } }`;
export const PAY = `mutation($receiptId: ID!, $method: ProducePaymentMethod!, $reference: String!) {
  recordProducePayment(receiptId: $receiptId, method: $method, reference: $reference) { id status amount method reference paidOn } }`;
export const OFFERS = `query($filter: ProduceOfferFilter, $first: Int, $after: String) {
  produceOffers(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${OFFER_FIELDS} } } } }`;

/** The cooperative proposes to buy `quantity` of an offer at `unitPrice` (pick-up tomorrow unless told): the union result. */
export async function commitTo(
  server: TestServer,
  staff: Actor,
  offerId: string,
  quantity: number,
  unitPrice: number,
  pickupDate = shanghaiDate(1),
) {
  return (await server.gqlOk(COMMIT, { offerId, quantity, unitPrice, pickupDate }, staff.token)).commitToProduceOffer;
}

export function offerInput(overrides: Record<string, unknown> = {}) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const until = new Date(Date.now() + 10 * 86_400_000);
  return {
    cropName: '白萝卜',
    variety: '本地白',
    quantity: 500,
    unit: '斤',
    availableFrom: today,
    availableUntil: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(until),
    askingPrice: 150,
    note: '',
    ...overrides,
  };
}

export function shanghaiDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}
