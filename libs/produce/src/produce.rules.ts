import { ProduceErrorCode } from './produce.errors';
import { ErrorCode, AppError, badInput, Role } from '@bangfu/core';
import { assertDate, assertUnit, shanghaiToday } from '@bangfu/catalog';
import { ProduceCommitmentStatus as C, ProduceOfferStatus } from './produce.entities';

export const MAX_QUANTITY = 2_147_483_647;
export const MAX_IMAGES = 6;
export const STAFF_ROLES = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];
export { assertDate, assertUnit, shanghaiToday };

/**
 * EXPIRED is not stored: an offer still taking commitments whose window ended (Asia/Shanghai) reads
 * as EXPIRED everywhere, in SQL filters and in answers alike, so no job has to run for it to be true.
 */
export const SQL_OFFER_STATUS = (alias = 'o') =>
  `(CASE WHEN ${alias}.status IN ('OPEN','PARTLY_COMMITTED') AND ${alias}.available_until < (now() AT TIME ZONE 'Asia/Shanghai')::date THEN 'EXPIRED' ELSE ${alias}.status END)`;

export function effectiveOfferStatus(
  o: { status: ProduceOfferStatus; availableUntil: string },
  today = shanghaiToday(),
): ProduceOfferStatus {
  if (
    (o.status === ProduceOfferStatus.OPEN || o.status === ProduceOfferStatus.PARTLY_COMMITTED) &&
    o.availableUntil < today
  )
    return ProduceOfferStatus.EXPIRED;
  return o.status;
}

/** The stored status that follows from how much commitments hold. */
export const SQL_STATUS_FOR_COMMITTED = (committedExpr: string) =>
  `(CASE WHEN ${committedExpr} = 0 THEN 'OPEN' WHEN ${committedExpr} >= quantity THEN 'COMMITTED' ELSE 'PARTLY_COMMITTED' END)`;

export function assertQuantity(value: number, field = 'quantity'): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_QUANTITY) {
    throw new AppError(ErrorCode.INVALID_QUANTITY, `${field} must be a positive whole number of units`, { field });
  }
  return value;
}

export function assertMoney(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new AppError(ErrorCode.INVALID_PRICE, `${field} must be a positive amount of fen`, { field });
  return value;
}

/** received × unit price, exact: bigint arithmetic, refused when it would not fit a safe integer. */
export function exactAmount(quantity: number, unitPrice: number): number {
  const amount = BigInt(quantity) * BigInt(unitPrice);
  if (amount > BigInt(Number.MAX_SAFE_INTEGER))
    throw new AppError(ProduceErrorCode.AMOUNT_TOO_LARGE, 'quantity × unit price is larger than the largest amount', {
      field: 'quantity',
    });
  return Number(amount);
}

export function text(value: string | null | undefined, field: string, max: number, min = 0): string {
  const t = (value ?? '').trim();
  if (Array.from(t).length < min || Array.from(t).length > max)
    throw badInput(`${field} must be ${min}–${max} characters`, { field });
  return t;
}

export function assertWindow(from: string, until: string, today = shanghaiToday()): void {
  if (until < from)
    throw new AppError(ErrorCode.INVALID_DATES, `availableUntil (${until}) is before availableFrom (${from})`, {
      field: 'availableUntil',
    });
  if (until < today)
    throw new AppError(ErrorCode.INVALID_DATES, 'availableUntil is in the past', { field: 'availableUntil' });
}

export function assertImageKeys(keys: string[] | null | undefined): string[] {
  const list = keys ?? [];
  if (list.length > MAX_IMAGES)
    throw new AppError(ErrorCode.TOO_MANY_IMAGES, `At most ${MAX_IMAGES} photos per offer`, { field: 'imageKeys' });
  for (const k of list)
    if (!/^produce\/[0-9a-f-]{36}\.(jpg|png|webp)$/.test(k))
      throw badInput('imageKeys must come from POST /produce-files/images', { field: 'imageKeys' });
  return list;
}

/** YYYY-MM, a real month. */
export function assertMonth(value: string, field = 'month'): string {
  const m = (value ?? '').trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw badInput(`${field} must be a month like 2026-03`, { field });
  return m;
}

/** A commitment's moves as data: action → from → to, and who may take it. */
export interface CommitmentTransition {
  action: 'accept' | 'decline' | 'cancel' | 'withdrawOffer' | 'receive';
  from: C[];
  to: C;
  /** Whether the offer's committed quantity is released by the move. */
  releases: boolean;
  by: 'household' | 'supplier' | 'system';
}

export const COMMITMENT_TRANSITIONS: readonly CommitmentTransition[] = [
  { action: 'accept', from: [C.PROPOSED], to: C.ACCEPTED, releases: false, by: 'household' },
  { action: 'decline', from: [C.PROPOSED], to: C.DECLINED, releases: true, by: 'household' },
  { action: 'cancel', from: [C.PROPOSED], to: C.CANCELLED, releases: true, by: 'supplier' },
  { action: 'withdrawOffer', from: [C.PROPOSED], to: C.CANCELLED, releases: true, by: 'system' },
  { action: 'receive', from: [C.ACCEPTED], to: C.RECEIVED, releases: false, by: 'supplier' },
];

export function transitionFor(action: CommitmentTransition['action'], from: C): CommitmentTransition {
  const t = COMMITMENT_TRANSITIONS.find((x) => x.action === action && x.from.includes(from));
  if (!t)
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      `A ${from} commitment cannot be ${action === 'receive' ? 'received' : `${action}ed`}`,
      { from, action },
    );
  return t;
}
