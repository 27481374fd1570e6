import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ValueTransformer } from 'typeorm';

/** Integer fen. JS numbers are exact up to 2^53-1 fen (about 90 trillion yuan): ample, and JSON-friendly. */
export type Fen = number;

export function assertFen(value: unknown, field = 'amount'): Fen {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError(`${field} must be an integer amount of fen`, {
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  }
  return value;
}

/** GraphQL `Money`: an exact integer of fen; fractions, strings and unsafe integers are refused. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An amount in fen (1/100 yuan) as an exact integer up to 2^53-1.',
  serialize(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    return assertFen(n);
  },
  parseValue(value) {
    return assertFen(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT)
      throw new GraphQLError('Money must be an integer literal (fen)', { extensions: { code: 'BAD_USER_INPUT' } });
    return assertFen(Number(ast.value));
  },
});

/** PostgreSQL bigint comes back as a string; money columns read and write as safe integers. */
export const fenTransformer: ValueTransformer = {
  to: (value: Fen | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} exceeds the safe integer range`);
    return n;
  },
};

/**
 * Splits `total` fen among parties by weight with the largest-remainder method: every part is an
 * integer, the parts sum exactly to `total`, and ties go to the earlier party (stable, reproducible).
 */
export function allocate(total: Fen, weights: readonly number[]): Fen[] {
  assertFen(total, 'total');
  if (weights.length === 0) throw new Error('allocate needs at least one weight');
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new Error('weights must be finite and non-negative');
  const big = weights.map((w) => BigInt(Math.round(w * 1e6)));
  const sum = big.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new Error('weights must not all be zero');
  const sign = total < 0 ? -1n : 1n;
  const abs = BigInt(Math.abs(total));
  const floors = big.map((w) => (abs * w) / sum);
  const remainders = big.map((w, i) => ({ i, r: (abs * w) % sum }));
  let left = abs - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors.map((f) => Number(f * sign));
}
