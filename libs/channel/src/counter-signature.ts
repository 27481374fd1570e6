import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a counter's clock may be from ours before a request is refused as stale (seconds). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The bytes a counter signs: `${timestamp}.${nonce}.` followed by the raw request body. */
export function counterSigningInput(timestamp: string, nonce: string, rawBody: Buffer | string): Buffer {
  return Buffer.concat([
    Buffer.from(`${timestamp}.${nonce}.`, 'utf8'),
    Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8'),
  ]);
}

/** Lower-case hex HMAC-SHA256 with the device secret (its UTF-8 bytes) as key. */
export function signCounterRequest(secret: string, timestamp: string, nonce: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret)
    .update(counterSigningInput(timestamp, nonce, rawBody))
    .digest('hex');
}

/** Constant-time check of a presented signature; malformed input is simply a mismatch. */
export function verifyCounterSignature(
  secret: string,
  timestamp: string,
  nonce: string,
  rawBody: Buffer,
  presented: string,
): boolean {
  const expected = Buffer.from(signCounterRequest(secret, timestamp, nonce, rawBody), 'hex');
  const wellFormed = /^[0-9a-fA-F]{64}$/.test(presented);
  // Compare even when malformed, so the timing does not tell a malformed signature from a wrong one.
  const same = timingSafeEqual(expected, wellFormed ? Buffer.from(presented, 'hex') : Buffer.alloc(expected.length));
  return wellFormed && same;
}
