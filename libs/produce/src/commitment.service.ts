import { ProduceErrorCode } from './produce.errors';
import { Injectable } from '@nestjs/common';
import { AppError, badInput, Db, forbidden, isUuid, notFound, type RequestContext } from '@bangfu/core';
import { formatYuan } from '@bangfu/money';
import { SupplierService } from '@bangfu/supplier';
import { type OutboundMessage } from './notification-channel';
import { OfferService } from './offer.service';
import { ProduceAccess } from './produce-access';
import { ProduceCommitment, ProduceCommitmentStatus, ProduceOffer, ProduceOfferStatus } from './produce.entities';
import { ProduceNotifier } from './produce-notifier';
import {
  assertDate,
  assertMoney,
  exactAmount,
  assertQuantity,
  effectiveOfferStatus,
  shanghaiToday,
  SQL_STATUS_FOR_COMMITTED,
  text,
  transitionFor,
  type CommitmentTransition,
} from './produce.rules';
import { type CommitOutcome, OfferNotOpenError, OfferQuantityExceededError } from './produce.types';

export interface CommitInput {
  offerId: string;
  quantity: number;
  unitPrice: number;
  pickupDate: string;
  note?: string | null;
  supplierId?: string | null;
}

/**
 * 收购承诺. A commitment holds its quantity on the offer from the moment it is proposed (like stock
 * reserved at checkout), through one conditional UPDATE, so commitments together never exceed the
 * offer however many suppliers race; declining or cancelling gives the quantity back.
 */
@Injectable()
export class CommitmentService {
  constructor(
    private readonly db: Db,
    private readonly access: ProduceAccess,
    private readonly offers: OfferService,
    private readonly suppliers: SupplierService,
    private readonly notifier: ProduceNotifier,
  ) {}

  async commit(ctx: RequestContext, input: CommitInput): Promise<CommitOutcome> {
    const p = ctx.requirePrincipal();
    const out: OutboundMessage[] = [];
    const result = await this.db.transaction(ctx, async (tx): Promise<CommitOutcome> => {
      const supplierId = this.actingSupplier(p, input.supplierId);
      await this.suppliers.requireApproved(tx, supplierId);
      // Out of scope reads as not found: an unlinked supplier learns nothing about the offer.
      const offer = await this.offers.find(tx, input.offerId);
      if (!offer) throw notFound('ProduceOffer', input.offerId);
      await this.access.assertLinked(tx, supplierId, offer.householdId);
      const quantity = assertQuantity(input.quantity);
      const unitPrice = assertMoney(input.unitPrice, 'unitPrice');
      exactAmount(quantity, unitPrice);
      const pickupDate = assertDate(input.pickupDate, 'pickupDate');
      if (pickupDate < shanghaiToday() || pickupDate > offer.availableUntil) {
        throw new AppError(
          ProduceErrorCode.INVALID_PICKUP_DATE,
          `The pickup date must be between today and the offer's last day (${offer.availableUntil})`,
          { field: 'pickupDate' },
        );
      }
      const note = text(input.note, 'note', 500);
      // TypeORM answers an UPDATE with [rows, affected].
      const [, held]: [unknown, number] = await this.db.manager(tx).query(
        `UPDATE produce_offer
            SET committed_quantity = committed_quantity + $2,
                status = ${SQL_STATUS_FOR_COMMITTED('(committed_quantity + $2)')},
                updated_at = now()
          WHERE id = $1 AND status IN ('OPEN','PARTLY_COMMITTED')
            AND available_until >= (now() AT TIME ZONE 'Asia/Shanghai')::date
            AND committed_quantity + $2 <= quantity
        RETURNING id`,
        [offer.id, quantity],
      );
      if (held === 0) return this.refusal(tx, offer.id, quantity);
      const repo = this.db.repo(tx, ProduceCommitment);
      const c = await repo.save(
        repo.create({
          offerId: offer.id,
          supplierId,
          quantity,
          unitPrice,
          pickupDate,
          note,
          status: ProduceCommitmentStatus.PROPOSED,
          createdByUserId: p.userId,
        }),
      );
      await this.history(tx, c.id, null, ProduceCommitmentStatus.PROPOSED, null);
      const [supplier] = await this.suppliers.viewsByIds(tx, [supplierId]);
      const below = unitPrice < offer.askingPrice ? `（低于您的要价 ${formatYuan(offer.askingPrice)}）` : '';
      out.push(
        ...(await this.notifier.toHousehold(tx, await this.access.household(tx, offer.householdId), {
          kind: 'PRODUCE_COMMITMENT_PROPOSED',
          title: `${supplier?.name ?? '合作社'}想收购您的${offer.cropName} ${quantity}${offer.unit}`,
          body: `单价 ${formatYuan(unitPrice)}/${offer.unit}${below}，${pickupDate} 取货；请确认或拒绝`,
          data: { offerId: offer.id, commitmentId: c.id },
        })),
      );
      return c;
    });
    await this.notifier.send(out);
    return result;
  }

