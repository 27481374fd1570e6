import { registerEnumType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Every error code of every domain: GraphQL's `ErrorCode` enum. Each domain declares its own codes with
 * `defineErrorCodes` (libs/<domain>/src/<domain>.errors.ts), which adds them here as the domain loads, so
 * the schema built after all domains are imported lists them all and the storefront's generated types
 * (and its translations) follow from schema.graphql. Two domains may answer with the same code
 * (CHANNEL_DISABLED at checkout and at a counter); it is one enum value.
 */
export const ALL_ERROR_CODES: Record<string, string> = {};

registerEnumType(ALL_ERROR_CODES, {
  name: 'ErrorCode',
  description:
    'Stable error codes: `extensions.code` of a GraphQL error, `error.code` of a REST error, `code` of a union result',
});

/** Declares a domain's codes (each key equal to its value) and adds them to the `ErrorCode` enum. */
export function defineErrorCodes<const C extends Record<string, string>>(domain: string, codes: C): C {
  for (const [key, value] of Object.entries(codes)) {
    if (key !== value) throw new Error(`error code ${domain}.${key} must equal its value (${value})`);
    ALL_ERROR_CODES[key] = value;
  }
  return codes;
}

/**
 * Stable, documented error codes shared by several domains. Clients switch on `extensions.code`, never
 * on the message. Business outcomes a caller should handle (out of stock, …) are union results instead.
 */
export const ErrorCode = defineErrorCodes('core', {
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CERTIFICATION_INVALID: 'CERTIFICATION_INVALID',
  CONFLICT: 'CONFLICT',
  DUPLICATE_CREDIT_CODE: 'DUPLICATE_CREDIT_CODE',
  EXPORT_TOO_LARGE: 'EXPORT_TOO_LARGE',
  FORBIDDEN: 'FORBIDDEN',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  INVALID_CREDIT_CODE: 'INVALID_CREDIT_CODE',
  INVALID_DATE: 'INVALID_DATE',
  INVALID_DATES: 'INVALID_DATES',
  INVALID_PRICE: 'INVALID_PRICE',
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  INVALID_REGION_CODE: 'INVALID_REGION_CODE',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  JOB_NOT_FAILED: 'JOB_NOT_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  NO_HOUSEHOLD: 'NO_HOUSEHOLD',
  ORDER_NOT_PAYABLE: 'ORDER_NOT_PAYABLE',
  ORIGIN_NOT_ELIGIBLE: 'ORIGIN_NOT_ELIGIBLE',
  PAYMENT_AMOUNT_MISMATCH: 'PAYMENT_AMOUNT_MISMATCH',
  PRODUCT_UNAVAILABLE: 'PRODUCT_UNAVAILABLE',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  RATE_LIMITED: 'RATE_LIMITED',
  REFUND_EXCEEDS_PAID: 'REFUND_EXCEEDS_PAID',
  REFUND_NOT_ALLOWED: 'REFUND_NOT_ALLOWED',
  SUPPLIER_NOT_APPROVED: 'SUPPLIER_NOT_APPROVED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOO_MANY_IMAGES: 'TOO_MANY_IMAGES',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  UNKNOWN_QUEUE: 'UNKNOWN_QUEUE',
  UNKNOWN_VARIANT: 'UNKNOWN_VARIANT',
  WRONG_REGION_LEVEL: 'WRONG_REGION_LEVEL',
});
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

/** The answer to a value PostgreSQL could not read (db.ts clientValueError); says which kind, never the SQL. */
export const MALFORMED_VALUE = 'A value in the request is malformed or out of range (ids are UUIDs, dates YYYY-MM-DD)';

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
