import { IdentityErrorCode } from './identity.errors';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AppError, Db, ErrorCode, type RequestContext } from '@bangfu/core';
import { AuthService, hashPassword } from './auth.service';
import { AppUser } from './identity.entities';
import { assertPasswordPolicy } from './password-policy';
import { PASSWORD_RESET_DELIVERY, type PasswordResetDelivery, type ResetMessage } from './password-reset-delivery';

/** How long a reset code works: long enough to read an SMS, short enough that a leaked one is stale. */
export const RESET_TOKEN_TTL_MINUTES = 30;
/** One code per account per this many seconds: a stranger cannot flood someone's phone. */
export const RESET_REQUEST_INTERVAL_SECONDS = 60;

/** The only answer to a reset request, whoever asks: it must not reveal which accounts exist. */
export const RESET_REQUESTED_MESSAGE = 'If an account uses this email or mobile number, a reset code is on its way';

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Forgotten password by a reset token. The request always answers the same and does the same
 * visible work; only an ACTIVE account gets a token, delivered through PASSWORD_RESET_DELIVERY. The
 * reset spends the token once (row locked), applies the password policy, and raises the token
 * version so every existing session ends, as after a password change.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('password-reset');

  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
    @Inject(PASSWORD_RESET_DELIVERY) private readonly delivery: PasswordResetDelivery,
  ) {}

  async request(ctx: RequestContext, identifier: string): Promise<{ accepted: boolean; message: string }> {
    const id = (identifier ?? '').trim();
    if (!id || id.length > 254)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'An email or a mobile number is required', { field: 'identifier' });
    const token = randomBytes(32).toString('base64url');
    const message = await this.db.transaction(ctx, async (tx): Promise<ResetMessage | null> => {
      const em = this.db.manager(tx);
      const [user]: Array<{ id: string; email: string | null; phone: string | null }> = await em.query(
        `SELECT id, email, phone FROM app_user WHERE ${id.includes('@') ? 'email = $1' : 'phone = $1'} AND status = 'ACTIVE' FOR UPDATE`,
        [id],
      );
      if (!user) return null;
      const [recent]: Array<{ n: number }> = await em.query(
        `SELECT count(*)::int AS n FROM password_reset WHERE user_id = $1 AND created_at > now() - make_interval(secs => $2)`,
        [user.id, RESET_REQUEST_INTERVAL_SECONDS],
      );
      if (recent.n > 0) return null;
      await em.query(
        `INSERT INTO password_reset (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
        [user.id, tokenHash(token), RESET_TOKEN_TTL_MINUTES],
      );
      await this.auth.recordEvent(tx, user.id, 'PASSWORD_RESET_REQUESTED');
      return {
        userId: user.id,
        email: user.email,
        phone: user.phone,
        kind: 'PASSWORD_RESET',
        token,
        text: `【帮扶】密码重置码：${token}（${RESET_TOKEN_TTL_MINUTES} 分钟内有效）。打开 /reset-password?token=${token} 设置新密码。如非本人操作，请忽略。`,
      };
    });
    // After the commit: a failed send never undoes the token, a rolled-back token is never sent. Not
    // awaited, so a slow provider does not make the answer for an existing account measurably later.
    if (message)
      void this.delivery
        .send(message)
        .catch((e: unknown) =>
          this.logger.warn({ msg: 'password reset delivery failed', userId: message.userId, error: String(e) }),
        );
    return { accepted: true, message: RESET_REQUESTED_MESSAGE };
  }

  async reset(ctx: RequestContext, token: string, newPassword: string): Promise<boolean> {
    const raw = (token ?? '').trim();
    if (!raw || raw.length > 200) throw invalidToken();
    assertPasswordPolicy(newPassword, 'newPassword');
    const newHash = await hashPassword(newPassword);
    await this.db.transaction(ctx, async (tx) => {
      const em = this.db.manager(tx);
      const [row]: Array<{ id: string; user_id: string; live: boolean }> = await em.query(
        `SELECT id, user_id, (used_at IS NULL AND expires_at > now()) AS live FROM password_reset WHERE token_hash = $1 FOR UPDATE`,
        [tokenHash(raw)],
      );
      if (!row?.live) throw invalidToken();
      const user = await this.db
        .repo(tx, AppUser)
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.id = :id', { id: row.user_id })
        .getOne();
      if (!user || user.status !== 'ACTIVE') throw invalidToken();
      // Every code of the account is spent, not only this one: an older code someone saw stops working too.
      await em.query(`UPDATE password_reset SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
      await this.db.repo(tx, AppUser).update(user.id, { passwordHash: newHash, tokenVersion: user.tokenVersion + 1 });
      await this.auth.recordEvent(tx, user.id, 'PASSWORD_RESET');
    });
    return true;
  }
}

/** Unknown, used, expired and disabled-account tokens all read the same. */
function invalidToken(): AppError {
  return new AppError(
    IdentityErrorCode.RESET_TOKEN_INVALID,
    'The reset code is invalid or has expired: ask for a new one',
    {
      field: 'token',
    },
  );
}
