import { randomUUID } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from './errors';
import { OrganizationKind, Role } from './roles';

export interface PrincipalMembership {
  organizationId: string;
  organizationKind: OrganizationKind;
  role: Role;
  /** Region code prefix for COORDINATOR/AUDITOR (and the organisation's own region otherwise). */
  regionPrefix: string | null;
}

/** The signed-in user as the guard resolved it for this request. */
export class Principal {
  constructor(
    readonly userId: string,
    readonly displayName: string,
    readonly memberships: readonly PrincipalMembership[],
    /** The sign-in token this request came with (id and expiry, unix seconds), so it can be signed out. */
    readonly token: { id: string; expiresAt: number } | null = null,
  ) {}

  withToken(token: { id: string; expiresAt: number }): Principal {
    return new Principal(this.userId, this.displayName, this.memberships, token);
  }

  get roles(): Role[] {
    return [...new Set(this.memberships.map((m) => m.role))];
  }

  hasRole(...roles: Role[]): boolean {
    return this.memberships.some((m) => roles.includes(m.role));
  }

  /**
   * Organisations the caller belongs to in the given roles (any role when none given). A customer's
   * membership has no organisation: it never contributes an id, so no '' reaches a uuid column in SQL.
   */
  organizationIds(...roles: Role[]): string[] {
    return [
      ...new Set(
        this.memberships
          .filter((m) => m.organizationId && (roles.length === 0 || roles.includes(m.role)))
          .map((m) => m.organizationId),
      ),
    ];
  }

  /** Region prefixes the caller may see in the given roles; empty when none. */
  regionPrefixes(...roles: Role[]): string[] {
    return [
      ...new Set(
        this.memberships
          .filter((m) => roles.includes(m.role) && m.regionPrefix !== null)
          .map((m) => m.regionPrefix as string),
      ),
    ];
  }
}

/** What a service may add to the audit event of the operation it serves (libs/audit writes it). */
export interface AuditNote {
  entityType?: string;
  entityId?: string;
  /** The region the target belongs to, so auditors of that region see the event. */
  regionCode?: string | null;
  /** The changed fields before and after (redacted by the audit lib before writing). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Who acted when the request had no principal yet (a successful login). */
  actorUserId?: string;
}

/**
 * An audited operation in progress (a mutation, an audited REST call), opened by libs/audit's
 * interceptor. Core only carries it: `Db.transaction` hands each outermost transaction to the
 * commit hooks, which append the event in that transaction.
 */
export interface AuditScope {
  note(note: AuditNote): void;
  /** An audited read (an export): it writes only its audit event, so lag-tolerant reads may use a replica. */
  readonly readOnly?: boolean;
}

/**
 * Passed first to every service method (Vendure's pattern): who is asking, which request, and the
 * transaction to run in, so that one mutation is one transaction across services.
 */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly principal: Principal | null,
    readonly ip: string | null = null,
    readonly em: EntityManager | null = null,
    readonly audit: AuditScope | null = null,
    /**
     * The request's DataLoaders by name (see loader.ts). Kept by withPrincipal/withAudit so every field of
     * one request shares them; a transaction's context (withManager) starts its own, so a batch never runs
     * on a finished transaction's manager.
     */
    readonly loaders: Map<string, unknown> = new Map(),
  ) {}

  static anonymous(requestId: string = randomUUID()): RequestContext {
    return new RequestContext(requestId, null);
  }

  /** For jobs, migrations and seeding: a context with no user. */
  static system(label = 'system'): RequestContext {
    return new RequestContext(`${label}-${randomUUID()}`, null);
  }

  withPrincipal(principal: Principal | null): RequestContext {
    return new RequestContext(this.requestId, principal, this.ip, this.em, this.audit, this.loaders);
  }

  withManager(em: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.principal, this.ip, em, this.audit);
  }

  withAudit(audit: AuditScope | null): RequestContext {
    return new RequestContext(this.requestId, this.principal, this.ip, this.em, audit, this.loaders);
  }

  get userId(): string | null {
    return this.principal?.userId ?? null;
  }

  requirePrincipal(): Principal {
    if (!this.principal) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    return this.principal;
  }
}

export interface RequestWithContext {
  ctx?: RequestContext;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

export function requestFromExecution(context: ExecutionContext): RequestWithContext {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithContext }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithContext>();
}

/** Injects the RequestContext into a resolver or controller method. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const req = requestFromExecution(context);
  return req.ctx ?? RequestContext.anonymous();
});
