import { LedgerErrorCode } from './ledger.errors';
import { ErrorCode, AppError, badInput } from '@bangfu/core';
import { allocate, type Fen } from '@bangfu/money';
import { Accounts, type CashAccount, parseAccountCode } from './chart';
import { PostingKind } from './ledger.entities';

/**
 * Pure builders: given what the ledger already holds for an order, which entries does the next
 * posting need? Kept free of I/O so the arithmetic (fee allocation, proportional refunds) is unit
 * tested on its own; LedgerService writes what they return.
 */

export interface EntryInput {
  account: string;
  /** Debit > 0, credit < 0, integer fen, never 0. */
  amount: Fen;
  supplierOrderId?: string | null;
  supplierId?: string | null;
}

export interface PostingInput {
  kind: PostingKind;
  orderId?: string | null;
  reference?: string;
  idempotencyKey: string;
  description?: string;
  entries: EntryInput[];
}

/** A supplier order's share of an order's money. */
export interface SupplierOrderShare {
  supplierOrderId: string;
  supplierId: string;
  amount: Fen;
}

/** Each supplier order's share of an order: the sum of its lines, in the order the lines name them. */
export function sharesOfLines(
  lines: ReadonlyArray<{ supplierOrderId: string; supplierId: string; lineTotal: Fen }>,
): SupplierOrderShare[] {
  const shares = new Map<string, SupplierOrderShare>();
  for (const l of lines) {
    const share = shares.get(l.supplierOrderId) ?? {
      supplierOrderId: l.supplierOrderId,
      supplierId: l.supplierId,
      amount: 0,
    };
    share.amount += l.lineTotal;
    shares.set(l.supplierOrderId, share);
  }
  return [...shares.values()];
}

/** What the ledger holds for one supplier order (all fen, non-negative). */
export interface SupplierOrderPosition {
  supplierOrderId: string;
  supplierId: string;
  /** Received from the buyer (payment or counter settlement). */
  paid: Fen;
  /** Returned to the buyer so far. */
  refunded: Fen;
  /** Still in ORDER_CLEARING (not yet settled to the supplier). */
  clearing: Fen;
  /** Gross amount moved to the supplier's payable at settlement. */
  settled: Fen;
  /** Platform fee charged at settlement. */
  fee: Fen;
  /** Refunded after settlement (taken back from the supplier's payable). */
  refundedAfterSettlement: Fen;
  /** Fee given back with those refunds. */
  feeReversed: Fen;
}

export const MAX_FEE_BPS = 10_000;

/** Validates entries the way the database will at commit, but with a clear error now. */
export function assertValidEntries(entries: EntryInput[]): void {
  if (entries.length < 2) throw new AppError(LedgerErrorCode.LEDGER_UNBALANCED, 'A posting needs at least two entries');
  let sum = 0n;
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount) || e.amount === 0)
      throw new AppError(
        LedgerErrorCode.LEDGER_INVALID_ENTRY,
        `Entry amount must be a non-zero integer of fen (got ${e.amount})`,
      );
    try {
      parseAccountCode(e.account);
    } catch (err) {
      throw new AppError(LedgerErrorCode.LEDGER_INVALID_ENTRY, (err as Error).message);
    }
    sum += BigInt(e.amount);
  }
  if (sum !== 0n)
    throw new AppError(LedgerErrorCode.LEDGER_UNBALANCED, `Entries sum to ${sum} fen; a posting must sum to zero`);
}

/** Fee in fen on an amount, rounded half up, computed exactly in integers. */
export function feeFor(amount: Fen, basisPoints: number): Fen {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > MAX_FEE_BPS)
    throw new Error(`fee basis points must be 0–${MAX_FEE_BPS}`);
  if (amount <= 0 || basisPoints === 0) return 0;
  return Number((BigInt(amount) * BigInt(basisPoints) + 5_000n) / 10_000n);
}

/**
 * The platform fee computed once on the total of `amounts` and allocated back to each exactly (largest
 * remainder), so the per-supplier-order fees add up to the fee on the whole.
 */
export function feesFor(amounts: Fen[], basisPoints: number): { total: Fen; fees: Fen[] } {
  const total = amounts.reduce((s, a) => s + a, 0);
  const fee = feeFor(total, basisPoints);
  return { total, fees: fee > 0 ? allocate(fee, amounts) : amounts.map(() => 0) };
}

/** Splits a whole among supplier orders by their amounts; exact (largest remainder). */
export function splitByShares(total: Fen, shares: readonly { amount: Fen }[]): Fen[] {
  if (shares.length === 0) return [];
  const weights = shares.map((s) => Math.max(0, s.amount));
  if (weights.every((w) => w === 0))
    return allocate(
      total,
      shares.map(() => 1),
    );
  return allocate(total, weights);
}

const nonZero = (entries: EntryInput[]) => entries.filter((e) => e.amount !== 0);

