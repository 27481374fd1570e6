import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { APP_CONFIG, type AppConfig } from './config';
import { clientValueError } from './db';
import { AppError, ErrorCode, MALFORMED_VALUE } from './errors';
import { queryLimitsPlugin } from './graphql-limits';
import { textInputPlugin } from './text-input';

const log = new Logger('GraphQL');

/** Known failures keep their code; anything else is a bug: logged with its stack, shown as a generic error. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Unwrap located errors by shape, not instanceof: a second copy of graphql-js must not turn
  // a known failure into an internal error.
  let original: unknown = error;
  while (original && !(original instanceof AppError) && (original as GraphQLError).originalError)
    original = (original as GraphQLError).originalError;
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.details, code: original.code },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  // Apollo's own validation/parse errors (bad query, bad variable types) are the caller's fault.
  if (code && code !== 'INTERNAL_SERVER_ERROR') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (clientValueError(original)) {
    // Still logged: the site should check its input before the SQL (isUuid …).
    log.warn(
      `client value refused by PostgreSQL at ${formatted.path?.join('.') ?? '?'}: ${(original as Error).message}`,
    );
    return { message: MALFORMED_VALUE, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  const status = (original as { status?: number } | undefined)?.status;
  if (status === 400 || status === 404) {
    return {
      message: formatted.message,
      path: formatted.path,
      extensions: { code: status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT },
    };
  }
  log.error(
    `unexpected error at ${formatted.path?.join('.') ?? '?'}: ${(original as Error)?.stack ?? String(original)}`,
  );
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

export function graphqlModule() {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    inject: [APP_CONFIG, GraphQLSchemaHost],
    useFactory: (config: AppConfig, schemaHost: GraphQLSchemaHost) => ({
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      playground: false,
      introspection: config.GRAPHQL_INTROSPECTION,
      context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
      formatError,
      includeStacktraceInErrorResponses: false,
      plugins: [
        // No field declares a cache hint and no answer is cached by HTTP caches (POST): the default
        // cache-control plugin would only compute a policy for every resolved field of every request.
        ApolloServerPluginCacheControlDisabled(),
        textInputPlugin(),
        queryLimitsPlugin(() => schemaHost.schema, config.GRAPHQL_MAX_DEPTH, config.GRAPHQL_MAX_COMPLEXITY),
      ],
    }),
  });
}
