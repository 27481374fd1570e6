import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppError, Db, isUuid, prepared, type RequestContext } from '@bangfu/core';
import { AuditSealer } from './audit-sealer';
import { businessErrorCode, entityFromArgs, entityOf, OperationAudit } from './operation-audit';
import { changedFields, redact } from './redact';

/** Why an operation ended: 'OK', a business error's code, or a thrown error's code. */
export function outcomeOfError(e: unknown): string {
  if (e instanceof AppError) return e.code;
  const status = (e as { status?: number } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return `HTTP_${status}`;
  return 'INTERNAL_SERVER_ERROR';
}

const clip = (s: string | null) => (s && s.length > 200 ? s.slice(0, 200) : s);

/**
 * Writes audit events. One INSERT per event into `audit_event_pending`, which takes no lock; the
 * sealer (AuditSealer) moves committed events into the chain, where the database numbers, stamps and
 * hashes them (migrations 1764001800000-audit, 1764004500000-audit-sequencer).
 */
@Injectable()
export class AuditService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly sealer: AuditSealer,
  ) {}

  onModuleInit() {
    this.db.onCommit((tx, result) => this.onCommit(tx, result));
  }

  /** Last step of every outermost transaction of an audited operation: the event commits with its effect. */
  private async onCommit(tx: RequestContext, result: unknown): Promise<void> {
    const scope = tx.audit;
    if (!(scope instanceof OperationAudit)) return;
    await this.append(tx, scope, businessErrorCode(result) ?? 'OK', result);
  }

  /**
   * The end of an audited operation. Its transactions already wrote their events; an operation that
   * wrote none (a failed login, a refused input, an export, a union error returned before any
   * write) gets one now in a small transaction of its own, and so does a failure after committed
   * steps (payOrder's Stripe call failing after the attempt was reserved).
   */
  async finish(ctx: RequestContext, scope: OperationAudit, result: unknown, error: unknown): Promise<void> {
    try {
      await this.finishOperation(ctx, scope, result, error);
    } finally {
      // Its transactions have committed: their events join the chain shortly, without this operation waiting.
      if (scope.outcomes.length > 0) this.sealer.soon();
    }
  }

  private async finishOperation(ctx: RequestContext, scope: OperationAudit, result: unknown, error: unknown) {
    const outcome = error !== undefined ? outcomeOfError(error) : (businessErrorCode(result) ?? 'OK');
    if (scope.outcomes.length > 0 && (outcome === 'OK' || scope.outcomes.at(-1) === outcome)) return;
    // A failure's event carries no before/after: whatever a rolled-back transaction noted did not happen.
    await this.db.transaction(ctx.withAudit(null), (tx) =>
      this.append(tx, scope, outcome, error === undefined ? result : undefined, outcome === 'OK'),
    );
  }

  private async append(
    tx: RequestContext,
    scope: OperationAudit,
    outcome: string,
    result: unknown,
    withChanges = true,
  ): Promise<void> {
    const notes = scope.notes;
    const fromResult = entityOf(result);
    const fromArgs = fromResult ? null : entityFromArgs(scope.args, scope.operation);
    // Ids can come from arguments: bounded, so a silly argument cannot make the event fail.
    const entityType = clip(notes.entityType ?? fromResult?.entityType ?? fromArgs?.entityType ?? null);
    const entityId = clip(notes.entityId ?? fromResult?.entityId ?? fromArgs?.entityId ?? null);
    const regionCode = notes.regionCode ?? fromResult?.regionCode ?? null;
    const summary: Record<string, unknown> = { args: scope.args };
    if (withChanges && (notes.before || notes.after)) Object.assign(summary, changedFields(notes.before, notes.after));
    if (scope.outcomes.length > 0) summary.step = scope.step;
    const actorUserId = scope.actor.userId ?? notes.actorUserId ?? null;
    // A sign-in has no principal yet: its actor's organisation and role come from the user's first
    // membership, looked up in the same statement (only then), so the event lands in that region; a
    // failed sign-in has no actor but lands in the region of the account it aimed at. Both lookups
    // read views libs/identity defines for this (user_first_membership, organization_region): the
    // append stays one statement inside every audited transaction. It goes to audit_event_pending, which
    // takes no lock, stamped with this transaction's id; AuditSealer chains it after the commit.
    const subject = actorUserId ?? (entityType === 'AppUser' && isUuid(entityId) ? entityId : null);
    await this.db.manager(tx).query(
      prepared(`WITH m AS (
         SELECT (SELECT organization_id FROM user_first_membership WHERE $5::uuid IS NULL AND user_id = $13::uuid) AS org_id,
                (SELECT role FROM user_first_membership WHERE $5::uuid IS NULL AND user_id = $13::uuid) AS role
       ), actor AS (
         SELECT CASE WHEN $4::uuid IS NULL THEN $5::uuid ELSE COALESCE($5::uuid, m.org_id) END AS org_id,
                CASE WHEN $4::uuid IS NULL THEN $6::text ELSE COALESCE($6::text, m.role) END AS role,
                COALESCE($5::uuid, m.org_id) AS region_org
         FROM m
       )
       INSERT INTO audit_event_pending (kind, operation, outcome, actor_user_id, actor_org_id, actor_role, entity_type, entity_id, region_code, summary, client_ip, request_id)
       SELECT $1, $2, $3, $4::uuid, actor.org_id, actor.role, $7, $8, COALESCE($9::text, (SELECT region_code FROM organization_region WHERE organization_id = actor.region_org)), $10::jsonb, $11, $12
       FROM actor`),
      [
        scope.kind,
        scope.operation,
        outcome,
        actorUserId,
        scope.actor.orgId,
        scope.actor.role,
        entityType,
        entityId,
        regionCode,
        JSON.stringify(redact(summary)),
        tx.ip,
        tx.requestId,
        subject,
      ],
    );
    scope.outcomes.push(outcome);
  }
}
