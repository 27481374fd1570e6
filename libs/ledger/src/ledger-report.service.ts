import { Injectable } from '@nestjs/common';
import { Db, forbidden, notFound, OrganizationKind, type RequestContext, Role } from '@bangfu/core';
import { OrganizationService } from '@bangfu/identity';
import { type Fen, fenTransformer } from '@bangfu/money';
import { Accounts } from './chart';
import { AccountKind, AccountOwnerKind, LedgerAccount, PostingKind } from './ledger.entities';
import { type SupplierStatement, type SupplierStatementLine, type TrialBalance } from './ledger.types';
import { parseInstant, parsePeriod } from './period';

const fen = (v: string | number | null | undefined): Fen =>
  v === null || v === undefined ? 0 : (fenTransformer.from(String(v)) as Fen);

export const STATEMENT_MAX_LINES = 2000;

/** Read side of the ledger: supplier statements and the trial balance. */
@Injectable()
export class LedgerReportService {
  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationService,
  ) {}

  /**
   * 供应商对账单: movements on the supplier's payable account in [from, to). Its own staff, platform
   * admins, and auditors whose region prefix covers the supplier may read it.
   */
  async supplierStatement(
    ctx: RequestContext,
    supplierId: string,
    fromArg: string,
    toArg: string,
  ): Promise<SupplierStatement> {
    const { from, to } = parsePeriod(fromArg, toArg);
    await this.requireStatementAccess(ctx, supplierId);
    const em = this.db.manager(ctx);
    const code = Accounts.supplierPayable(supplierId);
    const [bal] = await em.query(
      `SELECT -coalesce(sum(e.amount) FILTER (WHERE e.created_at < $2), 0) AS opening,
              -coalesce(sum(e.amount) FILTER (WHERE e.created_at < $3), 0) AS closing,
              coalesce(sum(-e.amount) FILTER (WHERE p.kind IN ('SUPPLIER_PAYABLE','COUNTER_SETTLEMENT') AND e.amount < 0 AND e.created_at >= $2 AND e.created_at < $3), 0) AS sales,
              coalesce(sum(e.amount) FILTER (WHERE (p.kind IN ('PLATFORM_FEE','COUNTER_SETTLEMENT') AND e.amount > 0 OR p.kind = 'REFUND' AND e.amount < 0) AND e.created_at >= $2 AND e.created_at < $3), 0) AS fees,
              coalesce(sum(e.amount) FILTER (WHERE p.kind = 'REFUND' AND e.amount > 0 AND e.created_at >= $2 AND e.created_at < $3), 0) AS refunds,
              coalesce(sum(e.amount) FILTER (WHERE p.kind IN ('PAYOUT','PAYOUT_REVERSAL') AND e.created_at >= $2 AND e.created_at < $3), 0) AS payouts
         FROM ledger_account a
         JOIN ledger_entry e ON e.account_id = a.id
         JOIN ledger_posting p ON p.id = e.posting_id
        WHERE a.code = $1`,
      [code, from, to],
    );
    const rows: Array<{
      posting_id: string;
      kind: PostingKind;
      order_id: string | null;
      supplier_order_id: string | null;
      reference: string;
      description: string;
      amount: string;
      created_at: Date;
    }> = await em.query(
      `SELECT e.posting_id, p.kind, p.order_id, e.supplier_order_id, p.reference, p.description, -e.amount AS amount, e.created_at
           FROM ledger_account a
           JOIN ledger_entry e ON e.account_id = a.id
           JOIN ledger_posting p ON p.id = e.posting_id
          WHERE a.code = $1 AND e.created_at >= $2 AND e.created_at < $3
          ORDER BY e.created_at, e.id
          LIMIT $4`,
      [code, from, to, STATEMENT_MAX_LINES + 1],
    );
    const opening = fen(bal?.opening);
    let running = opening;
    const lines: SupplierStatementLine[] = rows.slice(0, STATEMENT_MAX_LINES).map((r) => {
      running += fen(r.amount);
      return {
        postingId: r.posting_id,
        kind: r.kind,
        orderId: r.order_id,
        supplierOrderId: r.supplier_order_id,
        reference: r.reference,
        description: r.description,
        amount: fen(r.amount),
        balance: running,
        createdAt: r.created_at,
      };
    });
    return {
      supplierId,
      from,
      to,
      openingBalance: opening,
      sales: fen(bal?.sales),
      fees: fen(bal?.fees),
      refunds: fen(bal?.refunds),
      payouts: fen(bal?.payouts),
      closingBalance: fen(bal?.closing),
      lines,
      truncated: rows.length > STATEMENT_MAX_LINES,
    };
  }

  /**
   * 试算平衡表 at a moment (default now): each account's balance. Platform admins see every account
   * and the balances sum to zero. Region-scoped auditors see only the accounts of parties in their
   * region — supplier payables of suppliers registered there, receivables of counters located there —
   * filtered in SQL; the platform's own accounts (cash, clearing, refunds due, fee revenue) hold every
   * province's money, so they are platform-admin only, and the scoped total is then the net position
   * of the visible accounts, not zero.
   */
  async trialBalance(ctx: RequestContext, asOfArg?: string | null): Promise<TrialBalance> {
    const asOf = asOfArg ? parseInstant(asOfArg, 'end', 'asOf') : new Date();
    const principal = ctx.requirePrincipal();
    const prefixes = principal.hasRole(Role.PLATFORM_ADMIN) ? null : principal.regionPrefixes(Role.AUDITOR);
    const scope =
      prefixes === null
        ? ''
        : // Identity's and channel's read views: a supplier account's owner is a supplier organisation.
          `AND ((a.owner_kind = '${AccountOwnerKind.SUPPLIER}' AND EXISTS (SELECT 1 FROM organization_region o WHERE o.organization_id = a.owner_id AND o.region_code LIKE ANY($2::text[])))
             OR (a.owner_kind = '${AccountOwnerKind.CHANNEL}' AND EXISTS (SELECT 1 FROM channel_directory c WHERE c.id = a.owner_id AND c.region_code LIKE ANY($2::text[]))))`;
    const rows: Array<{
      id: string;
      code: string;
      name: string;
      kind: AccountKind;
      owner_kind: AccountOwnerKind;
      owner_id: string | null;
      currency: string;
      created_at: Date;
      balance: string;
    }> = await this.db.manager(ctx).query(
      `SELECT a.id, a.code, a.name, a.kind, a.owner_kind, a.owner_id, a.currency, a.created_at, sum(e.amount) AS balance
           FROM ledger_account a JOIN ledger_entry e ON e.account_id = a.id
          WHERE e.created_at < $1 ${scope}
          GROUP BY a.id ORDER BY a.code`,
      prefixes === null ? [asOf] : [asOf, prefixes.map((x) => `${x}%`)],
    );
    const lines = rows.map((r) => {
      const account = Object.assign(new LedgerAccount(), {
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        ownerKind: r.owner_kind,
        ownerId: r.owner_id,
        currency: r.currency,
        createdAt: r.created_at,
      });
      const balance = fen(r.balance);
      return { account, balance, debit: Math.max(balance, 0), credit: Math.max(-balance, 0) };
    });
    const totalDebit = lines.reduce((s, l) => s + l.debit, 0);
    const totalCredit = lines.reduce((s, l) => s + l.credit, 0);
    return { asOf, lines, totalDebit, totalCredit, total: totalDebit - totalCredit, regionPrefixes: prefixes };
  }

  private async requireStatementAccess(ctx: RequestContext, supplierId: string): Promise<void> {
    const principal = ctx.requirePrincipal();
    const found = await this.organizations.find(ctx, supplierId);
    const org = found?.kind === OrganizationKind.SUPPLIER ? found : null;
    if (principal.hasRole(Role.PLATFORM_ADMIN)) {
      if (!org) throw notFound('Supplier', supplierId);
      return;
    }
    if (org && principal.organizationIds(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF).includes(supplierId)) return;
    const code: string | null = org?.regionCode ?? null;
    if (code && principal.regionPrefixes(Role.AUDITOR).some((prefix) => code.startsWith(prefix))) return;
    throw forbidden('You may only read statements of your own supplier, or of suppliers in your audit region');
  }
}
