import { ProduceErrorCode } from './produce.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  badInput,
  type Connection,
  Db,
  ErrorCode,
  forbidden,
  isUuid,
  lockRow,
  newestFirstPage,
  type PageArgs,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { CategoryService } from '@bangfu/catalog';
import { normalizePrefix } from '@bangfu/region';
import { type OutboundMessage } from './notification-channel';
import { ProduceAccess } from './produce-access';
import { ProduceCommitment, ProduceCommitmentStatus, ProduceOffer, ProduceOfferStatus } from './produce.entities';
import { ProduceImageService } from './produce-image.service';
import { ProduceNotifier } from './produce-notifier';
import {
  assertDate,
  assertImageKeys,
  assertMoney,
  assertQuantity,
  assertUnit,
  assertWindow,
  effectiveOfferStatus,
  SQL_OFFER_STATUS,
  SQL_STATUS_FOR_COMMITTED,
  text,
} from './produce.rules';
import { type CreateProduceOfferInput, type ProduceOfferFilter, type UpdateProduceOfferInput } from './produce.types';

const OPEN_STATES = [ProduceOfferStatus.OPEN, ProduceOfferStatus.PARTLY_COMMITTED];

/** 农户供货: a household's offers — created by the farmer or, assisted, by a county coordinator / town work team. */
@Injectable()
export class OfferService {
  constructor(
    private readonly db: Db,
    private readonly access: ProduceAccess,
    private readonly categories: CategoryService,
    private readonly notifier: ProduceNotifier,
    private readonly images: ProduceImageService,
  ) {}

  async create(ctx: RequestContext, input: CreateProduceOfferInput): Promise<ProduceOffer> {
    const p = ctx.requirePrincipal();
    const out: OutboundMessage[] = [];
    const offer = await this.db.transaction(ctx, async (tx) => {
      let householdId: string;
      let villageCode: string;
      let assistedByOrgId: string | null = null;
      if (input.householdId) {
        const h = await this.access.household(tx, input.householdId);
        const own = p.hasRole(Role.FARMER) ? await this.access.ownHousehold(tx).catch(() => null) : null;
        if (own?.id !== h.id) {
          assistedByOrgId = this.access.assistingOffice(p, h.villageCode);
          if (!assistedByOrgId)
            throw forbidden(
              'Only the household itself, or a county coordinator / town work team covering its village, may list its produce',
            );
        }
        householdId = h.id;
        villageCode = h.villageCode;
      } else {
        const own = await this.access.ownHousehold(tx);
        householdId = own.id;
        villageCode = own.villageCode;
      }
      const fields = await this.validate(tx, input);
      assertWindow(fields.availableFrom, fields.availableUntil);
      await this.images.assertUploadedBy(tx, fields.imageKeys, [p.userId]);
      const repo = this.db.repo(tx, ProduceOffer);
      const saved = await repo.save(
        repo.create({
          ...fields,
          householdId,
          villageCode,
          unit: assertUnit(input.unit),
          committedQuantity: 0,
          status: ProduceOfferStatus.OPEN,
          assisted: assistedByOrgId !== null,
          assistedByOrgId,
          createdByUserId: p.userId,
        }),
      );
      const event = {
        kind: 'PRODUCE_OFFER_CREATED',
        title: `新的农户供货：${saved.cropName} ${saved.quantity}${saved.unit}`,
        data: { offerId: saved.id },
      };
      for (const supplierId of await this.access.linkedSupplierIds(tx, householdId))
        await this.notifier.toOrganization(tx, supplierId, event);
      if (saved.assisted)
        out.push(
          ...(await this.notifier.toHousehold(tx, await this.access.household(tx, householdId), {
            ...event,
            title: `工作队已为您登记供货：${saved.cropName} ${saved.quantity}${saved.unit}`,
          })),
        );
      return saved;
    });
    await this.notifier.send(out);
    return this.present(offer);
  }

