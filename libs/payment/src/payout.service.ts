import { PaymentErrorCode } from './payment.errors';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, badInput, Db, forbidden, notFound, type RequestContext, Role } from '@bangfu/core';
import { OrganizationService } from '@bangfu/identity';
import { LedgerService } from '@bangfu/ledger';
import { SupplierService } from '@bangfu/supplier';
import { In } from 'typeorm';
import {
  Payout,
  PayoutBatch,
  PayoutBatchStatus,
  PayoutMethod,
  PayoutStatus,
  SupplierPayoutAccount,
} from './payment.entities';
import { PAYOUT_BATCH_MACHINE, PAYOUT_MACHINE } from './payment.states';
import { type BankPayoutLine, payoutCsv } from './payout-file';
import { StripePaymentProvider } from './stripe.provider';

export interface PayoutAccountInput {
  supplierId: string;
  stripeAccountId?: string | null;
  bankName?: string | null;
  bankAccountName?: string | null;
  bankAccountNo?: string | null;
}

const clean = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

/**
 * Payout batches: every supplier's outstanding payable (its SUPPLIER_PAYABLE balance) is paid at
 * once — by Stripe Connect transfer when Stripe is configured and the supplier has a connected
 * account, otherwise as a line of a bank payout file. The PAYOUT posting is written when the batch
 * is created (the money is committed to that supplier); a transfer that then fails writes a
 * PAYOUT_REVERSAL, so the amount is owed again and the next batch picks it up.
 */
