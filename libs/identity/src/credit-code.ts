/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet (no I, O, S, V, Z);
 * characters 3–8 are the registering division code; the last is a mod-31 check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(code: string): boolean {
  if (!SHAPE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Completes 17 characters with their check character (used to build demo and test data). */
export function withCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
