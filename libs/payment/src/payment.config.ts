import { z } from 'zod';

/**
 * Payment settings, read by this module from the environment at boot (core config is not
 * extensible from a domain lib):
 * - STRIPE_SECRET_KEY: enables Stripe (card, Alipay, WeChat Pay). Without it only offline methods exist.
 * - STRIPE_WEBHOOK_SECRET: the endpoint's signing secret (whsec_…); POST /webhooks/stripe refuses all without it.
 * - STRIPE_PUBLISHABLE_KEY: handed to the storefront (Payment Element); optional.
 * - STRIPE_API_HOST / STRIPE_API_PORT / STRIPE_API_PROTOCOL: point the SDK at another host (tests, proxies).
 */
export interface PaymentConfig {
  stripe: {
    secretKey: string;
    webhookSecret: string | null;
    publishableKey: string | null;
    host: string | null;
    port: number | null;
    protocol: 'http' | 'https' | null;
  } | null;
}

export const PAYMENT_CONFIG = Symbol('PAYMENT_CONFIG');

const schema = z.object({
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_[A-Za-z0-9_]+$/, 'must look like sk_… or rk_…')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^\S{8,}$/, 'must be the whsec_… signing secret')
    .optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_[A-Za-z0-9_]+$/, 'must look like pk_…')
    .optional(),
  STRIPE_API_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'a host name or IP')
    .optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
});

export function loadPaymentConfig(env: Record<string, string | undefined> = process.env): PaymentConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('STRIPE_') && v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(
      `Invalid payment configuration: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`,
    );
  }
  const c = parsed.data;
  if (!c.STRIPE_SECRET_KEY) return { stripe: null };
  return {
    stripe: {
      secretKey: c.STRIPE_SECRET_KEY,
      webhookSecret: c.STRIPE_WEBHOOK_SECRET ?? null,
      publishableKey: c.STRIPE_PUBLISHABLE_KEY ?? null,
      host: c.STRIPE_API_HOST ?? null,
      port: c.STRIPE_API_PORT ?? null,
      protocol: c.STRIPE_API_PROTOCOL ?? null,
    },
  };
}
