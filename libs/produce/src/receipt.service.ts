import { ProduceErrorCode } from './produce.errors';
import { Injectable } from '@nestjs/common';
import { ErrorCode, AppError, badInput, Db, forbidden, isUuid, notFound, type RequestContext } from '@bangfu/core';
import { LotService } from '@bangfu/catalog';
import { formatYuan } from '@bangfu/money';
import { CommitmentService } from './commitment.service';
import { type OutboundMessage } from './notification-channel';
import { ProduceAccess } from './produce-access';
import {
  ProduceCommitmentStatus,
  ProducePayment,
  type ProducePaymentMethod,
  ProducePaymentStatus,
  ProduceReceipt,
} from './produce.entities';
import { ProduceNotifier } from './produce-notifier';
import {
  assertDate,
  assertMonth,
  assertQuantity,
  exactAmount,
  shanghaiToday,
  text,
  transitionFor,
} from './produce.rules';
import { type NewLotInput, ReceiptExceedsCommitmentError, type ReceiptOutcome } from './produce.types';

export interface ReceiptInput {
  commitmentId: string;
  quantity: number;
  lotId?: string | null;
  newLot?: NewLotInput | null;
  lotQuantity?: number | null;
  householdConfirmation?: string | null;
}

/**
 * 收购入库 and 收购款. A receipt closes an accepted commitment: the received quantity becomes the
 * household's contribution to a lot (through catalog's LotService, so the lot's stock rises in the
 * same transaction and attribution later knows whose produce sold), and a PENDING purchase payment of
 * exactly received × unit price is opened, which the supplier marks PAID with method and reference.
 */
@Injectable()
export class ReceiptService {
  constructor(
    private readonly db: Db,
    private readonly access: ProduceAccess,
    private readonly commitments: CommitmentService,
    private readonly lots: LotService,
    private readonly notifier: ProduceNotifier,
  ) {}

  async record(ctx: RequestContext, input: ReceiptInput): Promise<ReceiptOutcome> {
    const p = ctx.requirePrincipal();
    const out: OutboundMessage[] = [];
    const result = await this.db.transaction(ctx, async (tx): Promise<ReceiptOutcome> => {
      const { offer, commitment } = await this.commitments.lockedPair(tx, input.commitmentId);
      if (!this.access.staffSupplierIds(p).includes(commitment.supplierId))
        throw forbidden('Only the committing supplier’s staff may record its receipt');
      transitionFor('receive', commitment.status);
      const quantity = assertQuantity(input.quantity);
      if (quantity > commitment.quantity) {
        return Object.assign(new ReceiptExceedsCommitmentError(), {
          message: `The commitment was for ${commitment.quantity}${offer.unit}; ${quantity}${offer.unit} cannot be received against it`,
          committed: commitment.quantity,
          received: quantity,
        });
      }
      if (!!input.lotId === !!input.newLot)
        throw badInput('Give either lotId or newLot', { field: input.lotId ? 'newLot' : 'lotId' });
      const target = input.lotId
        ? await this.lots.supplierOfLot(tx, input.lotId)
        : await this.lots.supplierOfVariant(tx, (input.newLot as NewLotInput).variantId);
      if (target.supplierId !== commitment.supplierId)
        throw new AppError(
          ProduceErrorCode.WRONG_SUPPLIER_LOT,
          'The lot must be of a product of the committing supplier',
          {
            field: input.lotId ? 'lotId' : 'newLot.variantId',
          },
        );
      const lotQuantity = this.lotQuantity(quantity, offer.unit, target.unit, input.lotQuantity);
      const confirmation = text(input.householdConfirmation, 'householdConfirmation', 200);
      if (offer.assisted && !confirmation) {
        throw new AppError(
          ProduceErrorCode.HOUSEHOLD_CONFIRMATION_REQUIRED,
          'An assisted offer is confirmed by the household at receipt: say how (e.g. 户主签字)',
          { field: 'householdConfirmation' },
        );
      }
      const amount = exactAmount(quantity, commitment.unitPrice);

      const lot = input.lotId
        ? await this.lots.addContribution(tx, input.lotId, offer.householdId, lotQuantity)
        : await this.lots.create(tx, {
            ...(input.newLot as NewLotInput),
            contributions: [{ householdId: offer.householdId, quantity: lotQuantity }],
          });

      const [row]: Array<{ id: string }> = await this.db.manager(tx).query(
        `INSERT INTO produce_receipt (commitment_id, offer_id, household_id, village_code, supplier_id, lot_id, lot_no, quantity, committed_quantity,
                                      lot_quantity, unit_price, amount, household_confirmation, household_confirmed_at, received_by_user_id, period)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $13::text IS NULL THEN NULL ELSE now() END, $14,
                 to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'))
         RETURNING id`,
        [
          commitment.id,
          offer.id,
          offer.householdId,
          offer.villageCode,
          commitment.supplierId,
          lot.id,
          lot.lotNo,
          quantity,
          commitment.quantity,
          lotQuantity,
          commitment.unitPrice,
          amount,
          confirmation || null,
          p.userId,
        ],
      );
      await this.db
        .repo(tx, ProducePayment)
        .insert({ receiptId: row.id, amount, status: ProducePaymentStatus.PENDING });
      await this.db
        .manager(tx)
        .query(`UPDATE produce_commitment SET status = 'RECEIVED' WHERE id = $1`, [commitment.id]);
      const short = commitment.quantity - quantity;
      await this.commitments.history(
        tx,
        commitment.id,
        commitment.status,
        ProduceCommitmentStatus.RECEIVED,
        short > 0 ? `短交 ${short}${offer.unit}` : null,
      );
      out.push(
        ...(await this.notifier.toHousehold(tx, await this.access.household(tx, offer.householdId), {
          kind: 'PRODUCE_RECEIVED',
          title: `已收货：${offer.cropName} ${quantity}${offer.unit}${short > 0 ? `（承诺 ${commitment.quantity}${offer.unit}，短交 ${short}）` : ''}`,
          body: `收购款 ${formatYuan(amount)}，待付款；批次 ${lot.lotNo}`,
          data: { offerId: offer.id, commitmentId: commitment.id, receiptId: row.id },
        })),
      );
      return this.db.repo(tx, ProduceReceipt).findOneByOrFail({ id: row.id });
    });
    await this.notifier.send(out);
    return result;
  }

