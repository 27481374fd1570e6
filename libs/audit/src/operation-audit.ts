import type { AuditNote, AuditScope, Principal, Role } from '@bangfu/core';

export type AuditKind = 'GRAPHQL' | 'REST';

/** Who acted, as the event records it. */
export interface AuditActor {
  userId: string | null;
  orgId: string | null;
  role: string | null;
}

/**
 * One audited operation in progress (a root mutation field, an audited REST call): what it is, who
 * called it, what services noted about its target, and which outcomes were already written, so the
 * interceptor knows whether the end of the operation still needs an event of its own.
 */
export class OperationAudit implements AuditScope {
  readonly notes: AuditNote = {};
  /** Events appended in committed-or-committing transactions of this operation, with their outcomes. */
  readonly outcomes: string[] = [];

  constructor(
    readonly kind: AuditKind,
    readonly operation: string,
    /** The redacted arguments (GraphQL variables of the field, REST params/query/body). */
    readonly args: unknown,
    readonly actor: AuditActor,
    /** An audited GET (an export): its reads may use a replica (core's Db.reader). */
    readonly readOnly = false,
  ) {}

  note(note: AuditNote): void {
    Object.assign(this.notes, Object.fromEntries(Object.entries(note).filter(([, v]) => v !== undefined)));
  }

  get step(): number {
    return this.outcomes.length + 1;
  }
}

/**
 * The membership the caller acted in: the first whose role the operation allows (its @Allow list),
 * else the first one. A customer has no organisation.
 */
export function actorOf(principal: Principal | null, allowed: readonly string[] | undefined): AuditActor {
  if (!principal) return { userId: null, orgId: null, role: null };
  const m = principal.memberships.find((x) => allowed?.includes(x.role as Role)) ?? principal.memberships[0];
  return { userId: principal.userId, orgId: m?.organizationId || null, role: m?.role ?? null };
}

/** A union member that reports a business failure (`InsufficientStockError { code }`): its code, else null. */
export function businessErrorCode(result: unknown): string | null {
  if (!result || typeof result !== 'object') return null;
  const name = (result as object).constructor?.name ?? '';
  const code = (result as { code?: unknown }).code;
  return /Error$/.test(name) && typeof code === 'string' && code ? code : null;
}

/** The target an operation's result names: an entity object with an id (its class is the type). */
export function entityOf(result: unknown): { entityType: string; entityId: string; regionCode: string | null } | null {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return null;
  const r = result as { id?: unknown; regionCode?: unknown };
  const name = (result as object).constructor?.name;
  if (typeof r.id !== 'string' || !name || name === 'Object') return null;
  return { entityType: name, entityId: r.id, regionCode: typeof r.regionCode === 'string' ? r.regionCode : null };
}

/**
 * The target named by the arguments when nothing better is known: the first `id` / `…Id` argument
 * (top level or in `input`): `orderId` → Order, and a bare `id` takes the operation's noun
 * (`approveSupplier(id)` → Supplier).
 */
export function entityFromArgs(args: unknown, operation: string): { entityType: string; entityId: string } | null {
  if (!args || typeof args !== 'object') return null;
  const noun = /^[a-z]+([A-Z]\w*)$/.exec(operation)?.[1] ?? operation;
  const scan = (o: Record<string, unknown>): { entityType: string; entityId: string } | null => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v !== 'string' || !v) continue;
      if (k === 'id') return { entityType: noun, entityId: v };
      const m = /^([a-z][A-Za-z]*)Id$/.exec(k);
      if (m) return { entityType: m[1][0].toUpperCase() + m[1].slice(1), entityId: v };
    }
    return null;
  };
  const top = args as Record<string, unknown>;
  const nested = (key: string) =>
    top[key] && typeof top[key] === 'object' ? scan(top[key] as Record<string, unknown>) : null;
  return scan(top) ?? nested('input') ?? nested('params');
}
