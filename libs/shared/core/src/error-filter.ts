import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { clientValueError } from './db';
import { AppError, ErrorCode, MALFORMED_VALUE } from './errors';

const log = new Logger('HTTP');

/** Nest's own HTTP exceptions (no route, wrong method …) by status, as our stable codes. */
const CODE_BY_STATUS: Record<number, string> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: 'PAYLOAD_TOO_LARGE',
  429: ErrorCode.RATE_LIMITED,
};

/**
 * Every failure leaves as `{ error: { code, message } }` over REST (docs/ARCHITECTURE.md): expected
 * failures with their status and code, Nest's HTTP exceptions (an unknown route is a 404 NOT_FOUND)
 * with the code for their status, anything else as a logged 500 without details. GraphQL errors are
 * rethrown untouched (formatError shapes them).
 */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost) {
    // GraphQL (formatError shapes it) and anything else that is not a plain HTTP request.
    if (host.getType<string>() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (error instanceof AppError) {
      res.status(error.httpStatus).json({ error: { code: error.code, message: error.message, ...error.details } });
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      const code = CODE_BY_STATUS[status] ?? (status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT);
      res.status(status).json({ error: { code, message: error.message } });
      return;
    }
    if (clientValueError(error)) {
      log.warn(`client value refused by PostgreSQL: ${(error as Error).message}`);
      res.status(400).json({ error: { code: ErrorCode.BAD_USER_INPUT, message: MALFORMED_VALUE } });
      return;
    }
    log.error(`unexpected error: ${(error as Error)?.stack ?? String(error)}`);
    res.status(500).json({ error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' } });
  }
}
