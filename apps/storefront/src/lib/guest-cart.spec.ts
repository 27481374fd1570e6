import { describe, expect, it } from 'vitest';
import { EMPTY_CART, MAX_QUANTITY } from './cart';
import { mergeGuestCart } from './guest-cart';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const P = '00000000-0000-4000-8000-0000000000ff';

describe('mergeGuestCart', () => {
  it('adds the guest lines to the user cart, summing the same variant', () => {
    const user = { lines: [{ variantId: A, productId: P, quantity: 2 }], buyerOrgId: null };
    const guest = {
      lines: [
        { variantId: A, productId: P, quantity: 3 },
        { variantId: B, productId: P, quantity: 1 },
      ],
      buyerOrgId: null,
    };
    expect(mergeGuestCart(user, guest).lines).toEqual([
      { variantId: A, productId: P, quantity: 5 },
      { variantId: B, productId: P, quantity: 1 },
    ]);
  });
  it('keeps an empty guest cart a no-op and caps quantities', () => {
    const user = { lines: [{ variantId: A, productId: P, quantity: MAX_QUANTITY }], buyerOrgId: null };
    expect(mergeGuestCart(user, EMPTY_CART)).toEqual(user);
    expect(
      mergeGuestCart(user, { lines: [{ variantId: A, productId: P, quantity: 5 }], buyerOrgId: null }).lines[0]
        .quantity,
    ).toBe(MAX_QUANTITY);
  });
});
