import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from './errors';

/**
 * Expected failures are not server errors: hand them to GraphQL as they are (formatError shapes
 * them) or answer REST callers with their status and code, without Nest logging a stack.
 */
@Catch(AppError)
export class AppErrorFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return error;
    const res = host.switchToHttp().getResponse<Response>();
    res.status(error.httpStatus).json({ error: { code: error.code, message: error.message, ...error.details } });
  }
}
