import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from './config';
import { AppError, ErrorCode } from './errors';
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

/** Looks up a user's current memberships; provided by the identity domain. */
export interface PrincipalLoader {
  load(userId: string): Promise<Principal | null>;
}
export const PRINCIPAL_LOADER = Symbol('PRINCIPAL_LOADER');

@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  async sign(userId: string, ttlSeconds = this.config.TOKEN_TTL_SECONDS): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('bangfu')
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
  }

  async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'bangfu', algorithms: ['HS256'] });
      if (!payload.sub) throw new AppError(ErrorCode.TOKEN_INVALID, 'The sign-in token is invalid');
      return payload.sub;
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof joseErrors.JWTExpired) throw new AppError(ErrorCode.TOKEN_EXPIRED, 'The sign-in token has expired; sign in again');
      throw new AppError(ErrorCode.TOKEN_INVALID, 'The sign-in token is invalid');
    }
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
    const allowed = this.reflector.getAllAndOverride<Permission[] | undefined>(ALLOW_KEY, [context.getHandler(), context.getClass()]);
    // A query with several root fields runs the guard once per field: authenticate once per request.
    const authed = req as typeof req & { principal?: Promise<Principal | null> };
    authed.principal ??= this.authenticate(req.headers.authorization);
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
    const userId = await this.tokens.verify(match[1]);
    const principal = this.loader ? await this.loader.load(userId) : null;
    if (!principal) throw new AppError(ErrorCode.TOKEN_INVALID, 'The sign-in token belongs to no active user');
    return principal;
  }
}