  async update(ctx: RequestContext, id: string, input: UpdateProduceOfferInput): Promise<ProduceOffer> {
    return this.db.transaction(ctx, async (tx) => {
      const offer = await this.locked(tx, id);
      await this.access.assertActsForHousehold(tx, offer);
      if (!OPEN_STATES.includes(effectiveOfferStatus(offer)))
        throw new AppError(
          ProduceErrorCode.OFFER_NOT_OPEN,
          `A ${effectiveOfferStatus(offer)} offer cannot be changed`,
          {
            status: effectiveOfferStatus(offer),
          },
        );
      const merged: CreateProduceOfferInput = {
        cropName: input.cropName ?? offer.cropName,
        categoryId: input.categoryId !== undefined ? input.categoryId : offer.categoryId,
        variety: input.variety ?? offer.variety,
        quantity: input.quantity ?? offer.quantity,
        unit: offer.unit,
        availableFrom: input.availableFrom ?? offer.availableFrom,
        availableUntil: input.availableUntil ?? offer.availableUntil,
        askingPrice: input.askingPrice ?? offer.askingPrice,
        note: input.note ?? offer.note,
        imageKeys: input.imageKeys ?? offer.imageKeys,
      };
      const fields = await this.validate(tx, merged);
      assertWindow(fields.availableFrom, fields.availableUntil);
      // Photos already on the offer stay (the assisting coordinator's too); new ones must be the caller's uploads.
      await this.images.assertUploadedBy(
        tx,
        fields.imageKeys.filter((k) => !offer.imageKeys.includes(k)),
        [ctx.requirePrincipal().userId],
      );
      if (fields.quantity < offer.committedQuantity) {
        throw new AppError(
          ErrorCode.INVALID_QUANTITY,
          `Commitments already hold ${offer.committedQuantity}${offer.unit}; the quantity cannot go below that`,
          {
            field: 'quantity',
            committedQuantity: offer.committedQuantity,
          },
        );
      }
      await this.db.repo(tx, ProduceOffer).update({ id: offer.id }, fields);
      // The stored status follows the new quantity (a larger offer is no longer fully committed).
      await this.db
        .manager(tx)
        .query(`UPDATE produce_offer SET status = ${SQL_STATUS_FOR_COMMITTED('committed_quantity')} WHERE id = $1`, [
          offer.id,
        ]);
      return this.present(await this.db.repo(tx, ProduceOffer).findOneByOrFail({ id: offer.id }));
    });
  }

  /**
   * Withdraws an offer. Commitments the farmer has not decided yet are cancelled (their suppliers
   * told); accepted ones are promises to the buyer, so an offer with any is refused
   * (OFFER_HAS_ACCEPTED_COMMITMENTS) until they are received.
   */
  async withdraw(ctx: RequestContext, id: string, reason?: string | null): Promise<ProduceOffer> {
    return this.db.transaction(ctx, async (tx) => {
      const offer = await this.locked(tx, id);
      await this.access.assertActsForHousehold(tx, offer);
      if (offer.status === ProduceOfferStatus.WITHDRAWN)
        throw new AppError(ProduceErrorCode.OFFER_NOT_OPEN, 'The offer is already withdrawn', { status: offer.status });
      const commitments = await this.db
        .repo(tx, ProduceCommitment)
        .find({ where: { offerId: offer.id }, lock: { mode: 'pessimistic_write' } });
      const accepted = commitments.filter((c) => c.status === ProduceCommitmentStatus.ACCEPTED);
      if (accepted.length) {
        throw new AppError(
          ProduceErrorCode.OFFER_HAS_ACCEPTED_COMMITMENTS,
          'Accepted commitments are waiting to be received; they cannot be withdrawn',
          { commitmentIds: accepted.map((c) => c.id) },
        );
      }
      const why = text(reason, 'reason', 500) || '农户撤回供货';
      for (const c of commitments.filter((x) => x.status === ProduceCommitmentStatus.PROPOSED)) {
        await this.db.repo(tx, ProduceCommitment).update(
          { id: c.id },
          {
            status: ProduceCommitmentStatus.CANCELLED,
            declineReason: why,
            decidedAt: new Date(),
            decidedByUserId: tx.userId,
          },
        );
        await this.db
          .manager(tx)
          .query(
            `INSERT INTO produce_commitment_history (commitment_id, from_status, to_status, actor_user_id, reason) VALUES ($1, 'PROPOSED', 'CANCELLED', $2, $3)`,
            [c.id, tx.userId, why],
          );
        await this.notifier.toOrganization(tx, c.supplierId, {
          kind: 'PRODUCE_OFFER_WITHDRAWN',
          title: `农户已撤回供货：${offer.cropName}`,
          body: why,
          data: { offerId: offer.id, commitmentId: c.id },
        });
      }
      await this.db.manager(tx).query(
        `UPDATE produce_offer SET status = 'WITHDRAWN', withdrawn_reason = $2, updated_at = now(),
                committed_quantity = committed_quantity - $3 WHERE id = $1`,
        [
          offer.id,
          why,
          commitments.filter((x) => x.status === ProduceCommitmentStatus.PROPOSED).reduce((a, c) => a + c.quantity, 0),
        ],
      );
      return this.present(await this.db.repo(tx, ProduceOffer).findOneByOrFail({ id: offer.id }));
    });
  }

