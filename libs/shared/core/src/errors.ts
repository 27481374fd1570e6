import { GraphQLError } from 'graphql';

/**
 * Stable, documented error codes. Clients switch on `extensions.code`, never on the message.
 * Business outcomes a caller should handle (out of stock, …) are union results instead.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  RATE_LIMITED: 'RATE_LIMITED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode] | (string & {});

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** An expected failure with a stable code; safe to show to the caller. */
export class AppError extends GraphQLError {
  readonly code: string;
  readonly httpStatus: number;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCodeName, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.code = code;
    this.details = details;
    this.httpStatus = HTTP_STATUS[code] ?? 400;
  }
}

/** An expected failure answered over REST with a specific status (413 too large, 415 wrong type …). */
export class HttpAppError extends AppError {
  constructor(
    code: ErrorCodeName,
    message: string,
    override readonly httpStatus: number,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, details);
  }
}

export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (what: string, id: string | number) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${id} not found`, { entity: what, id: String(id) });
export const forbidden = (message = 'You are not allowed to do this') => new AppError(ErrorCode.FORBIDDEN, message);

/**
 * Apollo answers an error thrown before execution with HTTP 500 unless it carries `extensions.http`;
 * a caller's mistake gets its own status (formatError drops the `http` key from the answer).
 */
export function withHttpStatus<E extends AppError>(error: E): E {
  (error.extensions as Record<string, unknown>).http = { status: error.httpStatus };
  return error;
}
