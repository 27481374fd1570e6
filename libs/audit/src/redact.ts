/**
 * What an audit summary may keep of a mutation's arguments and changed fields. The trail is read by
 * auditors of a whole region and kept for years, so secrets never enter it and personal data only
 * masked (DESIGN: personal data minimised, no plain ID numbers).
 */

/** Never stored, not even masked: credentials, signing material, ID numbers, bank account numbers. */
const SECRET = /password|secret|token|signature|authorization|idnumber|accountno|apikey|cardnumber|cvc/i;
/** Personal data: kept masked, so an auditor can still tell two values apart by their ends. */
const PERSONAL =
  /phone|mobile|email|identifier|headname|householdname|displayname|contactname|realname|fullname|address/i;

export const REDACTED = '[REDACTED]';
const MAX_STRING = 500;
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;

/** Masks a personal value: an e-mail keeps its first letter and domain, a phone its first 3 and last 4 digits, a name its first character. */
export function mask(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  const at = s.indexOf('@');
  if (at > 0) return `${s[0]}***${s.slice(at)}`;
  const digits = s.replace(/\D/g, '');
  if (digits.length >= 7 && digits.length === s.replace(/[\s+-]/g, '').length)
    return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const chars = [...s];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 8));
}

/** A JSON-safe, redacted, size-bounded copy of a value for an audit summary. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => redact(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`[+${value.length - MAX_ITEMS} more]`);
    return items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'function' || v === undefined) continue;
      if (SECRET.test(k)) out[k] = REDACTED;
      else if (PERSONAL.test(k) && v !== null && typeof v !== 'object') out[k] = mask(v);
      else out[k] = redact(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

/** Only the fields that differ between before and after (both redacted), for a change summary. */
export function changedFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): { before?: unknown; after?: unknown } {
  if (!before || !after)
    return { before: before ? redact(before) : undefined, after: after ? redact(after) : undefined };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(redact(before[key])) === JSON.stringify(redact(after[key]))) continue;
    b[key] = before[key];
    a[key] = after[key];
  }
  return { before: redact(b), after: redact(a) };
}
