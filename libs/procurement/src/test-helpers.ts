import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { OrganizationKind, RequestContext, Role, TokenService } from '@bangfu/core';
import { insertCertificationFixture, insertProductFixture, insertVariantFixture } from '@bangfu/certification';
import { createOrg, signedActor as actor, type Actor } from '@bangfu/identity';
import { DomainEventDispatcher, OutboxService } from '@bangfu/events';
import { OrderService } from '@bangfu/ordering';
import { count, startWithDataSource, type TestServer } from '@bangfu/testing';
import { createSupplierFixture } from '@bangfu/supplier';
import { ProcurementModule } from './procurement.module';

export { actor, type Actor, count };

/** Spec support (not exported from the lib): a real server with ordering and procurement. */
export function startProcurementServer() {
  return startWithDataSource({ imports: [ProcurementModule], env: { DATABASE_POOL_SIZE: '10' } });
}

export const sys = () => RequestContext.system('test');

/** Gives an existing user one more role in a unit (e.g. a purchaser who is also an approver). */
export async function grant(ds: DataSource, userId: string, role: Role, organizationId: string): Promise<void> {
  await ds.query(`INSERT INTO membership (user_id, role, organization_id) VALUES ($1, $2, $3)`, [
    userId,
    role,
    organizationId,
  ]);
}

/** A coordinator (or auditor) in a coordination office of the region, scoped to the prefix. */
export async function regional(
  server: TestServer,
  ds: DataSource,
  role: Role.COORDINATOR | Role.AUDITOR,
  prefix: string,
): Promise<Actor> {
  const office = await createOrg(ds, {
    kind: OrganizationKind.COORDINATION_OFFICE,
    regionCode: prefix.padEnd(12, '0'),
  });
  return actor(server, ds, role, { organizationId: office.id, regionPrefix: prefix });
}

export async function unit(
  ds: DataSource,
  input: { regionCode?: string; parentId?: string; name?: string } = {},
): Promise<string> {
  const org = await createOrg(ds, {
    kind: OrganizationKind.AGENCY,
    regionCode: input.regionCode ?? '520621000000',
    parentId: input.parentId ?? null,
    name: input.name,
  });
  return org.id;
}

export interface Unit {
  id: string;
  admin: Actor;
  purchaser: Actor;
  approver: Actor;
}

/** A unit with its admin, a purchaser and an approver, their limits set by the admin (10,000,000 fen unless told). */
export async function staffedUnit(
  server: TestServer,
  ds: DataSource,
  input: { regionCode?: string; parentId?: string; name?: string; spending?: number; approval?: number } = {},
): Promise<Unit> {
  const id = await unit(ds, { regionCode: input.regionCode, parentId: input.parentId, name: input.name });
  const admin = await actor(server, ds, Role.AGENCY_ADMIN, { organizationId: id });
  const purchaser = await actor(server, ds, Role.PURCHASER, { organizationId: id });
  const approver = await actor(server, ds, Role.APPROVER, { organizationId: id });
  await server.gqlOk(SET_SPENDING, { u: purchaser.userId, a: input.spending ?? 10_000_000 }, admin.token);
  await server.gqlOk(SET_APPROVAL, { u: approver.userId, a: input.approval ?? 10_000_000 }, admin.token);
  return { id, admin, purchaser, approver };
}

export interface Product {
  supplierId: string;
  supplierToken: string;
  productId: string;
  variantId: string;
}

