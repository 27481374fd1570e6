import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, badInput, type Connection, Ctx, PageArgs, type RequestContext, Role } from '@bangfu/core';
import { parseInstant } from '@bangfu/ledger';
import { AuditChainService } from './audit-chain.service';
import { AuditQueryService } from './audit-query.service';
import {
  AuditChainStatus,
  AuditChainVerification,
  type AuditEvent,
  AuditEventConnection,
  AuditEventFilter,
} from './audit.types';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly events: AuditQueryService,
    private readonly chain: AuditChainService,
  ) {}

  @Query(() => AuditEventConnection, {
    description: '审计日志: platform admins see all events, auditors those in their region; newest first',
  })
  @Allow(Role.PLATFORM_ADMIN, Role.AUDITOR)
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AuditEventFilter, nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<Connection<AuditEvent>> {
    return this.events.list(ctx, filter, page);
  }

  @Query(() => AuditChainVerification, {
    description:
      'Recomputes the hash chain over [from, to] (dates are Asia/Shanghai days, inclusive; default: all of it)',
  })
  @Allow(Role.PLATFORM_ADMIN, Role.AUDITOR)
  verifyAuditChain(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => String, nullable: true }) from?: string | null,
    @Args('to', { type: () => String, nullable: true }) to?: string | null,
  ): Promise<AuditChainVerification> {
    const start = from ? parseInstant(from, 'start', 'from') : new Date(0);
    const end = to ? parseInstant(to, 'end', 'to') : new Date(Date.now() + 86_400_000);
    if (end <= start) throw badInput('to must be after from', { field: 'to' });
    return this.chain.verify(ctx, start, end);
  }

  @Query(() => AuditChainStatus, { description: 'The chain head and the latest published daily checkpoints' })
  @Allow(Role.PLATFORM_ADMIN, Role.AUDITOR)
  auditChainStatus(@Ctx() ctx: RequestContext): Promise<AuditChainStatus> {
    return this.chain.status(ctx);
  }
}
