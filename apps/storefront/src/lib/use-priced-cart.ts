import { useMemo } from 'react';
import { CART_PRODUCTS } from '../api/ordering';
import { distinct, useBatch } from './batch-query';
import { priceCart } from './cart';
import { useCart } from './cart-store';

/** The cart with today's prices, stock and suppliers from the server (one request for all its products). */
export function usePricedCart() {
  const cart = useCart();
  const ids = distinct(cart.cart.lines.map((l) => l.productId));
  const batch = useBatch(CART_PRODUCTS, ids);
  const agency = cart.buyerOrgId !== null;
  const priced = useMemo(() => priceCart(cart.cart, batch.records, agency), [cart.cart, batch.records, agency]);
  // Until every product has answered, a missing one would look "unavailable".
  const ready = ids.every((id) => batch.records.has(id));
  return { ...cart, priced, ready, loading: batch.loading, error: batch.error, reload: batch.reload };
}
