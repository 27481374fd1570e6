// Set-up for the agency and farmer journeys: the unit's limits, and a whole counted agency sale made
// through the API (request → approval → shipment → delivery → acceptance) when the journey is about
// what happens after it, not the sale itself.
import type { APIRequestContext } from '@playwright/test';
import { gql, tokenFor } from './api';

export const AGENCY = {
  admin: 'agency-admin@demo.bangfu',
  purchaser: 'purchaser@demo.bangfu',
  approver: 'approver@demo.bangfu',
  farmer: 'farmer@demo.bangfu',
  unit: '广州市教育局',
};
export const TEA = '贵州梵净山绿茶礼盒';

interface MeData {
  me: { id: string; memberships: Array<{ role: string; organization: { id: string; name: string } | null }> };
}

async function me(request: APIRequestContext, token: string) {
  return (await gql<MeData>(request, '{ me { id memberships { role organization { id name } } } }', {}, token)).me;
}

/**
 * The unit's purchaser gets a ¥100 spending limit and the approver a ¥100,000 approval limit, so any
 * basket of tea needs approval and the approver may give it. Set here (as the unit's AGENCY_ADMIN,
 * through the API) because the journeys must not depend on the demo data's current limits.
 */
export async function setJourneyLimits(request: APIRequestContext): Promise<{ orgId: string }> {
  const adminToken = await tokenFor(request, AGENCY.admin);
  const admin = await me(request, adminToken);
  const orgId = admin.memberships.find((m) => m.role === 'AGENCY_ADMIN' && m.organization?.name === AGENCY.unit)!
    .organization!.id;
  const purchaser = await me(request, await tokenFor(request, AGENCY.purchaser));
  const approver = await me(request, await tokenFor(request, AGENCY.approver));
  await gql(
    request,
    `mutation($p: ID!, $a: ID!, $org: ID!) {
      s: setSpendingLimit(userId: $p, amount: 10000, orgId: $org) { amount }
      a: setApprovalLimit(userId: $a, amount: 10000000, orgId: $org) { amount }
    }`,
    { p: purchaser.id, a: approver.id, org: orgId },
    adminToken,
  );
  return { orgId };
}

/** The purchaser's spending limit (fen) in the demo unit, set by its AGENCY_ADMIN through the API. */
export async function setPurchaserLimit(request: APIRequestContext, amount: number): Promise<void> {
  const adminToken = await tokenFor(request, AGENCY.admin);
  const admin = await me(request, adminToken);
  const orgId = admin.memberships.find((m) => m.role === 'AGENCY_ADMIN' && m.organization?.name === AGENCY.unit)!
    .organization!.id;
  const purchaser = await me(request, await tokenFor(request, AGENCY.purchaser));
  await gql(
    request,
    'mutation($p: ID!, $amount: Money!, $org: ID!) { setSpendingLimit(userId: $p, amount: $amount, orgId: $org) { amount } }',
    { p: purchaser.id, amount, org: orgId },
    adminToken,
  );
}

interface ProductData {
  products: {
    edges: Array<{
      node: {
        id: string;
        title: string;
        variants: Array<{ id: string; agencyPrice: number | null; stockOnHand: number }>;
      };
    }>;
  };
}

/** An accepted agency order of `quantity` boxes of tea for the demo unit, made through the API. */
export async function acceptedTeaOrder(
  request: APIRequestContext,
  orgId: string,
  quantity: number,
): Promise<{ orderId: string }> {
  const purchaserToken = await tokenFor(request, AGENCY.purchaser);
  const { products } = await gql<ProductData>(
    request,
    'query($s: String) { products(filter: { search: $s }, first: 5) { edges { node { id title variants { id agencyPrice stockOnHand } } } } }',
    { s: TEA },
  );
  const tea = products.edges.map((e) => e.node).find((p) => p.title === TEA)!;
  const variant = tea.variants.find((v) => v.stockOnHand >= quantity)!;
  const { channels } = await gql<{ channels: Array<{ id: string; status: string; kind: string; online: boolean }> }>(
    request,
    '{ channels { id status kind online } }',
    {},
    purchaserToken,
  );
  const channel =
    channels.find((c) => c.status === 'ACTIVE' && c.kind === 'HALL' && c.online) ??
    channels.find((c) => c.status === 'ACTIVE')!;

  const { submitPurchaseRequest: pr } = await gql<{
    submitPurchaseRequest: { __typename: string; id?: string; orderId?: string; status?: string; code?: string };
  }>(
    request,
    `mutation($input: SubmitPurchaseRequestInput!) { submitPurchaseRequest(input: $input) {
      __typename ... on PurchaseRequest { id orderId status } ... on InsufficientStockError { code } ... on ProductUnavailableError { code }
      ... on CertificationInvalidError { code } ... on InvalidOrderInputError { code } } }`,
    {
      input: {
        buyerOrgId: orgId,
        channelId: channel.id,
        lines: [{ variantId: variant.id, quantity }],
        justification: '职工食堂用茶（端到端测试）',
        terms: 'ON_DELIVERY',
      },
    },
    purchaserToken,
  );
  if (pr.__typename !== 'PurchaseRequest') throw new Error(`purchase request refused: ${pr.__typename} ${pr.code}`);
  if (pr.status === 'PENDING_APPROVAL') {
    await gql(
      request,
      'mutation($id: ID!) { approvePurchaseRequest(id: $id, comment: "同意") { id } }',
      { id: pr.id },
      await tokenFor(request, AGENCY.approver),
    );
  }
  const orderId = pr.orderId!;

  const supplierToken = await tokenFor(request, 'supplier@demo.bangfu');
  const { order } = await gql<{ order: { supplierOrders: Array<{ id: string }> } }>(
    request,
    'query($id: ID!) { order(id: $id) { supplierOrders { id } } }',
    { id: orderId },
    purchaserToken,
  );
  for (const so of order.supplierOrders) {
    await gql(
      request,
      'mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰速运", trackingNo: "SF20261123") { id } }',
      { id: so.id },
      supplierToken,
    );
    await gql(
      request,
      'mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { id } }',
      { id: so.id },
      purchaserToken,
    );
  }
  const upload = await request.post(`/files/orders/${orderId}/documents`, {
    headers: {
      authorization: `Bearer ${purchaserToken}`,
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('发票.pdf'),
      accept: 'application/json',
    },
    data: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  });
  if (!upload.ok()) throw new Error(`upload failed: ${upload.status()} ${await upload.text()}`);
  const { fileKey } = (await upload.json()) as { fileKey: string };
  await gql(
    request,
    'mutation($id: ID!, $input: AcceptOrderInput!) { acceptOrder(orderId: $id, input: $input) { id } }',
    { id: orderId, input: { invoiceNo: `INV${Date.now()}`, documents: [fileKey] } },
    purchaserToken,
  );
  return { orderId };
}