  /** The supplier marks the receipt's purchase payment PAID; the amount is the receipt's, never typed in. */
  async recordPayment(
    ctx: RequestContext,
    receiptId: string,
    method: ProducePaymentMethod,
    reference: string,
    paidOn?: string | null,
  ): Promise<ProducePayment> {
    const p = ctx.requirePrincipal();
    const out: OutboundMessage[] = [];
    const result = await this.db.transaction(ctx, async (tx) => {
      const receipt = await this.receiptInScope(tx, receiptId);
      if (!this.access.staffSupplierIds(p).includes(receipt.supplierId))
        throw forbidden('Only the buying supplier’s staff may record its payment');
      const payment = await this.db
        .repo(tx, ProducePayment)
        .createQueryBuilder('pp')
        .setLock('pessimistic_write')
        .where('pp.receipt_id = :id', { id: receipt.id })
        .getOneOrFail();
      if (payment.status === ProducePaymentStatus.PAID)
        throw new AppError(ProduceErrorCode.PAYMENT_ALREADY_RECORDED, 'This receipt’s payment is already recorded', {
          paymentId: payment.id,
        });
      const ref = text(reference, 'reference', 100, 1);
      const day = paidOn ? assertDate(paidOn, 'paidOn') : shanghaiToday();
      if (day > shanghaiToday())
        throw new AppError(ErrorCode.INVALID_DATE, 'A payment cannot be made in the future', { field: 'paidOn' });
      await this.db.repo(tx, ProducePayment).update(
        { id: payment.id },
        {
          status: ProducePaymentStatus.PAID,
          method,
          reference: ref,
          paidOn: day,
          recordedByUserId: p.userId,
          recordedAt: new Date(),
        },
      );
      out.push(
        ...(await this.notifier.toHousehold(tx, await this.access.household(tx, receipt.householdId), {
          kind: 'PRODUCE_PAYMENT_PAID',
          title: `收购款已付：${formatYuan(payment.amount)}`,
          body: `${day}，凭证 ${ref}`,
          data: { receiptId: receipt.id, paymentId: payment.id },
        })),
      );
      return this.db.repo(tx, ProducePayment).findOneByOrFail({ id: payment.id });
    });
    await this.notifier.send(out);
    return result;
  }

