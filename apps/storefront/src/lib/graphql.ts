// A deliberately small GraphQL client: one POST per operation, errors reduced to a stable code
// (the API's `extensions.code`) that the UI translates; the server's message is kept for logs.

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

export interface GraphQLClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  readonly tokens: TokenStore;
}

export function createGraphQLClient(options: {
  endpoint?: string;
  tokens: TokenStore;
  fetch?: typeof fetch;
}): GraphQLClient {
  const endpoint = options.endpoint ?? '/graphql';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const tokens = options.tokens;

  async function request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const token = tokens.get();
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await doFetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    } catch (e) {
      throw new RequestError(CLIENT_CODES.NETWORK, e instanceof Error ? e.message : String(e));
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      /* not JSON: errorFromResponse decides from the status */
    }
    const error = errorFromResponse(res.status, body);
    if (error) {
      if (token && SESSION_CODES.has(error.code)) tokens.set(null);
      throw error;
    }
    return (body as { data: T }).data;
  }

  return { request, tokens };
}

/** Any thrown value as a RequestError, so callers handle one shape. */
export function asRequestError(e: unknown): RequestError {
  if (e instanceof RequestError) return e;
  return new RequestError(CLIENT_CODES.UNKNOWN, e instanceof Error ? e.message : String(e));
}
