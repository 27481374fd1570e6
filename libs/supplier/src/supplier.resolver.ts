import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, PUBLIC, type RequestContext, Role } from '@bangfu/core';
import { Region, RegionService } from '@bangfu/region';
import { AdmissionAction } from './admission';
import { HouseholdService } from './household.service';
import { SupplierService } from './supplier.service';
import {
  ApplyAsSupplierInput,
  SupplierCommentArgs,
  SupplierFilter,
  SupplierHistoryEntry,
  SupplierReasonArgs,
  SupplierView,
} from './supplier.types';

@Resolver(() => SupplierView)
export class SupplierResolver {
  constructor(
    private readonly supplierService: SupplierService,
    private readonly householdService: HouseholdService,
    private readonly regions: RegionService,
  ) {}

  @Mutation(() => SupplierView, {
    description: 'Apply for admission (供应商准入): creates the supplier organisation with you as its SUPPLIER_ADMIN',
  })
  @Allow(AUTHENTICATED)
  applyAsSupplier(@Ctx() ctx: RequestContext, @Args('input') input: ApplyAsSupplierInput): Promise<SupplierView> {
    return this.supplierService.apply(ctx, input);
  }

  @Mutation(() => SupplierView, { description: 'County coordinator: APPLIED → RECOMMENDED' })
  @Allow(Role.COORDINATOR)
  recommendSupplier(@Ctx() ctx: RequestContext, @Args() { supplierId, comment }: SupplierCommentArgs) {
    return this.supplierService.transition(ctx, supplierId, AdmissionAction.RECOMMEND, comment);
  }

  @Mutation(() => SupplierView, { description: 'Platform admin: RECOMMENDED → APPROVED' })
  @Allow(Role.PLATFORM_ADMIN)
  approveSupplier(@Ctx() ctx: RequestContext, @Args() { supplierId, comment }: SupplierCommentArgs) {
    return this.supplierService.transition(ctx, supplierId, AdmissionAction.APPROVE, comment);
  }

  @Mutation(() => SupplierView, { description: 'Coordinator (APPLIED) or platform admin (RECOMMENDED) → REJECTED' })
  @Allow(Role.COORDINATOR, Role.PLATFORM_ADMIN)
  rejectSupplier(@Ctx() ctx: RequestContext, @Args() { supplierId, reason }: SupplierReasonArgs) {
    return this.supplierService.transition(ctx, supplierId, AdmissionAction.REJECT, reason);
  }

  @Mutation(() => SupplierView, { description: 'Platform admin: APPROVED → SUSPENDED' })
  @Allow(Role.PLATFORM_ADMIN)
  suspendSupplier(@Ctx() ctx: RequestContext, @Args() { supplierId, reason }: SupplierReasonArgs) {
    return this.supplierService.transition(ctx, supplierId, AdmissionAction.SUSPEND, reason);
  }

  @Mutation(() => SupplierView, { description: 'Platform admin: SUSPENDED → APPROVED' })
  @Allow(Role.PLATFORM_ADMIN)
  reinstateSupplier(@Ctx() ctx: RequestContext, @Args() { supplierId, comment }: SupplierCommentArgs) {
    return this.supplierService.transition(ctx, supplierId, AdmissionAction.REINSTATE, comment);
  }

  @Mutation(() => SupplierView, { description: 'Platform admin: APPROVED or SUSPENDED → REVOKED' })
  @Allow(Role.PLATFORM_ADMIN)
  revokeSupplier(@Ctx() ctx: RequestContext, @Args() { supplierId, reason }: SupplierReasonArgs) {
    return this.supplierService.transition(ctx, supplierId, AdmissionAction.REVOKE, reason);
  }

  @Query(() => [SupplierView], {
    description:
      'Suppliers in your scope: all (platform admin), your region (coordinator, auditor), your own (supplier staff)',
  })
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR, Role.AUDITOR, Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  suppliers(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => SupplierFilter, nullable: true }) filter?: SupplierFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<SupplierView[]> {
    return this.supplierService.list(ctx, filter ?? {}, first ?? undefined);
  }

  @Query(() => SupplierView, {
    nullable: true,
    description: 'An approved supplier for anyone; others only within your scope',
  })
  @Allow(PUBLIC)
  supplier(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SupplierView | null> {
    return this.supplierService.view(ctx, id);
  }

  @ResolveField(() => Region, { nullable: true, description: 'Registered county' })
  county(@Ctx() ctx: RequestContext, @Parent() s: SupplierView): Promise<Region | null> {
    return this.regions.find(ctx, s.countyCode);
  }

  @ResolveField(() => [Region], { description: 'Source counties (trading agents)' })
  async sourceCounties(@Ctx() ctx: RequestContext, @Parent() s: SupplierView): Promise<Region[]> {
    const rows = await Promise.all(s.sourceCountyCodes.map((code) => this.regions.find(ctx, code)));
    return rows.filter((r): r is Region => r !== null);
  }

  @ResolveField(() => [SupplierHistoryEntry], {
    nullable: true,
    description: 'Admission history; null unless you are its staff, a coordinator/auditor in scope or an admin',
  })
  history(@Ctx() ctx: RequestContext, @Parent() s: SupplierView): Promise<SupplierHistoryEntry[] | null> {
    return s.privileged ? this.supplierService.history(ctx, s.id) : Promise.resolve(null);
  }

  @ResolveField(() => Int, { description: 'Households with a linkage (利益联结) valid today' })
  linkedHouseholdCount(@Ctx() ctx: RequestContext, @Parent() s: SupplierView): Promise<number> {
    return this.householdService.linkedHouseholdCount(ctx, s.id);
  }
}
