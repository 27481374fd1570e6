import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { AppError, Db, ErrorCode, loginAttempts, Principal, type PrincipalLoader, type RequestContext, TokenService } from '@bangfu/core';
import { subtreePrefix } from '@bangfu/region';
import { AppUser, Membership } from './identity.entities';
import { LoginLimiter } from './login-limiter';

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
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
  async login(ctx: RequestContext, identifier: string, password: string): Promise<{ token: string; expiresAt: Date; user: AppUser }> {
    const id = identifier.trim();
    if (!id || !password) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Identifier and password are required');
    await this.limiter.assertAllowed(id, ctx.ip);
    const user = await this.db
      .repo(ctx, AppUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where(id.includes('@') ? 'u.email = :id' : 'u.phone = :id', { id })
      .getOne();
    const ok = user ? await argon2.verify(user.passwordHash, password) : await argon2.verify(await this.dummyHash, password).then(() => false);
    if (!user || !ok || user.status !== 'ACTIVE') {
      await this.limiter.recordFailure(id, ctx.ip);
      loginAttempts.inc({ outcome: 'failure' });
      throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Wrong identifier or password');
    }
    await this.limiter.recordSuccess(id);
    await this.db.repo(ctx, AppUser).update(user.id, { lastLoginAt: new Date() });
    loginAttempts.inc({ outcome: 'success' });
    const { token, expiresAt } = await this.tokens.sign(user.id);
    return { token, expiresAt, user };
  }

  /** Loads memberships fresh on every request, so a revoked role stops working at once. */
  async load(userId: string): Promise<Principal | null> {
    const em = this.db.dataSource.manager;
    const user = await em.findOneBy(AppUser, { id: userId, status: 'ACTIVE' });
    if (!user) return null;
    const memberships = await em.find(Membership, { where: { userId }, relations: { organization: true } });
    return new Principal(
      user.id,
      user.displayName,
      memberships
        .filter((m) => !m.organization || m.organization.status === 'ACTIVE')
        .map((m) => ({
          organizationId: m.organizationId ?? '',
          organizationKind: m.organization?.kind ?? (null as never),
          role: m.role,
          regionPrefix: m.regionPrefix ?? (m.organization?.regionCode ? subtreePrefix(m.organization.regionCode) : null),
        })),
    );
  }
}
