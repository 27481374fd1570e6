const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

/** 1–9999 in capital numerals, zeros inside the group read once (壹仟零壹拾). */
function group4(g: number): string {
  let s = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(g / 10 ** pos) % 10;
    if (d === 0) {
      if (s) zero = true;
      continue;
    }
    if (zero) {
      s += '零';
      zero = false;
    }
    s += DIGITS[d] + UNITS[pos];
  }
  return s;
}

function integerPart(n: bigint): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0n; rest /= 10_000n) groups.push(Number(rest % 10_000n));
  let out = '';
  let gap = false;
  for (let gi = groups.length - 1; gi >= 0; gi--) {
    const g = groups[gi];
    if (g === 0) {
      gap = out.length > 0;
      continue;
    }
    // A missing thousands digit (or a skipped group) between non-zero parts is read as one 零.
    if (out && (g < 1000 || gap)) out += '零';
    out += group4(g) + GROUP_UNITS[gi];
    gap = false;
  }
  return out;
}

/**
 * An amount of fen in the capital numerals used on financial documents (人民币大写), e.g. 10500 →
 * 壹佰零伍元整, 12345678 → 壹拾贰万叁仟肆佰伍拾陆元柒角捌分.
 */
export function rmbUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error('fen must be a safe integer');
  if (fen < 0) return `负${rmbUppercase(-fen)}`;
  const yuan = BigInt(Math.floor(fen / 100));
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0n ? `${integerPart(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0n) out += '零';
  out += cents > 0 ? `${DIGITS[cents]}分` : '整';
  return out;
}
