import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { createSupplierFixture } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import {
  actor,
  type Actor,
  agencyPurchaser,
  placeApprovedAgencyOrder,
  catalogFixture,
  channelFixture,
  count,
  customers,
  expectStockConsistent,
  place,
  PLACE,
  placeInput,
  startOrderingServer,
  stockOf,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let hall: string;
let customer: Actor;

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer());
  hall = await channelFixture(ds, { online: true });
  customer = await actor(server, ds, Role.CUSTOMER);
});
afterAll(() => server?.close());

/** The customer places these lines in the channel; answers the data (placeOrder: a union member). */
const placeAsCustomer = (channelId: string, lines: Array<{ variantId: string; quantity: number }>) =>
  server.gqlOk(PLACE, placeInput(channelId, lines), customer.token);

describe('placeOrder', () => {
  it('creates one order with one supplier order per supplier, retail prices and snapshots', async () => {
    const a = await catalogFixture(server, ds, { retailPrice: 6800, agencyPrice: 5900, stock: 20 });
    const a2 = await catalogFixture(server, ds, { supplierId: a.supplierId, retailPrice: 1250, stock: 20 });
    const b = await catalogFixture(server, ds, { retailPrice: 3333, stock: 20, countyCode: '520627000000' });
    const res = await placeAsCustomer(hall, [
      { variantId: a.variantId, quantity: 3 },
      { variantId: a2.variantId, quantity: 1 },
      { variantId: b.variantId, quantity: 7 },
    ]);
    const order = res.placeOrder;
    expect(order.__typename).toBe('Order');
    expect(order.status).toBe('PLACED');
    expect(order.buyerKind).toBe('CUSTOMER');
    expect(order.orderNo).toMatch(/^BF\d{8}\d{8}$/);
    expect(order.totalAmount).toBe(3 * 6800 + 1250 + 7 * 3333);
    expect(order.supplierOrders).toHaveLength(2);
    const soA = order.supplierOrders.find((so: any) => so.supplierId === a.supplierId);
    expect(soA.subtotal).toBe(3 * 6800 + 1250);
    expect(soA.status).toBe('AWAITING_SHIPMENT');
    const line = soA.lines.find((l: any) => l.variantId === a.variantId);
    expect(line).toMatchObject({
      unitPrice: 6800,
      quantity: 3,
      lineTotal: 20400,
      priceKind: 'RETAIL',
      certified: true,
      certificationStatus: 'CERTIFIED',
      sku: a.sku,
      originRegionCode: '520621000000',
      channelId: hall,
      supplierId: a.supplierId,
    });
    expect(line.certificateNo).toMatch(/^GZ-/);
    expect(line.productTitle).toContain('梵净山翠峰茶');
    expect(order.history).toEqual([
      expect.objectContaining({
        fromStatus: null,
        toStatus: 'PLACED',
        actorKind: 'BUYER',
        actorUserId: customer.userId,
      }),
    ]);
    // Retail: payment due in 30 minutes.
    const due = new Date(order.paymentDueAt).getTime() - Date.now();
    expect(due).toBeGreaterThan(29 * 60_000);
    expect(due).toBeLessThanOrEqual(30 * 60_000);
    expect(await stockOf(ds, a.variantId)).toEqual({ onHand: 20, reserved: 3, available: 17 });
    expect(await stockOf(ds, b.variantId)).toEqual({ onHand: 20, reserved: 7, available: 13 });
    // The outbox has the event with what ledger and notifications need.
    const [event] = await ds.query(`SELECT type, payload FROM outbox_event WHERE aggregate_id = $1`, [order.id]);
    expect(event.type).toBe('order.placed');
    expect(event.payload.supplierOrderIds).toHaveLength(2);
    expect(event.payload.amounts).toEqual({ total: order.totalAmount, paid: 0, refunded: 0 });
  });

  it('charges agencies the agency price, for purchasers of that agency only', async () => {
    const a = await catalogFixture(server, ds, { retailPrice: 6800, agencyPrice: 5900 });
    const purchaser = await agencyPurchaser(server, ds);
    const approved = await placeApprovedAgencyOrder(server, purchaser, hall, [{ variantId: a.variantId, quantity: 2 }]);
    expect(approved).toMatchObject({
      status: 'PLACED',
      buyerKind: 'AGENCY',
      buyerOrgId: purchaser.organizationId,
      totalAmount: 11800,
    });
    expect(approved.supplierOrders[0].lines[0]).toMatchObject({ unitPrice: 5900, priceKind: 'AGENCY' });
    const due = new Date(approved.paymentDueAt).getTime() - Date.now();
    expect(Math.round(due / 86_400_000)).toBe(30);

    const other = await agencyPurchaser(server, ds);
    const asPurchaser = { buyerOrgId: purchaser.organizationId };
    const refused: Array<[Record<string, unknown>, string | undefined, string]> = [
      [asPurchaser, other.token, 'FORBIDDEN'],
      // A customer cannot buy at agency prices by naming an agency.
      [asPurchaser, customer.token, 'FORBIDDEN'],
      // Supplier staff do not buy.
      [{}, a.supplierAdminToken, 'FORBIDDEN'],
      [{}, undefined, 'UNAUTHENTICATED'],
    ];
    for (const [extra, token, code] of refused) {
      expectErrorCode(
        await server.gql(PLACE, placeInput(hall, [{ variantId: a.variantId, quantity: 1 }], extra), token),
        code,
      );
    }
    await expectStockConsistent(ds, a.variantId, 100);
  });

  it('has no price field: a client-sent price is rejected by GraphQL and nothing is written', async () => {
    const a = await catalogFixture(server, ds, { stock: 5 });
    const orders = await count(ds, `SELECT count(*) FROM orders`);
    const viaVariables = await server.gql(
      PLACE,
      placeInput(hall, [{ variantId: a.variantId, quantity: 1, unitPrice: 1 } as never]),
      customer.token,
    );
    expect(viaVariables.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaVariables.errors?.[0].message).toMatch(/unitPrice/);
    const viaLiteral = await server.gql(
      `mutation { placeOrder(input: { idempotencyKey: "k-literal", channelId: "${hall}", lines: [{ variantId: "${a.variantId}", quantity: 1, price: 1 }] }) { __typename } }`,
      {},
      customer.token,
    );
    expect(viaLiteral.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const totalField = await server.gql(
      PLACE,
      placeInput(hall, [{ variantId: a.variantId, quantity: 1 }], { totalAmount: 1 }),
      customer.token,
    );
    expect(totalField.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count(ds, `SELECT count(*) FROM orders`)).toBe(orders);
    expect(await stockOf(ds, a.variantId)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });

  it('refuses zero, negative, fractional, huge and duplicate quantities, and too many lines', async () => {
    const a = await catalogFixture(server, ds, { stock: 50 });
    const b = await catalogFixture(server, ds, { stock: 50 });
    const invalid = async (lines: Array<{ variantId: string; quantity: number }>, code: string, field: string) => {
      const res = await placeAsCustomer(hall, lines);
      expect(res.placeOrder).toMatchObject({ __typename: 'InvalidOrderInputError', code, field });
    };
    await invalid([{ variantId: a.variantId, quantity: 0 }], 'INVALID_QUANTITY', 'lines[0].quantity');
    await invalid(
      [
        { variantId: b.variantId, quantity: 1 },
        { variantId: a.variantId, quantity: -3 },
      ],
      'INVALID_QUANTITY',
      'lines[1].quantity',
    );
    await invalid([{ variantId: a.variantId, quantity: 10_001 }], 'QUANTITY_TOO_LARGE', 'lines[0].quantity');
    await invalid(
      [
        { variantId: a.variantId, quantity: 1 },
        { variantId: a.variantId, quantity: 2 },
      ],
      'DUPLICATE_LINE',
      'lines[1].variantId',
    );
    await invalid([], 'NO_LINES', 'lines');
    await invalid(
      Array.from({ length: 51 }, () => ({ variantId: randomUUID(), quantity: 1 })),
      'TOO_MANY_LINES',
      'lines',
    );
    // Fractions and numbers beyond 32 bits never reach the service: GraphQL Int refuses them.
    for (const quantity of [1.5, 2 ** 31, 1e15]) {
      const res = await server.gql(PLACE, placeInput(hall, [{ variantId: a.variantId, quantity }]), customer.token);
      expectErrorCode(res, 'BAD_USER_INPUT');
    }
    // Within limits but more than the stock: a union answer, not an error.
    const res = await placeAsCustomer(hall, [{ variantId: a.variantId, quantity: 10_000 }]);
    expect(res.placeOrder).toMatchObject({
      __typename: 'InsufficientStockError',
      code: 'INSUFFICIENT_STOCK',
      variantId: a.variantId,
      requested: 10_000,
      available: 50,
    });
    expect(
      await count(ds, `SELECT count(*) FROM order_line WHERE variant_id = ANY($1::uuid[])`, [
        [a.variantId, b.variantId],
      ]),
    ).toBe(0);
    await expectStockConsistent(ds, a.variantId, 50);
    await expectStockConsistent(ds, b.variantId, 50);
  });

  it('refuses unknown, unpublished, inactive, unapproved-supplier and other-channel variants without reserving anything', async () => {
    const ok = await catalogFixture(server, ds, { stock: 10 });
    const draft = await catalogFixture(server, ds, { productStatus: 'UNPUBLISHED' });
    const inactive = await catalogFixture(server, ds);
    await ds.query(`UPDATE variant SET active = false WHERE id = $1`, [inactive.variantId]);
    const suspended = await createSupplierFixture(ds, { status: 'SUSPENDED' as never });
    const ofSuspended = await catalogFixture(server, ds, { supplierId: suspended.supplierId });
    const zone = await channelFixture(ds, { online: false, kind: 'ZONE' });
    await place(ds, zone, ok.productId);
    const elsewhere = await catalogFixture(server, ds);

    const unavailable = async (channelId: string, variantId: string, reason: string) => {
      // The good line first: its reservation must be rolled back with the refusal.
      const res = await placeAsCustomer(channelId, [
        { variantId: ok.variantId, quantity: 2 },
        { variantId, quantity: 1 },
      ]);
      expect(res.placeOrder).toMatchObject({
        __typename: 'ProductUnavailableError',
        code: 'PRODUCT_UNAVAILABLE',
        reason,
      });
    };
    await unavailable(hall, randomUUID(), 'UNKNOWN_VARIANT');
    await unavailable(hall, 'not-a-uuid', 'UNKNOWN_VARIANT');
    await unavailable(hall, draft.variantId, 'PRODUCT_NOT_PUBLISHED');
    await unavailable(hall, inactive.variantId, 'VARIANT_INACTIVE');
    await unavailable(hall, ofSuspended.variantId, 'SUPPLIER_NOT_APPROVED');
    // A physical zone sells only what is placed there; the online hall sells every published product.
    await unavailable(zone, elsewhere.variantId, 'NOT_IN_CHANNEL');
    const inZone = await placeAsCustomer(zone, [{ variantId: ok.variantId, quantity: 1 }]);
    expect(inZone.placeOrder).toMatchObject({ __typename: 'Order', channelId: zone });

    const unknownChannel = await placeAsCustomer(randomUUID(), [{ variantId: ok.variantId, quantity: 1 }]);
    expect(unknownChannel.placeOrder).toMatchObject({
      __typename: 'InvalidOrderInputError',
      code: 'UNKNOWN_CHANNEL',
      field: 'channelId',
    });
    const disabled = await channelFixture(ds, { status: 'DISABLED' });
    const disabledRes = await placeAsCustomer(disabled, [{ variantId: ok.variantId, quantity: 1 }]);
    expect(disabledRes.placeOrder).toMatchObject({ __typename: 'InvalidOrderInputError', code: 'CHANNEL_DISABLED' });

    expect(await stockOf(ds, ok.variantId)).toEqual({ onHand: 10, reserved: 1, available: 9 });
    await expectStockConsistent(ds, ok.variantId, 10);
  });

  it('sells uncertified products only in channels that are not assistance-only, and snapshots the effective status', async () => {
    const expired = await catalogFixture(server, ds, { certification: 'EXPIRED' });
    const pending = await catalogFixture(server, ds, { certification: 'PENDING' });
    const none = await catalogFixture(server, ds, { certification: 'NONE' });
    const res = await placeAsCustomer(hall, [{ variantId: expired.variantId, quantity: 1 }]);
    expect(res.placeOrder).toMatchObject({
      __typename: 'CertificationInvalidError',
      code: 'CERTIFICATION_INVALID',
      variantId: expired.variantId,
      productId: expired.productId,
      certificationStatus: 'EXPIRED',
    });

    const open = await channelFixture(ds, { online: true, assistanceOnly: false });
    const ok = await placeAsCustomer(open, [
      { variantId: expired.variantId, quantity: 1 },
      { variantId: pending.variantId, quantity: 1 },
      { variantId: none.variantId, quantity: 1 },
    ]);
    const lines = ok.placeOrder.supplierOrders.flatMap((so: any) => so.lines);
    const byVariant = (id: string) => lines.find((l: any) => l.variantId === id);
    expect(byVariant(expired.variantId)).toMatchObject({ certified: false, certificationStatus: 'EXPIRED' });
    expect(byVariant(expired.variantId).certificateNo).toMatch(/^GZ-/);
    expect(byVariant(pending.variantId)).toMatchObject({
      certified: false,
      certificationStatus: 'PENDING',
      certificateNo: null,
    });
    expect(byVariant(none.variantId)).toMatchObject({
      certified: false,
      certificationStatus: 'NONE',
      certificateNo: null,
    });
  });
});

describe('idempotency', () => {
  it('returns the same order for the same key and payload, and refuses the key with another payload', async () => {
    const a = await catalogFixture(server, ds, { stock: 10 });
    const b = await catalogFixture(server, ds, { stock: 10 });
    const key = randomUUID();
    const lines = [
      { variantId: a.variantId, quantity: 2 },
      { variantId: b.variantId, quantity: 1 },
    ];
    const first = await server.gqlOk(PLACE, { input: { idempotencyKey: key, channelId: hall, lines } }, customer.token);
    // Same lines in another order are the same checkout.
    const again = await server.gqlOk(
      PLACE,
      { input: { idempotencyKey: key, channelId: hall, lines: [...lines].reverse() } },
      customer.token,
    );
    expect(again.placeOrder.id).toBe(first.placeOrder.id);
    const changed = await server.gql(
      PLACE,
      { input: { idempotencyKey: key, channelId: hall, lines: [{ variantId: a.variantId, quantity: 3 }] } },
      customer.token,
    );
    expectErrorCode(changed, 'IDEMPOTENCY_KEY_REUSED');
    // Keys belong to a buyer: another customer may use the same key for its own order.
    const other = await actor(server, ds, Role.CUSTOMER);
    const theirs = await server.gqlOk(
      PLACE,
      { input: { idempotencyKey: key, channelId: hall, lines: [{ variantId: a.variantId, quantity: 1 }] } },
      other.token,
    );
    expect(theirs.placeOrder.id).not.toBe(first.placeOrder.id);
    expect(await stockOf(ds, a.variantId)).toMatchObject({ reserved: 3 });
    await expectStockConsistent(ds, a.variantId, 10);

    const badKey = await server.gqlOk(
      PLACE,
      { input: { idempotencyKey: 'has spaces', channelId: hall, lines } },
      customer.token,
    );
    expect(badKey.placeOrder).toMatchObject({ __typename: 'InvalidOrderInputError', code: 'INVALID_IDEMPOTENCY_KEY' });
  });

  it('50 concurrent identical calls with one key create exactly one order', async () => {
    const a = await catalogFixture(server, ds, { stock: 100 });
    const b = await catalogFixture(server, ds, { stock: 100 });
    const buyer = await actor(server, ds, Role.CUSTOMER);
    const vars = {
      input: {
        idempotencyKey: randomUUID(),
        channelId: hall,
        lines: [
          { variantId: a.variantId, quantity: 2 },
          { variantId: b.variantId, quantity: 3 },
        ],
      },
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => server.gql(PLACE, vars, buyer.token)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data!.placeOrder.id));
    expect(ids.size).toBe(1);
    expect(await count(ds, `SELECT count(*) FROM orders WHERE buyer_user_id = $1`, [buyer.userId])).toBe(1);
    expect(await stockOf(ds, a.variantId)).toEqual({ onHand: 100, reserved: 2, available: 98 });
    expect(await stockOf(ds, b.variantId)).toEqual({ onHand: 100, reserved: 3, available: 97 });
    expect(await count(ds, `SELECT count(*) FROM outbox_event WHERE aggregate_id = $1`, [[...ids][0]])).toBe(1);
  });
});

describe('stock under concurrency', () => {
  it('200 concurrent buyers of a variant with 10 units: exactly 10 orders, available ends at 0', async () => {
    const v = await catalogFixture(server, ds, { stock: 10 });
    const buyers = await customers(server, ds, 200);
    const results = await Promise.all(
      buyers.map((b) => server.gql(PLACE, placeInput(hall, [{ variantId: v.variantId, quantity: 1 }]), b.token)),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const kinds = results.map((r) => r.data!.placeOrder.__typename);
    expect(kinds.filter((k) => k === 'Order')).toHaveLength(10);
    expect(kinds.filter((k) => k === 'InsufficientStockError')).toHaveLength(190);
    expect(await stockOf(ds, v.variantId)).toEqual({ onHand: 10, reserved: 10, available: 0 });
    expect(await count(ds, `SELECT count(*) FROM order_line WHERE variant_id = $1`, [v.variantId])).toBe(10);
    await expectStockConsistent(ds, v.variantId, 10);
  });

  it('concurrent multi-line orders over the same variants in opposite orders do not deadlock or oversell', async () => {
    const a = await catalogFixture(server, ds, { stock: 15 });
    const b = await catalogFixture(server, ds, { stock: 15 });
    const buyers = await customers(server, ds, 40);
    const results = await Promise.all(
      buyers.map((buyer, i) => {
        const lines = [
          { variantId: a.variantId, quantity: 1 },
          { variantId: b.variantId, quantity: 1 },
        ];
        return server.gql(PLACE, placeInput(hall, i % 2 ? lines : lines.reverse()), buyer.token);
      }),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results.filter((r) => r.data!.placeOrder.__typename === 'Order')).toHaveLength(15);
    expect(await stockOf(ds, a.variantId)).toMatchObject({ available: 0 });
    expect(await stockOf(ds, b.variantId)).toMatchObject({ available: 0 });
  });
});
