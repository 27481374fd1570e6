// The cart: a few variant ids and quantities kept in the browser per signed-in user. Prices, stock
// and supplier come from the server each time the cart is shown; totals are integer fen.
import type { CartProductFragment } from '../api/generated/graphql';
import type { Me } from '../api/operations';
import { hasRole, type OrgRef, organizationsWith } from './roles';

/** The server's limits (placeOrder): 1–10,000 units per line, at most 50 lines. */
export const MAX_QUANTITY = 10_000;
export const MAX_LINES = 50;

export interface CartLine {
  variantId: string;
  productId: string;
  quantity: number;
}

export interface Cart {
  lines: CartLine[];
  /** The agency (budget unit) buying at agency prices; null: a retail purchase. */
  buyerOrgId: string | null;
}

export const EMPTY_CART: Cart = { lines: [], buyerOrgId: null };

export const cartStorageKey = (userId: string) => `bangfu.cart.${userId}`;

const ID = /^[0-9a-f-]{36}$/i;

/** A whole quantity within the server's bounds, or null. */
export function cleanQuantity(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > MAX_QUANTITY) return null;
  return n;
}

/** Whatever was stored (maybe by an older version, maybe tampered with) as a valid cart. */
export function parseCart(raw: string | null): Cart {
  if (!raw) return EMPTY_CART;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_CART;
  }
  if (!data || typeof data !== 'object') return EMPTY_CART;
  const { lines, buyerOrgId } = data as { lines?: unknown; buyerOrgId?: unknown };
  const seen = new Set<string>();
  const clean: CartLine[] = [];
  for (const line of Array.isArray(lines) ? lines : []) {
    const { variantId, productId, quantity } = (line ?? {}) as Record<string, unknown>;
    const q = cleanQuantity(quantity);
    if (
      typeof variantId !== 'string' ||
      !ID.test(variantId) ||
      typeof productId !== 'string' ||
      !ID.test(productId) ||
      q === null
    )
      continue;
    if (seen.has(variantId) || clean.length >= MAX_LINES) continue;
    seen.add(variantId);
    clean.push({ variantId, productId, quantity: q });
  }
  return { lines: clean, buyerOrgId: typeof buyerOrgId === 'string' && ID.test(buyerOrgId) ? buyerOrgId : null };
}

export function serializeCart(cart: Cart): string {
  return JSON.stringify({ v: 1, lines: cart.lines, buyerOrgId: cart.buyerOrgId });
}

export type AddOutcome = 'added' | 'merged' | 'capped' | 'full';

/** Adds units of a variant; a variant already in the cart gets the units on its line (capped at the maximum). */
export function addToCart(cart: Cart, line: CartLine): { cart: Cart; outcome: AddOutcome } {
  const existing = cart.lines.find((l) => l.variantId === line.variantId);
  if (existing) {
    const wanted = existing.quantity + line.quantity;
    const quantity = Math.min(MAX_QUANTITY, wanted);
    const lines = cart.lines.map((l) => (l.variantId === line.variantId ? { ...l, quantity } : l));
    return { cart: { ...cart, lines }, outcome: wanted > MAX_QUANTITY ? 'capped' : 'merged' };
  }
  if (cart.lines.length >= MAX_LINES) return { cart, outcome: 'full' };
  return {
    cart: { ...cart, lines: [...cart.lines, { ...line, quantity: Math.min(MAX_QUANTITY, line.quantity) }] },
    outcome: 'added',
  };
}

export function setQuantity(cart: Cart, variantId: string, quantity: number): Cart {
  const q = cleanQuantity(quantity);
  if (q === null) return cart;
  return { ...cart, lines: cart.lines.map((l) => (l.variantId === variantId ? { ...l, quantity: q } : l)) };
}

export function removeLines(cart: Cart, variantIds: readonly string[]): Cart {
  return { ...cart, lines: cart.lines.filter((l) => !variantIds.includes(l.variantId)) };
}

