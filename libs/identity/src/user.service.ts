import { IdentityErrorCode } from './identity.errors';
import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  assertUuid,
  Db,
  ErrorCode,
  forbidden,
  insertUnique,
  lockRow,
  notFound,
  type OrganizationKind,
  type RequestContext,
  Role,
  ROLE_ORGANIZATION_KIND,
  uniqueViolation,
} from '@bangfu/core';
import { normalizePrefix } from '@bangfu/region';
import { AuthService, hashPassword } from './auth.service';
import { AccountEvent, AppUser, Membership } from './identity.entities';
import { OrganizationService } from './organization.service';
import { assertPasswordPolicy } from './password-policy';

export interface CreateUserInput {
  email?: string | null;
  phone?: string | null;
  displayName: string;
  password: string;
}

export interface GrantInput {
  userId: string;
  role: Role;
  organizationId?: string | null;
  regionPrefix?: string | null;
}

/** Which roles an administrator may hand out inside the organisations it administers (rules as data). */
const GRANTABLE_BY: Partial<Record<Role, Role[]>> = {
  [Role.AGENCY_ADMIN]: [Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN],
  [Role.SUPPLIER_ADMIN]: [Role.SUPPLIER_STAFF, Role.SUPPLIER_ADMIN],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^1[3-9][0-9]{9}$/;

@Injectable()
export class UserService {
  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationService,
    private readonly auth: AuthService,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<AppUser> {
    const user = await this.db.repo(ctx, AppUser).findOneBy({ id });
    if (!user) throw notFound('User', id);
    return user;
  }

  memberships(ctx: RequestContext, userId: string): Promise<Membership[]> {
    return this.db
      .repo(ctx, Membership)
      .find({ where: { userId }, relations: { organization: true }, order: { createdAt: 'ASC' } });
  }

  /**
   * For oversight's detectors: when accounts were created and the organisations they belong to, and
   * who belongs to given organisations (no masking needed: ids and roles only).
   */
  async accountFacts(
    ctx: RequestContext,
    userIds: string[],
  ): Promise<
    Array<{ userId: string; createdAt: Date; memberships: Array<{ organizationId: string | null; role: Role }> }>
  > {
    if (userIds.length === 0) return [];
    const rows: Array<{ id: string; created_at: Date; ms: Array<{ organizationId: string | null; role: Role }> }> =
      await this.db.manager(ctx).query(
        `SELECT u.id, u.created_at, coalesce(json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role)) FILTER (WHERE m.id IS NOT NULL), '[]') AS ms
         FROM app_user u LEFT JOIN membership m ON m.user_id = u.id WHERE u.id = ANY($1::uuid[]) GROUP BY u.id`,
        [userIds],
      );
    return rows.map((r) => ({ userId: r.id, createdAt: new Date(r.created_at), memberships: r.ms }));
  }

  async membersOf(
    ctx: RequestContext,
    organizationIds: string[],
  ): Promise<Array<{ organizationId: string; userId: string; role: Role }>> {
    if (organizationIds.length === 0) return [];
    const rows: Array<{ organization_id: string; user_id: string; role: Role }> = await this.db
      .manager(ctx)
      .query(`SELECT organization_id, user_id, role FROM membership WHERE organization_id = ANY($1::uuid[])`, [
        organizationIds,
      ]);
    return rows.map((r) => ({ organizationId: r.organization_id, userId: r.user_id, role: r.role }));
  }

  /** Display names by user id, for other libs' lists (audit's actors, oversight's reviewers); unknown ids are left out. */
  async displayNames(ctx: RequestContext, userIds: Array<string | null>): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.db
      .manager(ctx)
      .query(`SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Creates the account only; callers add memberships in the same transaction. */
  async createAccount(ctx: RequestContext, input: CreateUserInput): Promise<AppUser> {
    const { email, phone, displayName } = this.validateAccount(input);
    const repo = this.db.repo(ctx, AppUser);
    try {
      return await repo.save(
        repo.create({ email, phone, displayName, passwordHash: await hashPassword(input.password) }),
      );
    } catch (e) {
      if (uniqueViolation(e))
        throw new AppError(
          IdentityErrorCode.DUPLICATE_IDENTIFIER,
          'An account with this email or phone already exists',
          {
            field: email ? 'email' : 'phone',
          },
        );
      throw e;
    }
  }

  /** Checks and normalises sign-up fields; the answer never depends on which accounts exist. */
  private validateAccount(input: CreateUserInput): { email: string | null; phone: string | null; displayName: string } {
    const email = input.email?.trim().toLowerCase() || null;
    const phone = input.phone?.trim() || null;
    if (!email && !phone)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'An email or a mobile number is required', { field: 'email' });
    if (email && !EMAIL.test(email))
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${email} is not an email address`, { field: 'email' });
    if (phone && !PHONE.test(phone))
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${phone} is not a mainland mobile number`, { field: 'phone' });
    const displayName = input.displayName?.trim();
    if (!displayName || displayName.length > 100)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'Display name must be 1–100 characters', { field: 'displayName' });
    assertPasswordPolicy(input.password);
    return { email, phone, displayName };
  }

  /**
   * Public self-service sign-up for retail customers. An email or phone that already has an account
   * gets the same answer, after the same work (the password is hashed either way), as a new one:
   * sign-up must not tell strangers who is registered. The owner learns of the attempt from a
   * REGISTRATION_ATTEMPT entry in their security log (`me { accountEvents }`), and the stranger's
   * password simply does not sign in.
   */
  async registerCustomer(ctx: RequestContext, input: CreateUserInput): Promise<{ accepted: boolean; message: string }> {
    const { email, phone, displayName } = this.validateAccount(input);
    const passwordHash = await hashPassword(input.password);
    await this.db.transaction(ctx, async (tx) => {
      const em = this.db.manager(tx);
      // ON CONFLICT DO NOTHING: an existing email/phone (or one registered concurrently) is not an error.
      const created: Array<{ id: string }> = await em.query(
        `INSERT INTO app_user (email, phone, display_name, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [email, phone, displayName, passwordHash],
      );
      if (created.length) {
        await this.db.repo(tx, Membership).insert({ userId: created[0].id, role: Role.CUSTOMER, organizationId: null });
        return;
      }
      const owners: Array<{ id: string }> = await em.query(`SELECT id FROM app_user WHERE email = $1 OR phone = $2`, [
        email,
        phone,
      ]);
      for (const owner of owners) await this.auth.recordEvent(tx, owner.id, 'REGISTRATION_ATTEMPT');
    });
    return { accepted: true, message: 'Registration received: sign in with your email or mobile number and password' };
  }

  /** The caller's own security log, newest first. */
  accountEvents(ctx: RequestContext, userId: string, first = 20): Promise<AccountEvent[]> {
    return this.db
      .repo(ctx, AccountEvent)
      .find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: Math.min(Math.max(first, 1), 100) });
  }

  /**
   * Disables (or re-enables) an account. A platform admin may do so for anyone else; an agency or
   * supplier admin only for users all of whose roles it could grant (staff of its own units). A
   * disabled user's tokens fail on the next request (the guard loads only ACTIVE users) and the token
   * version rises, so re-enabling does not revive old sessions.
   */
  setDisabled(ctx: RequestContext, userId: string, disabled: boolean): Promise<AppUser> {
    assertUuid(userId, 'userId');
    return this.db.transaction(ctx, async (tx) => {
      const p = tx.requirePrincipal();
      if (userId === p.userId)
        throw new AppError(IdentityErrorCode.CANNOT_DISABLE_SELF, 'You cannot disable your own account', {
          field: 'userId',
        });
      const user = await lockRow(this.db, tx, AppUser, userId, 'User');
      if (!p.hasRole(Role.PLATFORM_ADMIN)) {
        const held = await this.db.repo(tx, Membership).findBy({ userId });
        if (!held.length) throw forbidden('Only a platform admin may disable this account');
        for (const m of held) await this.assertMayGrant(tx, m);
      }
      const status = disabled ? 'DISABLED' : 'ACTIVE';
      if (user.status === status) return user;
      user.status = status;
      if (disabled) user.tokenVersion += 1;
      await this.db.repo(tx, AppUser).update(user.id, { status, tokenVersion: user.tokenVersion });
      await this.auth.recordEvent(tx, user.id, status === 'DISABLED' ? 'DISABLED' : 'ENABLED', p.userId);
      return user;
    });
  }

  /** Creates a staff account with its first membership, checked like any grant. */
  createStaff(ctx: RequestContext, input: CreateUserInput & Omit<GrantInput, 'userId'>): Promise<AppUser> {
    return this.db.transaction(ctx, async (tx) => {
      await this.assertMayGrant(tx, input);
      const user = await this.createAccount(tx, input);
      await this.insertMembership(tx, { ...input, userId: user.id });
      return user;
    });
  }

  grant(ctx: RequestContext, input: GrantInput): Promise<Membership> {
    return this.db.transaction(ctx, async (tx) => {
      await this.get(tx, input.userId);
      await this.assertMayGrant(tx, input);
      return this.insertMembership(tx, input);
    });
  }

  revoke(ctx: RequestContext, membershipId: string): Promise<boolean> {
    return this.db.transaction(ctx, async (tx) => {
      const m = await this.db.repo(tx, Membership).findOneBy({ id: membershipId });
      if (!m) throw notFound('Membership', membershipId);
      await this.assertMayGrant(tx, m);
      await this.db.repo(tx, Membership).delete(m.id);
      return true;
    });
  }

  private async insertMembership(ctx: RequestContext, input: GrantInput): Promise<Membership> {
    const expectedKind = ROLE_ORGANIZATION_KIND[input.role];
    let regionPrefix: string | null = null;
    if (expectedKind === null) {
      if (input.organizationId)
        throw new AppError(IdentityErrorCode.ROLE_ORGANIZATION_MISMATCH, `${input.role} belongs to no organisation`, {
          field: 'organizationId',
        });
    } else {
      if (!input.organizationId)
        throw new AppError(IdentityErrorCode.ROLE_ORGANIZATION_MISMATCH, `${input.role} needs an organisation`, {
          field: 'organizationId',
        });
      const org = await this.organizations.get(ctx, input.organizationId);
      if (org.kind !== expectedKind) {
        throw new AppError(
          IdentityErrorCode.ROLE_ORGANIZATION_MISMATCH,
          `${input.role} is held in a ${expectedKind} organisation, not ${org.kind}`,
          { field: 'role' },
        );
      }
      if (input.regionPrefix) {
        regionPrefix = normalizePrefix(input.regionPrefix, 'regionPrefix');
        // A coordinator's scope can narrow its office's region, never widen it.
        if (org.regionCode && !regionPrefix.startsWith(normalizePrefix(org.regionCode))) {
          throw new AppError(
            ErrorCode.BAD_USER_INPUT,
            `Scope ${regionPrefix} lies outside the office's region ${org.regionCode}`,
            { field: 'regionPrefix' },
          );
        }
      }
    }
    const repo = this.db.repo(ctx, Membership);
    return insertUnique(
      () =>
        repo.save(
          repo.create({
            userId: input.userId,
            role: input.role,
            organizationId: input.organizationId ?? null,
            regionPrefix,
          }),
        ),
      () => new AppError(ErrorCode.CONFLICT, 'The user already has this role in this organisation'),
    );
  }

  private async assertMayGrant(
    ctx: RequestContext,
    input: { role: Role; organizationId?: string | null },
  ): Promise<void> {
    const p = ctx.requirePrincipal();
    if (p.hasRole(Role.PLATFORM_ADMIN)) return;
    for (const [adminRole, grantable] of Object.entries(GRANTABLE_BY) as Array<[Role, Role[]]>) {
      if (!grantable.includes(input.role) || !input.organizationId) continue;
      const roots = p.organizationIds(adminRole);
      const scope = adminRole === Role.AGENCY_ADMIN ? await this.organizations.subtreeIds(ctx, roots) : roots;
      if (scope.includes(input.organizationId)) return;
    }
    throw forbidden(`You may not grant ${input.role} in this organisation`);
  }

  /**
   * The given users' memberships in organisations of one kind, in one query (ordering hides who of
   * another supplier moved an order).
   */
  async membershipsIn(
    ctx: RequestContext,
    userIds: string[],
    kind: OrganizationKind,
  ): Promise<Array<{ userId: string; organizationId: string; role: Role }>> {
    if (userIds.length === 0) return [];
    const rows: Array<{ user_id: string; organization_id: string; role: Role }> = await this.db.manager(ctx).query(
      `SELECT m.user_id, m.organization_id, m.role FROM membership m
         JOIN organization o ON o.id = m.organization_id AND o.kind = $2
        WHERE m.user_id = ANY($1::uuid[])`,
      [userIds, kind],
    );
    return rows.map((r) => ({ userId: r.user_id, organizationId: r.organization_id, role: r.role }));
  }

  /**
   * A disabled account with a random password nobody knows, so it can never sign in (a counter's
   * walk-in buyer that counter orders are placed under), created on first use; concurrent first uses
   * share it. Returns its id.
   */
  async ensureDisabledAccount(ctx: RequestContext, email: string, displayName: string): Promise<string> {
    const m = this.db.manager(ctx);
    let [row]: Array<{ id: string }> = await m.query(`SELECT id FROM app_user WHERE email = $1`, [email]);
    if (!row) {
      await m.query(
        `INSERT INTO app_user (email, display_name, password_hash, status) VALUES ($1, $2, $3, 'DISABLED') ON CONFLICT (email) DO NOTHING`,
        [email, displayName, await hashPassword(randomBytes(32).toString('base64url'))],
      );
      [row] = await m.query(`SELECT id FROM app_user WHERE email = $1`, [email]);
    }
    return row.id;
  }

  /** An organisation's direct members with their roles, by name (procurement's unit member list). */
  async memberDirectory(
    ctx: RequestContext,
    organizationId: string,
  ): Promise<Array<{ userId: string; displayName: string; phone: string | null; roles: Role[] }>> {
    const rows: Array<{ id: string; display_name: string; phone: string | null; roles: Role[] }> = await this.db
      .manager(ctx)
      .query(
        `SELECT u.id, u.display_name, u.phone, array_agg(DISTINCT m.role ORDER BY m.role) AS roles
           FROM membership m JOIN app_user u ON u.id = m.user_id
          WHERE m.organization_id = $1
          GROUP BY u.id
          ORDER BY u.display_name, u.id`,
        [organizationId],
      );
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, phone: r.phone, roles: r.roles }));
  }

  /** Organisations with a member in `role` whose region prefix covers the code (aftersales' coordinators). */
  async organizationsWithRoleCovering(ctx: RequestContext, role: Role, regionCode: string): Promise<string[]> {
    const rows: Array<{ organization_id: string }> = await this.db.manager(ctx).query(
      `SELECT DISTINCT organization_id FROM membership
          WHERE role = $1 AND organization_id IS NOT NULL AND $2 LIKE region_prefix || '%'`,
      [role, regionCode],
    );
    return rows.map((r) => r.organization_id);
  }
}
