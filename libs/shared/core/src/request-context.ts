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
    return [...new Set(this.memberships.filter((m) => m.organizationId && (roles.length === 0 || roles.includes(m.role))).map((m) => m.organizationId))];
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
  ) {}

  static anonymous(requestId: string = randomUUID()): RequestContext {
    return new RequestContext(requestId, null);
  }

  /** For jobs, migrations and seeding: a context with no user. */
  static system(label = 'system'): RequestContext {
    return new RequestContext(`${label}-${randomUUID()}`, null);
  }

  withPrincipal(principal: Principal | null): RequestContext {
    return new RequestContext(this.requestId, principal, this.ip, this.em);
  }

  withManager(em: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.principal, this.ip, em);
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
