import { AftersalesErrorCode } from './aftersales.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  assertUuid,
  badInput,
  type Connection,
  Db,
  newestFirstPage,
  ErrorCode,
  forbidden,
  isUuid,
  notFound,
  type PageArgs,
  type RequestContext,
} from '@bangfu/core';
import { allocate, formatYuan } from '@bangfu/money';
import { FulfilmentService, OrderService, SupplierOrderStatus } from '@bangfu/ordering';
import { RefundService } from '@bangfu/payment';
import { SupplierService } from '@bangfu/supplier';
import { Complaint, ComplaintKind, ComplaintRemedy, ComplaintStatus } from './aftersales.entities';
import { COMPLAINT_WINDOW_DAYS } from './aftersales.rules';
import { AftersalesNotifier } from './notify';
import { AftersalesScope, SUPPLIER_ROLES } from './scope';
import { SupplierRulesService } from './supplier-rules.service';

export interface OpenComplaintData {
  supplierOrderId: string;
  kind: ComplaintKind;
  description: string;
}

export enum ComplaintDecision {
  UPHOLD = 'UPHOLD',
  REJECT = 'REJECT',
}

export interface DecideComplaintData {
  decision: ComplaintDecision;
  reason: string;
  /** UPHOLD only; default REFUND. */
  remedy?: ComplaintRemedy | null;
  /** UPHOLD only (fen); default: what is left to refund of the complained supplier order. */
  refundAmount?: number | null;
}

export interface ComplaintFilter {
  status?: ComplaintStatus | null;
  supplierId?: string | null;
  orderId?: string | null;
}

const OPEN_STATES = [ComplaintStatus.OPEN, ComplaintStatus.ANSWERED, ComplaintStatus.UPHOLDING];
const DECIDABLE = new Set([ComplaintStatus.OPEN, ComplaintStatus.ANSWERED]);

function text(value: string | null | undefined, field: string, max: number): string {
  const v = value?.trim() ?? '';
  if (!v) throw badInput(`${field} is required`, { field });
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  return v;
}

