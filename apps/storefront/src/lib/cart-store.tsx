import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import {
  type AddOutcome,
  addToCart,
  type BuyerOptions,
  buyerOptions,
  type Cart,
  cartCount,
  cartStorageKey,
  type CartLine,
  EMPTY_CART,
  effectiveBuyer,
  parseCart,
  removeLines,
  serializeCart,
  setQuantity as setLineQuantity,
} from './cart';
import { GUEST_CART_KEY, mergeGuestCart } from './guest-cart';
import { useSession } from './session';
import { readStorage, writeStorage } from './storage';

interface CartValue {
  cart: Cart;
  /** Items in the cart (units). */
  count: number;
  options: BuyerOptions;
  /** The agency the cart is priced for; null: retail. */
  buyerOrgId: string | null;
  add: (line: CartLine) => AddOutcome;
  setQuantity: (variantId: string, quantity: number) => void;
  remove: (variantIds: readonly string[]) => void;
  setBuyer: (orgId: string | null) => void;
}

const CartContext = createContext<CartValue | null>(null);

/**
 * The cart, kept in localStorage under the signed-in user's id (a visitor's under the guest key) and
 * shared live between tabs. Signing in merges the visitor's cart into the user's.
 */
export function CartProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const key = me ? cartStorageKey(me.id) : me === null ? GUEST_CART_KEY : null;
  const [cart, setCart] = useState<Cart>(EMPTY_CART);
  const current = useRef(cart);
  current.current = cart;

  useEffect(() => {
    if (key && key !== GUEST_CART_KEY) {
      const guest = parseCart(readStorage(GUEST_CART_KEY));
      if (guest.lines.length) {
        writeStorage(key, serializeCart(mergeGuestCart(parseCart(readStorage(key)), guest)));
        writeStorage(GUEST_CART_KEY, null);
      }
    }
    setCart(key ? parseCart(readStorage(key)) : EMPTY_CART);
    if (!key) return;
    const onStorage = (e: StorageEvent) => {
      if (e.key === key) setCart(parseCart(e.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [key]);

  const update = useCallback(
    (fn: (c: Cart) => Cart) => {
      if (!key) return;
      // Read what is stored, not React's copy: another tab may have changed the cart meanwhile.
      // (Nothing stored: storage is blocked or the cart is new, and the copy in memory is the cart.)
      const stored = readStorage(key);
      const next = fn(stored === null ? current.current : parseCart(stored));
      writeStorage(key, serializeCart(next));
      setCart(next);
    },
    [key],
  );

  const add = useCallback(
    (line: CartLine) => {
      let outcome: AddOutcome = 'full';
      update((c) => {
        const r = addToCart(c, line);
        outcome = r.outcome;
        return r.cart;
      });
      return outcome;
    },
    [update],
  );
  const setQuantity = useCallback(
    (variantId: string, quantity: number) => update((c) => setLineQuantity(c, variantId, quantity)),
    [update],
  );
  const remove = useCallback((variantIds: readonly string[]) => update((c) => removeLines(c, variantIds)), [update]);
  const setBuyer = useCallback((orgId: string | null) => update((c) => ({ ...c, buyerOrgId: orgId })), [update]);

  // A visitor buys retail once signed in, so the guest cart is priced retail.
  const options = useMemo(() => (me === null ? { retail: true, agencies: [] } : buyerOptions(me)), [me]);
  const value = useMemo(
    () => ({
      cart,
      count: cartCount(cart),
      options,
      buyerOrgId: effectiveBuyer(cart, options),
      add,
      setQuantity,
      remove,
      setBuyer,
    }),
    [cart, options, add, setQuantity, remove, setBuyer],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartValue {
  const value = useContext(CartContext);
  if (!value) throw new Error('useCart must be used inside <CartProvider>');
  return value;
}