/** Buyer money arrives: Dr cash, Cr ORDER_CLEARING per supplier order (so settlement and refunds know whose it is). */
export function buyerPaymentEntries(cash: CashAccount, total: Fen, shares: SupplierOrderShare[]): EntryInput[] {
  if (total <= 0) throw badInput('A payment must be positive', { field: 'amount' });
  const parts = shares.length ? splitByShares(total, shares) : [];
  return nonZero([
    { account: cash, amount: total },
    ...(shares.length
      ? shares.map((s, i) => ({
          account: Accounts.orderClearing(),
          amount: -parts[i],
          supplierOrderId: s.supplierOrderId,
          supplierId: s.supplierId,
        }))
      : [{ account: Accounts.orderClearing(), amount: -total }]),
  ]);
}

export interface SettlementPosting {
  kind: PostingKind.SUPPLIER_PAYABLE | PostingKind.PLATFORM_FEE;
  supplierOrderId: string;
  entries: EntryInput[];
}

/**
 * At settlement each supplier order's clearing balance becomes payable to its supplier (one
 * SUPPLIER_PAYABLE posting per supplier order), then the platform fee — computed once on the
 * order's settled total and allocated to supplier orders exactly — is taken back from the payable
 * (one PLATFORM_FEE posting per supplier order with a non-zero fee).
 */
export function settlementPostings(positions: SupplierOrderPosition[], basisPoints: number): SettlementPosting[] {
  const open = positions.filter((p) => p.clearing > 0 && p.settled === 0);
  if (open.length === 0) return [];
  const { fees } = feesFor(
    open.map((p) => p.clearing),
    basisPoints,
  );
  const out: SettlementPosting[] = [];
  open.forEach((p, i) => {
    const tag = { supplierOrderId: p.supplierOrderId, supplierId: p.supplierId };
    out.push({
      kind: PostingKind.SUPPLIER_PAYABLE,
      supplierOrderId: p.supplierOrderId,
      entries: [
        { account: Accounts.orderClearing(), amount: p.clearing, ...tag },
        { account: Accounts.supplierPayable(p.supplierId), amount: -p.clearing, ...tag },
      ],
    });
    if (fees[i] > 0) {
      out.push({
        kind: PostingKind.PLATFORM_FEE,
        supplierOrderId: p.supplierOrderId,
        entries: [
          { account: Accounts.supplierPayable(p.supplierId), amount: fees[i], ...tag },
          { account: Accounts.platformFeeRevenue(), amount: -fees[i], ...tag },
        ],
      });
    }
  });
  return out;
}

/** Fee to give back once `refundedAfter` of `settled` has been refunded: floor(fee·r/settled), = fee when all is refunded. */
function feeShare(fee: Fen, settled: Fen, refundedAfter: Fen): Fen {
  if (settled <= 0) return 0;
  return Number((BigInt(fee) * BigInt(refundedAfter)) / BigInt(settled));
}

export const refundable = (p: SupplierOrderPosition): Fen => p.paid - p.refunded;

/**
 * A refund of `amount`: split over supplier orders (the caller's parts, e.g. from refunded lines,
 * or in proportion to what is still refundable), each reversing what that supplier order's money
 * became — ORDER_CLEARING before settlement; after it, the supplier's payable plus a proportional
 * share of the platform fee (cumulative, so repeated partial refunds give back exactly the fee).
 */
export function refundEntries(
  positions: SupplierOrderPosition[],
  amount: Fen,
  cash: CashAccount,
  parts?: ReadonlyArray<{ supplierOrderId: string; amount: Fen }>,
): EntryInput[] {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw badInput('Refund amount must be a positive integer of fen', { field: 'amount' });
  const available = positions.reduce((s, p) => s + refundable(p), 0);
  if (amount > available) {
    throw new AppError(
      ErrorCode.REFUND_EXCEEDS_PAID,
      `Refund of ${amount} fen exceeds the ${available} fen paid and not yet refunded`,
      { refundable: available },
    );
  }
  let split: Array<{ position: SupplierOrderPosition; amount: Fen }>;
  if (parts && parts.length > 0) {
    const sum = parts.reduce((s, p) => s + p.amount, 0);
    if (sum !== amount) throw badInput(`Refund parts sum to ${sum} fen, not ${amount}`, { field: 'parts' });
    split = parts.map((part) => {
      const position = positions.find((p) => p.supplierOrderId === part.supplierOrderId);
      if (!position)
        throw badInput(`Supplier order ${part.supplierOrderId} has no payment on this order`, { field: 'parts' });
      if (part.amount > refundable(position)) {
        throw new AppError(
          ErrorCode.REFUND_EXCEEDS_PAID,
          `Refund of ${part.amount} fen exceeds the ${refundable(position)} fen refundable on supplier order ${part.supplierOrderId}`,
          {
            refundable: refundable(position),
            supplierOrderId: part.supplierOrderId,
          },
        );
      }
      return { position, amount: part.amount };
    });
  } else {
    const open = positions.filter((p) => refundable(p) > 0);
    const amounts = allocate(amount, open.map(refundable));
    split = open.map((position, i) => ({ position, amount: amounts[i] }));
  }
  const entries: EntryInput[] = [];
  for (const { position: p, amount: part } of split) {
    if (part <= 0) continue;
    const tag = { supplierOrderId: p.supplierOrderId, supplierId: p.supplierId };
    if (p.settled === 0) {
      entries.push({ account: Accounts.orderClearing(), amount: part, ...tag });
    } else {
      const feeBack =
        feeShare(p.fee, p.settled, p.refundedAfterSettlement + part) -
        feeShare(p.fee, p.settled, p.refundedAfterSettlement);
      entries.push({ account: Accounts.supplierPayable(p.supplierId), amount: part, ...tag });
      if (feeBack > 0) {
        entries.push({ account: Accounts.platformFeeRevenue(), amount: feeBack, ...tag });
        entries.push({ account: Accounts.supplierPayable(p.supplierId), amount: -feeBack, ...tag });
      }
    }
    entries.push({ account: cash, amount: -part, ...tag });
  }
  return entries;
}