  /** The farmer confirms from its own login that the receipt is right. */
  async confirm(ctx: RequestContext, receiptId: string): Promise<ProduceReceipt> {
    return this.db.transaction(ctx, async (tx) => {
      const own = await this.access.ownHousehold(tx);
      const receipt = await this.receiptInScope(tx, receiptId);
      if (receipt.householdId !== own.id) throw forbidden('Only the household may confirm its receipt');
      await this.db
        .manager(tx)
        .query(
          `UPDATE produce_receipt SET household_confirmed_at = coalesce(household_confirmed_at, now()), household_confirmation = coalesce(household_confirmation, '农户本人确认') WHERE id = $1`,
          [receipt.id],
        );
      return this.db.repo(tx, ProduceReceipt).findOneByOrFail({ id: receipt.id });
    });
  }

  /** Receipts in the caller's scope (farmer: own household; staff: own supplier; coordinators/auditors: region), newest first. */
  async list(
    ctx: RequestContext,
    filter: { month?: string | null; offerId?: string | null; ids?: string[] } = {},
  ): Promise<ProduceReceipt[]> {
    const qb = this.db
      .repo(ctx, ProduceReceipt)
      .createQueryBuilder('r')
      .orderBy('r.received_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(500);
    if (filter.month) qb.andWhere('r.period = :fMonth', { fMonth: assertMonth(filter.month) });
    if (filter.offerId) {
      if (!isUuid(filter.offerId)) throw badInput('offerId is not an id', { field: 'offerId' });
      qb.andWhere('r.offer_id = :fOffer', { fOffer: filter.offerId });
    }
    if (filter.ids) qb.andWhere('r.id = ANY(:fIds::uuid[])', { fIds: filter.ids.filter((x) => isUuid(x)) });
    await this.scope(ctx, qb);
    return qb.getMany();
  }

  paymentsFor(ctx: RequestContext, receiptIds: string[]): Promise<ProducePayment[]> {
    if (!receiptIds.length) return Promise.resolve([]);
    return this.db
      .repo(ctx, ProducePayment)
      .createQueryBuilder('pp')
      .where('pp.receipt_id = ANY(:ids::uuid[])', { ids: receiptIds })
      .getMany();
  }

  private async receiptInScope(ctx: RequestContext, id: string): Promise<ProduceReceipt> {
    const [r] = isUuid(id) ? await this.list(ctx, { ids: [id] }) : [];
    if (!r) throw notFound('ProduceReceipt', id);
    return r;
  }

  private async scope(
    ctx: RequestContext,
    qb: ReturnType<ReturnType<Db['repo']>['createQueryBuilder']>,
  ): Promise<void> {
    const scope = await this.access.partyScope(ctx, {
      household: 'r.household_id',
      supplier: 'r.supplier_id',
      village: 'r.village_code',
    });
    if (scope) qb.andWhere(scope.sql, scope.params);
  }

  /** Units into the lot: the receipt's own when the variant sells in the offer's unit; otherwise the supplier says (122 箱 for 1,220 斤). */
  private lotQuantity(quantity: number, offerUnit: string, variantUnit: string, given?: number | null): number {
    if (offerUnit === variantUnit) {
      if (given != null && given !== quantity)
        throw new AppError(
          ProduceErrorCode.UNIT_MISMATCH,
          'The lot sells in the offer’s unit: lotQuantity must equal quantity or be left out',
          { field: 'lotQuantity' },
        );
      return quantity;
    }
    if (given == null) {
      throw new AppError(
        ProduceErrorCode.UNIT_MISMATCH,
        `The offer is in ${offerUnit} and the lot's variant in ${variantUnit}: give lotQuantity in ${variantUnit}`,
        { field: 'lotQuantity', offerUnit, variantUnit },
      );
    }
    return assertQuantity(given, 'lotQuantity');
  }
}
