import { Injectable } from '@nestjs/common';
import { badInput, Db, prepared, type RequestContext } from '@bangfu/core';
import { Brackets, In, IsNull } from 'typeorm';
import { Notification } from './supplier.entities';

export interface NotificationInput {
  /** Stable machine-readable kind, e.g. SUPPLIER_APPROVED. */
  kind: string;
  title: string;
  body?: string;
  data?: Record<string, unknown>;
}

const MAX_LIST = 100;

/** Recipients of one notification each: an organisation or a user. */
export type NotificationRecipient = { orgId: string } | { userId: string };

const INSERT_MANY = prepared(`INSERT INTO notification (recipient_org_id, recipient_user_id, kind, title, body, data)
  SELECT r.org_id, r.user_id, r.kind, r.title, r.body, r.data::jsonb
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(org_id, user_id, kind, title, body, data)`);

/** One notification to its recipients (each gets a row). */
export interface NotificationToSend {
  recipients: NotificationRecipient[];
  input: NotificationInput;
}

/** The in-app notification list; other domains call notifyOrganization/notifyUser inside their own transaction. */
@Injectable()
export class NotificationService {
  constructor(private readonly db: Db) {}

  notifyOrganization(ctx: RequestContext, orgId: string, input: NotificationInput): Promise<void> {
    return this.notifyAll(ctx, [{ orgId }], input);
  }

  notifyUser(ctx: RequestContext, userId: string, input: NotificationInput): Promise<void> {
    return this.notifyAll(ctx, [{ userId }], input);
  }

  /**
   * The same notification to several recipients in one statement (an order event tells its buyer and
   * every supplier: one INSERT instead of one TypeORM save each, issue 16 W3). Every notification is
   * written by `notifyEach`; this is its one-notification form, notifyOrganization / notifyUser its one-recipient forms.
   */
  notifyAll(ctx: RequestContext, recipients: NotificationRecipient[], input: NotificationInput): Promise<void> {
    return this.notifyEach(ctx, [{ recipients, input }]);
  }

  /** Several notifications, each to its recipients, in one statement (a batch of order events). */
  async notifyEach(ctx: RequestContext, items: NotificationToSend[]): Promise<void> {
    const rows = items.flatMap(({ recipients, input }) => {
      const title = input.title?.trim();
      // A notification without a kind or a title is a bug of its sender.
      if (!input.kind || !title) throw badInput('A notification needs a kind and a title', { field: 'title' });
      const data = JSON.stringify(input.data ?? {});
      return recipients.map((r) => ({ r, kind: input.kind, title, body: input.body ?? '', data }));
    });
    if (rows.length === 0) return;
    await this.db
      .manager(ctx)
      .query(INSERT_MANY, [
        rows.map(({ r }) => ('orgId' in r ? r.orgId : null)),
        rows.map(({ r }) => ('userId' in r ? r.userId : null)),
        rows.map((x) => x.kind),
        rows.map((x) => x.title),
        rows.map((x) => x.body),
        rows.map((x) => x.data),
      ]);
  }

  /** The caller's notifications: addressed to the user or to any organisation it belongs to, newest first. */
  list(ctx: RequestContext, unreadOnly = false, first = 50): Promise<Notification[]> {
    const p = ctx.requirePrincipal();
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST)
      throw badInput(`first must be between 1 and ${MAX_LIST}`, { field: 'first' });
    const qb = this.db
      .repo(ctx, Notification)
      .createQueryBuilder('n')
      .where(this.addressedTo(p.userId, p.organizationIds()))
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(first);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getMany();
  }

  unreadCount(ctx: RequestContext): Promise<number> {
    const p = ctx.requirePrincipal();
    return this.db
      .repo(ctx, Notification)
      .createQueryBuilder('n')
      .where(this.addressedTo(p.userId, p.organizationIds()))
      .andWhere('n.read_at IS NULL')
      .getCount();
  }

  /**
   * Marks the given notifications read; ids the caller cannot see are ignored rather than reported,
   * so the answer never reveals whether someone else's notification exists. Returns how many changed.
   */
  markRead(ctx: RequestContext, ids: string[]): Promise<number> {
    const p = ctx.requirePrincipal();
    if (ids.length === 0) return Promise.resolve(0);
    if (ids.length > MAX_LIST) throw badInput(`At most ${MAX_LIST} ids at a time`, { field: 'ids' });
    return this.db.transaction(ctx, async (tx) => {
      const res = await this.db
        .repo(tx, Notification)
        .createQueryBuilder()
        .update()
        .set({ readAt: () => 'now()' })
        .where({ id: In(ids), readAt: IsNull() })
        .andWhere(this.addressedTo(p.userId, p.organizationIds(), ''))
        .execute();
      return res.affected ?? 0;
    });
  }

  private addressedTo(userId: string, orgIds: string[], alias = 'n.') {
    return new Brackets((w) => {
      w.where(`${alias}recipient_user_id = :nUserId`, { nUserId: userId });
      const ids = orgIds.filter((id) => !!id);
      if (ids.length) w.orWhere(`${alias}recipient_org_id = ANY(:nOrgIds::uuid[])`, { nOrgIds: ids });
    });
  }
}