/**
 * A counter (专柜) sale the operator has settled: it owes the platform the cash it took
 * (COUNTER_RECEIVABLE), each supplier is owed its part at once, less the platform fee.
 */
export function counterSettlementEntries(
  channelId: string,
  parts: SupplierOrderShare[],
  basisPoints: number,
): EntryInput[] {
  if (parts.length === 0) throw badInput('A counter settlement needs at least one supplier order', { field: 'parts' });
  for (const p of parts) {
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0)
      throw badInput('Counter settlement parts must be positive integers of fen', { field: 'parts' });
  }
  const { total, fees } = feesFor(
    parts.map((p) => p.amount),
    basisPoints,
  );
  const entries: EntryInput[] = [{ account: Accounts.counterReceivable(channelId), amount: total }];
  parts.forEach((p, i) => {
    const tag = { supplierOrderId: p.supplierOrderId, supplierId: p.supplierId };
    entries.push({ account: Accounts.supplierPayable(p.supplierId), amount: -p.amount, ...tag });
    if (fees[i] > 0) {
      entries.push({ account: Accounts.supplierPayable(p.supplierId), amount: fees[i], ...tag });
      entries.push({ account: Accounts.platformFeeRevenue(), amount: -fees[i], ...tag });
    }
  });
  return entries;
}

interface AggregateRow {
  supplierOrderId: string;
  supplierId: string;
  kind: PostingKind;
  prefix: string;
  debit: Fen;
  credit: Fen;
}

/** Folds per-(supplier order, posting kind, account) sums into positions. */
export function positionsFrom(rows: AggregateRow[]): SupplierOrderPosition[] {
  const map = new Map<string, SupplierOrderPosition>();
  for (const r of rows) {
    let p = map.get(r.supplierOrderId);
    if (!p) {
      p = {
        supplierOrderId: r.supplierOrderId,
        supplierId: r.supplierId,
        paid: 0,
        refunded: 0,
        clearing: 0,
        settled: 0,
        fee: 0,
        refundedAfterSettlement: 0,
        feeReversed: 0,
      };
      map.set(r.supplierOrderId, p);
    }
    const cashLike = r.prefix === 'CASH_STRIPE' || r.prefix === 'CASH_BANK' || r.prefix === 'COUNTER_RECEIVABLE';
    if (r.prefix === 'ORDER_CLEARING') p.clearing += r.credit - r.debit;
    if (r.kind === PostingKind.BUYER_PAYMENT && r.prefix === 'ORDER_CLEARING') p.paid += r.credit;
    if (r.kind === PostingKind.COUNTER_SETTLEMENT && r.prefix === 'SUPPLIER_PAYABLE') {
      // The gross credit is the sale; the debit in the same posting is the fee.
      p.paid += r.credit;
      p.settled += r.credit;
    }
    if (r.kind === PostingKind.SUPPLIER_PAYABLE && r.prefix === 'ORDER_CLEARING') p.settled += r.debit;
    if (
      (r.kind === PostingKind.PLATFORM_FEE || r.kind === PostingKind.COUNTER_SETTLEMENT) &&
      r.prefix === 'PLATFORM_FEE_REVENUE'
    )
      p.fee += r.credit;
    if (r.kind === PostingKind.REFUND && cashLike) p.refunded += r.credit;
    if (r.kind === PostingKind.REFUND && r.prefix === 'SUPPLIER_PAYABLE') p.refundedAfterSettlement += r.debit;
    if (r.kind === PostingKind.REFUND && r.prefix === 'PLATFORM_FEE_REVENUE') p.feeReversed += r.debit;
  }
  return [...map.values()];
}
