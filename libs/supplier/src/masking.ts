/** 田大姐 → 田**: keeps the family name, hides the rest (by code point, so rare characters stay whole). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Check character of a resident ID number (GB 11643, ISO 7064 MOD 11-2) from its first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** An 18-character resident ID number with a correct check character, normalised to upper case; null when invalid. */
export function normalizeIdNumber(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(id)) return null;
  return idNumberCheckChar(id.slice(0, 17)) === id[17] ? id : null;
}
