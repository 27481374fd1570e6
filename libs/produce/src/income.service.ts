import { Injectable } from '@nestjs/common';
import { AppError, badInput, Db, ErrorCode, forbidden, lockRow, type RequestContext, Role } from '@bangfu/core';
import { AttributionQueryService } from '@bangfu/attribution';
import { ExternalFindingService } from '@bangfu/oversight';
import { normalizePrefix, RegionService } from '@bangfu/region';
import { SupplierService } from '@bangfu/supplier';
import { incomeDisputeFinding } from './income-dispute-finding';
import { type OutboundMessage } from './notification-channel';
import { ProduceAccess } from './produce-access';
import {
  IncomeConfirmation,
  IncomeDispute,
  IncomeDisputeStatus,
  IncomeLineKind,
  ProducePayment,
  ProducePaymentStatus,
  ProduceReceipt,
} from './produce.entities';
import { ProduceNotifier } from './produce-notifier';
import { assertMonth, shanghaiToday, text } from './produce.rules';
import {
  type DisputeIncomeLineInput,
  type IncomeConfirmationRate,
  IncomeConfirmationRates,
  type IncomeDisputeFilter,
  IncomeMonthStatus,
  IncomeStatement,
  type IncomeStatementAttribution,
  type IncomeStatementPurchase,
} from './produce.types';

/**
 * The farmer's month: purchase payments (this lib's receipts, by month of receipt) and attributed
 * income (attribution's exported query, never its tables) side by side; the farmer confirms the
 * month or disputes a line, which notifies the supplier and the county coordination office and is
 * listed for auditors.
 */
@Injectable()
export class IncomeService {
  constructor(
    private readonly db: Db,
    private readonly access: ProduceAccess,
    private readonly attribution: AttributionQueryService,
    private readonly suppliers: SupplierService,
    private readonly regions: RegionService,
    private readonly notifier: ProduceNotifier,
    private readonly findings: ExternalFindingService,
  ) {}

  async myStatement(ctx: RequestContext, month: string): Promise<IncomeStatement> {
    const own = await this.access.ownHousehold(ctx);
    return this.statement(ctx, own.id, month);
  }