export const cartCount = (cart: Cart) => cart.lines.reduce((n, l) => n + l.quantity, 0);

// --- Who buys, at which price -------------------------------------------------------------

/** Roles placeOrder accepts: customers buy retail, purchasers for their agency. */
export const BUYER_ROLES = ['CUSTOMER', 'PURCHASER'] as const;

export interface BuyerOptions {
  /** A customer account buys at retail prices. */
  retail: boolean;
  /** Agencies the user may order for as PURCHASER (agency prices). */
  agencies: OrgRef[];
}

export function buyerOptions(me: Pick<Me, 'roles' | 'memberships'> | null | undefined): BuyerOptions {
  return { retail: hasRole(me, 'CUSTOMER'), agencies: organizationsWith(me, 'PURCHASER') };
}

export const canBuy = (o: BuyerOptions) => o.retail || o.agencies.length > 0;

/** The buyer the cart is for: the stored agency if the user still purchases for it, else retail, else the first agency. */
export function effectiveBuyer(cart: Cart, options: BuyerOptions): string | null {
  if (cart.buyerOrgId && options.agencies.some((a) => a.id === cart.buyerOrgId)) return cart.buyerOrgId;
  if (options.retail) return null;
  return options.agencies[0]?.id ?? null;
}

// --- Pricing the cart with the server's data ------------------------------------------------

/** A product as the cart reads it (api/ordering's CartProduct fragment). */
export type CatalogProduct = CartProductFragment;
export type CatalogVariant = CatalogProduct['variants'][number];

export interface PricedLine {
  line: CartLine;
  product: CatalogProduct;
  variant: CatalogVariant;
  unitPrice: number;
  lineTotal: number;
  /** Fewer units available than asked for (the server decides at checkout; this is a warning). */
  shortOfStock: boolean;
}

export interface SupplierGroup {
  supplierId: string;
  supplierName: string;
  lines: PricedLine[];
  subtotal: number;
}

export interface PricedCart {
  groups: SupplierGroup[];
  /** Lines whose product or variant cannot be bought any more (unpublished, removed, inactive). */
  unavailable: CartLine[];
  total: number;
  units: number;
}

/**
 * Groups the cart by supplier (in the order suppliers first appear) with unit prices from the
 * catalogue: agency price when buying for an agency, else retail. All sums are integer fen; a line
 * that would take a total beyond the safe integer range is set aside as unavailable.
 */
export function priceCart(
  cart: Cart,
  products: ReadonlyMap<string, CatalogProduct | null>,
  agency: boolean,
): PricedCart {
  const groups = new Map<string, SupplierGroup>();
  const unavailable: CartLine[] = [];
  let total = 0;
  let units = 0;
  for (const line of cart.lines) {
    const product = products.get(line.productId);
    const variant = product?.variants.find((v) => v.id === line.variantId);
    if (!product || !variant || variant.active === false || !product.supplier) {
      unavailable.push(line);
      continue;
    }
    const unitPrice = agency ? variant.agencyPrice : variant.retailPrice;
    const lineTotal = unitPrice * line.quantity;
    if (!Number.isSafeInteger(lineTotal) || !Number.isSafeInteger(total + lineTotal)) {
      unavailable.push(line);
      continue;
    }
    const priced: PricedLine = {
      line,
      product,
      variant,
      unitPrice,
      lineTotal,
      shortOfStock: variant.stockAvailable < line.quantity,
    };
    const group = groups.get(product.supplier.id) ?? {
      supplierId: product.supplier.id,
      supplierName: product.supplier.name,
      lines: [],
      subtotal: 0,
    };
    group.lines.push(priced);
    group.subtotal += lineTotal;
    groups.set(product.supplier.id, group);
    total += lineTotal;
    units += line.quantity;
  }
  return { groups: [...groups.values()], unavailable, total, units };
}
