import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStripeForm, startStripeTestServer, type StripeTestServer } from './testing/stripe-test-server';

// The test double must behave like Stripe for the real SDK, or the payment tests prove nothing.
let server: StripeTestServer;
let stripe: Stripe;

beforeAll(async () => {
  server = await startStripeTestServer({ apiKey: 'sk_test_local' });
  stripe = new Stripe('sk_test_local', {
    host: server.host,
    port: server.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});
afterAll(() => server?.close());

describe('local Stripe test server with the real SDK', () => {
  it('parses Stripe form encoding', () => {
    expect(
      parseStripeForm('amount=100&payment_method_types[0]=card&payment_method_types[1]=alipay&metadata[orderId]=o1'),
    ).toEqual({
      amount: '100',
      payment_method_types: ['card', 'alipay'],
      metadata: { orderId: 'o1' },
    });
  });

  it('creates and retrieves a PaymentIntent; the same Idempotency-Key replays the same intent', async () => {
    const params = {
      amount: 1234,
      currency: 'cny',
      allowed_payment_method_types: ['alipay'],
      metadata: { orderId: 'o-1' },
    };
    const a = await stripe.paymentIntents.create(params, { idempotencyKey: 'k-1' });
    const b = await stripe.paymentIntents.create(params, { idempotencyKey: 'k-1' });
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({
      amount: 1234,
      currency: 'cny',
      status: 'requires_payment_method',
      payment_method_types: ['alipay'],
      metadata: { orderId: 'o-1' },
    });
    expect(a.client_secret).toMatch(new RegExp(`^${a.id}_secret_`));
    expect(server.paymentIntents.size).toBe(1);
    const got = await stripe.paymentIntents.retrieve(a.id);
    expect(got.id).toBe(a.id);
  });

  it('refuses a reused idempotency key with other parameters, a bad key, and unknown objects', async () => {
    await expect(
      stripe.paymentIntents.create({ amount: 1, currency: 'cny' }, { idempotencyKey: 'k-1' }),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError' });
    const other = new Stripe('sk_test_wrong', {
      host: server.host,
      port: server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(other.paymentIntents.create({ amount: 1, currency: 'cny' })).rejects.toMatchObject({
      statusCode: 401,
    });
    await expect(stripe.paymentIntents.retrieve('pi_nope')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('refunds a succeeded intent up to what was charged', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'cny' });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({ code: 'charge_not_found' });
    server.succeed(pi.id);
    const r1 = await stripe.refunds.create({ payment_intent: pi.id, amount: 400 }, { idempotencyKey: 'r-1' });
    const again = await stripe.refunds.create({ payment_intent: pi.id, amount: 400 }, { idempotencyKey: 'r-1' });
    expect(again.id).toBe(r1.id);
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 601 })).rejects.toMatchObject({
      code: 'amount_too_large',
    });
    const r2 = await stripe.refunds.create({ payment_intent: pi.id });
    expect(r2.amount).toBe(600);
    expect(server.charge(pi.id)).toMatchObject({ amount_refunded: 1000, refunded: true });
  });

  it('makes transfers and can refuse a destination', async () => {
    const t = await stripe.transfers.create(
      { amount: 500, currency: 'cny', destination: 'acct_123' },
      { idempotencyKey: 't-1' },
    );
    expect(t).toMatchObject({ amount: 500, destination: 'acct_123' });
    server.failingDestinations.add('acct_bad');
    await expect(
      stripe.transfers.create({ amount: 500, currency: 'cny', destination: 'acct_bad' }),
    ).rejects.toMatchObject({ code: 'account_invalid' });
  });

  it('builds events that the SDK verifies with a signature it generated', () => {
    const pi = [...server.paymentIntents.values()][0];
    const payload = JSON.stringify(server.event('payment_intent.succeeded', pi));
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_test' });
    const event = stripe.webhooks.constructEvent(payload, header, 'whsec_test');
    expect(event.type).toBe('payment_intent.succeeded');
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow();
  });
});