  /**
   * A household's statement. The household itself, coordinators/auditors whose prefix covers its
   * village and platform admins; attribution applies its own scope to the attributed part.
   */
  async statement(ctx: RequestContext, householdId: string, monthInput: string): Promise<IncomeStatement> {
    const p = ctx.requirePrincipal();
    const month = assertMonth(monthInput);
    const h = await this.access.household(ctx, householdId);
    const mayRead =
      h.userId === p.userId ||
      p.hasRole(Role.PLATFORM_ADMIN) ||
      p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).some((x) => h.villageCode.startsWith(x));
    if (!mayRead) throw forbidden('You may not see this household’s income');
    const receipts = await this.db
      .repo(ctx, ProduceReceipt)
      .find({ where: { householdId: h.id, period: month }, order: { receivedAt: 'ASC' } });
    const payments = new Map(
      (receipts.length
        ? await this.db
            .repo(ctx, ProducePayment)
            .createQueryBuilder('pp')
            .where('pp.receipt_id = ANY(:ids::uuid[])', { ids: receipts.map((r) => r.id) })
            .getMany()
        : []
      ).map((x) => [x.receiptId, x]),
    );
    const offers: Array<{ id: string; crop_name: string; unit: string }> = receipts.length
      ? await this.db
          .manager(ctx)
          .query(`SELECT id, crop_name, unit FROM produce_offer WHERE id = ANY($1::uuid[])`, [
            receipts.map((r) => r.offerId),
          ])
      : [];
    const offerById = new Map(offers.map((o) => [o.id, o]));
    const names = new Map(
      (await this.suppliers.viewsByIds(ctx, [...new Set(receipts.map((r) => r.supplierId))])).map((s) => [
        s.id,
        s.name,
      ]),
    );
    const purchases: IncomeStatementPurchase[] = receipts.map((r) => {
      const pay = payments.get(r.id) as ProducePayment;
      return {
        receiptId: r.id,
        commitmentId: r.commitmentId,
        offerId: r.offerId,
        supplierId: r.supplierId,
        supplierName: names.get(r.supplierId) ?? '',
        cropName: offerById.get(r.offerId)?.crop_name ?? '',
        unit: offerById.get(r.offerId)?.unit ?? '',
        quantity: r.quantity,
        committedQuantity: r.committedQuantity,
        unitPrice: r.unitPrice,
        amount: r.amount,
        lotNo: r.lotNo,
        receivedAt: r.receivedAt,
        paymentId: pay.id,
        paymentStatus: pay.status,
        paymentMethod: pay.method,
        paymentReference: pay.reference,
        paidOn: pay.paidOn,
      };
    });
    const income = await this.attribution.householdIncome(ctx, h.id, month, month);
    const attributedIncome: IncomeStatementAttribution[] = income.months.flatMap((m) =>
      m.products.map((x) => ({ ...x })),
    );
    const attributedOrders = (await this.attribution.householdIncomeByOrder(ctx, h.id, month, month)).map(
      ({ period: _period, ...x }) => x,
    );
    const confirmation = await this.db.repo(ctx, IncomeConfirmation).findOneBy({ householdId: h.id, period: month });
    const disputes = await this.db
      .repo(ctx, IncomeDispute)
      .find({ where: { householdId: h.id, period: month }, order: { createdAt: 'ASC' } });
    const statement = new IncomeStatement();
    Object.assign(statement, {
      householdId: h.id,
      month,
      purchases,
      purchasePaidTotal: purchases
        .filter((x) => x.paymentStatus === ProducePaymentStatus.PAID)
        .reduce((a, x) => a + x.amount, 0),
      purchasePendingTotal: purchases
        .filter((x) => x.paymentStatus === ProducePaymentStatus.PENDING)
        .reduce((a, x) => a + x.amount, 0),
      attributedIncome,
      attributedTotal: attributedIncome.reduce((a, x) => a + x.amount, 0),
      attributedOrders,
      confirmation,
      disputes,
      status: disputes.some((d) => d.status === IncomeDisputeStatus.OPEN)
        ? IncomeMonthStatus.DISPUTED
        : confirmation
          ? IncomeMonthStatus.CONFIRMED
          : IncomeMonthStatus.UNCONFIRMED,
    });
    return statement;
  }

  /** The farmer confirms what the month shows; confirming again later records the totals seen then. */
  async confirm(ctx: RequestContext, monthInput: string): Promise<IncomeStatement> {
    const month = assertMonth(monthInput);
    if (month > shanghaiToday().slice(0, 7))
      throw new AppError(ErrorCode.INVALID_DATE, 'A month that has not begun cannot be confirmed', { field: 'month' });
    return this.db.transaction(ctx, async (tx) => {
      const own = await this.access.ownHousehold(tx);
      const s = await this.statement(tx, own.id, month);
      await this.db.manager(tx).query(
        `INSERT INTO income_confirmation (household_id, period, village_code, purchase_paid_total, purchase_pending_total, attributed_total, confirmed_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (household_id, period) DO UPDATE SET purchase_paid_total = EXCLUDED.purchase_paid_total, purchase_pending_total = EXCLUDED.purchase_pending_total,
           attributed_total = EXCLUDED.attributed_total, confirmed_by_user_id = EXCLUDED.confirmed_by_user_id, confirmed_at = now()`,
        [own.id, month, own.villageCode, s.purchasePaidTotal, s.purchasePendingTotal, s.attributedTotal, tx.userId],
      );
      for (const supplierId of new Set(s.purchases.map((x) => x.supplierId))) {
        await this.notifier.toOrganization(tx, supplierId, {
          kind: 'INCOME_MONTH_CONFIRMED',
          title: `农户已确认 ${month} 的收入`,
          data: { householdId: own.id, month },
        });
      }
      return this.statement(tx, own.id, month);
    });
  }

  /** The farmer disputes one line of a month (a purchase payment or a product's attributed income). */
  async dispute(ctx: RequestContext, input: DisputeIncomeLineInput): Promise<IncomeDispute> {
    const month = assertMonth(input.month);
    const note = text(input.note, 'note', 1000, 1);
    return this.db.transaction(ctx, async (tx) => {
      const own = await this.access.ownHousehold(tx);
      // One household's disputes of a month are serialised: two taps on 有疑问 open one dispute, not two.
      await this.db
        .manager(tx)
        .query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`income-dispute:${own.id}:${month}`]);
      const s = await this.statement(tx, own.id, month);
      let line: { purchase: IncomeStatementPurchase } | { attributed: IncomeStatementAttribution };
      if (input.kind === IncomeLineKind.PURCHASE_PAYMENT) {
        const purchase = s.purchases.find((x) => x.receiptId === input.receiptId);
        if (!purchase)
          throw badInput(`No purchase ${input.receiptId ?? '(receiptId missing)'} in ${month}`, { field: 'receiptId' });
        line = { purchase };
      } else {
        const attributed = s.attributedIncome.find((x) => x.productId === input.productId);
        if (!attributed)
          throw badInput(`No attributed income from product ${input.productId ?? '(productId missing)'} in ${month}`, {
            field: 'productId',
          });
        line = { attributed };
      }
      const { amount, supplierId } = 'purchase' in line ? line.purchase : line.attributed;
      const receiptId = input.kind === IncomeLineKind.PURCHASE_PAYMENT ? (input.receiptId as string) : null;
      const productId = input.kind === IncomeLineKind.ATTRIBUTED_INCOME ? (input.productId as string) : null;
      // A line already under an open dispute answers that dispute (no second dispute, notice or finding).
      const open = s.disputes.find(
        (x) =>
          x.status === IncomeDisputeStatus.OPEN &&
          x.kind === input.kind &&
          x.receiptId === receiptId &&
          x.productId === productId,
      );
      if (open) return open;
      const repo = this.db.repo(tx, IncomeDispute);
      const d = await repo.save(
        repo.create({
          householdId: own.id,
          villageCode: own.villageCode,
          period: month,
          kind: input.kind,
          receiptId,
          productId,
          supplierId,
          amount,
          note,
          status: IncomeDisputeStatus.OPEN,
          createdByUserId: tx.userId,
        }),
      );
      const event = {
        kind: 'INCOME_LINE_DISPUTED',
        title: `农户对 ${month} 的${input.kind === IncomeLineKind.PURCHASE_PAYMENT ? '收购款' : '带动收益'}提出异议`,
        body: note,
        data: { disputeId: d.id, householdId: own.id, month },
      };
      await this.notifier.toOrganization(tx, supplierId, event);
      await this.notifier.toCoordinators(tx, own.villageCode, event);
      // Auditors see it as an INCOME_DISPUTE finding (libs/oversight), committed with the dispute.
      const supplierName =
        'purchase' in line
          ? line.purchase.supplierName
          : ((await this.suppliers.viewsByIds(tx, [supplierId]))[0]?.name ?? '');
      await this.findings.record(tx, incomeDisputeFinding(d, line, supplierName, own.headName));
      return d;
    });
  }

  /** The supplier or a coordinator covering the village closes a dispute with what was done. */
  async resolve(ctx: RequestContext, id: string, resolution: string): Promise<IncomeDispute> {
    const p = ctx.requirePrincipal();
    const out: OutboundMessage[] = [];
    const result = await this.db.transaction(ctx, async (tx) => {
      const d = await lockRow(this.db, tx, IncomeDispute, id, 'IncomeDispute');
      const staff = d.supplierId !== null && this.access.staffSupplierIds(p).includes(d.supplierId);
      const coordinator = p.regionPrefixes(Role.COORDINATOR).some((x) => d.villageCode.startsWith(x));
      if (!staff && !coordinator)
        throw forbidden('Only the supplier concerned or the coordinator of the village may resolve this dispute');
      if (d.status !== IncomeDisputeStatus.OPEN)
        throw new AppError(ErrorCode.INVALID_TRANSITION, 'The dispute is already resolved', { from: d.status });
      const why = text(resolution, 'resolution', 1000, 1);
      await this.db
        .repo(tx, IncomeDispute)
        .update(
          { id: d.id },
          { status: IncomeDisputeStatus.RESOLVED, resolution: why, resolvedAt: new Date(), resolvedByUserId: p.userId },
        );
      out.push(
        ...(await this.notifier.toHousehold(tx, await this.access.household(tx, d.householdId), {
          kind: 'INCOME_DISPUTE_RESOLVED',
          title: `您对 ${d.period} 的异议已处理`,
          body: why,
          data: { disputeId: d.id },
        })),
      );
      return this.db.repo(tx, IncomeDispute).findOneByOrFail({ id: d.id });
    });
    await this.notifier.send(out);
    return result;
  }

  /** Disputes for coordinators and auditors (their region), supplier staff (their own), platform admins; newest first. */
  async disputes(ctx: RequestContext, filter: IncomeDisputeFilter = {}, first = 100): Promise<IncomeDispute[]> {
    const p = ctx.requirePrincipal();
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw badInput('first must be between 1 and 500', { field: 'first' });
    const qb = this.db
      .repo(ctx, IncomeDispute)
      .createQueryBuilder('d')
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(first);
    if (filter.regionCode)
      qb.andWhere('d.village_code LIKE :fRegion', { fRegion: `${normalizePrefix(filter.regionCode)}%` });
    if (filter.month) qb.andWhere('d.period = :fMonth', { fMonth: assertMonth(filter.month) });
    if (filter.status) qb.andWhere('d.status = :fStatus', { fStatus: filter.status });
    if (!p.hasRole(Role.PLATFORM_ADMIN)) {
      const staff = this.access.staffSupplierIds(p);
      const prefixes = p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).map((x) => `${x}%`);
      const parts = [];
      if (staff.length) parts.push('d.supplier_id = ANY(:sStaff::uuid[])');
      if (prefixes.length) parts.push('d.village_code LIKE ANY(:sPrefixes)');
      qb.andWhere(parts.length ? `(${parts.join(' OR ')})` : 'false', { sStaff: staff, sPrefixes: prefixes });
    }
    return qb.getMany();
  }

  /**
   * 确认率: of the households that had a produce receipt in the month (per supplier, per village),
   * how many confirmed the month and how many disputed a line of it.
   */
  async rates(ctx: RequestContext, regionCode: string, monthInput: string): Promise<IncomeConfirmationRates> {
    const p = ctx.requirePrincipal();
    const prefix = normalizePrefix(regionCode, 'regionCode');
    const month = assertMonth(monthInput);
    if (
      !p.hasRole(Role.PLATFORM_ADMIN) &&
      !p.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).some((mine) => prefix.startsWith(mine))
    ) {
      throw forbidden('The region is outside your scope');
    }
    const rows: Array<{
      supplier_id: string;
      village_code: string;
      household_id: string;
      confirmed: boolean;
      disputed: boolean;
    }> = await this.db.manager(ctx).query(
      `SELECT DISTINCT r.supplier_id, r.village_code, r.household_id,
              EXISTS (SELECT 1 FROM income_confirmation c WHERE c.household_id = r.household_id AND c.period = r.period) AS confirmed,
              EXISTS (SELECT 1 FROM income_dispute d WHERE d.household_id = r.household_id AND d.period = r.period) AS disputed
         FROM produce_receipt r WHERE r.period = $1 AND r.village_code LIKE $2`,
      [month, `${prefix}%`],
    );
    const group = (
      key: (r: (typeof rows)[number]) => string,
    ): Map<string, Map<string, { confirmed: boolean; disputed: boolean }>> => {
      const m = new Map<string, Map<string, { confirmed: boolean; disputed: boolean }>>();
      for (const r of rows) {
        const k = key(r);
        if (!m.has(k)) m.set(k, new Map());
        m.get(k)!.set(r.household_id, { confirmed: r.confirmed, disputed: r.disputed });
      }
      return m;
    };
    const toRates = (m: ReturnType<typeof group>, names: Map<string, string>): IncomeConfirmationRate[] =>
      [...m.entries()]
        .map(([key, hs]) => {
          const households = hs.size;
          const confirmed = [...hs.values()].filter((x) => x.confirmed).length;
          const disputed = [...hs.values()].filter((x) => x.disputed).length;
          return {
            key,
            name: names.get(key) ?? key,
            households,
            confirmed,
            disputed,
            rateBps: households ? Math.floor((confirmed * 10000) / households) : 0,
          };
        })
        .sort((a, b) => a.rateBps - b.rateBps || a.name.localeCompare(b.name));
    const bySupplier = group((r) => r.supplier_id);
    const byVillage = group((r) => r.village_code);
    const supplierNames = new Map(
      (await this.suppliers.viewsByIds(ctx, [...bySupplier.keys()])).map((s) => [s.id, s.name]),
    );
    const villageNames = new Map<string, string>();
    for (const code of byVillage.keys()) villageNames.set(code, (await this.regions.find(ctx, code))?.name ?? code);
    return Object.assign(new IncomeConfirmationRates(), {
      regionCode,
      month,
      bySupplier: toRates(bySupplier, supplierNames),
      byVillage: toRates(byVillage, villageNames),
    });
  }
}