  accept(ctx: RequestContext, id: string): Promise<ProduceCommitment> {
    return this.decide(ctx, id, 'accept', null);
  }

  decline(ctx: RequestContext, id: string, reason: string): Promise<ProduceCommitment> {
    const why = text(reason, 'reason', 500, 1);
    return this.decide(ctx, id, 'decline', why);
  }

  /** The supplier takes back a commitment the farmer has not accepted yet. */
  cancel(ctx: RequestContext, id: string, reason: string): Promise<ProduceCommitment> {
    const why = text(reason, 'reason', 500, 1);
    return this.decide(ctx, id, 'cancel', why);
  }

  /**
   * Commitments the caller may see: a farmer its household's, staff their supplier's, coordinators
   * and auditors those on offers in their region, platform admins all. Newest first, at most 200.
   */
  async list(
    ctx: RequestContext,
    filter: { offerId?: string | null; status?: ProduceCommitmentStatus | null; offerIds?: string[] },
  ): Promise<ProduceCommitment[]> {
    const qb = this.db
      .repo(ctx, ProduceCommitment)
      .createQueryBuilder('c')
      .innerJoin(ProduceOffer, 'o', 'o.id = c.offer_id')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(200);
    if (filter.offerId) {
      if (!isUuid(filter.offerId)) throw badInput('offerId is not an id', { field: 'offerId' });
      qb.andWhere('c.offer_id = :fOffer', { fOffer: filter.offerId });
    }
    if (filter.offerIds) qb.andWhere('c.offer_id = ANY(:fOffers::uuid[])', { fOffers: filter.offerIds });
    if (filter.status) qb.andWhere('c.status = :fStatus', { fStatus: filter.status });
    const scope = await this.access.partyScope(ctx, {
      household: 'o.household_id',
      supplier: 'c.supplier_id',
      village: 'o.village_code',
    });
    if (scope) qb.andWhere(scope.sql, scope.params);
    return qb.getMany();
  }

  async lockedPair(ctx: RequestContext, id: string): Promise<{ offer: ProduceOffer; commitment: ProduceCommitment }> {
    if (!isUuid(id)) throw notFound('ProduceCommitment', id);
    // Offer first, then the commitment: the same order as withdrawing an offer, so the two never deadlock.
    const peek = await this.db.repo(ctx, ProduceCommitment).findOneBy({ id });
    if (!peek) throw notFound('ProduceCommitment', id);
    const offer = await this.offers.locked(ctx, peek.offerId);
    const commitment = await this.db
      .repo(ctx, ProduceCommitment)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOneOrFail();
    return { offer, commitment };
  }

  async history(
    ctx: RequestContext,
    commitmentId: string,
    from: ProduceCommitmentStatus | null,
    to: ProduceCommitmentStatus,
    reason: string | null,
  ): Promise<void> {
    await this.db
      .manager(ctx)
      .query(
        `INSERT INTO produce_commitment_history (commitment_id, from_status, to_status, actor_user_id, reason) VALUES ($1, $2, $3, $4, $5)`,
        [commitmentId, from, to, ctx.userId, reason],
      );
  }