/**
 * 售后投诉: the buyer opens a complaint about a delivered supplier order, the supplier answers, the
 * county coordinator decides. Upholding refunds through payment's refundOrder (the complained
 * supplier order's lines only): the complaint is first marked UPHOLDING (committed, so no second
 * decision can start), then the refund runs, then it becomes UPHELD with the refund's id — or goes
 * back to where it was if the refund is refused.
 */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly db: Db,
    private readonly fulfilment: FulfilmentService,
    private readonly orders: OrderService,
    private readonly refunds: RefundService,
    private readonly suppliers: SupplierService,
    private readonly scope: AftersalesScope,
    private readonly rules: SupplierRulesService,
    private readonly notify: AftersalesNotifier,
  ) {}

  async open(ctx: RequestContext, input: OpenComplaintData): Promise<Complaint> {
    assertUuid(input.supplierOrderId, 'supplierOrderId');
    if (!Object.values(ComplaintKind).includes(input.kind))
      throw badInput('kind is not a complaint kind', { field: 'kind' });
    const description = text(input.description, 'description', 2000);
    return this.db.transaction(ctx, async (tx) => {
      const so = await this.fulfilment.findSupplierOrder(tx, input.supplierOrderId);
      const order = await this.orders.get(tx, so.orderId);
      if (!(await this.scope.isBuyerOf(tx, order)))
        throw forbidden('Only the buyer of this order may complain about it');
      if (so.status !== SupplierOrderStatus.DELIVERED || !so.deliveredAt) {
        throw new AppError(
          AftersalesErrorCode.COMPLAINT_NOT_ALLOWED,
          `A complaint can be opened once the goods are delivered (this part is ${so.status})`,
          { status: so.status },
        );
      }
      if (Date.now() - so.deliveredAt.getTime() > COMPLAINT_WINDOW_DAYS * 86_400_000) {
        throw new AppError(
          AftersalesErrorCode.COMPLAINT_NOT_ALLOWED,
          `Complaints are accepted within ${COMPLAINT_WINDOW_DAYS} days of delivery`,
          { deliveredAt: so.deliveredAt.toISOString() },
        );
      }
      // Serialises complaints about one supplier order, so "one open at a time" holds under concurrency.
      await this.db.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('complaint'), hashtext($1))`, [so.id]);
      const [{ n }] = await this.db
        .manager(tx)
        .query(`SELECT count(*)::int AS n FROM complaint WHERE supplier_order_id = $1 AND status = ANY($2::text[])`, [
          so.id,
          OPEN_STATES,
        ]);
      if (n > 0)
        throw new AppError(
          AftersalesErrorCode.COMPLAINT_ALREADY_OPEN,
          'A complaint about this supplier order is already open',
          {
            supplierOrderId: so.id,
          },
        );
      const supplier = await this.suppliers.get(tx, so.supplierId);
      const repo = this.db.repo(tx, Complaint);
      const complaint = await repo.save(
        repo.create({
          orderId: order.id,
          supplierOrderId: so.id,
          supplierId: so.supplierId,
          buyerUserId: order.buyerUserId,
          buyerOrgId: order.buyerOrgId,
          regionCode: supplier.countyCode,
          kind: input.kind,
          description,
          status: ComplaintStatus.OPEN,
        }),
      );
      const note = AftersalesNotifier.complaintInput(
        'COMPLAINT_OPENED',
        `订单 ${order.orderNo} 收到投诉，请答复`,
        complaint,
      );
      await this.notify.supplier(tx, so.supplierId, note);
      await this.notify.coordinators(tx, complaint.regionCode, { ...note, title: `订单 ${order.orderNo} 有新投诉` });
      return complaint;
    });
  }

  async answer(ctx: RequestContext, id: string, answerIn: string): Promise<Complaint> {
    const answer = text(answerIn, 'answer', 2000);
    return this.db.transaction(ctx, async (tx) => {
      const c = await this.lock(tx, id);
      if (
        !tx
          .requirePrincipal()
          .organizationIds(...SUPPLIER_ROLES)
          .includes(c.supplierId)
      )
        throw forbidden("Only the supplier's staff answer its complaints");
      if (c.status !== ComplaintStatus.OPEN) throw this.wrongState(c, 'answered');
      Object.assign(c, {
        status: ComplaintStatus.ANSWERED,
        supplierAnswer: answer,
        answeredBy: tx.userId,
        answeredAt: new Date(),
      });
      await this.db.repo(tx, Complaint).save(c);
      const note = AftersalesNotifier.complaintInput('COMPLAINT_ANSWERED', '供应商已答复您的投诉', c);
      await this.notify.buyer(tx, c, note);
      await this.notify.coordinators(tx, c.regionCode, { ...note, title: '投诉已获供应商答复，待裁定' });
      return c;
    });
  }

  async decide(ctx: RequestContext, id: string, input: DecideComplaintData): Promise<Complaint> {
    const reason = text(input.reason, 'reason', 2000);
    if (input.decision === ComplaintDecision.REJECT) return this.reject(ctx, id, reason);
    if (input.decision !== ComplaintDecision.UPHOLD)
      throw badInput('decision must be UPHOLD or REJECT', { field: 'decision' });
    if (
      input.refundAmount !== undefined &&
      input.refundAmount !== null &&
      (!Number.isSafeInteger(input.refundAmount) || input.refundAmount <= 0)
    ) {
      throw badInput('refundAmount must be a positive integer of fen', { field: 'refundAmount' });
    }
    const remedy = input.remedy ?? ComplaintRemedy.REFUND;
    // 1. Claim the decision (committed): a second coordinator now sees UPHOLDING and is refused.
    const claimed = await this.db.transaction(ctx, async (tx) => {
      const c = await this.lock(tx, id);
      this.requireDecider(tx, c);
      if (!DECIDABLE.has(c.status)) throw this.wrongState(c, 'decided');
      const lines = (await this.orders.lines(tx, c.orderId)).filter((l) => l.supplierOrderId === c.supplierOrderId);
      const left = lines.map((l) => l.lineTotal - l.refundedAmount);
      const leftTotal = left.reduce((s, x) => s + x, 0);
      const amount = input.refundAmount ?? leftTotal;
      if (leftTotal <= 0 || amount > leftTotal) {
        throw new AppError(
          ErrorCode.REFUND_EXCEEDS_PAID,
          `At most ${leftTotal} fen of this supplier order can still be refunded`,
          { field: 'refundAmount', refundable: leftTotal },
        );
      }
      // The amount is spread over this supplier's lines in proportion to what is left of each (exact to the fen).
      const parts = allocate(amount, left)
        .map((part, i) => ({ lineId: lines[i].id, amount: part }))
        .filter((p) => p.amount > 0);
      const previous = c.status;
      Object.assign(c, {
        status: ComplaintStatus.UPHOLDING,
        remedy,
        refundAmount: amount,
        decisionReason: reason,
        decidedBy: tx.userId,
      });
      await this.db.repo(tx, Complaint).save(c);
      return { previous, parts, amount };
    });
    // 2. The money, through payment's own refund path (its own transactions and provider call).
    let refundId: string;
    try {
      const refund = await this.refunds.refundOrder(ctx, {
        orderId: (await this.db.repo(ctx, Complaint).findOneByOrFail({ id })).orderId,
        lineAmounts: claimed.parts,
        reason: `投诉成立（${remedy === ComplaintRemedy.RETURN ? '退货退款' : '退款'}）：${reason}`.slice(0, 500),
      });
      refundId = refund.id;
    } catch (e) {
      await this.db
        .repo(ctx, Complaint)
        .update(
          { id, status: ComplaintStatus.UPHOLDING },
          { status: claimed.previous, remedy: null, refundAmount: null, decisionReason: null, decidedBy: null },
        );
      throw e;
    }
    // 3. Record the outcome, tell both sides, and let the rules look at the supplier's record.
    return this.db.transaction(ctx, async (tx) => {
      const c = await this.lock(tx, id);
      Object.assign(c, { status: ComplaintStatus.UPHELD, refundId, decidedAt: new Date() });
      await this.db.repo(tx, Complaint).save(c);
      const note = AftersalesNotifier.complaintInput(
        'COMPLAINT_UPHELD',
        `投诉成立，已退款 ${formatYuan(claimed.amount, { symbol: false })} 元`,
        c,
      );
      await this.notify.buyer(tx, c, note);
      await this.notify.supplier(tx, c.supplierId, {
        ...note,
        title: `投诉成立，已向买方退款 ${formatYuan(claimed.amount, { symbol: false })} 元`,
      });
      await this.rules.evaluate(tx, c.supplierId);
      return c;
    });
  }

  private reject(ctx: RequestContext, id: string, reason: string): Promise<Complaint> {
    return this.db.transaction(ctx, async (tx) => {
      const c = await this.lock(tx, id);
      this.requireDecider(tx, c);
      if (!DECIDABLE.has(c.status)) throw this.wrongState(c, 'decided');
      Object.assign(c, {
        status: ComplaintStatus.REJECTED,
        decisionReason: reason,
        decidedBy: tx.userId,
        decidedAt: new Date(),
      });
      await this.db.repo(tx, Complaint).save(c);
      const note = AftersalesNotifier.complaintInput('COMPLAINT_REJECTED', '投诉未获支持', c);
      await this.notify.buyer(tx, c, note);
      await this.notify.supplier(tx, c.supplierId, note);
      return c;
    });
  }

  /** One complaint the caller may read (NOT_FOUND otherwise, so ids outside the scope reveal nothing). */
  async get(ctx: RequestContext, id: string): Promise<Complaint> {
    if (!isUuid(id)) throw notFound('Complaint', id);
    const scope = await this.scope.complaints(ctx);
    const qb = this.db.repo(ctx, Complaint).createQueryBuilder('c').where('c.id = :id', { id });
    if (scope.where) qb.andWhere(scope.where, scope.params);
    const c = await qb.getOne();
    if (!c) throw notFound('Complaint', id);
    return c;
  }

  async list(ctx: RequestContext, filter: ComplaintFilter, { first, after }: PageArgs): Promise<Connection<Complaint>> {
    const scope = await this.scope.complaints(ctx);
    const qb = this.db.repo(ctx, Complaint).createQueryBuilder('c');
    if (scope.where) qb.where(scope.where, scope.params);
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.supplierId)
      qb.andWhere('c.supplier_id = :supplierId', { supplierId: assertUuid(filter.supplierId, 'supplierId') });
    if (filter.orderId) qb.andWhere('c.order_id = :orderId', { orderId: assertUuid(filter.orderId, 'orderId') });
    return newestFirstPage(qb, { first, after }, (rows) => rows);
  }

  /** Whether the caller may decide this complaint (for the screens). */
  canDecide(ctx: RequestContext, c: Complaint): boolean {
    return !!ctx.principal && this.scope.canDecide(ctx.principal, c.regionCode);
  }

  private requireDecider(tx: RequestContext, c: Complaint): void {
    if (!this.scope.canDecide(tx.requirePrincipal(), c.regionCode))
      throw forbidden("Only a coordinator of the supplier's county (or a platform admin) decides this complaint");
  }

  private wrongState(c: Complaint, what: string): AppError {
    return new AppError(
      AftersalesErrorCode.COMPLAINT_WRONG_STATE,
      `This complaint is ${c.status} and cannot be ${what}`,
      {
        status: c.status,
      },
    );
  }

  /** Locks the complaint row when the caller may read it. */
  private async lock(tx: RequestContext, id: string): Promise<Complaint> {
    await this.get(tx, id);
    return this.db
      .repo(tx, Complaint)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOneOrFail();
  }
}
