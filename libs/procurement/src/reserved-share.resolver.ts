import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, CommentArgs, Ctx, ReasonArgs, type RequestContext, Role } from '@bangfu/core';
import { CompletionService } from './completion.service';
import { checkYear } from './dates';
import { FilingService } from './filing.service';
import {
  JurisdictionMinimum,
  JurisdictionStaffPurchases,
  ReservedShareAmendment,
  ReservedShareExemption,
  ReservedShareFiling,
} from './procurement.entities';
import {
  AmendReservedShareInput,
  CatererAccountInput,
  ExemptionFilter,
  FileReservedShareInput,
  RequestExemptionInput,
  ReservedShare,
  UnitCompletion,
} from './procurement.types';
import { UNIT_READERS } from './access';
import { ShareRulesService } from './share-rules.service';

@Resolver(() => ReservedShareFiling)
export class ReservedShareResolver {
  constructor(
    private readonly filings: FilingService,
    private readonly rules: ShareRulesService,
    private readonly completion: CompletionService,
  ) {}

  @Query(() => ReservedShare, {
    description: '预留份额 of a unit for a year: reserved, counted, pending, completion and the monthly series',
  })
  @Allow(...UNIT_READERS)
  reservedShare(
    @Ctx() ctx: RequestContext,
    @Args('orgId', { type: () => ID }) orgId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<ReservedShare> {
    return this.completion.reservedShare(ctx, orgId, year);
  }

  @Query(() => [ReservedShareFiling], { description: 'Every filing of the unit (or covering it), newest year first' })
  @Allow(...UNIT_READERS)
  reservedShareFilings(
    @Ctx() ctx: RequestContext,
    @Args('orgId', { type: () => ID }) orgId: string,
  ): Promise<ReservedShareFiling[]> {
    return this.filings.listForUnit(ctx, orgId);
  }

  @Query(() => [UnitCompletion], {
    description: 'AGENCY_ADMIN: the units below one you administer, ranked by completion',
  })
  @Allow(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  subordinateCompletion(
    @Ctx() ctx: RequestContext,
    @Args('orgId', { type: () => ID }) orgId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<UnitCompletion[]> {
    return this.completion.subordinateCompletion(ctx, orgId, year);
  }

  @Query(() => [UnitCompletion], {
    description: 'Coordinators and auditors: every unit in a region of your scope, ranked by completion',
  })
  @Allow(Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  regionCompletion(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String }) regionCode: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<UnitCompletion[]> {
    return this.completion.regionCompletion(ctx, regionCode, year);
  }

  @Query(() => [JurisdictionMinimum], {
    description: 'Minimum reserved ratios set by province or city (elsewhere 10%)',
  })
  @Allow(AUTHENTICATED)
  jurisdictionMinimums(@Ctx() ctx: RequestContext): Promise<JurisdictionMinimum[]> {
    return this.rules.listMinimums(ctx);
  }

  @Query(() => [JurisdictionStaffPurchases], {
    description: 'Where staff purchases with their own money count toward units’ completion (elsewhere they do not)',
  })
  @Allow(AUTHENTICATED)
  jurisdictionStaffPurchases(@Ctx() ctx: RequestContext): Promise<JurisdictionStaffPurchases[]> {
    return this.rules.listStaffPurchaseRules(ctx);
  }

  @Query(() => String, { description: 'The filing deadline of a year (default March 31, Asia/Shanghai)' })
  @Allow(AUTHENTICATED)
  filingDeadline(@Ctx() ctx: RequestContext, @Args('year', { type: () => Int }) year: number): Promise<string> {
    return this.rules.deadlineFor(ctx, checkYear(year));
  }

  @Query(() => [ReservedShareExemption], {
    description: 'Exemptions in your scope (coordinators: your region; admins: your units)',
  })
  @Allow(Role.AGENCY_ADMIN, Role.COORDINATOR, Role.AUDITOR, Role.PLATFORM_ADMIN)
  reservedShareExemptions(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => ExemptionFilter, nullable: true }) filter?: ExemptionFilter | null,
  ): Promise<ReservedShareExemption[]> {
    return this.rules.listExemptions(ctx, filter ?? {});
  }

  @Mutation(() => JurisdictionMinimum, {
    description: 'Platform admin: the minimum ratio of a province or city (most specific prefix wins)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  setJurisdictionMinimum(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String }) regionCode: string,
    @Args('ratioBps', { type: () => Int }) ratioBps: number,
  ): Promise<JurisdictionMinimum> {
    return this.rules.setMinimum(ctx, regionCode, ratioBps);
  }

  @Mutation(() => JurisdictionStaffPurchases, {
    description:
      'Platform admin: whether staff purchases with their own money count toward units’ completion in a province or city (always reported separately as staffAmount)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  setJurisdictionStaffPurchases(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { type: () => String }) regionCode: string,
    @Args('staffPurchasesCount', { type: () => Boolean }) staffPurchasesCount: boolean,
  ): Promise<JurisdictionStaffPurchases> {
    return this.rules.setStaffPurchasesCount(ctx, regionCode, staffPurchasesCount);
  }

  @Mutation(() => String, {
    description: 'Platform admin: the filing deadline of a year (YYYY-MM-DD, inclusive, Asia/Shanghai)',
  })
  @Allow(Role.PLATFORM_ADMIN)
  setFilingDeadline(
    @Ctx() ctx: RequestContext,
    @Args('year', { type: () => Int }) year: number,
    @Args('deadline', { type: () => String }) deadline: string,
  ): Promise<string> {
    return this.rules.setDeadline(ctx, year, deadline);
  }

  @Mutation(() => ReservedShareFiling, {
    description: 'AGENCY_ADMIN: file the unit’s reserved share for a year (once; amend afterwards)',
  })
  @Allow(Role.AGENCY_ADMIN)
  fileReservedShare(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => FileReservedShareInput }) input: FileReservedShareInput,
  ): Promise<ReservedShareFiling> {
    return this.filings.file(ctx, input);
  }

  @Mutation(() => ReservedShareFiling, {
    description: 'AGENCY_ADMIN: change a filing; the previous version is kept with the reason',
  })
  @Allow(Role.AGENCY_ADMIN)
  amendReservedShare(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => AmendReservedShareInput }) input: AmendReservedShareInput,
  ): Promise<ReservedShareFiling> {
    return this.filings.amend(ctx, input);
  }

  @Mutation(() => ReservedShareExemption, {
    description: 'AGENCY_ADMIN: ask to file a ratio below the jurisdiction minimum',
  })
  @Allow(Role.AGENCY_ADMIN)
  requestExemption(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => RequestExemptionInput }) input: RequestExemptionInput,
  ): Promise<ReservedShareExemption> {
    return this.rules.requestExemption(ctx, input);
  }

  @Mutation(() => ReservedShareExemption, { description: 'Coordinator of the unit’s region: approve an exemption' })
  @Allow(Role.COORDINATOR)
  approveExemption(@Ctx() ctx: RequestContext, @Args() { id, comment }: CommentArgs): Promise<ReservedShareExemption> {
    return this.rules.decideExemption(ctx, id, true, comment ?? null);
  }

  @Mutation(() => ReservedShareExemption, { description: 'Coordinator of the unit’s region: reject an exemption' })
  @Allow(Role.COORDINATOR)
  rejectExemption(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<ReservedShareExemption> {
    return this.rules.decideExemption(ctx, id, false, reason);
  }

  @Mutation(() => ReservedShareFiling, {
    description: 'AGENCY_ADMIN: the caterer’s own PURCHASER account under the unit (OUTSOURCED canteens)',
  })
  @Allow(Role.AGENCY_ADMIN)
  createCatererAccount(
    @Ctx() ctx: RequestContext,
    @Args('filingId', { type: () => ID }) filingId: string,
    @Args('input', { type: () => CatererAccountInput }) input: CatererAccountInput,
  ): Promise<ReservedShareFiling> {
    return this.filings.createCatererAccount(ctx, filingId, input);
  }

  @ResolveField(() => [ID], {
    description: 'The units this filing covers: the filer first, then the units sharing its canteen',
  })
  coveredOrgIds(@Ctx() ctx: RequestContext, @Parent() filing: ReservedShareFiling): Promise<string[]> {
    return this.filings.coveredOrgIds(ctx, filing);
  }

  @ResolveField(() => [ReservedShareAmendment], {
    description: 'Every version: the filing itself (FILED) and each amendment',
  })
  amendments(@Ctx() ctx: RequestContext, @Parent() filing: ReservedShareFiling): Promise<ReservedShareAmendment[]> {
    return this.filings.amendments(ctx, filing.id);
  }
}

@Resolver(() => ReservedShareAmendment)
export class ReservedShareAmendmentResolver {
  @ResolveField(() => String, { nullable: true, description: 'The filing before this version (JSON)' })
  before(@Parent() a: ReservedShareAmendment): string | null {
    return a.before ? JSON.stringify(a.before) : null;
  }

  @ResolveField(() => String, { description: 'The filing as of this version (JSON)' })
  after(@Parent() a: ReservedShareAmendment): string {
    return JSON.stringify(a.after);
  }
}
