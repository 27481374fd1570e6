import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from './config';
import { AppError, ErrorCode } from './errors';
import { REDIS, redisKey } from './redis';
import { Principal, RequestContext, requestFromExecution } from './request-context';
import { Role } from './roles';

export const ALLOW_KEY = 'bangfu:allow';
/** Anyone, signed in or not. */
export const PUBLIC = 'PUBLIC' as const;
/** Any signed-in user, whatever the role. */
export const AUTHENTICATED = 'AUTHENTICATED' as const;
export type Permission = Role | typeof PUBLIC | typeof AUTHENTICATED;

/** Every resolver and controller method states who may call it; the guard denies anything undeclared. */
export const Allow = (...who: Permission[]) => SetMetadata(ALLOW_KEY, who);

export const SERVICE_TOKEN_KEY = 'bangfu:service-token';
/**
 * For endpoints that take their own bearer token (Prometheus scraping `/metrics` with METRICS_TOKEN):
 * the guard does not read the Authorization header as a user's sign-in token there.
 */
export const ServiceTokenEndpoint = () => SetMetadata(SERVICE_TOKEN_KEY, true);

/** Looks up a user's current memberships; provided by the identity domain. */
export interface PrincipalLoader {
  /** Null when the user is unknown, disabled, or `tokenVersion` is given and no longer the user's current one. */
  load(userId: string, tokenVersion?: number): Promise<Principal | null>;
}

/** What a verified sign-in token says. */
export interface TokenClaims {
  userId: string;
  /** The token's `jti`: what signing out revokes. */
  tokenId: string;
  /** Unix seconds. */
  expiresAt: number;
  /** The user's token version when it was issued (`ver`; 0 when absent). */
  version: number;
}
export const PRINCIPAL_LOADER = Symbol('PRINCIPAL_LOADER');

/** How many verified tokens TokenService remembers (a signed-in user sends one token with every request). */
export const VERIFIED_TOKENS = 5000;

@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  /**
   * Claims of tokens whose signature was already checked, by the token's exact text. The signature and
   * claims of a given text under one key never change, so only the expiry is checked again on a hit;
   * revocation (Redis) and the token version and roles (the principal's row) stay per request in the guard.
   * Checking an HS256 signature through WebCrypto cost more API CPU than anything else in authentication
   * (a thread-pool job and a key import per call). Failures are never remembered. Oldest entry goes first.
   */
  private readonly verified = new Map<string, TokenClaims>();
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  /** `version` is the user's current token version; raising it later invalidates this token. */
  async sign(
    userId: string,
    ttlSeconds = this.config.TOKEN_TTL_SECONDS,
    version = 0,
  ): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ ver: version })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('bangfu')
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
  }

  async verify(token: string): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known) {
      // jose's own rule: expired once `exp` <= now, in whole seconds.
      if (known.expiresAt > Math.floor(Date.now() / 1000)) return known;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'bangfu', algorithms: ['HS256'] });
      if (!payload.sub || !payload.jti || !payload.exp)
        throw new AppError(ErrorCode.TOKEN_INVALID, 'The sign-in token is invalid');
      const version = payload.ver === undefined ? 0 : payload.ver;
      if (!Number.isInteger(version)) throw new AppError(ErrorCode.TOKEN_INVALID, 'The sign-in token is invalid');
      const claims = Object.freeze({
        userId: payload.sub,
        tokenId: payload.jti,
        expiresAt: payload.exp,
        version: version as number,
      });
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, claims);
      return claims;
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof joseErrors.JWTExpired)
        throw new AppError(ErrorCode.TOKEN_EXPIRED, 'The sign-in token has expired; sign in again');
      throw new AppError(ErrorCode.TOKEN_INVALID, 'The sign-in token is invalid');
    }
  }

  /**
   * Signs one token out: its id goes into Redis until the token would have expired anyway, so the
   * revocation list never outgrows the tokens still alive.
   */
  async revoke(token: { id: string; expiresAt: number }): Promise<void> {
    const ttl = token.expiresAt - Math.floor(Date.now() / 1000);
    if (ttl > 0) await this.redis.set(this.revokedKey(token.id), '1', 'EX', ttl);
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    return (await this.redis.exists(this.revokedKey(tokenId))) === 1;
  }

  private revokedKey(tokenId: string): string {
    return redisKey(this.config, 'revoked-token', tokenId);
  }
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly moduleRef: ModuleRef,
  ) {}

  private loaderRef: PrincipalLoader | null | undefined;
  /** The identity domain provides the loader; looked up lazily so core does not import identity. */
  private get loader(): PrincipalLoader | null {
    if (this.loaderRef === undefined) {
      try {
        this.loaderRef = this.moduleRef.get<PrincipalLoader>(PRINCIPAL_LOADER, { strict: false });
      } catch {
        this.loaderRef = null;
      }
    }
    return this.loaderRef;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<string>();
    const req = requestFromExecution(context);
    // Field resolvers of an already-authorised parent run without a request-level check.
    if (type === 'graphql' && !req) return true;
    const allowed = this.reflector.getAllAndOverride<Permission[] | undefined>(ALLOW_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // A query with several root fields runs the guard once per field: authenticate once per request.
    const authed = req as typeof req & { principal?: Promise<Principal | null> };
    const ownToken = this.reflector.get<boolean | undefined>(SERVICE_TOKEN_KEY, context.getHandler());
    authed.principal ??= ownToken ? Promise.resolve(null) : this.authenticate(req.headers.authorization);
    const principal = await authed.principal;
    req.ctx = (req.ctx ?? RequestContext.anonymous()).withPrincipal(principal);

    if (!allowed || allowed.length === 0) {
      throw new AppError(ErrorCode.FORBIDDEN, 'This operation declares no permissions and is denied by default');
    }
    if (allowed.includes(PUBLIC)) return true;
    if (!principal) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    if (allowed.includes(AUTHENTICATED)) return true;
    if (principal.hasRole(...(allowed as Role[]))) return true;
    throw new AppError(ErrorCode.FORBIDDEN, `Requires one of the roles: ${allowed.join(', ')}`);
  }

  private async authenticate(header: string | string[] | undefined): Promise<Principal | null> {
    if (!header || Array.isArray(header)) return null;
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match) throw new AppError(ErrorCode.TOKEN_INVALID, 'Authorization header must be "Bearer <token>"');
    const claims = await this.tokens.verify(match[1]);
    // One Redis lookup and the key lookup of the user row the loader does anyway, side by side; anonymous
    // requests (no header) never get here. The row carries the disabled flag and the token version.
    const [revoked, principal] = await Promise.all([
      this.tokens.isRevoked(claims.tokenId),
      this.loader ? this.loader.load(claims.userId, claims.version) : null,
    ]);
    if (revoked)
      throw new AppError(ErrorCode.TOKEN_INVALID, 'This sign-in token was signed out; sign in again', {
        reason: 'SIGNED_OUT',
      });
    if (!principal)
      throw new AppError(
        ErrorCode.TOKEN_INVALID,
        'The sign-in token belongs to no active user, or was replaced; sign in again',
      );
    return principal.withToken({ id: claims.tokenId, expiresAt: claims.expiresAt });
  }
}