@Injectable()
export class PayoutService {
  private readonly log = new Logger('Payouts');
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly stripe: StripePaymentProvider,
    private readonly suppliers: SupplierService,
    private readonly organizations: OrganizationService,
  ) {}

  async setPayoutAccount(ctx: RequestContext, input: PayoutAccountInput): Promise<SupplierPayoutAccount> {
    this.requireSupplierAdmin(ctx, input.supplierId);
    const stripeAccountId = clean(input.stripeAccountId);
    const bankName = clean(input.bankName);
    const bankAccountName = clean(input.bankAccountName);
    const bankAccountNo = clean(input.bankAccountNo)?.replace(/\s+/g, '');
    if (stripeAccountId && !/^acct_[A-Za-z0-9]{1,64}$/.test(stripeAccountId))
      throw badInput('stripeAccountId must be a Stripe connected account id (acct_…)', { field: 'stripeAccountId' });
    if (bankAccountNo && !/^[0-9]{8,32}$/.test(bankAccountNo))
      throw badInput('bankAccountNo must be 8–32 digits', { field: 'bankAccountNo' });
    for (const [field, v] of [
      ['bankName', bankName],
      ['bankAccountName', bankAccountName],
    ] as const) {
      if (v && v.length > 100) throw badInput(`${field} must be at most 100 characters`, { field });
    }
    if (stripeAccountId && !ctx.requirePrincipal().hasRole(Role.PLATFORM_ADMIN))
      throw forbidden('Connected Stripe accounts are linked by the platform');
    return this.db.transaction(ctx, async (tx) => {
      await this.suppliers.get(tx, input.supplierId); // NOT_FOUND unless it is a supplier
      const repo = this.db.repo(tx, SupplierPayoutAccount);
      const current = await repo.findOneBy({ supplierId: input.supplierId });
      const next = {
        supplierId: input.supplierId,
        stripeAccountId: stripeAccountId === undefined ? (current?.stripeAccountId ?? null) : stripeAccountId,
        bankName: bankName === undefined ? (current?.bankName ?? null) : bankName,
        bankAccountName: bankAccountName === undefined ? (current?.bankAccountName ?? null) : bankAccountName,
        bankAccountNo: bankAccountNo === undefined ? (current?.bankAccountNo ?? null) : bankAccountNo,
        updatedByUserId: tx.userId,
      };
      const bankParts = [next.bankName, next.bankAccountName, next.bankAccountNo].filter(Boolean).length;
      if (bankParts !== 0 && bankParts !== 3)
        throw badInput('A bank account needs bank name, account name and account number together', {
          field: 'bankAccountNo',
        });
      if (!next.stripeAccountId && !next.bankAccountNo)
        throw badInput('Give a bank account or a Stripe connected account', { field: 'bankAccountNo' });
      await repo.save(repo.create(next));
      return repo.findOneByOrFail({ supplierId: input.supplierId });
    });
  }

  async payoutAccount(ctx: RequestContext, supplierId: string): Promise<SupplierPayoutAccount | null> {
    this.requireSupplierAdmin(ctx, supplierId, true);
    return this.db.repo(ctx, SupplierPayoutAccount).findOneBy({ supplierId });
  }

  /** Creates the batch (one transaction: batch, payout rows, PAYOUT postings), then sends Stripe transfers. */
  async createBatch(ctx: RequestContext): Promise<PayoutBatch & { skippedSupplierIds: string[] }> {
    const created = await this.db.transaction(ctx, async (tx) => {
      const em = this.db.manager(tx);
      // One batch at a time: two concurrent batches would both pay the same balances.
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('payout-batch', 0))`);
      const owed = (await this.ledger.payableBalances(tx)).filter((b) => b.owed > 0);
      const accounts = owed.length
        ? await this.db.repo(tx, SupplierPayoutAccount).findBy({ supplierId: In(owed.map((b) => b.supplierId)) })
        : [];
      const byId = new Map(accounts.map((a) => [a.supplierId, a]));
      const batchId = randomUUID();
      const skipped: string[] = [];
      const payouts: Payout[] = [];
      for (const b of owed) {
        const a = byId.get(b.supplierId);
        const connect = this.stripe.enabled && a?.stripeAccountId;
        if (!connect && !a?.bankAccountNo) {
          skipped.push(b.supplierId);
          continue;
        }
        payouts.push(
          this.db.repo(tx, Payout).create({
            id: randomUUID(),
            batchId,
            supplierId: b.supplierId,
            amount: b.owed,
            method: connect ? PayoutMethod.STRIPE_CONNECT : PayoutMethod.BANK_FILE,
            status: connect ? PayoutStatus.PENDING : PayoutStatus.EXPORTED,
            destination: connect ? a!.stripeAccountId! : a!.bankAccountNo!,
            bankName: connect ? null : a!.bankName,
            bankAccountName: connect ? null : a!.bankAccountName,
            reference: `PO-${batchId.slice(0, 8).toUpperCase()}-${String(payouts.length + 1).padStart(4, '0')}`,
          }),
        );
      }
      if (payouts.length === 0) {
        throw new AppError(
          PaymentErrorCode.NOTHING_TO_PAY,
          skipped.length ? 'Suppliers are owed money but none has a payout account' : 'No supplier is owed anything',
          { skippedSupplierIds: skipped },
        );
      }
      const total = payouts.reduce((s, p) => s + p.amount, 0);
      const pendingStripe = payouts.some((p) => p.status === PayoutStatus.PENDING);
      const batch = this.db.repo(tx, PayoutBatch).create({
        id: batchId,
        status: pendingStripe ? PayoutBatchStatus.PROCESSING : PayoutBatchStatus.COMPLETED,
        totalAmount: total,
        createdByUserId: tx.userId,
        completedAt: pendingStripe ? null : new Date(),
      });
      await this.db.repo(tx, PayoutBatch).insert(batch);
      await this.db.repo(tx, Payout).insert(payouts);
      for (const p of payouts) {
        await this.ledger.postPayout(tx, {
          payoutId: p.id,
          supplierId: p.supplierId,
          amount: p.amount,
          cash: this.cashFor(p.method),
          reference: p.reference,
        });
      }
      return { batch, skipped };
    });
    const batch = await this.process(ctx, created.batch.id);
    return Object.assign(batch, { skippedSupplierIds: created.skipped });
  }

  /**
   * Sends the batch's pending Stripe transfers (idempotency key per payout, so re-running after a
   * crash or timeout never pays twice) and settles the batch status. Safe to call again.
   */
  async process(ctx: RequestContext, batchId: string): Promise<PayoutBatch> {
    const pending = await this.db
      .repo(ctx, Payout)
      .find({ where: { batchId, status: PayoutStatus.PENDING }, order: { reference: 'ASC' } });
    for (const p of pending) {
      try {
        const t = await this.stripe.transfer({
          amount: p.amount,
          destination: p.destination,
          idempotencyKey: `bangfu-payout-${p.id}`,
          group: batchId,
          metadata: { payoutId: p.id, batchId },
        });
        await this.db
          .repo(ctx, Payout)
          .update(
            { id: p.id, status: In(PAYOUT_MACHINE.sourcesOf(PayoutStatus.PAID)) },
            { status: PayoutStatus.PAID, providerRef: t.providerRef, completedAt: new Date() },
          );
      } catch (e) {
        if (!(e instanceof AppError) || (e.httpStatus ?? 400) >= 500) {
          // Outage or timeout: whether Stripe made the transfer is unknown; leave it PENDING for a retry with the same key.
          this.log.warn(`payout ${p.id}: ${e instanceof Error ? e.message : String(e)} — left pending`);
          continue;
        }
        await this.db.transaction(ctx, async (tx) => {
          const [row] = await this.db
            .manager(tx)
            .query(
              `UPDATE payout SET status = 'FAILED', failure = $2, completed_at = now() WHERE id = $1 AND status = ANY($3) RETURNING id`,
              [p.id, e.message.slice(0, 500), PAYOUT_MACHINE.sourcesOf(PayoutStatus.FAILED)],
            );
          if (row)
            await this.ledger.postPayoutReversal(tx, {
              payoutId: p.id,
              supplierId: p.supplierId,
              amount: p.amount,
              cash: this.cashFor(p.method),
              reference: p.reference,
            });
        });
      }
    }
    return this.db.transaction(ctx, async (tx) => {
      const [{ pending: left, failed }] = await this.db
        .manager(tx)
        .query(
          `SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending, count(*) FILTER (WHERE status = 'FAILED') AS failed FROM payout WHERE batch_id = $1`,
          [batchId],
        );
      const batch = await this.db.repo(tx, PayoutBatch).findOneBy({ id: batchId });
      if (!batch) throw notFound('PayoutBatch', batchId);
      const status = Number(failed) > 0 ? PayoutBatchStatus.PARTIALLY_FAILED : PayoutBatchStatus.COMPLETED;
      if (Number(left) === 0 && PAYOUT_BATCH_MACHINE.canTransition(batch.status, status)) {
        await this.db.repo(tx, PayoutBatch).update({ id: batchId }, { status, completedAt: new Date() });
        Object.assign(batch, { status, completedAt: new Date() });
      }
      return batch;
    });
  }

  async batch(ctx: RequestContext, batchId: string): Promise<PayoutBatch> {
    const batch = await this.db.repo(ctx, PayoutBatch).findOneBy({ id: batchId });
    if (!batch) throw notFound('PayoutBatch', batchId);
    return batch;
  }

  batches(ctx: RequestContext, first = 20): Promise<PayoutBatch[]> {
    return this.db
      .repo(ctx, PayoutBatch)
      .find({ order: { createdAt: 'DESC' }, take: Math.min(Math.max(first, 1), 100) });
  }

  payouts(ctx: RequestContext, batchId: string): Promise<Payout[]> {
    return this.db.repo(ctx, Payout).find({ where: { batchId }, order: { reference: 'ASC' } });
  }

  /** The bank payout file of a batch (its BANK_FILE lines). */
  async bankFile(ctx: RequestContext, batchId: string): Promise<string> {
    await this.batch(ctx, batchId);
    const rows: Array<{
      supplier_id: string;
      bank_name: string;
      bank_account_name: string;
      destination: string;
      amount: string;
      reference: string;
    }> = await this.db.manager(ctx).query(
      `SELECT p.supplier_id, p.bank_name, p.bank_account_name, p.destination, p.amount::text AS amount, p.reference
           FROM payout p
          WHERE p.batch_id = $1 AND p.method = 'BANK_FILE' ORDER BY p.reference`,
      [batchId],
    );
    const names = await this.organizations.names(
      ctx,
      rows.map((r) => r.supplier_id),
    );
    const lines: BankPayoutLine[] = rows.map((r) => ({
      supplierId: r.supplier_id,
      supplierName: names.get(r.supplier_id) ?? '',
      bankName: r.bank_name,
      bankAccountName: r.bank_account_name,
      bankAccountNo: r.destination,
      amount: Number(r.amount),
      reference: r.reference,
    }));
    return payoutCsv(lines);
  }

  private cashFor(method: PayoutMethod) {
    return method === PayoutMethod.STRIPE_CONNECT ? ('CASH_STRIPE' as const) : ('CASH_BANK' as const);
  }

  private requireSupplierAdmin(ctx: RequestContext, supplierId: string, staffToo = false): void {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return;
    const roles = staffToo ? [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF] : [Role.SUPPLIER_ADMIN];
    if (p.organizationIds(...roles).includes(supplierId)) return;
    throw forbidden('Only the supplier’s admin or a platform admin may manage its payout account');
  }
}
