import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, batchLoad, Ctx, groupBy, keyBy, ReasonArgs, type RequestContext, Role } from '@bangfu/core';
import { MoneyScalar } from '@bangfu/money';
import { SupplierService } from '@bangfu/supplier';
import { CommitmentService } from './commitment.service';
import { OfferService } from './offer.service';
import {
  ProduceCommitment,
  ProduceCommitmentStatus,
  ProduceOffer,
  ProducePayment,
  ProducePaymentMethod,
  ProduceReceipt,
} from './produce.entities';
import { exactAmount } from './produce.rules';
import {
  type CommitOutcome,
  CommitToProduceOfferResult,
  NewLotInput,
  type ReceiptOutcome,
  RecordProduceReceiptResult,
} from './produce.types';
import { ReceiptService } from './receipt.service';

const STAFF = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];
const SCOPED_READERS = [Role.FARMER, ...STAFF, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN];

@Resolver(() => ProduceCommitment)
export class CommitmentResolver {
  constructor(
    private readonly commitments: CommitmentService,
    private readonly offers: OfferService,
    private readonly receipts: ReceiptService,
    private readonly suppliers: SupplierService,
  ) {}

  @Mutation(() => CommitToProduceOfferResult, {
    description: 'A linked supplier commits to buy part of an offer; the farmer then accepts or declines',
  })
  @Allow(...STAFF)
  commitToProduceOffer(
    @Ctx() ctx: RequestContext,
    @Args('offerId', { type: () => ID }) offerId: string,
    @Args('quantity', { type: () => Int }) quantity: number,
    @Args('unitPrice', { type: () => MoneyScalar, description: 'Fen per unit' }) unitPrice: number,
    @Args('pickupDate', { type: () => String, description: 'YYYY-MM-DD, from today to the offer’s last day' })
    pickupDate: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
    @Args('supplierId', { type: () => ID, nullable: true, description: 'When you work for several suppliers' })
    supplierId?: string | null,
  ): Promise<CommitOutcome> {
    return this.commitments.commit(ctx, { offerId, quantity, unitPrice, pickupDate, note, supplierId });
  }

