import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, batchLoad, type Connection, Ctx, keyBy, PageArgs, type RequestContext, Role } from '@bangfu/core';
import { Household, HouseholdService } from '@bangfu/supplier';
import { CommitmentService } from './commitment.service';
import { OfferService } from './offer.service';
import { ProduceCommitment, ProduceOffer, ProduceOfferStatus, ProduceReceipt } from './produce.entities';
import {
  CreateProduceOfferInput,
  ProduceOfferConnection,
  ProduceOfferFilter,
  UpdateProduceOfferInput,
} from './produce.types';
import { ProduceImageService } from './produce-image.service';
import { ReceiptService } from './receipt.service';

const STAFF = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];
const SCOPED_READERS = [Role.FARMER, ...STAFF, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN];

@Resolver(() => ProduceOffer)
export class OfferResolver {
  constructor(
    private readonly offers: OfferService,
    private readonly commitmentService: CommitmentService,
    private readonly receiptService: ReceiptService,
    private readonly households: HouseholdService,
    private readonly images: ProduceImageService,
  ) {}

  @Mutation(() => ProduceOffer, {
    description:
      'A FARMER lists its household’s produce; a county coordinator / town work team lists for a household (householdId, assisted)',
  })
  @Allow(Role.FARMER, Role.COORDINATOR)
  createProduceOffer(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => CreateProduceOfferInput }) input: CreateProduceOfferInput,
  ): Promise<ProduceOffer> {
    return this.offers.create(ctx, input);
  }

  @Mutation(() => ProduceOffer, {
    description: 'Edit an OPEN or PARTLY_COMMITTED offer (the household, or the coordinator who assisted it)',
  })
  @Allow(Role.FARMER, Role.COORDINATOR)
  updateProduceOffer(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateProduceOfferInput }) input: UpdateProduceOfferInput,
  ): Promise<ProduceOffer> {
    return this.offers.update(ctx, id, input);
  }

  @Mutation(() => ProduceOffer, {
    description: 'Withdraw an offer; undecided commitments are cancelled, accepted ones must be received first',
  })
  @Allow(Role.FARMER, Role.COORDINATOR)
  withdrawProduceOffer(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<ProduceOffer> {
    return this.offers.withdraw(ctx, id, reason);
  }

  @Query(() => [ProduceOffer], { description: 'The signed-in farmer’s household’s offers, newest first' })
  @Allow(Role.FARMER)
  myProduceOffers(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => ProduceOfferStatus, nullable: true }) status?: ProduceOfferStatus | null,
  ): Promise<ProduceOffer[]> {
    return this.offers.mine(ctx, status);
  }

  @Query(() => ProduceOfferConnection, {
    description: 'Offers of households linked to your supplier, or in your region (产销对接); newest first',
  })
  @Allow(...SCOPED_READERS)
  produceOffers(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProduceOfferFilter, nullable: true }) filter?: ProduceOfferFilter | null,
  ): Promise<Connection<ProduceOffer>> {
    return this.offers.list(ctx, filter ?? {}, page);
  }

  @Query(() => ProduceOffer, { nullable: true, description: 'One offer, or null outside your scope' })
  @Allow(...SCOPED_READERS)
  produceOffer(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ProduceOffer | null> {
    return this.offers.find(ctx, id);
  }

  @ResolveField(() => Household, { description: 'The household, its head’s name masked unless you may see it' })
  async household(@Ctx() ctx: RequestContext, @Parent() offer: ProduceOffer): Promise<Household> {
    const h = await batchLoad(ctx, 'offer.household', offer.householdId, async (cc, ids: string[]) =>
      keyBy(await this.households.byIds(cc, ids), (x) => x.id),
    );
    return h!;
  }

  @ResolveField(() => [String], { description: 'URLs of the photos (GET /produce-files/<key>), in imageKeys order' })
  imageUrls(@Parent() offer: ProduceOffer): string[] {
    return offer.imageKeys.map((k) => this.images.url(k));
  }

  @ResolveField(() => Int, { description: 'quantity − committedQuantity' })
  availableQuantity(@Parent() offer: ProduceOffer): number {
    return offer.quantity - offer.committedQuantity;
  }

  @ResolveField(() => [ProduceCommitment], {
    description: 'The household and coordinators see all; a supplier its own',
  })
  commitments(@Ctx() ctx: RequestContext, @Parent() offer: ProduceOffer): Promise<ProduceCommitment[]> {
    return this.commitmentService.list(ctx, { offerId: offer.id });
  }

  @ResolveField(() => [ProduceReceipt])
  receipts(@Ctx() ctx: RequestContext, @Parent() offer: ProduceOffer): Promise<ProduceReceipt[]> {
    return this.receiptService.list(ctx, { offerId: offer.id });
  }
}
