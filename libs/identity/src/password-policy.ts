import { IdentityErrorCode } from './identity.errors';
import { AppError, lazyModule } from '@bangfu/core';

// Its dictionaries take about 2.5 MB of heap: loaded with the first password set, not at every start.
const zxcvbnCommon = lazyModule<typeof import('@zxcvbn-ts/language-common')>('@zxcvbn-ts/language-common');

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase; bounded so nobody makes the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 256;

export type WeakPasswordReason = 'TOO_SHORT' | 'TOO_LONG' | 'BLANK' | 'COMMON';

let common: Set<string> | null = null;
/**
 * The ~49,000 most common passwords from breach corpora, as maintained by zxcvbn-ts. Built on first
 * use (a few tens of ms), so processes that never set a password never pay for it.
 */
function commonPasswords(): Set<string> {
  return (common ??= new Set(zxcvbnCommon().dictionary['passwords-common'].map((p) => p.toLowerCase())));
}

/** Why the password is refused, or null when it is acceptable. Length counts characters, not UTF-16 units. */
export function weakPasswordReason(password: string): WeakPasswordReason | null {
  const length = [...password].length;
  if (!password.trim()) return 'BLANK';
  if (length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  if (length > MAX_PASSWORD_LENGTH) return 'TOO_LONG';
  if (commonPasswords().has(password.trim().toLowerCase())) return 'COMMON';
  return null;
}

const MESSAGES: Record<WeakPasswordReason, string> = {
  BLANK: 'The password cannot be only spaces',
  TOO_SHORT: `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`,
  TOO_LONG: `Passwords can have at most ${MAX_PASSWORD_LENGTH} characters`,
  COMMON: 'This password is on the list of commonly used passwords; choose another',
};

/** Throws WEAK_PASSWORD (with `reason`) for a password the policy refuses. */
export function assertPasswordPolicy(password: string | null | undefined, field = 'password'): void {
  const reason = weakPasswordReason(password ?? '');
  if (reason) throw new AppError(IdentityErrorCode.WEAK_PASSWORD, MESSAGES[reason], { field, reason });
}
