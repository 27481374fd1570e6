import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { ALLOW_KEY, type Permission, RequestContext, type RequestWithContext } from '@bangfu/core';
import { AuditService } from './audit.service';
import { actorOf, type AuditKind, OperationAudit } from './operation-audit';
import { redact } from './redact';

/**
 * GET downloads that are audited reads: exports and payout files leave the platform with data in them.
 * Tested against the route's pattern, so a route serving several formats (`orders.:format`) counts too.
 */
const AUDITED_GET = /(^|\/)(exports?)\/|\.(csv|xlsx|:format)$/;

interface HttpRequest extends RequestWithContext {
  method: string;
  route?: { path?: string };
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * Opens the audit scope of every root mutation field and every audited REST call (every non-GET,
 * GET exports). It does not open a transaction: the services' own `db.transaction(ctx, …)` calls
 * carry the scope and append the event last before their COMMIT (AuditService.onCommit), so
 * services that commit in steps on purpose (payOrder) keep their steps, each with its event.
 * Queries are not touched: no cost on reads.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const target = this.operationOf(context);
    if (!target) return next.handle();
    const { req, kind, operation, args, read } = target;
    const base = req.ctx ?? RequestContext.anonymous();
    const allowed = this.reflector.getAllAndOverride<Permission[] | undefined>(ALLOW_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const scope = new OperationAudit(kind, operation, redact(args), actorOf(base.principal, allowed), read);
    // @Ctx() reads req.ctx after the interceptors ran, so the handler's context carries the scope.
    req.ctx = base.withAudit(scope);
    const run = async () => {
      let result: unknown;
      try {
        result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      } catch (e) {
        req.ctx = base;
        await this.audit.finish(base, scope, undefined, e);
        throw e;
      }
      req.ctx = base;
      await this.audit.finish(base, scope, result, undefined);
      return result;
    };
    return from(run());
  }

  private operationOf(
    context: ExecutionContext,
  ): { req: RequestWithContext; kind: AuditKind; operation: string; args: unknown; read: boolean } | null {
    const type = context.getType<string>();
    if (type === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      if (info?.parentType?.name !== 'Mutation') return null;
      const req = gql.getContext<{ req?: RequestWithContext }>().req;
      return req ? { req, kind: 'GRAPHQL', operation: info.fieldName, args: gql.getArgs(), read: false } : null;
    }
    if (type !== 'http') return null;
    const req = context.switchToHttp().getRequest<HttpRequest>();
    // The route's pattern names the operation, with the format asked for (`orders.xlsx`, not `orders.:format`).
    const format = req.params?.format;
    const route = req.route?.path ?? '';
    const path = format === 'csv' || format === 'xlsx' ? route.replace(/:format$/, format) : route;
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && !AUDITED_GET.test(route)) return null;
    const body = read || !req.body || typeof req.body !== 'object' ? undefined : req.body;
    return {
      req,
      kind: 'REST',
      operation: `${req.method} ${path}`,
      args: { params: req.params, query: req.query, body },
      read,
    };
  }
}
