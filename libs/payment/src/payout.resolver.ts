import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext, Role } from '@bangfu/core';
import { Payout, PayoutBatch, SupplierPayoutAccount } from './payment.entities';
import { SupplierPayoutAccountInput } from './payment.types';
import { PayoutService } from './payout.service';

export function maskAccountNo(no: string | null): string | null {
  return no ? `****${no.slice(-4)}` : null;
}

@Resolver(() => PayoutBatch)
export class PayoutResolver {
  constructor(private readonly service: PayoutService) {}

  @Mutation(() => SupplierPayoutAccount, {
    description:
      'Where a supplier is paid (its admin: bank account; platform admin: also the Stripe connected account)',
  })
  @Allow(Role.PLATFORM_ADMIN, Role.SUPPLIER_ADMIN)
  async setSupplierPayoutAccount(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => SupplierPayoutAccountInput }) input: SupplierPayoutAccountInput,
  ): Promise<SupplierPayoutAccount> {
    return this.view(ctx, await this.service.setPayoutAccount(ctx, input));
  }

  @Query(() => SupplierPayoutAccount, {
    nullable: true,
    description: 'Bank account numbers are masked except for platform admins',
  })
  @Allow(Role.PLATFORM_ADMIN, Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  async supplierPayoutAccount(
    @Ctx() ctx: RequestContext,
    @Args('supplierId', { type: () => ID }) supplierId: string,
  ): Promise<SupplierPayoutAccount | null> {
    const account = await this.service.payoutAccount(ctx, supplierId);
    return account ? this.view(ctx, account) : null;
  }

  @Mutation(() => PayoutBatch, {
    description: 'Platform admin: pay every supplier its outstanding payable (Stripe Connect, else the bank file)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  createPayoutBatch(@Ctx() ctx: RequestContext): Promise<PayoutBatch> {
    return this.service.createBatch(ctx);
  }

  @Mutation(() => PayoutBatch, {
    description: 'Platform admin: send transfers of a batch still pending (after an outage); never pays twice',
  })
  @Allow(Role.PLATFORM_ADMIN)
  retryPayoutBatch(
    @Ctx() ctx: RequestContext,
    @Args('batchId', { type: () => ID }) batchId: string,
  ): Promise<PayoutBatch> {
    return this.service.process(ctx, batchId);
  }

  @Query(() => PayoutBatch)
  @Allow(Role.PLATFORM_ADMIN)
  payoutBatch(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PayoutBatch> {
    return this.service.batch(ctx, id);
  }

  @Query(() => [PayoutBatch], { description: 'Newest first' })
  @Allow(Role.PLATFORM_ADMIN)
  payoutBatches(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<PayoutBatch[]> {
    return this.service.batches(ctx, first ?? 20);
  }

  @ResolveField(() => [Payout])
  payouts(@Ctx() ctx: RequestContext, @Parent() batch: PayoutBatch): Promise<Payout[]> {
    return this.service.payouts(ctx, batch.id);
  }

  @ResolveField(() => [ID], {
    description: 'Suppliers owed money but without a payout account (only when the batch was created)',
  })
  skippedSupplierIds(@Parent() batch: PayoutBatch & { skippedSupplierIds?: string[] }): string[] {
    return batch.skippedSupplierIds ?? [];
  }

  @ResolveField(() => String, { description: 'The bank payout file (platform admin, bearer token)' })
  csvUrl(@Parent() batch: PayoutBatch): string {
    return `/api/payouts/${batch.id}.csv`;
  }

  private view(ctx: RequestContext, a: SupplierPayoutAccount): SupplierPayoutAccount {
    if (ctx.requirePrincipal().hasRole(Role.PLATFORM_ADMIN)) return a;
    return Object.assign(new SupplierPayoutAccount(), a, { bankAccountNo: maskAccountNo(a.bankAccountNo) });
  }
}
