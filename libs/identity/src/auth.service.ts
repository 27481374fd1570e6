import { IdentityErrorCode } from './identity.errors';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import {
  AppError,
  Db,
  ErrorCode,
  loginAttempts,
  OrganizationKind,
  prepared,
  Principal,
  type PrincipalLoader,
  type RequestContext,
  Role,
  TokenService,
} from '@bangfu/core';
import { subtreePrefix } from '@bangfu/region';
import { AccountEvent, AppUser } from './identity.entities';
import { LoginLimiter } from './login-limiter';
import { assertPasswordPolicy } from './password-policy';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: AppUser;
}

/** A membership as `load` reads it (organisation columns null for a platform-wide one). */
interface MembershipRow {
  organizationId: string | null;
  kind: OrganizationKind | null;
  role: Role;
  regionPrefix: string | null;
  regionCode: string | null;
}

@Injectable()
export class AuthService implements PrincipalLoader {
  /** Verified against when the user is unknown, so both failures take the same time. */
  private readonly dummyHash = hashPassword('bangfu-timing-equaliser');

  constructor(
    private readonly db: Db,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
  ) {}

  /**
   * Unknown user and wrong password give the same INVALID_CREDENTIALS error on purpose: telling
   * them apart would let anyone enumerate which officials have accounts.
   */
  async login(ctx: RequestContext, identifier: string, password: string): Promise<SignedIn> {
    const id = identifier.trim();
    if (!id || !password) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Identifier and password are required');
    await this.limiter.reserve(id, ctx.ip);
    const user = await this.db
      .repo(ctx, AppUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where(id.includes('@') ? 'u.email = :id' : 'u.phone = :id', { id })
      .getOne();
    const ok = user
      ? await argon2.verify(user.passwordHash, password)
      : await argon2.verify(await this.dummyHash, password).then(() => false);
    if (!user || !ok || user.status !== 'ACTIVE') {
      // The audit trail records the failed attempt against the account it aimed at (libs/audit).
      if (user) ctx.audit?.note({ entityType: 'AppUser', entityId: user.id });
      loginAttempts.inc({ outcome: 'failure' });
      throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Wrong identifier or password');
    }
    await this.limiter.recordSuccess(id, ctx.ip);
    // A transaction of its own so the sign-in's audit event commits with it (libs/audit).
    await this.db.transaction(ctx, async (tx) => {
      tx.audit?.note({ actorUserId: user.id, entityType: 'AppUser', entityId: user.id });
      await this.db.repo(tx, AppUser).update(user.id, { lastLoginAt: new Date() });
    });
    loginAttempts.inc({ outcome: 'success' });
    return { ...(await this.tokens.sign(user.id, undefined, user.tokenVersion)), user };
  }

  /**
   * Signs out: this request's token is revoked (its id kept in Redis until it would expire), or with
   * `everywhere` every token of the user, by raising the token version. Either way the next request
   * with the old token is TOKEN_INVALID.
   */
  async logout(ctx: RequestContext, everywhere = false): Promise<boolean> {
    const p = ctx.requirePrincipal();
    if (everywhere) {
      await this.db.transaction(ctx, async (tx) => {
        await this.db.manager(tx).increment(AppUser, { id: p.userId }, 'tokenVersion', 1);
        await this.recordEvent(tx, p.userId, 'SIGNED_OUT_EVERYWHERE');
      });
    }
    if (p.token) await this.tokens.revoke(p.token);
    return true;
  }

  /**
   * Changes the caller's password after checking the current one (throttled like sign-in, per user
   * and client). Every other session ends — a stolen token or a password someone else knew stops
   * working at once — and the caller gets a fresh token so this browser stays signed in.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<SignedIn> {
    const p = ctx.requirePrincipal();
    assertPasswordPolicy(newPassword, 'newPassword');
    if (newPassword === currentPassword)
      throw new AppError(IdentityErrorCode.WEAK_PASSWORD, 'The new password must differ from the current one', {
        field: 'newPassword',
        reason: 'UNCHANGED',
      });
    const throttleKey = `user:${p.userId}`;
    await this.limiter.reserve(throttleKey, ctx.ip);
    const newHash = await hashPassword(newPassword);
    const user = await this.db.transaction(ctx, async (tx) => {
      const row = await this.db
        .repo(tx, AppUser)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .setLock('pessimistic_write')
        .where('u.id = :id', { id: p.userId })
        .getOne();
      if (!row || !(await argon2.verify(row.passwordHash, currentPassword ?? ''))) {
        // Not INVALID_CREDENTIALS (401): that would read as "your session ended" to clients.
        throw new AppError(IdentityErrorCode.WRONG_PASSWORD, 'The current password is not correct', {
          field: 'currentPassword',
        });
      }
      row.tokenVersion += 1;
      await this.db.repo(tx, AppUser).update(row.id, { passwordHash: newHash, tokenVersion: row.tokenVersion });
      await this.recordEvent(tx, row.id, 'PASSWORD_CHANGED');
      return row;
    });
    await this.limiter.recordSuccess(throttleKey, ctx.ip);
    if (p.token) await this.tokens.revoke(p.token);
    return { ...(await this.tokens.sign(user.id, undefined, user.tokenVersion)), user };
  }

  async recordEvent(
    ctx: RequestContext,
    userId: string,
    kind: string,
    actorUserId: string | null = null,
  ): Promise<void> {
    await this.db.repo(ctx, AccountEvent).insert({ userId, kind, actorUserId, ip: ctx.ip });
  }

  /**
   * Loads memberships fresh on every request, so a revoked role stops working at once; a disabled
   * user, or a token from before the user's last password change / sign-out-everywhere, gets null.
   */
  async load(userId: string, tokenVersion?: number): Promise<Principal | null> {
    // One statement per request: the user row and its memberships with their organisations (every
    // authenticated request pays this, a checkout twice).
    const [user]: Array<{ id: string; display_name: string; token_version: number; memberships: MembershipRow[] }> =
      await this.db.dataSource.manager.query(
        prepared(`SELECT u.id, u.display_name, u.token_version,
                COALESCE((SELECT json_agg(json_build_object('organizationId', m.organization_id, 'kind', o.kind,
                                                            'role', m.role, 'regionPrefix', m.region_prefix,
                                                            'regionCode', o.region_code) ORDER BY m.created_at, m.id)
                            FROM membership m LEFT JOIN organization o ON o.id = m.organization_id
                           WHERE m.user_id = u.id AND (o.id IS NULL OR o.status = 'ACTIVE')), '[]') AS memberships
           FROM app_user u WHERE u.id = $1 AND u.status = 'ACTIVE'`),
        [userId],
      );
    if (!user || (tokenVersion !== undefined && user.token_version !== tokenVersion)) return null;
    return new Principal(
      user.id,
      user.display_name,
      user.memberships.map((m) => ({
        organizationId: m.organizationId ?? '',
        organizationKind: m.kind ?? (null as never),
        role: m.role,
        regionPrefix: m.regionPrefix ?? (m.regionCode ? subtreePrefix(m.regionCode) : null),
      })),
    );
  }
}
