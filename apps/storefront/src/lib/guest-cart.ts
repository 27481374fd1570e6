// A visitor's cart before signing in: kept in localStorage under one guest key and merged into the
// user's own cart when they sign in (then the guest copy is cleared), so nothing added is lost.
import { addToCart, type Cart } from './cart';

export const GUEST_CART_KEY = 'bangfu.cart.guest';

/** The user's cart plus the guest's lines (quantities add up, capped like any add); the user's buyer choice stays. */
export function mergeGuestCart(user: Cart, guest: Cart): Cart {
  let merged = user;
  for (const line of guest.lines) merged = addToCart(merged, line).cart;
  return merged;
}