/** An approved supplier's published product with one variant (agency price = price) and, unless told, a valid certificate. */
export async function product(
  server: TestServer,
  ds: DataSource,
  input: { price?: number; stock?: number; certified?: boolean; supplierId?: string; supplierToken?: string } = {},
): Promise<Product> {
  let supplierId = input.supplierId;
  let supplierToken = input.supplierToken ?? '';
  if (!supplierId) {
    const s = await createSupplierFixture(ds, { countyCode: '520621000000' });
    supplierId = s.supplierId;
    supplierToken = (await server.app.get(TokenService).sign(s.admin.userId)).token;
  }
  const productId = await insertProductFixture(ds, {
    supplierId,
    title: `梵净山翠峰茶 ${randomBytes(2).toString('hex')}`,
  });
  const variantId = await insertVariantFixture(ds, {
    productId,
    retailPrice: input.price ?? 5000,
    stockOnHand: input.stock ?? 1000,
  });
  if (input.certified !== false) await insertCertificationFixture(ds, { productId });
  return { supplierId, supplierToken, productId, variantId };
}

/** An online hall that sells every published product, certified or not. */
export async function hall(ds: DataSource): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO channel (kind, name, online, assistance_only, status) VALUES ('HALL', $1, true, false, 'ACTIVE') RETURNING id`,
    [`线上帮扶馆 ${randomBytes(2).toString('hex')}`],
  );
  return row.id;
}

/** The procurement server with an assistance hall and a tea product to buy there (5,000 fen a box unless said). */
export async function startTeaHall(
  teaInput: Parameters<typeof product>[2] = { price: 5000 },
): Promise<{ server: TestServer; ds: DataSource; channel: string; tea: Product }> {
  const { server, ds } = await startProcurementServer();
  return { server, ds, channel: await hall(ds), tea: await product(server, ds, teaInput) };
}

export const REQUEST_FIELDS = `id requestNo orgId purchaserUserId orderId orderNo orderStatus status terms justification tradeUnion totalAmount spendingLimit autoApproved splitSuspected poNumber poUrl decidedByUserId decisionComment
  lines { variantId productTitle unitPrice quantity lineTotal certified }
  events { fromStatus toStatus actorUserId comment }`;

export const SUBMIT = `mutation($input: SubmitPurchaseRequestInput!) { submitPurchaseRequest(input: $input) {
  __typename
  ... on PurchaseRequest { ${REQUEST_FIELDS} }
  ... on InsufficientStockError { code message variantId requested available }
  ... on ProductUnavailableError { code message reason }
  ... on InvalidOrderInputError { code message field }
  ... on CertificationInvalidError { code message }
} }`;
export const APPROVE = `mutation($id: ID!, $c: String) { approvePurchaseRequest(id: $id, comment: $c) { ${REQUEST_FIELDS} } }`;
export const REJECT = `mutation($id: ID!, $r: String!) { rejectPurchaseRequest(id: $id, reason: $r) { ${REQUEST_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!, $r: String!) { withdrawPurchaseRequest(id: $id, reason: $r) { ${REQUEST_FIELDS} } }`;
export const SET_SPENDING = `mutation($u: ID!, $a: Money!, $o: ID) { setSpendingLimit(userId: $u, amount: $a, orgId: $o) { orgId userId kind amount } }`;
export const SET_APPROVAL = `mutation($u: ID!, $a: Money!, $o: ID) { setApprovalLimit(userId: $u, amount: $a, orgId: $o) { orgId userId kind amount } }`;
export const SET_POLICY = `mutation($o: ID!, $i: ProcurementPolicyInput!) { setProcurementPolicy(orgId: $o, input: $i) { orgId skipApprovalBelowLimit splitWindowMinutes } }`;
export const RESERVED_SHARE = `query($o: ID!, $y: Int!) { reservedShare(orgId: $o, year: $y) {
  orgId year filingOrgId coveredOrgIds minimumBps reservedAmount countedAmount pendingAmount uncertifiedAmount tradeUnionAmount completionBasisPoints completionPercent
  monthly { month countedAmount }
  filing { id orgId year canteenMode canteenBudget ratioBps minimumBps reservedAmount late deadline version exemptionId catererName catererUserId coveredOrgIds }
} }`;
export const FILE = `mutation($i: FileReservedShareInput!) { fileReservedShare(input: $i) { id orgId year canteenMode canteenBudget ratioBps minimumBps reservedAmount exemptionId late deadline version catererName catererUserId coveredOrgIds
  amendments { version kind reason before after actorUserId } } }`;

export function submitInput(
  orgId: string,
  channelId: string,
  lines: Array<{ variantId: string; quantity: number }>,
  extra: Record<string, unknown> = {},
) {
  return {
    input: {
      buyerOrgId: orgId,
      channelId,
      lines,
      justification: '食堂采购：本周蔬菜与茶叶',
      terms: 'PREPAY',
      ...extra,
    },
  };
}

/** Submits a purchase request: the union's member, a PurchaseRequest or a refusal. */
export async function submit(
  server: TestServer,
  token: string,
  orgId: string,
  channelId: string,
  lines: Array<{ variantId: string; quantity: number }>,
  extra: Record<string, unknown> = {},
) {
  return (await server.gqlOk(SUBMIT, submitInput(orgId, channelId, lines, extra), token)).submitPurchaseRequest;
}

/** Submits and expects a PurchaseRequest back. */
export async function submitOk(...args: Parameters<typeof submit>) {
  const res = await submit(...args);
  expect(res.__typename).toBe('PurchaseRequest');
  return res;
}

const SHIP = `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰速运", trackingNo: "SF1234567890") { id status } }`;
const DELIVER = `mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { id status } }`;
const ACCEPT = `mutation($id: ID!, $input: AcceptOrderInput!) { acceptOrder(orderId: $id, input: $input) { id status acceptedAt } }`;

/** Pays (prepay), ships every supplier order and confirms delivery, through ordering's own services and mutations. */
export async function payShipDeliver(
  server: TestServer,
  ds: DataSource,
  orderId: string,
  buyer: Actor,
  supplierTokens: Record<string, string>,
): Promise<void> {
  const orders = server.app.get(OrderService);
  const order = await orders.get(sys(), orderId);
  if (order.status === 'PLACED')
    await orders.markPaid(sys(), orderId, { paymentId: `pay-${orderId}`, amount: order.totalAmount });
  const sos: Array<{ id: string; supplier_id: string }> = await ds.query(
    `SELECT id, supplier_id FROM supplier_order WHERE order_id = $1 ORDER BY created_at, id`,
    [orderId],
  );
  for (const so of sos) await server.gqlOk(SHIP, { id: so.id }, supplierTokens[so.supplier_id]);
  for (const so of sos) await server.gqlOk(DELIVER, { id: so.id }, buyer.token);
}

/** 验收 with an uploaded invoice (the document row is written directly; uploads are ordering's tests' business). */
export async function accept(server: TestServer, ds: DataSource, orderId: string, buyer: Actor): Promise<void> {
  const key = `orders/${orderId}/${randomUUID()}.pdf`;
  await ds.query(
    `INSERT INTO order_document (order_id, storage_key, content_type, size_bytes, file_name, uploaded_by_user_id) VALUES ($1, $2, 'application/pdf', 2048, '发票.pdf', $3)`,
    [orderId, key, buyer.userId],
  );
  await server.gqlOk(
    ACCEPT,
    { id: orderId, input: { invoiceNo: `INV${randomBytes(3).toString('hex')}`, documents: [key] } },
    buyer.token,
  );
}

/** payShipDeliver, then 验收 by the same buyer. */
export async function deliverAndAccept(...args: Parameters<typeof payShipDeliver>): Promise<void> {
  await payShipDeliver(...args);
  const [server, ds, orderId, buyer] = args;
  await accept(server, ds, orderId, buyer);
}

/** Runs every outbox event through ordering's one dispatcher, as the `domain-events` worker would (exactly once per consumer). */
export async function dispatchEvents(server: TestServer, _ds?: DataSource): Promise<void> {
  const dispatcher = server.app.get(DomainEventDispatcher);
  for (const data of await server.app.get(OutboxService).stored(RequestContext.system('test')))
    await dispatcher.handle({ data });
}
