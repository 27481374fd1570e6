import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext, Role } from '@bangfu/core';
import type { TestServer } from '@bangfu/testing';
import { OrderService } from './order.service';
import {
  actor,
  type Actor,
  catalogFixture,
  type Catalog,
  channelFixture,
  place,
  placeInput,
  startOrderingServer,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let hall: string;
let village: string;
let catalog: Catalog;

const ADDRESS = `mutation($input: AddressInput!) { createAddress(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { id } }`;
const ADDRESS_FIELDS = 'recipient phone regionCode regionPath detail';
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename
  ... on Order { id totalAmount deliveryAddress { ${ADDRESS_FIELDS} } supplierOrders { id shipTo { ${ADDRESS_FIELDS} } } }
  ... on InvalidOrderInputError { code field } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id deliveryAddress { ${ADDRESS_FIELDS} } supplierOrders { id shipTo { ${ADDRESS_FIELDS} } } } }`;
const SHIP =
  `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: 'EMS', trackingNo: 'E1') { id status } }`.replace(
    /'/g,
    '"',
  );

const addressInput = (extra: Record<string, unknown> = {}) => ({
  recipient: '张三',
  phone: '13812345678',
  regionCode: village,
  detail: '凯德街道 1 号',
  ...extra,
});
async function addressOf(buyer: Actor, extra: Record<string, unknown> = {}): Promise<string> {
  return (await server.gqlOk(ADDRESS, { input: addressInput(extra) }, buyer.token)).createAddress.id;
}
/** Places one unit of the catalogue's variant in the online hall, with these extra input fields. */
const placeOne = async (token: string, extra: Record<string, unknown> = {}) =>
  (await server.gqlOk(PLACE, placeInput(hall, [{ variantId: catalog.variantId, quantity: 1 }], extra), token))
    .placeOrder;

beforeAll(async () => {
  // The rule under test; the default stays off until every client sends an address (see ordering.config.ts).
  process.env.ORDER_DELIVERY_ADDRESS_REQUIRED = 'true';
  ({ server, ds } = await startOrderingServer());
  hall = await channelFixture(ds, { online: true });
  [{ code: village }] = await ds.query(
    `SELECT code FROM region WHERE level = 5 AND code LIKE '520621%' ORDER BY code LIMIT 1`,
  );
  catalog = await catalogFixture(server, ds, { stock: 50 });
});
afterAll(async () => {
  delete process.env.ORDER_DELIVERY_ADDRESS_REQUIRED;
  await server?.close();
});

describe('delivery address on the order', () => {
  it('copies the chosen address onto the order; later edits of the address book do not move it', async () => {
    const buyer = await actor(server, ds, Role.CUSTOMER);
    const addressId = await addressOf(buyer);
    const placed = await placeOne(buyer.token, { addressId });
    expect(placed.__typename).toBe('Order');
    expect(placed.deliveryAddress).toMatchObject({
      recipient: '张三',
      phone: '13812345678',
      regionCode: village,
      detail: '凯德街道 1 号',
    });
    expect(placed.deliveryAddress.regionPath.slice(0, 3)).toEqual(['贵州省', '铜仁市', '江口县']);

    await server.gqlOk(
      UPDATE,
      { id: addressId, input: addressInput({ recipient: '李四', detail: '搬走了' }) },
      buyer.token,
    );
    const again = (await server.gqlOk(ORDER, { id: placed.id }, buyer.token)).order;
    expect(again.deliveryAddress).toMatchObject({ recipient: '张三', detail: '凯德街道 1 号' });
  });

  it('requires an address for a retail order that ships, not for a physical channel', async () => {
    const buyer = await actor(server, ds, Role.CUSTOMER);
    const refused = await placeOne(buyer.token);
    expect(refused).toMatchObject({
      __typename: 'InvalidOrderInputError',
      code: 'DELIVERY_ADDRESS_REQUIRED',
      field: 'addressId',
    });
    expect(
      Number((await ds.query(`SELECT count(*) AS n FROM orders WHERE buyer_user_id = $1`, [buyer.userId]))[0].n),
    ).toBe(0);

    const zone = await channelFixture(ds, { online: false, kind: 'ZONE' });
    await place(ds, zone, catalog.productId);
    const overTheCounter = (
      await server.gqlOk(PLACE, placeInput(zone, [{ variantId: catalog.variantId, quantity: 1 }]), buyer.token)
    ).placeOrder;
    expect(overTheCounter.__typename).toBe('Order');
    expect(overTheCounter.deliveryAddress).toBeNull();
  });

  it('refuses someone else’s address: nobody ships to, or reads, an address that is not theirs', async () => {
    const owner = await actor(server, ds, Role.CUSTOMER);
    const other = await actor(server, ds, Role.CUSTOMER);
    const addressId = await addressOf(owner);
    const refused = await placeOne(other.token, { addressId });
    expect(refused).toMatchObject({
      __typename: 'InvalidOrderInputError',
      code: 'UNKNOWN_ADDRESS',
      field: 'addressId',
    });
    const junk = await placeOne(other.token, { addressId: 'x' });
    expect(junk).toMatchObject({ code: 'UNKNOWN_ADDRESS' });
    expect(
      Number((await ds.query(`SELECT count(*) AS n FROM orders WHERE buyer_user_id = $1`, [other.userId]))[0].n),
    ).toBe(0);
  });

  it('shows the supplier a masked phone on the order and the full one on its own ship form (shipTo); coordinators see no address', async () => {
    const buyer = await actor(server, ds, Role.CUSTOMER);
    const addressId = await addressOf(buyer, { phone: '13987654321' });
    const placed = await placeOne(buyer.token, { addressId });
    const asSupplier = (await server.gqlOk(ORDER, { id: placed.id }, catalog.supplierAdminToken)).order;
    expect(asSupplier.deliveryAddress).toMatchObject({ recipient: '张三', phone: '139****4321' });
    expect(asSupplier.supplierOrders[0].shipTo).toMatchObject({
      recipient: '张三',
      phone: '13987654321',
      detail: '凯德街道 1 号',
    });
    // A coordinator of the region audits the order, not where or to whom it ships.
    const coordinator = await actor(server, ds, Role.COORDINATOR, { regionPrefix: '5206' });
    const asCoordinator = (await server.gqlOk(ORDER, { id: placed.id }, coordinator.token)).order;
    expect(asCoordinator.id).toBe(placed.id);
    expect(asCoordinator.deliveryAddress).toBeNull();
    expect(asCoordinator.supplierOrders[0].shipTo).toBeNull();
  });
});

describe('units sold (the catalogue’s sales sort)', () => {
  it('rises with the units shipped, in the shipping UPDATE', async () => {
    const c = await catalogFixture(server, ds, { stock: 20 });
    const buyer = await actor(server, ds, Role.CUSTOMER);
    const addressId = await addressOf(buyer);
    const placed = (
      await server.gqlOk(PLACE, placeInput(hall, [{ variantId: c.variantId, quantity: 3 }], { addressId }), buyer.token)
    ).placeOrder;
    const soldOf = async () =>
      (await ds.query(`SELECT units_sold FROM variant WHERE id = $1`, [c.variantId]))[0].units_sold;
    expect(await soldOf()).toBe(0);
    await server.app
      .get(OrderService)
      .markPaid(RequestContext.system('test'), placed.id, { paymentId: `pi_${placed.id}`, amount: placed.totalAmount });
    await server.gqlOk(SHIP, { id: placed.supplierOrders[0].id }, c.supplierAdminToken);
    expect(await soldOf()).toBe(3);
  });
});
