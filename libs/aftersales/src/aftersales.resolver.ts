import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  batchLoad,
  type Connection,
  Ctx,
  groupBy,
  keyBy,
  PageArgs,
  Paginated,
  type RequestContext,
  Role,
  TRADE_READERS,
} from '@bangfu/core';
import { MoneyScalar } from '@bangfu/money';
import { OrderService } from '@bangfu/ordering';
import { SupplierService } from '@bangfu/supplier';
import { Complaint, ComplaintPhoto, SupplierRating } from './aftersales.entities';
import { ComplaintFilterInput, DecideComplaintInput, OpenComplaintInput, SupplierScorecard } from './aftersales.types';
import { complaintPhotoUrl, ComplaintPhotoService } from './complaint-photo.service';
import { ComplaintService } from './complaint.service';
import { RatingService } from './rating.service';
import { ScorecardService } from './scorecard.service';

export const ComplaintConnection = Paginated(Complaint);

const BUYERS = [Role.CUSTOMER, Role.PURCHASER, Role.AGENCY_ADMIN];

@Resolver(() => Complaint)
export class ComplaintResolver {
  constructor(
    private readonly complaintService: ComplaintService,
    private readonly photoService: ComplaintPhotoService,
    private readonly orders: OrderService,
    private readonly suppliers: SupplierService,
  ) {}

  @Query(() => ComplaintConnection, {
    description:
      'Complaints you may read: your own (buyer), your supplier’s, your region’s (coordinator, auditor); newest first',
  })
  @Allow(...TRADE_READERS)
  complaints(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ComplaintFilterInput, nullable: true }) filter: ComplaintFilterInput | null,
  ): Promise<Connection<Complaint>> {
    return this.complaintService.list(ctx, filter ?? {}, page);
  }

  @Query(() => Complaint)
  @Allow(...TRADE_READERS)
  complaint(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Complaint> {
    return this.complaintService.get(ctx, id);
  }

  @Mutation(() => Complaint, {
    description:
      'Buyer: complain about a delivered supplier order (then add photos: POST /files/complaints/:id/photos)',
  })
  @Allow(...BUYERS)
  openComplaint(@Ctx() ctx: RequestContext, @Args('input') input: OpenComplaintInput): Promise<Complaint> {
    return this.complaintService.open(ctx, input);
  }

  @Mutation(() => Complaint, { description: "Supplier staff: answer a complaint about your supplier's order" })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  answerComplaint(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('answer') answer: string,
  ): Promise<Complaint> {
    return this.complaintService.answer(ctx, id, answer);
  }

  @Mutation(() => Complaint, {
    description:
      "County coordinator (or platform admin): uphold with a refund through the payment's refund path, or reject, with a reason",
  })
  @Allow(Role.COORDINATOR, Role.PLATFORM_ADMIN)
  decideComplaint(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: DecideComplaintInput,
  ): Promise<Complaint> {
    return this.complaintService.decide(ctx, id, input);
  }

  @ResolveField(() => [ComplaintPhoto])
  async photos(@Ctx() ctx: RequestContext, @Parent() c: Complaint): Promise<ComplaintPhoto[]> {
    const photos = await batchLoad(ctx, 'complaint.photos', c.id, async (cc, ids: string[]) =>
      groupBy(await this.photoService.list(cc, ids), (p) => p.complaintId),
    );
    return photos ?? [];
  }

  @ResolveField(() => String)
  async orderNo(@Ctx() ctx: RequestContext, @Parent() c: Complaint): Promise<string> {
    return (await this.orders.get(ctx, c.orderId)).orderNo;
  }

  @ResolveField(() => String, { nullable: true })
  async supplierName(@Ctx() ctx: RequestContext, @Parent() c: Complaint): Promise<string | null> {
    const supplier = await batchLoad(ctx, 'complaint.supplier', c.supplierId, async (cc, ids: string[]) =>
      keyBy(await this.suppliers.viewsByIds(cc, ids), (s) => s.id),
    );
    return supplier?.name ?? null;
  }

  @ResolveField(() => MoneyScalar, {
    description:
      "What is left to refund of the complained supplier order's lines (fen): the default refund when upheld",
  })
  async refundableAmount(@Ctx() ctx: RequestContext, @Parent() c: Complaint): Promise<number> {
    const lines = await this.orders.lines(ctx, c.orderId);
    return lines
      .filter((l) => l.supplierOrderId === c.supplierOrderId)
      .reduce((sum, l) => sum + l.lineTotal - l.refundedAmount, 0);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether you may decide it (a coordinator of its county, or a platform admin)',
  })
  canDecide(@Ctx() ctx: RequestContext, @Parent() c: Complaint): boolean {
    return this.complaintService.canDecide(ctx, c);
  }
}

@Resolver(() => ComplaintPhoto)
export class ComplaintPhotoResolver {
  @ResolveField(() => String, { description: 'Download with your Bearer token' })
  url(@Parent() p: ComplaintPhoto): string {
    return complaintPhotoUrl(p);
  }
}

@Resolver(() => SupplierRating)
export class RatingResolver {
  constructor(
    private readonly ratings: RatingService,
    private readonly scorecards: ScorecardService,
  ) {}

  @Mutation(() => SupplierRating, {
    description: 'Buyer: rate a delivered supplier order once (score 1–5, optional comment)',
  })
  @Allow(...BUYERS)
  rateSupplierOrder(
    @Ctx() ctx: RequestContext,
    @Args('supplierOrderId', { type: () => ID }) supplierOrderId: string,
    @Args('score', { type: () => Int }) score: number,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
  ): Promise<SupplierRating> {
    return this.ratings.rate(ctx, { supplierOrderId, score, comment });
  }

  @Query(() => [SupplierRating], {
    description:
      'Ratings of an order’s supplier orders: all for its buyer side and platform admins, a supplier’s own for its staff',
  })
  @Allow(...TRADE_READERS)
  orderRatings(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
  ): Promise<SupplierRating[]> {
    return this.ratings.forOrder(ctx, orderId);
  }

  @Query(() => SupplierScorecard, {
    description:
      'Rating, complaint rate, upheld complaints, on-time shipping (the supplier, its county’s coordinators and auditors, buyers, admins)',
  })
  @Allow(...TRADE_READERS)
  supplierScorecard(
    @Ctx() ctx: RequestContext,
    @Args('supplierId', { type: () => ID }) supplierId: string,
  ): Promise<SupplierScorecard> {
    return this.scorecards.scorecard(ctx, supplierId);
  }
}
