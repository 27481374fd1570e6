import { z } from 'zod';

/**
 * Ordering's own settings. Core config cannot be extended from a domain lib, so the module reads
 * these variables itself (validated once, at boot):
 * - ORDER_RETAIL_PAYMENT_MINUTES (default 30): an unpaid retail order is cancelled after this.
 * - ORDER_AGENCY_PAYMENT_DAYS (default 30): an agency prepay order must be paid within this.
 * - ORDER_AGENCY_EXTENSION_DAYS (default 15): the one extension extendPaymentDeadline grants.
 * - ORDER_OUTBOX_RELAY_MS (default 1000): how often the outbox relay runs where workers run.
 * - ORDER_EXPIRY_SWEEP_MS (default 300000): safety-net sweep for expiry jobs lost with Redis.
 * - ORDER_DELIVERY_ADDRESS_REQUIRED (default false until every client sends addressId): retail
 *   orders in an online channel must carry a delivery address (DELIVERY_ADDRESS_REQUIRED).
 */
export interface OrderingConfig {
  retailPaymentMinutes: number;
  agencyPaymentDays: number;
  agencyExtensionDays: number;
  outboxRelayMs: number;
  expirySweepMs: number;
  /** Retail checkout in a channel that ships (online) must name an address; counter sales never do. */
  deliveryAddressRequired: boolean;
}

export const ORDERING_CONFIG = Symbol('ORDERING_CONFIG');

const schema = z.object({
  ORDER_RETAIL_PAYMENT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  ORDER_AGENCY_PAYMENT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ORDER_AGENCY_EXTENSION_DAYS: z.coerce.number().int().min(1).max(365).default(15),
  ORDER_OUTBOX_RELAY_MS: z.coerce.number().int().min(100).max(600_000).default(1000),
  ORDER_EXPIRY_SWEEP_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(24 * 3600 * 1000)
    .default(300_000),
  ORDER_DELIVERY_ADDRESS_REQUIRED: z.enum(['true', 'false']).default('false'),
});

export function loadOrderingConfig(env: Record<string, string | undefined> = process.env): OrderingConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('ORDER_') && v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(
      `Invalid ordering configuration: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`,
    );
  }
  const c = parsed.data;
  return {
    retailPaymentMinutes: c.ORDER_RETAIL_PAYMENT_MINUTES,
    agencyPaymentDays: c.ORDER_AGENCY_PAYMENT_DAYS,
    agencyExtensionDays: c.ORDER_AGENCY_EXTENSION_DAYS,
    outboxRelayMs: c.ORDER_OUTBOX_RELAY_MS,
    expirySweepMs: c.ORDER_EXPIRY_SWEEP_MS,
    deliveryAddressRequired: c.ORDER_DELIVERY_ADDRESS_REQUIRED === 'true',
  };
}
