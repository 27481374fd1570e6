import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { loadPlatformBankAccount } from './bank-account.config';
import {
  actor,
  type Actor,
  agencyActor,
  onlineHall,
  type PlacedOrder,
  placeOrder,
  type Supplier,
  supplierWithVariant,
  startPaymentServer,
} from './test-helpers';

// paymentOptions must offer exactly what payOrder / recordBankTransfer / confirmOrder accept: the
// order page is built from it, and a retail order without Stripe has no other way to be paid.
const OPTIONS = `query($id: ID!) { paymentOptions(orderId: $id) {
  orderId payable online publishableKey transferPending payOnDelivery
  bankTransfer { amount reference payeeName bankName accountNo } } }`;
const RECORD = `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id status } }`;
const CONFIRM = `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { id status } }`;
const POD = `mutation($id: ID!) { confirmOrder(orderId: $id) { id status } }`;

interface World {
  server: TestServer;
  ds: DataSource;
  hall: string;
  supplier: Supplier;
  customer: Actor;
  purchaser: Actor & { organizationId: string };
}

async function world(env: Record<string, string>): Promise<World> {
  for (const key of Object.keys(process.env))
    if (key.startsWith('STRIPE_') || key.startsWith('PLATFORM_BANK_')) delete process.env[key];
  Object.assign(process.env, env); // the payment module reads its settings from the environment at boot
  const { server, ds } = await startPaymentServer();
  const hall = await onlineHall(ds);
  const supplier = await supplierWithVariant(server, ds, { retail: 6800, agency: 5900 });
  return {
    server,
    ds,
    hall,
    supplier,
    customer: await actor(server, ds, Role.CUSTOMER),
    purchaser: await agencyActor(server, ds, Role.PURCHASER),
  };
}

const options = async (w: World, order: PlacedOrder, token: string) =>
  (await w.server.gqlOk(OPTIONS, { id: order.id }, token)).paymentOptions;
const retailOrder = (w: World) =>
  placeOrder(w.server, w.customer.token, w.hall, [{ variantId: w.supplier.variantId, quantity: 1 }]);
const agencyOrder = (w: World, quantity: number) =>
  placeOrder(
    w.server,
    w.purchaser.token,
    w.hall,
    [{ variantId: w.supplier.variantId, quantity }],
    w.purchaser.organizationId,
  );

describe('without Stripe (the embedded default)', () => {
  let w: World;
  let admin: Actor;
  beforeAll(async () => {
    w = await world({});
    admin = await actor(w.server, w.ds, Role.PLATFORM_ADMIN);
  });
  afterAll(() => w?.server.close());

  it('offers a retail customer the bank transfer, with the order number as the reference, until it is recorded and confirmed', async () => {
    const order = await retailOrder(w);
    expect(await options(w, order, w.customer.token)).toEqual({
      orderId: order.id,
      payable: true,
      online: [],
      publishableKey: null,
      transferPending: false,
      payOnDelivery: false,
      bankTransfer: { amount: 6800, reference: order.orderNo, payeeName: null, bankName: null, accountNo: null },
    });

    const input = {
      orderId: order.id,
      reference: `RT-${order.orderNo}`,
      amount: 6800,
      paidAt: new Date().toISOString(),
    };
    const payment = (await w.server.gqlOk(RECORD, { input }, w.customer.token)).recordBankTransfer;
    expect(await options(w, order, w.customer.token)).toMatchObject({
      payable: true,
      transferPending: true,
      bankTransfer: null,
    });

    await w.server.gqlOk(CONFIRM, { id: payment.id }, admin.token);
    expect(await options(w, order, w.customer.token)).toMatchObject({
      payable: false,
      transferPending: false,
      bankTransfer: null,
      online: [],
    });
  });

  it('is for the order’s buyer side only', async () => {
    const order = await retailOrder(w);
    const stranger = await actor(w.server, w.ds, Role.CUSTOMER);
    const res = await w.server.gql(OPTIONS, { id: order.id }, stranger.token);
    expect(res.data?.paymentOptions ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expectErrorCode(await w.server.gql(OPTIONS, { id: order.id }), 'UNAUTHENTICATED');
  });

  it('offers the buying agency transfer and pay on delivery; choosing pay on delivery leaves the transfer for later', async () => {
    const order = await agencyOrder(w, 1);
    expect(await options(w, order, w.purchaser.token)).toMatchObject({
      payable: true,
      payOnDelivery: true,
      bankTransfer: { amount: 5900, reference: order.orderNo },
    });
    await w.server.gqlOk(POD, { id: order.id }, w.purchaser.token);
    // Pay on delivery: money is taken after delivery, and the choice is not offered twice.
    expect(await options(w, order, w.purchaser.token)).toMatchObject({
      payable: true,
      payOnDelivery: false,
      bankTransfer: { amount: 5900 },
    });
  });
});

describe('with Stripe and the platform account configured', () => {
  let w: World;
  beforeAll(async () => {
    w = await world({
      STRIPE_SECRET_KEY: 'sk_test_bangfu_options',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_bangfu_options',
      PLATFORM_BANK_ACCOUNT_NAME: '帮扶平台运营有限公司',
      PLATFORM_BANK_NAME: '中国工商银行贵阳分行',
      PLATFORM_BANK_ACCOUNT_NO: '2402 0012 0920 0123 456',
    });
  });
  afterAll(() => {
    w?.server.close();
    for (const key of Object.keys(process.env))
      if (key.startsWith('STRIPE_') || key.startsWith('PLATFORM_BANK_')) delete process.env[key];
  });

  it('offers a retail customer Stripe’s methods and no transfer (the server refuses retail transfers here)', async () => {
    const order = await retailOrder(w);
    expect(await options(w, order, w.customer.token)).toMatchObject({
      payable: true,
      online: ['CARD', 'ALIPAY', 'WECHAT_PAY'],
      publishableKey: 'pk_test_bangfu_options',
      bankTransfer: null,
      payOnDelivery: false,
    });
    const input = {
      orderId: order.id,
      reference: `RT-${order.orderNo}`,
      amount: 6800,
      paidAt: new Date().toISOString(),
    };
    expectErrorCode(await w.server.gql(RECORD, { input }, w.customer.token), 'BANK_TRANSFER_NOT_ALLOWED');
  });

  it('gives an agency the platform’s receiving account for the transfer', async () => {
    const order = await agencyOrder(w, 2);
    expect((await options(w, order, w.purchaser.token)).bankTransfer).toEqual({
      amount: 11800,
      reference: order.orderNo,
      payeeName: '帮扶平台运营有限公司',
      bankName: '中国工商银行贵阳分行',
      accountNo: '2402 0012 0920 0123 456',
    });
  });
});

describe('loadPlatformBankAccount', () => {
  it('takes all three settings or none, and refuses a malformed account number', () => {
    expect(loadPlatformBankAccount({})).toBeNull();
    expect(() => loadPlatformBankAccount({ PLATFORM_BANK_NAME: '工商银行' })).toThrow(
      /PLATFORM_BANK_ACCOUNT_NAME, PLATFORM_BANK_ACCOUNT_NO/,
    );
    expect(() =>
      loadPlatformBankAccount({
        PLATFORM_BANK_ACCOUNT_NAME: 'a',
        PLATFORM_BANK_NAME: 'b',
        PLATFORM_BANK_ACCOUNT_NO: 'not-a-number',
      }),
    ).toThrow(/PLATFORM_BANK_ACCOUNT_NO/);
  });
});
