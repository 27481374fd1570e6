// The GraphQL client: urql sending codegen-typed documents (src/api/generated), errors reduced to a
// stable code (the API's `extensions.code`) that the UI translates; the server's message is kept for logs.
import { type AnyVariables, Client, type CombinedError, fetchExchange } from '@urql/core';

/** Codes the client itself produces, next to the server's (INVALID_CREDENTIALS, RATE_LIMITED, …). */
export const CLIENT_CODES = { NETWORK: 'NETWORK', UNKNOWN: 'UNKNOWN' } as const;

/** Codes after which the stored token is useless. */
const SESSION_CODES = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID']);

export class RequestError extends Error {
  readonly code: string;
  /** The rest of `extensions` (e.g. retryAfterSeconds, field). */
  readonly details: Record<string, unknown>;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'RequestError';
    this.code = code;
    this.details = details;
  }
}

interface GraphQLErrorJson {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * Turns an HTTP status and parsed body into the error to throw, or null when the body carries data.
 * Apollo answers some errors with 4xx and a normal GraphQL body, so the body decides, not the status.
 */
export function errorFromResponse(status: number, body: unknown): RequestError | null {
  const json = (body && typeof body === 'object' ? body : null) as {
    data?: unknown;
    errors?: GraphQLErrorJson[];
  } | null;
  const first = Array.isArray(json?.errors) ? json.errors[0] : undefined;
  if (first) {
    const { code, stacktrace: _stack, ...details } = first.extensions ?? {};
    const message = typeof first.message === 'string' ? first.message : 'GraphQL error';
    return new RequestError(typeof code === 'string' && code ? code : CLIENT_CODES.UNKNOWN, message, details);
  }
  if (json && json.data != null && status < 400) return null;
  // No GraphQL body at all: a proxy or gateway answered, i.e. the API is not reachable.
  if (status === 0 || status === 502 || status === 503 || status === 504) {
    return new RequestError(CLIENT_CODES.NETWORK, `HTTP ${status}`);
  }
  return new RequestError(CLIENT_CODES.UNKNOWN, `Unexpected response (HTTP ${status})`);
}

export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return { get: () => token, set: (t) => void (token = t) };
}

/** Keeps the session across reloads; falls back to memory where storage is unavailable. */
export function localTokenStore(key = 'bangfu.token'): TokenStore {
  const fallback = memoryTokenStore();
  return {
    get() {
      try {
        return localStorage.getItem(key);
      } catch {
        return fallback.get();
      }
    },
    set(token) {
      fallback.set(token);
      try {
        if (token) localStorage.setItem(key, token);
        else localStorage.removeItem(key);
      } catch {
        /* memory fallback keeps it for this page */
      }
    },
  };
}

/** A document typed by codegen (src/api/generated, a TypedDocumentString): its text, result and variables. */
export interface Doc<R = any, V = any> {
  __apiType?: (variables: V) => R;
  toString(): string;
}
export type ResultOf<D> = D extends Doc<infer R, any> ? R : never;
export type VariablesOf<D> = D extends Doc<any, infer V> ? V : never;

export interface GraphQLClient {
  request<R, V extends AnyVariables = any>(document: Doc<R, V>, variables?: NoInfer<V>): Promise<R>;
  readonly tokens: TokenStore;
}

// Codegen puts the operation first and its fragments after it.
const isMutation = (query: string) => /^\s*mutation\b/.test(query);

/** urql's error as ours: the first GraphQL error's code, else what the HTTP answer says. */
export function errorFromCombined(error: CombinedError): RequestError {
  const response = error.response as { status?: unknown } | undefined;
  const status = typeof response?.status === 'number' ? response.status : 0;
  if (error.graphQLErrors.length) {
    const errors = error.graphQLErrors.map((e) => ({ message: e.message, extensions: e.extensions }));
    return errorFromResponse(status, { errors }) as RequestError;
  }
  // No answer at all: fetch itself failed (offline, DNS, CORS).
  if (!response) return new RequestError(CLIENT_CODES.NETWORK, error.networkError?.message ?? error.message);
  return errorFromResponse(status, null) as RequestError;
}

/**
 * urql with only its fetch exchange: no document cache (pages reload explicitly and the answers go
 * back into mutations as they are, so no added __typename), identical queries in flight are sent once.
 */
export function createGraphQLClient(options: {
  endpoint?: string;
  tokens: TokenStore;
  fetch?: typeof fetch;
}): GraphQLClient {
  const tokens = options.tokens;
  const client = new Client({
    url: options.endpoint ?? '/graphql',
    exchanges: [fetchExchange],
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    // POST always: Apollo's CSRF prevention refuses simple GETs.
    preferGetMethod: false,
    fetchOptions: () => {
      const token = tokens.get();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });

  async function request<R, V extends AnyVariables>(document: Doc<R, V>, variables?: V): Promise<R> {
    const token = tokens.get();
    const query = document.toString();
    const vars = (variables ?? {}) as V;
    const result = await (
      isMutation(query) ? client.mutation<R, V>(query, vars) : client.query<R, V>(query, vars)
    ).toPromise();
    if (result.error) {
      const error = errorFromCombined(result.error);
      if (token && SESSION_CODES.has(error.code)) tokens.set(null);
      throw error;
    }
    return result.data as R;
  }

  return { request, tokens };
}

/** Any thrown value as a RequestError, so callers handle one shape. */
export function asRequestError(e: unknown): RequestError {
  if (e instanceof RequestError) return e;
  return new RequestError(CLIENT_CODES.UNKNOWN, e instanceof Error ? e.message : String(e));
}