  /** The farmer's own household's offers, newest first (at most 200). */
  async mine(ctx: RequestContext, status?: ProduceOfferStatus | null): Promise<ProduceOffer[]> {
    const own = await this.access.ownHousehold(ctx);
    const qb = this.db
      .repo(ctx, ProduceOffer)
      .createQueryBuilder('o')
      .where('o.household_id = :h', { h: own.id })
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(200);
    if (status) qb.andWhere(`${SQL_OFFER_STATUS('o')} = :status`, { status });
    return (await qb.getMany()).map((o) => this.present(o));
  }

  /** Offers in the caller's scope (in SQL), newest first, as a Relay connection. */
  async list(
    ctx: RequestContext,
    filter: ProduceOfferFilter = {},
    { first, after }: PageArgs,
  ): Promise<Connection<ProduceOffer>> {
    const qb = this.db.repo(ctx, ProduceOffer).createQueryBuilder('o');
    const scope = await this.access.offerScope(ctx);
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (filter.regionCode)
      qb.andWhere('o.village_code LIKE :fRegion', { fRegion: `${normalizePrefix(filter.regionCode)}%` });
    if (filter.status) qb.andWhere(`${SQL_OFFER_STATUS('o')} = :fStatus`, { fStatus: filter.status });
    if (filter.cropName?.trim())
      qb.andWhere(`o.crop_name ILIKE :fCrop ESCAPE '\\'`, {
        fCrop: `%${filter.cropName.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    if (filter.householdId) {
      if (!isUuid(filter.householdId)) throw badInput('householdId is not an id', { field: 'householdId' });
      qb.andWhere('o.household_id = :fHousehold', { fHousehold: filter.householdId });
    }
    return newestFirstPage(qb, { first, after }, (rows) => rows.map((o) => this.present(o)));
  }

  /** One offer if in the caller's scope, else null (its existence does not leak). */
  async find(ctx: RequestContext, id: string): Promise<ProduceOffer | null> {
    if (!isUuid(id)) return null;
    const qb = this.db.repo(ctx, ProduceOffer).createQueryBuilder('o').where('o.id = :id', { id });
    const scope = await this.access.offerScope(ctx);
    if (scope) qb.andWhere(scope.sql, scope.params);
    const o = await qb.getOne();
    return o ? this.present(o) : null;
  }

  /** Offers by id without a scope check (for field resolvers of rows the caller already may see). */
  async byIds(ctx: RequestContext, ids: string[]): Promise<ProduceOffer[]> {
    const wanted = ids.filter((x) => isUuid(x));
    if (!wanted.length) return [];
    const rows = await this.db
      .repo(ctx, ProduceOffer)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids::uuid[])', { ids: wanted })
      .getMany();
    return rows.map((o) => this.present(o));
  }

  async locked(ctx: RequestContext, id: string): Promise<ProduceOffer> {
    return lockRow(this.db, ctx, ProduceOffer, id, 'ProduceOffer');
  }

  present(o: ProduceOffer): ProduceOffer {
    return Object.assign(new ProduceOffer(), o, { status: effectiveOfferStatus(o) });
  }

  private async validate(ctx: RequestContext, input: CreateProduceOfferInput) {
    if (input.categoryId) await this.categories.require(ctx, input.categoryId);
    return {
      cropName: text(input.cropName, 'cropName', 50, 1),
      categoryId: input.categoryId ?? null,
      variety: text(input.variety, 'variety', 50),
      quantity: assertQuantity(input.quantity),
      availableFrom: assertDate(input.availableFrom, 'availableFrom'),
      availableUntil: assertDate(input.availableUntil, 'availableUntil'),
      askingPrice: assertMoney(input.askingPrice, 'askingPrice'),
      note: text(input.note, 'note', 1000),
      imageKeys: assertImageKeys(input.imageKeys),
    };
  }
}
