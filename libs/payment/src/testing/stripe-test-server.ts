import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small local stand-in for the Stripe API, for tests: the REAL `stripe` SDK points at it with
 * `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`. It implements what Bangfu calls —
 * POST/GET /v1/payment_intents, POST /v1/refunds, POST /v1/transfers — with Stripe's form-encoded
 * requests, its error envelope and `Idempotency-Key` semantics (same key + same request → the
 * stored response is replayed; same key + different request → 400 idempotency_error). Helpers
 * move intents to succeeded and build the event payloads Stripe would send to a webhook.
 */

export interface StripeObject {
  id: string;
  object: string;
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  replayed: boolean;
}

export interface StripeTestServer {
  url: string;
  host: string;
  port: number;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  paymentIntents: Map<string, StripeObject>;
  refunds: Map<string, StripeObject>;
  transfers: Map<string, StripeObject>;
  /** Marks an intent paid (as when the customer completes Payment Element) and returns it. */
  succeed(paymentIntentId: string): StripeObject;
  /** Marks an intent's last attempt as failed (status back to requires_payment_method). */
  fail(paymentIntentId: string): StripeObject;
  /** The charge behind a succeeded intent, with its refunds list (as charge.refunded carries it). */
  charge(paymentIntentId: string): StripeObject;
  /** An Event envelope as Stripe posts it to a webhook endpoint. */
  event(type: string, object: StripeObject, id?: string): StripeObject;
  /** Destinations (acct_…) whose transfers are refused. */
  failingDestinations: Set<string>;
  /** Makes the next N API calls answer 500 (after doing nothing). */
  failNext(n: number): void;
  /**
   * Holds every API call until the returned function is called (a slow Stripe): before doing
   * anything, or ('answers') after doing the work but before answering.
   */
  hold(stage?: 'requests' | 'answers'): () => void;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** Parses Stripe's form encoding (`metadata[orderId]=…`, `payment_method_types[0]=card`) into objects. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const out: Record<string, any> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.split(/\[|\]\[|\]/).filter((p) => p !== '');
    let node = out;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
      if (last) {
        if (Array.isArray(node)) node.push(value);
        else node[part] = value;
        return;
      }
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part];
    });
  }
  return out;
}

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

