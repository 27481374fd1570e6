import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, AppError, badInput, Db, type RequestContext } from '@bangfu/core';
import { type Fen, fenTransformer } from '@bangfu/money';
import { accountName, Accounts, type CashAccount, parseAccountCode } from './chart';
import { LEDGER_CONFIG, type LedgerConfig } from './ledger.config';
import { LedgerAccount, LedgerEntry, LedgerPosting, PostingKind } from './ledger.entities';
import {
  assertValidEntries,
  buyerPaymentEntries,
  counterSettlementEntries,
  type EntryInput,
  type PostingInput,
  positionsFrom,
  refundEntries,
  settlementPostings,
  type SupplierOrderPosition,
  type SupplierOrderShare,
} from './postings';

const toFen = (v: string | number | null) => (fenTransformer.from(v === null ? '0' : String(v)) as Fen) ?? 0;

/**
 * The double-entry ledger: the one writer of ledger rows. Every method joins the caller's
 * transaction (ctx), is idempotent by its posting key, and serialises writes per order with an
 * advisory lock so positions read for a refund or settlement cannot go stale.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly db: Db,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  get platformFeeBps(): number {
    return this.config.platformFeeBps;
  }

  /**
   * Writes one balanced posting. The same idempotency key with the same entries returns the
   * posting already written; with different entries it is an error (IDEMPOTENCY_KEY_REUSED).
   */
  async post(ctx: RequestContext, input: PostingInput): Promise<LedgerPosting> {
    assertValidEntries(input.entries);
    if (!input.idempotencyKey || input.idempotencyKey.length > 200)
      throw badInput('idempotencyKey must be 1–200 characters', { field: 'idempotencyKey' });
    return this.db.transaction(ctx, async (tx) => {
      const em = this.db.manager(tx);
      const ids = await this.ensureAccounts(tx, [...new Set(input.entries.map((e) => e.account))]);
      const inserted: Array<{ id: string }> = await em.query(
        `INSERT INTO ledger_posting (kind, order_id, reference, idempotency_key, description, actor_user_id)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          input.kind,
          input.orderId ?? null,
          input.reference ?? '',
          input.idempotencyKey,
          input.description ?? '',
          tx.userId,
        ],
      );
      if (inserted.length === 0) {
        const existing = await this.byKey(tx, input.idempotencyKey);
        if (!existing || !samePosting(existing, input)) {
          throw new AppError(
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            `Ledger posting key ${input.idempotencyKey} was already used for different entries`,
            { idempotencyKey: input.idempotencyKey },
          );
        }
        return existing;
      }
      const postingId = inserted[0].id;
      await em.query(
        `INSERT INTO ledger_entry (posting_id, account_id, amount, supplier_order_id, supplier_id)
         SELECT $1, a, m, so, s FROM unnest($2::uuid[], $3::bigint[], $4::uuid[], $5::uuid[]) AS t(a, m, so, s)`,
        [
          postingId,
          input.entries.map((e) => ids.get(e.account)),
          input.entries.map((e) => String(e.amount)),
          input.entries.map((e) => e.supplierOrderId ?? null),
          input.entries.map((e) => e.supplierId ?? null),
        ],
      );
      return (await this.load(tx, postingId))!;
    });
  }

  /** Buyer money received for an order (a Stripe PaymentIntent or a confirmed bank transfer). */
  async postBuyerPayment(
    ctx: RequestContext,
    input: {
      orderId: string;
      paymentId: string;
      amount: Fen;
      cash: CashAccount;
      shares: SupplierOrderShare[];
      reference?: string;
    },
  ): Promise<LedgerPosting> {
    return this.db.transaction(ctx, async (tx) => {
      await this.lockOrder(tx, input.orderId);
      return this.post(tx, {
        kind: PostingKind.BUYER_PAYMENT,
        orderId: input.orderId,
        reference: input.reference ?? input.paymentId,
        idempotencyKey: `payment:${input.paymentId}`,
        description: 'buyer payment into order clearing',
        entries: buyerPaymentEntries(input.cash, input.amount, input.shares),
      });
    });
  }

  /** Money received that no payable order can take (paid after cancellation, paid twice): owed back to the buyer. */
  postUnmatchedReceipt(
    ctx: RequestContext,
    input: { orderId: string; paymentId: string; amount: Fen; cash: CashAccount; reference?: string },
  ): Promise<LedgerPosting> {
    return this.post(ctx, {
      kind: PostingKind.UNMATCHED_RECEIPT,
      orderId: input.orderId,
      reference: input.reference ?? input.paymentId,
      idempotencyKey: `unmatched:${input.paymentId}`,
      description: 'payment received for an order that could not take it; to be refunded',
      entries: [
        { account: input.cash, amount: input.amount },
        { account: Accounts.buyerRefundsDue(), amount: -input.amount },
      ],
    });
  }

  /** Returning an unmatched receipt to the buyer. */
  postUnmatchedRefund(
    ctx: RequestContext,
    input: { orderId: string; refundId: string; amount: Fen; cash: CashAccount; reference?: string },
  ): Promise<LedgerPosting> {
    return this.post(ctx, {
      kind: PostingKind.UNMATCHED_REFUND,
      orderId: input.orderId,
      reference: input.reference ?? input.refundId,
      idempotencyKey: `unmatched-refund:${input.refundId}`,
      description: 'unmatched receipt returned to the buyer',
      entries: [
        { account: Accounts.buyerRefundsDue(), amount: input.amount },
        { account: input.cash, amount: -input.amount },
      ],
    });
  }

  /**
   * Settlement (订单结算): each supplier order's money still in clearing becomes payable to its
   * supplier, less the platform fee (PLATFORM_FEE_BPS). Idempotent: a settled order posts nothing more.
   */
  async postSettlement(ctx: RequestContext, orderId: string): Promise<LedgerPosting[]> {
    return this.db.transaction(ctx, async (tx) => {
      await this.lockOrder(tx, orderId);
      const positions = await this.orderPositions(tx, orderId);
      const out: LedgerPosting[] = [];
      for (const p of settlementPostings(positions, this.config.platformFeeBps)) {
        const prefix = p.kind === PostingKind.SUPPLIER_PAYABLE ? 'settle' : 'fee';
        out.push(
          await this.post(tx, {
            kind: p.kind,
            orderId,
            reference: p.supplierOrderId,
            idempotencyKey: `${prefix}:${p.supplierOrderId}`,
            description:
              p.kind === PostingKind.SUPPLIER_PAYABLE
                ? 'settled: payable to supplier'
                : `platform fee ${this.config.platformFeeBps} bp`,
            entries: p.entries,
          }),
        );
      }
      return out;
    });
  }

  /**
   * A refund to the buyer: reverses, per supplier order, what the money became (clearing before
   * settlement; payable and a proportional fee share after). Throws REFUND_EXCEEDS_PAID.
   */
  async postRefund(
    ctx: RequestContext,
    input: {
      orderId: string;
      refundId: string;
      amount: Fen;
      cash: CashAccount;
      parts?: Array<{ supplierOrderId: string; amount: Fen }>;
      reference?: string;
    },
  ): Promise<LedgerPosting> {
    return this.db.transaction(ctx, async (tx) => {
      await this.lockOrder(tx, input.orderId);
      const key = `refund:${input.refundId}`;
      const existing = await this.byKey(tx, key);
      if (existing) return existing;
      const positions = await this.orderPositions(tx, input.orderId);
      return this.post(tx, {
        kind: PostingKind.REFUND,
        orderId: input.orderId,
        reference: input.reference ?? input.refundId,
        idempotencyKey: key,
        description: 'refund to buyer',
        entries: refundEntries(positions, input.amount, input.cash, input.parts),
      });
    });
  }

  /**
   * A counter (专柜) sale settled by its operator: the operator owes the cash, each supplier is
   * owed its part at once (less the platform fee). Called by the channel/ordering side.
   */
  async postCounterSettlement(
    ctx: RequestContext,
    input: {
      orderId: string;
      channelId: string;
      parts: SupplierOrderShare[];
      reference?: string;
      idempotencyKey?: string;
    },
  ): Promise<LedgerPosting> {
    return this.db.transaction(ctx, async (tx) => {
      await this.lockOrder(tx, input.orderId);
      return this.post(tx, {
        kind: PostingKind.COUNTER_SETTLEMENT,
        orderId: input.orderId,
        reference: input.reference ?? input.channelId,
        idempotencyKey: input.idempotencyKey ?? `counter:${input.orderId}`,
        description: 'counter sale settled by the operator',
        entries: counterSettlementEntries(input.channelId, input.parts, this.config.platformFeeBps),
      });
    });
  }

  /** The operator of a counter hands over the cash it collected. */
  postCounterRemittance(
    ctx: RequestContext,
    input: { channelId: string; amount: Fen; reference: string; idempotencyKey: string },
  ): Promise<LedgerPosting> {
    return this.post(ctx, {
      kind: PostingKind.COUNTER_REMITTANCE,
      reference: input.reference,
      idempotencyKey: input.idempotencyKey,
      description: 'counter operator remitted collected cash',
      entries: [
        { account: Accounts.cashBank(), amount: input.amount },
        { account: Accounts.counterReceivable(input.channelId), amount: -input.amount },
      ],
    });
  }

  /** Paying a supplier what it is owed (Stripe Connect transfer or a line of a bank payout file). */
  postPayout(
    ctx: RequestContext,
    input: { payoutId: string; supplierId: string; amount: Fen; cash: CashAccount; reference: string },
  ): Promise<LedgerPosting> {
    return this.post(ctx, {
      kind: PostingKind.PAYOUT,
      reference: input.reference,
      idempotencyKey: `payout:${input.payoutId}`,
      description: 'payout to supplier',
      entries: [
        { account: Accounts.supplierPayable(input.supplierId), amount: input.amount, supplierId: input.supplierId },
        { account: input.cash, amount: -input.amount, supplierId: input.supplierId },
      ],
    });
  }

  /** A payout that failed: the supplier is owed the money again. */
  postPayoutReversal(
    ctx: RequestContext,
    input: { payoutId: string; supplierId: string; amount: Fen; cash: CashAccount; reference: string },
  ): Promise<LedgerPosting> {
    return this.post(ctx, {
      kind: PostingKind.PAYOUT_REVERSAL,
      reference: input.reference,
      idempotencyKey: `payout-reversal:${input.payoutId}`,
      description: 'payout failed; owed to supplier again',
      entries: [
        { account: input.cash, amount: input.amount, supplierId: input.supplierId },
        { account: Accounts.supplierPayable(input.supplierId), amount: -input.amount, supplierId: input.supplierId },
      ],
    });
  }

  /** What the ledger holds per supplier order of an order. */
  async orderPositions(ctx: RequestContext, orderId: string): Promise<SupplierOrderPosition[]> {
    const rows: Array<{ so: string; s: string; kind: PostingKind; prefix: string; debit: string; credit: string }> =
      await this.db.manager(ctx).query(
        `SELECT e.supplier_order_id AS so, e.supplier_id AS s, p.kind, split_part(a.code, ':', 1) AS prefix,
              sum(GREATEST(e.amount, 0)) AS debit, sum(GREATEST(-e.amount, 0)) AS credit
         FROM ledger_posting p
         JOIN ledger_entry e ON e.posting_id = p.id
         JOIN ledger_account a ON a.id = e.account_id
        WHERE p.order_id = $1 AND e.supplier_order_id IS NOT NULL
        GROUP BY 1, 2, 3, 4`,
        [orderId],
      );
    return positionsFrom(
      rows.map((r) => ({
        supplierOrderId: r.so,
        supplierId: r.s,
        kind: r.kind,
        prefix: r.prefix,
        debit: toFen(r.debit),
        credit: toFen(r.credit),
      })),
    );
  }

  /** Buyer money the ledger holds for an order: received minus refunded. */
  async netPaid(ctx: RequestContext, orderId: string): Promise<Fen> {
    return (await this.orderPositions(ctx, orderId)).reduce((s, p) => s + p.paid - p.refunded, 0);
  }

  /** What the platform owes each supplier now (positive = owed to the supplier). */
  async payableBalances(ctx: RequestContext): Promise<Array<{ supplierId: string; owed: Fen }>> {
    const rows: Array<{ owner_id: string; owed: string }> = await this.db.manager(ctx).query(
      `SELECT a.owner_id, -sum(e.amount) AS owed
         FROM ledger_account a JOIN ledger_entry e ON e.account_id = a.id
        WHERE a.owner_kind = 'SUPPLIER' AND a.code LIKE 'SUPPLIER_PAYABLE:%'
        GROUP BY a.owner_id ORDER BY a.owner_id`,
    );
    return rows.map((r) => ({ supplierId: r.owner_id, owed: toFen(r.owed) }));
  }

  /** All postings of an order, oldest first, with entries and accounts. */
  async orderPostings(ctx: RequestContext, orderId: string): Promise<LedgerPosting[]> {
    const postings = await this.db.repo(ctx, LedgerPosting).find({ where: { orderId }, order: { createdAt: 'ASC' } });
    return this.withEntries(ctx, postings);
  }

  /** Serialises ledger writes for one order (payment, settlement, refunds) inside the caller's transaction. */
  async lockOrder(ctx: RequestContext, orderId: string): Promise<void> {
    await this.db
      .manager(ctx)
      .query(`SELECT pg_advisory_xact_lock(hashtextextended('ledger-order:' || $1, 0))`, [orderId]);
  }

  private async ensureAccounts(ctx: RequestContext, codes: string[]): Promise<Map<string, string>> {
    const parsed = codes.map(parseAccountCode);
    const em = this.db.manager(ctx);
    await em.query(
      `INSERT INTO ledger_account (code, name, kind, owner_kind, owner_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[])
       ON CONFLICT (code) DO NOTHING`,
      [
        parsed.map((p) => p.code),
        parsed.map(accountName),
        parsed.map((p) => p.definition.kind),
        parsed.map((p) => p.definition.ownerKind),
        parsed.map((p) => p.ownerId),
      ],
    );
    const rows: Array<{ id: string; code: string }> = await em.query(
      `SELECT id, code FROM ledger_account WHERE code = ANY($1::text[])`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  private async byKey(ctx: RequestContext, key: string): Promise<LedgerPosting | null> {
    const posting = await this.db.repo(ctx, LedgerPosting).findOne({ where: { idempotencyKey: key } });
    return posting ? (await this.withEntries(ctx, [posting]))[0] : null;
  }

  private async load(ctx: RequestContext, id: string): Promise<LedgerPosting | null> {
    const posting = await this.db.repo(ctx, LedgerPosting).findOne({ where: { id } });
    return posting ? (await this.withEntries(ctx, [posting]))[0] : null;
  }

  private async withEntries(ctx: RequestContext, postings: LedgerPosting[]): Promise<LedgerPosting[]> {
    if (postings.length === 0) return postings;
    const entries = await this.db
      .repo(ctx, LedgerEntry)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.account', 'a')
      .where('e.posting_id IN (:...ids)', { ids: postings.map((p) => p.id) })
      .orderBy('e.id', 'ASC')
      .getMany();
    for (const p of postings) p.entries = entries.filter((e) => e.postingId === p.id);
    return postings;
  }
}

function samePosting(existing: LedgerPosting, input: PostingInput): boolean {
  const key = (account: string, amount: number, so: string | null | undefined) => `${account}|${amount}|${so ?? ''}`;
  const a = existing.entries
    .map((e: LedgerEntry & { account: LedgerAccount }) => key(e.account.code, e.amount, e.supplierOrderId))
    .sort();
  const b = input.entries.map((e: EntryInput) => key(e.account, e.amount, e.supplierOrderId)).sort();
  return (
    existing.kind === input.kind &&
    (existing.orderId ?? null) === (input.orderId ?? null) &&
    a.join(',') === b.join(',')
  );
}
