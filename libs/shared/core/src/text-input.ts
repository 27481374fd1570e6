import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { type DocumentNode, Kind, visit } from 'graphql';
import { AppError, ErrorCode, withHttpStatus } from './errors';
import { perDocument } from './document-memo';

/**
 * C0 control characters other than tab, line feed and carriage return, and UTF-16 surrogates that
 * are not part of a pair. PostgreSQL refuses a NUL byte in text ("invalid byte sequence"), a lone
 * surrogate silently becomes U+FFFD on the way to UTF-8, and the other controls are never real text.
 */
const INVALID_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isValidText = (s: string): boolean => !INVALID_TEXT.test(s);

/** The path of the first string (value or object key) holding invalid text, or null when all are clean. */
export function findInvalidText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isValidText(value) ? null : path || '(value)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInvalidText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isValidText(key)) return at;
      const found = findInvalidText(v, at);
      if (found) return found;
    }
  }
  return null;
}

const MESSAGE = 'Text must not contain NUL bytes, control characters or unpaired surrogates';

export const invalidTextError = (field: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `${MESSAGE} (${field})`, { field });

/** The first string literal in the document (arguments, defaults) holding invalid text. */
function invalidLiteral(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!found && !isValidText(node.value)) found = 'query';
    },
  });
  return found;
}

/**
 * Refuses invalid text in any GraphQL variable or literal before a resolver runs, so every field of
 * every operation answers BAD_USER_INPUT (HTTP 400) instead of reaching the database.
 */
export function textInputPlugin(): ApolloServerPlugin {
  // A document's literals are checked once, not on every request.
  const literalOf = perDocument(invalidLiteral);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const variable = findInvalidText(request.variables ?? {});
          const field = variable ? `variables.${variable}` : literalOf(document);
          if (field) throw withHttpStatus(invalidTextError(field));
        },
      };
    },
  };
}

/**
 * The same check for REST: JSON bodies, query strings and the path. GraphQL checks its own requests
 * (with a GraphQL-shaped answer); signed provider webhooks are not refused for text we do not keep.
 */
export function rejectInvalidText(req: Request, res: Response, next: NextFunction) {
  if (req.path.startsWith('/graphql') || req.path.startsWith('/webhooks/')) return next();
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    path = req.path;
  }
  const field = !isValidText(path)
    ? 'path'
    : (findInvalidText(req.query ?? {}, 'query') ?? findInvalidText(req.body ?? {}, 'body'));
  if (!field) return next();
  const error = invalidTextError(field);
  res.status(400).json({ error: { code: error.code, message: error.message, field } });
}
