import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { signedActor as actor, type Actor } from '@bangfu/identity';
import { count, expectLedgerBalanced, onlineHall, startWithDataSource, type TestServer } from '@bangfu/testing';
import { certifiedSupplierFixture, type CertifiedSupplierFixture } from '@bangfu/certification';
import { AftersalesModule } from './aftersales.module';

export { actor, type Actor, count, expectLedgerBalanced, onlineHall };

/** Spec support (not exported from the lib): the real server with ordering, payment, oversight and after-sales. */
export function startAftersalesServer() {
  return startWithDataSource({ imports: [AftersalesModule] });
}

export type Supplier = CertifiedSupplierFixture;

/** An approved supplier in 江口县 (520621) with one published, certified variant in stock. */
export async function supplierWithVariant(
  server: TestServer,
  ds: DataSource,
  retail: number,
  countyCode = '520621000000',
): Promise<Supplier> {
  return certifiedSupplierFixture(server, ds, { retailPrice: retail, stockOnHand: 10000, countyCode });
}

export interface DeliveredOrder {
  id: string;
  orderNo: string;
  totalAmount: number;
  supplierOrders: Array<{
    id: string;
    supplierId: string;
    subtotal: number;
    lines: Array<{ id: string; lineTotal: number }>;
  }>;
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id orderNo totalAmount supplierOrders { id supplierId subtotal lines { id lineTotal } } } } }`;
const RECORD = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { id outcome } }`;
const SHIP = `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "EMS", trackingNo: "EMS000123") { id } }`;
const DELIVER = `mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { id status } }`;

/** A retail order placed, paid by bank transfer (confirmed by platform finance), shipped and delivered. */
export async function deliveredOrder(
  server: TestServer,
  buyer: Actor,
  admin: Actor,
  channelId: string,
  parts: Array<{ supplier: Supplier; quantity: number }>,
): Promise<DeliveredOrder> {
  const placed = (
    await server.gqlOk(
      PLACE,
      {
        input: {
          idempotencyKey: randomUUID(),
          channelId,
          lines: parts.map((p) => ({ variantId: p.supplier.variantId, quantity: p.quantity })),
        },
      },
      buyer.token,
    )
  ).placeOrder;
  expect(placed.__typename).toBe('Order');
  const payment = (
    await server.gqlOk(
      RECORD,
      {
        input: {
          orderId: placed.id,
          reference: `T-${randomBytes(4).toString('hex')}`,
          amount: placed.totalAmount,
          paidAt: new Date().toISOString(),
        },
      },
      buyer.token,
    )
  ).recordBankTransfer;
  await server.gqlOk(CONFIRM, { id: payment.id }, admin.token);
  for (const so of placed.supplierOrders) {
    const supplier = parts.find((p) => p.supplier.supplierId === so.supplierId)!.supplier;
    await server.gqlOk(SHIP, { id: so.id }, supplier.adminToken);
    expect((await server.gqlOk(DELIVER, { id: so.id }, buyer.token)).confirmDelivery.status).toBe('DELIVERED');
  }
  return placed;
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
