import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, type Connection, Ctx, PageArgs, type RequestContext, Role } from '@bangfu/core';
import { SuspensionProposalStatus } from './suspension-proposal.entities';
import { SupplierSuspensionProposalService } from './suspension-proposal.service';
import {
  SupplierSuspensionProposalConnection,
  SupplierSuspensionProposalView,
  SuspensionDecision,
} from './suspension-proposal.types';

@Resolver()
export class SupplierSuspensionProposalResolver {
  constructor(private readonly proposals: SupplierSuspensionProposalService) {}

  @Query(() => SupplierSuspensionProposalConnection, {
    description: 'Platform admin: proposals to suspend suppliers (动态退出), newest first',
  })
  @Allow(Role.PLATFORM_ADMIN)
  supplierSuspensionProposals(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('status', { type: () => SuspensionProposalStatus, nullable: true }) status: SuspensionProposalStatus | null,
  ): Promise<Connection<SupplierSuspensionProposalView>> {
    return this.proposals.list(ctx, status, page);
  }

  @Mutation(() => SupplierSuspensionProposalView, {
    description:
      'Platform admin: ACCEPT suspends the supplier (APPROVED → SUSPENDED), REJECT closes the proposal; a reason is required',
  })
  @Allow(Role.PLATFORM_ADMIN)
  decideSupplierSuspensionProposal(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => SuspensionDecision }) decision: SuspensionDecision,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<SupplierSuspensionProposalView> {
    return this.proposals.decide(ctx, id, decision, reason);
  }
}
