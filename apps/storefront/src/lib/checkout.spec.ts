import { describe, expect, it } from 'vitest';
import {
  attemptFor,
  type CheckoutPayload,
  fixedQuantity,
  newIdempotencyKey,
  parseAttempt,
  payloadFingerprint,
  problemOf,
} from './checkout';

const payload: CheckoutPayload = {
  channelId: 'C',
  buyerOrgId: null,
  lines: [
    { variantId: 'v-tea', quantity: 2 },
    { variantId: 'v-fungi', quantity: 1 },
  ],
};

describe('checkout attempts', () => {
  it('keys look like the server expects and differ each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('reuses the key while the payload is the same (double click, retry), whatever the line order', () => {
    let n = 0;
    const make = () => `k${++n}`;
    const first = attemptFor(null, payload, make);
    expect(first.key).toBe('k1');
    expect(attemptFor(first, { ...payload, lines: [...payload.lines].reverse() }, make)).toBe(first);
    expect(n).toBe(1);
  });

  it('starts a new attempt when the basket, channel or buyer changes', () => {
    let n = 0;
    const make = () => `k${++n}`;
    const first = attemptFor(null, payload, make);
    const fewer = attemptFor(
      first,
      { ...payload, lines: [{ variantId: 'v-tea', quantity: 1 }, payload.lines[1]] },
      make,
    );
    expect(fewer.key).toBe('k2');
    expect(attemptFor(fewer, { ...payload, channelId: 'D' }, make).key).toBe('k3');
    expect(payloadFingerprint({ ...payload, buyerOrgId: 'A' })).not.toBe(payloadFingerprint(payload));
  });

  it('reads back only well-formed stored attempts', () => {
    const a = attemptFor(null, payload);
    expect(parseAttempt(JSON.stringify(a))).toEqual(a);
    expect(parseAttempt(null)).toBeNull();
    expect(parseAttempt('nope')).toBeNull();
    expect(parseAttempt(JSON.stringify({ key: 'has spaces', fingerprint: 'x' }))).toBeNull();
  });
});

describe('placeOrder answers', () => {
  it('an order is no problem', () => {
    expect(problemOf({ __typename: 'Order', id: 'o', orderNo: 'BF1' }, payload)).toBeNull();
  });

  it('insufficient stock names the line and the quantity that would pass', () => {
    const p = problemOf(
      {
        __typename: 'InsufficientStockError',
        code: 'INSUFFICIENT_STOCK',
        message: '',
        variantId: 'v-tea',
        requested: 2,
        available: 1,
      },
      payload,
    );
    expect(p).toEqual({ kind: 'stock', variantId: 'v-tea', requested: 2, available: 1 });
    expect(fixedQuantity(p as Extract<typeof p, { kind: 'stock' }>)).toBe(1);
    const none = problemOf(
      {
        __typename: 'InsufficientStockError',
        code: 'INSUFFICIENT_STOCK',
        message: '',
        variantId: 'v-tea',
        requested: 2,
        available: -3,
      },
      payload,
    );
    expect(none).toMatchObject({ available: 0 });
  });

  it('unavailable and certification refusals keep their reason', () => {
    expect(
      problemOf(
        {
          __typename: 'ProductUnavailableError',
          code: 'PRODUCT_UNAVAILABLE',
          message: '',
          variantId: 'v-fungi',
          reason: 'NOT_IN_CHANNEL',
        },
        payload,
      ),
    ).toEqual({
      kind: 'unavailable',
      variantId: 'v-fungi',
      reason: 'NOT_IN_CHANNEL',
    });
    expect(
      problemOf(
        {
          __typename: 'CertificationInvalidError',
          code: 'CERTIFICATION_INVALID',
          message: '',
          variantId: 'v-tea',
          productId: 'p',
          certificationStatus: 'EXPIRED',
        },
        payload,
      ),
    ).toEqual({ kind: 'certification', variantId: 'v-tea', certificationStatus: 'EXPIRED' });
  });

  it('invalid input points at the line named by its field', () => {
    expect(
      problemOf(
        { __typename: 'InvalidOrderInputError', code: 'QUANTITY_TOO_LARGE', message: '', field: 'lines[1].quantity' },
        payload,
      ),
    ).toEqual({
      kind: 'input',
      code: 'QUANTITY_TOO_LARGE',
      variantId: 'v-fungi',
    });
    expect(
      problemOf(
        { __typename: 'InvalidOrderInputError', code: 'CHANNEL_DISABLED', message: '', field: 'channelId' },
        payload,
      ),
    ).toEqual({ kind: 'input', code: 'CHANNEL_DISABLED', variantId: null });
    expect(
      problemOf(
        { __typename: 'InvalidOrderInputError', code: 'QUANTITY_TOO_LARGE', message: '', field: 'lines[9].quantity' },
        payload,
      ),
    ).toMatchObject({ variantId: null });
  });

  it('tells an agency buyer that the order needs a purchase request first', () => {
    const answer = {
      __typename: 'PurchaseRequestRequiredError',
      code: 'PURCHASE_REQUEST_REQUIRED',
      message: '',
    } as const;
    expect(problemOf(answer, payload)).toEqual({ kind: 'input', code: 'PURCHASE_REQUEST_REQUIRED', variantId: null });
  });
});