  @Mutation(() => ProduceCommitment, {
    description: 'The farmer (or the coordinator who assisted the offer) accepts a PROPOSED commitment',
  })
  @Allow(Role.FARMER, Role.COORDINATOR)
  acceptProduceCommitment(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProduceCommitment> {
    return this.commitments.accept(ctx, id);
  }

  @Mutation(() => ProduceCommitment, {
    description: 'The farmer declines a PROPOSED commitment; its quantity returns to the offer',
  })
  @Allow(Role.FARMER, Role.COORDINATOR)
  declineProduceCommitment(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<ProduceCommitment> {
    return this.commitments.decline(ctx, id, reason);
  }

  @Mutation(() => ProduceCommitment, {
    description: 'The supplier takes back a commitment the farmer has not accepted yet',
  })
  @Allow(...STAFF)
  cancelProduceCommitment(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<ProduceCommitment> {
    return this.commitments.cancel(ctx, id, reason);
  }

  @Mutation(() => RecordProduceReceiptResult, {
    description:
      'The supplier receives an ACCEPTED commitment into a lot (lotId, or newLot as in createLot): the quantity becomes the household’s contribution and the lot’s stock rises',
  })
  @Allow(...STAFF)
  recordProduceReceipt(
    @Ctx() ctx: RequestContext,
    @Args('commitmentId', { type: () => ID }) commitmentId: string,
    @Args('quantity', {
      type: () => Int,
      description: 'Received, in the offer’s unit; less than committed is a short delivery',
    })
    quantity: number,
    @Args('lotId', { type: () => ID, nullable: true }) lotId?: string | null,
    @Args('newLot', { type: () => NewLotInput, nullable: true }) newLot?: NewLotInput | null,
    @Args('lotQuantity', {
      type: () => Int,
      nullable: true,
      description: 'Units into the lot when the variant’s unit differs from the offer’s (122 箱 for 1,220 斤)',
    })
    lotQuantity?: number | null,
    @Args('householdConfirmation', {
      type: () => String,
      nullable: true,
      description: 'How the household confirmed (required for assisted offers), e.g. 户主签字',
    })
    householdConfirmation?: string | null,
  ): Promise<ReceiptOutcome> {
    return this.receipts.record(ctx, { commitmentId, quantity, lotId, newLot, lotQuantity, householdConfirmation });
  }

  @Mutation(() => ProducePayment, {
    description: 'The supplier records paying the household for a receipt (amount = received × unit price)',
  })
  @Allow(...STAFF)
  recordProducePayment(
    @Ctx() ctx: RequestContext,
    @Args('receiptId', { type: () => ID }) receiptId: string,
    @Args('method', { type: () => ProducePaymentMethod }) method: ProducePaymentMethod,
    @Args('reference', { type: () => String }) reference: string,
    @Args('paidOn', { type: () => String, nullable: true, description: 'YYYY-MM-DD, default today' })
    paidOn?: string | null,
  ): Promise<ProducePayment> {
    return this.receipts.recordPayment(ctx, receiptId, method, reference, paidOn);
  }

  @Mutation(() => ProduceReceipt, { description: 'The farmer confirms a receipt from its own login' })
  @Allow(Role.FARMER)
  confirmProduceReceipt(
    @Ctx() ctx: RequestContext,
    @Args('receiptId', { type: () => ID }) receiptId: string,
  ): Promise<ProduceReceipt> {
    return this.receipts.confirm(ctx, receiptId);
  }

  @Query(() => [ProduceCommitment], { description: 'Commitments in your scope, newest first (at most 200)' })
  @Allow(...SCOPED_READERS)
  produceCommitments(
    @Ctx() ctx: RequestContext,
    @Args('offerId', { type: () => ID, nullable: true }) offerId?: string | null,
    @Args('status', { type: () => ProduceCommitmentStatus, nullable: true }) status?: ProduceCommitmentStatus | null,
  ): Promise<ProduceCommitment[]> {
    return this.commitments.list(ctx, { offerId, status });
  }

  @Query(() => [ProduceReceipt], { description: 'Receipts in your scope, newest first (at most 500)' })
  @Allow(...SCOPED_READERS)
  produceReceipts(
    @Ctx() ctx: RequestContext,
    @Args('month', { type: () => String, nullable: true, description: 'YYYY-MM' }) month?: string | null,
    @Args('offerId', { type: () => ID, nullable: true }) offerId?: string | null,
  ): Promise<ProduceReceipt[]> {
    return this.receipts.list(ctx, { month, offerId });
  }

  @ResolveField(() => ProduceOffer)
  async offer(@Ctx() ctx: RequestContext, @Parent() c: ProduceCommitment): Promise<ProduceOffer> {
    return (await this.offerOf(ctx, c))!;
  }

  @ResolveField(() => String)
  async supplierName(@Ctx() ctx: RequestContext, @Parent() c: ProduceCommitment): Promise<string> {
    const s = await batchLoad(ctx, 'commitment.supplier', c.supplierId, async (cc, ids: string[]) =>
      keyBy(await this.suppliers.viewsByIds(cc, ids), (v) => v.id),
    );
    return s?.name ?? '';
  }

  @ResolveField(() => MoneyScalar, { description: 'quantity × unitPrice' })
  amount(@Parent() c: ProduceCommitment): number {
    return exactAmount(c.quantity, c.unitPrice);
  }

  @ResolveField(() => Boolean, { description: 'The price is below the offer’s asking price' })
  async belowAskingPrice(@Ctx() ctx: RequestContext, @Parent() c: ProduceCommitment): Promise<boolean> {
    const o = await this.offerOf(ctx, c);
    return !!o && c.unitPrice < o.askingPrice;
  }

  @ResolveField(() => ProduceReceipt, { nullable: true })
  async receipt(@Ctx() ctx: RequestContext, @Parent() c: ProduceCommitment): Promise<ProduceReceipt | null> {
    if (c.status !== ProduceCommitmentStatus.RECEIVED) return null;
    const [r] = await this.receipts
      .list(ctx, { offerId: c.offerId })
      .then((rs) => rs.filter((x) => x.commitmentId === c.id));
    return r ?? null;
  }

  /** The commitments' offers in one batch per request (offer and belowAskingPrice share it). */
  private offerOf(ctx: RequestContext, c: ProduceCommitment): Promise<ProduceOffer | undefined> {
    return batchLoad(ctx, 'commitment.offer', c.offerId, async (cc, ids: string[]) =>
      keyBy(await this.offers.byIds(cc, ids), (o) => o.id),
    );
  }
}

@Resolver(() => ProduceReceipt)
export class ReceiptResolver {
  constructor(
    private readonly receipts: ReceiptService,
    private readonly suppliers: SupplierService,
  ) {}

  @ResolveField(() => ProducePayment)
  async payment(@Ctx() ctx: RequestContext, @Parent() r: ProduceReceipt): Promise<ProducePayment> {
    const payments = await batchLoad(ctx, 'receipt.payment', r.id, async (cc, ids: string[]) =>
      groupBy(await this.receipts.paymentsFor(cc, ids), (p) => p.receiptId),
    );
    return payments?.[0] as ProducePayment;
  }

  @ResolveField(() => Int, { description: 'committedQuantity − quantity (0 when delivered in full)' })
  shortfall(@Parent() r: ProduceReceipt): number {
    return r.committedQuantity - r.quantity;
  }

  @ResolveField(() => String)
  async supplierName(@Ctx() ctx: RequestContext, @Parent() r: ProduceReceipt): Promise<string> {
    const s = await batchLoad(ctx, 'receipt.supplier', r.supplierId, async (cc, ids: string[]) =>
      keyBy(await this.suppliers.viewsByIds(cc, ids), (v) => v.id),
    );
    return s?.name ?? '';
  }
}
