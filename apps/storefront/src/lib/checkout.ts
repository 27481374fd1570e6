// Checkout attempts and what placeOrder answered. An attempt is one idempotency key for one exact
// payload: retrying (a double click, a timeout, a reload) resends the same key, so the server
// returns the order it already made instead of a second one; changing the basket starts a new attempt.
import type { PlaceOrderMutation } from '../api/generated/graphql';
export interface CheckoutPayload {
  channelId: string;
  buyerOrgId: string | null;
  lines: Array<{ variantId: string; quantity: number }>;
  /** Retail orders that ship: one of the buyer's addresses, copied onto the order. */
  addressId?: string | null;
}

export interface CheckoutAttempt {
  key: string;
  fingerprint: string;
}

export const attemptStorageKey = (userId: string) => `bangfu.checkout.${userId}`;

/** What makes two checkouts the same for the server: channel, buyer and the lines in variant order. */
export function payloadFingerprint(p: CheckoutPayload): string {
  const lines = p.lines
    .map((l) => [l.variantId.toLowerCase(), l.quantity] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  // The address counts only when given (the server hashes it the same way).
  return JSON.stringify({
    c: p.channelId.toLowerCase(),
    b: p.buyerOrgId?.toLowerCase() ?? null,
    l: lines,
    ...(p.addressId ? { a: p.addressId.toLowerCase() } : {}),
  });
}

/** Letters, digits and `-` only: within the server's [A-Za-z0-9._:-]{1,128}. */
export function newIdempotencyKey(random: () => string = randomId): string {
  return `checkout-${random()}`;
}

function randomId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The attempt to send: the previous one while the payload is unchanged, else a fresh key. */
export function attemptFor(
  previous: CheckoutAttempt | null,
  payload: CheckoutPayload,
  makeKey: () => string = newIdempotencyKey,
): CheckoutAttempt {
  const fingerprint = payloadFingerprint(payload);
  if (previous && previous.fingerprint === fingerprint) return previous;
  return { key: makeKey(), fingerprint };
}

export function parseAttempt(raw: string | null): CheckoutAttempt | null {
  if (!raw) return null;
  try {
    const a = JSON.parse(raw) as Partial<CheckoutAttempt>;
    return typeof a.key === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(a.key) && typeof a.fingerprint === 'string'
      ? { key: a.key, fingerprint: a.fingerprint }
      : null;
  } catch {
    return null;
  }
}

// --- placeOrder's union -------------------------------------------------------------------

/** placeOrder's answer: the order or why it was refused (api/ordering's PLACE_ORDER). */
export type PlaceOrderAnswer = PlaceOrderMutation['placeOrder'];

/** A refusal, tied to the cart line it is about when there is one. */
export type CheckoutProblem =
  | { kind: 'stock'; variantId: string; requested: number; available: number }
  | { kind: 'unavailable'; variantId: string; reason: string }
  | { kind: 'certification'; variantId: string; certificationStatus: string }
  | { kind: 'input'; code: string; variantId: string | null };

/** Null for an order; otherwise the problem, with `lines[i].…` fields resolved to the line's variant. */
export function problemOf(answer: PlaceOrderAnswer, payload: CheckoutPayload): CheckoutProblem | null {
  switch (answer.__typename) {
    case 'Order':
      return null;
    case 'InsufficientStockError':
      return {
        kind: 'stock',
        variantId: answer.variantId,
        requested: answer.requested,
        available: Math.max(0, answer.available),
      };
    case 'ProductUnavailableError':
      return { kind: 'unavailable', variantId: answer.variantId, reason: answer.reason };
    case 'CertificationInvalidError':
      return { kind: 'certification', variantId: answer.variantId, certificationStatus: answer.certificationStatus };
    // An agency unit whose policy wants approval first: the buyer submits a purchase request instead.
    case 'PurchaseRequestRequiredError':
      return { kind: 'input', code: answer.code, variantId: null };
    case 'InvalidOrderInputError': {
      const index = /^lines\[(\d+)\]/.exec(answer.field ?? '');
      const variantId = index ? (payload.lines[Number(index[1])]?.variantId ?? null) : null;
      return { kind: 'input', code: answer.code, variantId };
    }
  }
}

/** The quantity that would get past an insufficient-stock refusal (0: the line has to go). */
export const fixedQuantity = (p: Extract<CheckoutProblem, { kind: 'stock' }>) => Math.min(p.requested, p.available);