  private async decide(
    ctx: RequestContext,
    id: string,
    action: CommitmentTransition['action'],
    reason: string | null,
  ): Promise<ProduceCommitment> {
    const p = ctx.requirePrincipal();
    const out: OutboundMessage[] = [];
    const result = await this.db.transaction(ctx, async (tx) => {
      const { offer, commitment } = await this.lockedPair(tx, id);
      const move = transitionFor(action, commitment.status);
      if (move.by === 'household') await this.access.assertActsForHousehold(tx, offer);
      if (move.by === 'supplier' && !this.access.staffSupplierIds(p).includes(commitment.supplierId))
        throw forbidden('Only the committing supplier’s staff may do this');
      if (
        move.to === ProduceCommitmentStatus.ACCEPTED &&
        effectiveOfferStatus(offer) === ProduceOfferStatus.WITHDRAWN
      ) {
        throw new AppError(ProduceErrorCode.OFFER_NOT_OPEN, 'The offer was withdrawn', {
          status: ProduceOfferStatus.WITHDRAWN,
        });
      }
      await this.db
        .repo(tx, ProduceCommitment)
        .update(
          { id: commitment.id },
          { status: move.to, declineReason: reason, decidedAt: new Date(), decidedByUserId: p.userId },
        );
      if (move.releases) {
        await this.db.manager(tx).query(
          `UPDATE produce_offer SET committed_quantity = committed_quantity - $2,
                  status = CASE WHEN status = 'WITHDRAWN' THEN status ELSE ${SQL_STATUS_FOR_COMMITTED('(committed_quantity - $2)')} END, updated_at = now()
            WHERE id = $1`,
          [offer.id, commitment.quantity],
        );
      }
      await this.history(tx, commitment.id, commitment.status, move.to, reason);
      const what = `${offer.cropName} ${commitment.quantity}${offer.unit}`;
      if (move.by === 'household') {
        await this.notifier.toOrganization(tx, commitment.supplierId, {
          kind:
            move.to === ProduceCommitmentStatus.ACCEPTED
              ? 'PRODUCE_COMMITMENT_ACCEPTED'
              : 'PRODUCE_COMMITMENT_DECLINED',
          title: move.to === ProduceCommitmentStatus.ACCEPTED ? `农户已接受收购：${what}` : `农户已拒绝收购：${what}`,
          body: reason ?? `取货日期 ${commitment.pickupDate}`,
          data: { offerId: offer.id, commitmentId: commitment.id },
        });
      } else {
        out.push(
          ...(await this.notifier.toHousehold(tx, await this.access.household(tx, offer.householdId), {
            kind: 'PRODUCE_COMMITMENT_CANCELLED',
            title: `收购方已取消收购：${what}`,
            body: reason ?? '',
            data: { offerId: offer.id, commitmentId: commitment.id },
          })),
        );
      }
      return this.db.repo(tx, ProduceCommitment).findOneByOrFail({ id: commitment.id });
    });
    await this.notifier.send(out);
    return result;
  }

  private actingSupplier(p: ReturnType<RequestContext['requirePrincipal']>, supplierId?: string | null): string {
    const staff = this.access.staffSupplierIds(p);
    if (supplierId) {
      if (!staff.includes(supplierId)) throw forbidden('You do not work for this supplier');
      return supplierId;
    }
    if (staff.length === 1) return staff[0];
    if (staff.length > 1)
      throw badInput('You work for several suppliers: say which one commits', { field: 'supplierId' });
    throw forbidden('Only a supplier’s staff may commit to buy produce');
  }

  /** Why the conditional UPDATE matched nothing, as the union member the client branches on. */
  private async refusal(ctx: RequestContext, offerId: string, requested: number): Promise<CommitOutcome> {
    const now = await this.db.repo(ctx, ProduceOffer).findOneByOrFail({ id: offerId });
    const status = effectiveOfferStatus(now);
    if (status !== ProduceOfferStatus.OPEN && status !== ProduceOfferStatus.PARTLY_COMMITTED) {
      return Object.assign(new OfferNotOpenError(), {
        message: `The offer is ${status} and takes no commitments`,
        offerStatus: status,
      });
    }
    const available = now.quantity - now.committedQuantity;
    return Object.assign(new OfferQuantityExceededError(), {
      message: `Only ${available}${now.unit} of the offer are still uncommitted`,
      requested,
      available,
    });
  }
}
