import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PeriodArgs, type RequestContext, Role } from '@bangfu/core';
import { LedgerReportService } from './ledger-report.service';
import { SupplierStatement, TrialBalance } from './ledger.types';

@Resolver()
export class LedgerResolver {
  constructor(private readonly reports: LedgerReportService) {}

  @Query(() => SupplierStatement, {
    description:
      '供应商对账单: the supplier’s payable account over [from, to] (dates are Asia/Shanghai days, `to` inclusive)',
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF, Role.PLATFORM_ADMIN, Role.AUDITOR)
  supplierStatement(
    @Ctx() ctx: RequestContext,
    @Args('supplierId', { type: () => ID }) supplierId: string,
    @Args() { from, to }: PeriodArgs,
  ): Promise<SupplierStatement> {
    return this.reports.supplierStatement(ctx, supplierId, from, to);
  }

  @Query(() => TrialBalance, { description: '试算平衡表 at asOf (a date means the end of that day; default now)' })
  @Allow(Role.PLATFORM_ADMIN, Role.AUDITOR)
  trialBalance(
    @Ctx() ctx: RequestContext,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
  ): Promise<TrialBalance> {
    return this.reports.trialBalance(ctx, asOf);
  }
}
