// Division codes (统计用区划代码): 12 digits, levels end after 2/4/6/9/12 digits; a subtree is a prefix.

const LEVEL_DIGITS = [2, 4, 6, 9, 12] as const;

/** 520621000000 → "520621" (the county's subtree prefix); a prefix or bad input comes back trimmed. */
export function regionPrefix(code: string): string {
  const c = code.trim();
  if (!/^\d{12}$/.test(c)) return c;
  for (const digits of LEVEL_DIGITS) {
    if (/^0*$/.test(c.slice(digits))) return c.slice(0, digits);
  }
  return c;
}

/** "5206" → "520600000000": the region a prefix stands for, or null if it is not a level prefix. */
export function regionCodeOf(prefix: string): string | null {
  const p = prefix.trim();
  if (!/^\d+$/.test(p) || !(LEVEL_DIGITS as readonly number[]).includes(p.length)) return null;
  return p.padEnd(12, '0');
}