function intParam(params: Record<string, unknown>, name: string, required = true): number | undefined {
  const raw = params[name];
  if (raw === undefined) {
    if (required)
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `Missing required param: ${name}.`,
        'parameter_missing',
        name,
      );
    return undefined;
  }
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Invalid positive integer: ${name}`,
      'parameter_invalid_integer',
      name,
    );
  return n;
}

export async function startStripeTestServer(options: { apiKey?: string } = {}): Promise<StripeTestServer> {
  const requests: RecordedRequest[] = [];
  const paymentIntents = new Map<string, StripeObject>();
  const charges = new Map<string, StripeObject>();
  const refunds = new Map<string, StripeObject>();
  const transfers = new Map<string, StripeObject>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  const failingDestinations = new Set<string>();
  let failures = 0;
  let held: Promise<void> | null = null;
  let heldAnswers: Promise<void> | null = null;
  const now = () => Math.floor(Date.now() / 1000);

  const chargeOf = (pi: StripeObject): StripeObject => {
    const chargeId = pi.latest_charge as string | null;
    const charge = chargeId ? charges.get(chargeId) : undefined;
    if (!charge)
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `PaymentIntent ${pi.id} has no successful charge to refund.`,
        'charge_not_found',
      );
    return charge;
  };

  const routes: Array<{
    method: string;
    pattern: RegExp;
    handle: (m: RegExpExecArray, params: Record<string, unknown>) => StripeObject;
  }> = [
    {
      method: 'POST',
      pattern: /^\/v1\/payment_intents$/,
      handle: (_m, params) => {
        const amount = intParam(params, 'amount')!;
        const currency = String(params.currency ?? '');
        if (!/^[a-z]{3}$/.test(currency))
          throw new StripeApiError(400, 'invalid_request_error', 'Invalid currency.', 'parameter_invalid', 'currency');
        // API 2026+: allowed_payment_method_types (older versions sent payment_method_types).
        const types = (params.allowed_payment_method_types as string[] | undefined) ??
          (params.payment_method_types as string[] | undefined) ?? ['card'];
        const pi: StripeObject = {
          id: id('pi'),
          object: 'payment_intent',
          amount,
          amount_received: 0,
          currency,
          status: 'requires_payment_method',
          allowed_payment_method_types: types,
          payment_method_types: types,
          metadata: (params.metadata as Record<string, string>) ?? {},
          description: params.description ?? null,
          latest_charge: null,
          created: now(),
          livemode: false,
        };
        pi.client_secret = `${pi.id}_secret_${randomBytes(8).toString('hex')}`;
        paymentIntents.set(pi.id, pi);
        return pi;
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/payment_intents\/([A-Za-z0-9_]+)$/,
      handle: (m) => {
        const pi = paymentIntents.get(m[1]);
        if (!pi)
          throw new StripeApiError(
            404,
            'invalid_request_error',
            `No such payment_intent: '${m[1]}'`,
            'resource_missing',
            'intent',
          );
        return pi;
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/refunds$/,
      handle: (_m, params) => {
        const piId = String(params.payment_intent ?? '');
        const pi = paymentIntents.get(piId);
        if (!pi)
          throw new StripeApiError(
            400,
            'invalid_request_error',
            `No such payment_intent: '${piId}'`,
            'resource_missing',
            'payment_intent',
          );
        if (pi.status !== 'succeeded')
          throw new StripeApiError(
            400,
            'invalid_request_error',
            'This PaymentIntent does not have a successful charge to refund.',
            'charge_not_found',
          );
        const charge = chargeOf(pi);
        const left = (charge.amount as number) - (charge.amount_refunded as number);
        const amount = intParam(params, 'amount', false) ?? left;
        if (left <= 0)
          throw new StripeApiError(
            400,
            'invalid_request_error',
            `Charge ${charge.id} has already been refunded.`,
            'charge_already_refunded',
          );
        if (amount > left)
          throw new StripeApiError(
            400,
            'invalid_request_error',
            `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
            'amount_too_large',
            'amount',
          );
        const refund: StripeObject = {
          id: id('re'),
          object: 'refund',
          amount,
          currency: pi.currency,
          charge: charge.id,
          payment_intent: pi.id,
          status: 'succeeded',
          metadata: (params.metadata as Record<string, string>) ?? {},
          reason: params.reason ?? null,
          created: now(),
        };
        refunds.set(refund.id, refund);
        charge.amount_refunded = (charge.amount_refunded as number) + amount;
        charge.refunded = charge.amount_refunded === charge.amount;
        (charge.refunds as { data: StripeObject[] }).data.unshift(refund);
        return refund;
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/transfers$/,
      handle: (_m, params) => {
        const amount = intParam(params, 'amount')!;
        const destination = String(params.destination ?? '');
        if (!/^acct_[A-Za-z0-9]+$/.test(destination))
          throw new StripeApiError(
            400,
            'invalid_request_error',
            'Invalid destination.',
            'parameter_invalid',
            'destination',
          );
        if (failingDestinations.has(destination)) {
          throw new StripeApiError(
            400,
            'invalid_request_error',
            `The destination account ${destination} cannot receive transfers.`,
            'account_invalid',
            'destination',
          );
        }
        const transfer: StripeObject = {
          id: id('tr'),
          object: 'transfer',
          amount,
          currency: String(params.currency ?? ''),
          destination,
          transfer_group: params.transfer_group ?? null,
          metadata: (params.metadata as Record<string, string>) ?? {},
          created: now(),
        };
        transfers.set(transfer.id, transfer);
        return transfer;
      },
    },
  ];

  const send = (res: ServerResponse, status: number, body: string, replayed = false) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'request-id': id('req'),
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (held) await held;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = req.method === 'GET' ? parseStripeForm(url.searchParams.toString()) : parseStripeForm(raw);
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      params,
      idempotencyKey: key,
      replayed: false,
    };
    requests.push(record);

    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || (options.apiKey && auth !== `Bearer ${options.apiKey}`)) {
      return send(
        res,
        401,
        JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } }),
      );
    }
    if (failures > 0) {
      failures -= 1;
      return send(res, 500, JSON.stringify({ error: { type: 'api_error', message: 'Simulated outage.' } }));
    }
    const fingerprint = createHash('sha256').update(`${req.method} ${url.pathname} ${raw}`).digest('hex');
    if (key && req.method === 'POST') {
      const seen = idempotency.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return send(
            res,
            400,
            JSON.stringify({
              error: {
                type: 'idempotency_error',
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              },
            }),
          );
        }
        record.replayed = true;
        return send(res, seen.status, seen.body, true);
      }
    }
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    let status = 200;
    let body: string;
    if (!route) {
      status = 404;
      body = JSON.stringify({
        error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname}).` },
      });
    } else {
      try {
        body = JSON.stringify(route.handle(route.pattern.exec(url.pathname)!, params));
      } catch (e) {
        if (!(e instanceof StripeApiError)) throw e;
        status = e.status;
        body = JSON.stringify({ error: { type: e.type, message: e.message, code: e.code, param: e.param } });
      }
    }
    // Stripe stores the outcome of any request that reached its API, errors included.
    if (key && req.method === 'POST') idempotency.set(key, { fingerprint, status, body });
    if (heldAnswers) await heldAnswers;
    send(res, status, body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, JSON.stringify({ error: { type: 'api_error', message: String(e) } })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const intent = (piId: string) => {
    const pi = paymentIntents.get(piId);
    if (!pi) throw new Error(`no payment intent ${piId}`);
    return pi;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    requests,
    paymentIntents,
    refunds,
    transfers,
    failingDestinations,
    failNext(n) {
      failures = n;
    },
    hold(stage = 'requests') {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      if (stage === 'requests') held = gate;
      else heldAnswers = gate;
      return () => {
        if (stage === 'requests') held = null;
        else heldAnswers = null;
        release();
      };
    },
    succeed(piId) {
      const pi = intent(piId);
      if (pi.status !== 'succeeded') {
        const charge: StripeObject = {
          id: id('ch'),
          object: 'charge',
          amount: pi.amount,
          amount_refunded: 0,
          refunded: false,
          currency: pi.currency,
          payment_intent: pi.id,
          paid: true,
          status: 'succeeded',
          refunds: { object: 'list', data: [], has_more: false },
          created: now(),
        };
        charges.set(charge.id, charge);
        Object.assign(pi, { status: 'succeeded', amount_received: pi.amount, latest_charge: charge.id });
      }
      return structuredClone(pi);
    },
    fail(piId) {
      const pi = intent(piId);
      Object.assign(pi, {
        status: 'requires_payment_method',
        last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
      });
      return structuredClone(pi);
    },
    charge(piId) {
      return structuredClone(chargeOf(intent(piId)));
    },
    event(type, object, eventId) {
      return {
        id: eventId ?? id('evt'),
        object: 'event',
        api_version: '2026-10-28.endive',
        created: now(),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        data: { object: structuredClone(object) },
      };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
