// A local stand-in for the Stripe API, so the e2e API runs with Stripe configured (see
// playwright.config.ts) without network access. The API's real `stripe` SDK creates PaymentIntents
// here; the test then plays Stripe's part after the customer "completes" the Payment Element (which
// cannot load offline): it marks the intent succeeded and posts the signed `payment_intent.succeeded`
// webhook, exactly what Stripe would send.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';

export interface Intent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  description: string | null;
  metadata: Record<string, string>;
  livemode: false;
  created: number;
}

export interface StripeStandIn {
  intents: Map<string, Intent>;
  /** The intent created for one of the API's payments (metadata.paymentId). */
  intentForPayment(paymentId: string): Intent | undefined;
  /** The customer completed the payment: the intent succeeds. */
  succeed(intentId: string): Intent;
  close(): Promise<void>;
}

const rand = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** Stripe's form encoding (`metadata[orderId]=…`, `allowed_payment_method_types[0]=card`), enough for intents. */
function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.split(/\[|\]\[|\]/).filter(Boolean);
    let node = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        if (Array.isArray(node)) node.push(value);
        else node[part] = value;
        return;
      }
      node[part] ??= /^\d+$/.test(parts[i + 1]) ? [] : {};
      node = node[part];
    });
  }
  return out;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': rand('req') });
  res.end(JSON.stringify(body));
}

export async function startStripeStandIn(port: number): Promise<StripeStandIn> {
  const intents = new Map<string, Intent>();
  // Stripe replays the stored answer for a repeated Idempotency-Key.
  const replies = new Map<string, Intent>();

  const handle = (req: IncomingMessage, body: string, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stripe.local');
    if (req.method === 'POST' && url.pathname === '/v1/payment_intents') {
      const key = req.headers['idempotency-key'];
      const known = typeof key === 'string' ? replies.get(key) : undefined;
      if (known) return send(res, 200, known);
      const params = parseForm(body) as {
        amount?: string;
        currency?: string;
        description?: string;
        metadata?: Record<string, string>;
      };
      const amount = Number(params.amount);
      if (!Number.isSafeInteger(amount) || amount <= 0)
        return send(res, 400, { error: { type: 'invalid_request_error', message: 'Invalid amount', param: 'amount' } });
      const id = rand('pi');
      const intent: Intent = {
        id,
        object: 'payment_intent',
        amount,
        amount_received: 0,
        currency: params.currency ?? 'cny',
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${randomBytes(8).toString('hex')}`,
        description: params.description ?? null,
        metadata: params.metadata ?? {},
        livemode: false,
        created: Math.floor(Date.now() / 1000),
      };
      intents.set(id, intent);
      if (typeof key === 'string') replies.set(key, intent);
      return send(res, 200, intent);
    }
    const match = /^\/v1\/payment_intents\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && match) {
      const intent = intents.get(decodeURIComponent(match[1]));
      return intent
        ? send(res, 200, intent)
        : send(res, 404, {
            error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' },
          });
    }
    return send(res, 404, {
      error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname})` },
    });
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    intents,
    intentForPayment: (paymentId) => [...intents.values()].find((i) => i.metadata.paymentId === paymentId),
    succeed(intentId) {
      const intent = intents.get(intentId);
      if (!intent) throw new Error(`no intent ${intentId}`);
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount });
      return intent;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A webhook body and its `Stripe-Signature` header (t=…,v1=HMAC-SHA256 of "t.body"), as Stripe signs them. */
export function signedEvent(type: string, object: Intent, secret: string): { body: string; signature: string } {
  const body = JSON.stringify({
    id: rand('evt'),
    object: 'event',
    api_version: '2026-01-28.clover',
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return { body, signature: `t=${t},v1=${v1}` };
}

/**
 * Plays Stripe once the customer "completed" the Payment Element: the intent succeeds and its signed
 * `payment_intent.succeeded` webhook reaches the API, which answers 200 (the response, for more checks).
 */
export async function succeedIntent(
  request: APIRequestContext,
  stripe: StripeStandIn,
  intentId: string,
): Promise<APIResponse> {
  const event = signedEvent(
    'payment_intent.succeeded',
    stripe.succeed(intentId),
    process.env.E2E_STRIPE_WEBHOOK_SECRET!,
  );
  const hook = await request.post('/webhooks/stripe', {
    data: event.body,
    headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
  });
  expect(hook.status()).toBe(200);
  return hook;
}

/**
 * The stand-in for the calling spec file: started before its first test on the port the API was given
 * (E2E_STRIPE_PORT), closed after its last. Call it at the top of the file; the getter answers it inside tests.
 */
export function stripeStandInForFile(): () => StripeStandIn {
  let stripe: StripeStandIn | undefined;
  test.beforeAll(async () => {
    stripe = await startStripeStandIn(Number(process.env.E2E_STRIPE_PORT));
  });
  test.afterAll(async () => {
    await stripe?.close();
  });
  return () => stripe!;
}
