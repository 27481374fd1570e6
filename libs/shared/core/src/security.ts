import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Origins the storefront needs beyond its own, per CSP directive. */
export interface CspSources {
  scripts: string[];
  frames: string[];
  connect: string[];
  images: string[];
}

const NONE: CspSources = { scripts: [], frames: [], connect: [], images: [] };

/** Stripe.js and its Payment Element frames, as Stripe documents them for a Content-Security-Policy. */
const STRIPE: CspSources = {
  scripts: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frames: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com'],
  images: ['https://*.stripe.com'],
};

const origin = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * What the deployment's settings add to the policy: Stripe when the storefront gets a publishable
 * key (PaymentModule hands it over), product images from S3_PUBLIC_URL when set (else /files, same
 * origin). Read from the environment like those modules read theirs.
 */
export function cspSourcesFromEnv(env: Record<string, string | undefined> = process.env): CspSources {
  const stripe = !!env.STRIPE_SECRET_KEY?.trim() && !!env.STRIPE_PUBLISHABLE_KEY?.trim();
  const s3 = env.S3_PUBLIC_URL?.trim() ? origin(env.S3_PUBLIC_URL.trim()) : null;
  const base = stripe ? STRIPE : NONE;
  return { ...base, images: [...base.images, ...(s3 ? [s3] : [])] };
}

/**
 * Security headers on every response (helmet): a Content-Security-Policy that allows the built
 * storefront (its own scripts and styles, data: images such as the favicon) and nothing else, no
 * framing by other sites, nosniff, a referrer policy, and no X-Powered-By.
 *
 * style-src allows inline styles: the printable purchase order and acceptance record are HTML with a
 * <style> block that the storefront opens from a blob: URL, which inherits the storefront's policy.
 * Scripts never run inline.
 */
export function securityHeaders(sources: CspSources = NONE): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", ...sources.scripts],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...sources.images],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...sources.connect],
        frameSrc: sources.frames.length ? sources.frames : ["'none'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Stripe's 3-D Secure and wallet flows may open a pop-up that must keep talking to the page.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
  });
}
