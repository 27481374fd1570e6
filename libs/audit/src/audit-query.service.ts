import { Injectable } from '@nestjs/common';
import {
  badInput,
  type Connection,
  Db,
  decodeCursor,
  isUuid,
  type PageArgs,
  pageSize,
  type RequestContext,
  Role,
  toConnection,
} from '@bangfu/core';
import { OrganizationService, UserService } from '@bangfu/identity';
import { parseInstant } from '@bangfu/ledger';
import { subtreePrefix } from '@bangfu/region';
import { AuditSealer } from './audit-sealer';
import type { AuditEvent, AuditEventFilter } from './audit.types';

const COLUMNS = `e.id, e.seq, e.at, e.kind, e.operation, e.outcome, e.actor_user_id, e.actor_org_id, e.actor_role, e.entity_type,
  e.entity_id, e.region_code, e.summary::text AS summary, e.client_ip, e.request_id, e.hash, e.prev_hash`;

/** A region argument as a code prefix: a full 12-digit code stands for its subtree. */
function regionPrefix(code: string): string {
  if (!/^\d{1,12}$/.test(code))
    throw badInput('regionCode must be a division code or its leading digits', { field: 'regionCode' });
  return code.length === 12 ? subtreePrefix(code) : code;
}

/**
 * `auditEvents`: platform admins see every event; auditors only events whose region lies in their
 * scope (region_code under one of their prefixes, in SQL). Events with no region (a customer's
 * purchase, an unknown sign-in) are the platform's. Newest first, keyset-paged by seq.
 */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly db: Db,
    private readonly users: UserService,
    private readonly organizations: OrganizationService,
    private readonly sealer: AuditSealer,
  ) {}

  async list(
    ctx: RequestContext,
    filter: AuditEventFilter | null | undefined,
    { first, after }: PageArgs,
  ): Promise<Connection<AuditEvent>> {
    const p = ctx.requirePrincipal();
    const limit = pageSize(first, 50);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!p.hasRole(Role.PLATFORM_ADMIN)) {
      const prefixes = p.regionPrefixes(Role.AUDITOR);
      add(
        `e.region_code LIKE ANY (?)`,
        prefixes.map((x) => `${x}%`),
      );
    }
    const f = filter ?? {};
    if (f.regionCode) add(`e.region_code LIKE ?`, `${regionPrefix(f.regionCode)}%`);
    if (f.actorId) {
      if (!isUuid(f.actorId)) throw badInput('actorId must be a user id', { field: 'actorId' });
      add(`e.actor_user_id = ?`, f.actorId);
    }
    if (f.entityType) add(`e.entity_type = ?`, f.entityType);
    if (f.entityId) add(`e.entity_id = ?`, f.entityId);
    if (f.operation) add(`e.operation = ?`, f.operation);
    if (f.from) add(`e.at >= ?`, parseInstant(f.from, 'start', 'from'));
    if (f.to) add(`e.at < ?`, parseInstant(f.to, 'end', 'to'));
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Every event committed before this read is in the chain when it runs.
    await this.sealer.now();
    const em = this.db.manager(ctx);
    const [{ count }] = await em.query(`SELECT count(*)::bigint AS count FROM audit_event e ${filtered}`, params);
    const cursor = decodeCursor(after);
    if (cursor) {
      const seq = Number(cursor[0]);
      if (!Number.isSafeInteger(seq)) throw badInput('after is not a valid cursor', { field: 'after' });
      add(`e.seq < ?`, seq);
    }
    params.push(limit + 1);
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM audit_event e
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.seq DESC LIMIT $${params.length}`,
      params,
    );
    // Actors' and their organisations' names come from identity (one query each per page).
    const users = await this.users.displayNames(
      ctx,
      rows.map((r: Record<string, unknown>) => r.actor_user_id as string | null),
    );
    const orgs = await this.organizations.names(
      ctx,
      rows.map((r: Record<string, unknown>) => r.actor_org_id as string | null),
    );
    return toConnection(
      rows.map((r: Record<string, unknown>) => toEvent(r, users, orgs)),
      limit,
      Number(count),
      (e) => [e.seq],
      !!cursor,
    );
  }
}

function toEvent(r: Record<string, unknown>, users: Map<string, string>, orgs: Map<string, string>): AuditEvent {
  const actorUserId = (r.actor_user_id as string | null) ?? null;
  const actorOrgId = (r.actor_org_id as string | null) ?? null;
  return {
    id: r.id as string,
    seq: Number(r.seq),
    at: r.at as Date,
    kind: r.kind as string,
    operation: r.operation as string,
    outcome: r.outcome as string,
    actorUserId,
    actorName: (actorUserId && users.get(actorUserId)) ?? null,
    actorOrgId,
    actorOrgName: (actorOrgId && orgs.get(actorOrgId)) ?? null,
    actorRole: (r.actor_role as string | null) ?? null,
    entityType: (r.entity_type as string | null) ?? null,
    entityId: (r.entity_id as string | null) ?? null,
    regionCode: (r.region_code as string | null) ?? null,
    summary: r.summary as string,
    clientIp: (r.client_ip as string | null) ?? null,
    requestId: r.request_id as string,
    hash: r.hash as string,
    prevHash: r.prev_hash as string,
  };
}
