import { TypedDocumentString } from '../api/generated/graphql';
import { describe, expect, it } from 'vitest';
import { createGraphQLClient, errorFromResponse, memoryTokenStore, RequestError } from './graphql';

const doc = (query: string) => new TypedDocumentString<any, any>(query);

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
}

describe('errorFromResponse', () => {
  it('returns null when the body has data and no errors', () => {
    expect(errorFromResponse(200, { data: { me: null } })).toBeNull();
  });

  it('takes the code and details of the first GraphQL error, whatever the status', () => {
    const e = errorFromResponse(200, {
      data: null,
      errors: [{ message: 'Too many', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30, stacktrace: ['…'] } }],
    });
    expect(e).toBeInstanceOf(RequestError);
    expect(e?.code).toBe('RATE_LIMITED');
    expect(e?.details).toEqual({ retryAfterSeconds: 30 });
    expect(
      errorFromResponse(401, { errors: [{ message: 'no', extensions: { code: 'INVALID_CREDENTIALS' } }] })?.code,
    ).toBe('INVALID_CREDENTIALS');
  });

  it('maps bodies without GraphQL errors to NETWORK (gateway) or UNKNOWN', () => {
    expect(errorFromResponse(502, null)?.code).toBe('NETWORK');
    expect(errorFromResponse(500, null)?.code).toBe('UNKNOWN');
    expect(errorFromResponse(200, { errors: [{ message: 'x' }] })?.code).toBe('UNKNOWN');
  });
});

describe('createGraphQLClient', () => {
  it('POSTs JSON with the bearer token and returns data', async () => {
    const calls: Call[] = [];
    const client = createGraphQLClient({
      tokens: memoryTokenStore('tok'),
      fetch: fakeFetch(200, { data: { ok: true } }, calls),
    });
    await expect(client.request(doc('{ ok }'), { a: 1 })).resolves.toEqual({ ok: true });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0].url).toBe('/graphql');
    expect(calls[0].init.method).toBe('POST');
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBe('Bearer tok');
    const body = JSON.parse(String(calls[0].init.body));
    expect(body.variables).toEqual({ a: 1 });
    expect(body.query.replace(/\s+/g, ' ')).toBe('{ ok }');
  });

  it('sends identical queries in flight once, and mutations each time', async () => {
    const calls: Call[] = [];
    const client = createGraphQLClient({
      tokens: memoryTokenStore(),
      fetch: fakeFetch(200, { data: { ok: 1 } }, calls),
    });
    const query = doc('query Q($a: Int) { ok(a: $a) }');
    await Promise.all([client.request(query, { a: 1 }), client.request(query, { a: 1 })]);
    expect(calls).toHaveLength(1);
    await client.request(query, { a: 2 });
    expect(calls).toHaveLength(2);
    const mutation = doc('mutation M { ok }');
    await Promise.all([client.request(mutation), client.request(mutation)]);
    expect(calls).toHaveLength(4);
  });

  it('sends no authorization header when anonymous', async () => {
    const calls: Call[] = [];
    const client = createGraphQLClient({ tokens: memoryTokenStore(), fetch: fakeFetch(200, { data: {} }, calls) });
    await client.request(doc('{ me { id } }'));
    expect((calls[0].init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('throws RequestError with the API code, and drops an expired token', async () => {
    const tokens = memoryTokenStore('old');
    const client = createGraphQLClient({
      tokens,
      fetch: fakeFetch(401, { errors: [{ message: 'expired', extensions: { code: 'TOKEN_EXPIRED' } }] }),
    });
    await expect(client.request(doc('{ me { id } }'))).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(tokens.get()).toBeNull();
  });

  it('keeps the token on other errors', async () => {
    const tokens = memoryTokenStore('tok');
    const client = createGraphQLClient({
      tokens,
      fetch: fakeFetch(200, { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }),
    });
    await expect(client.request(doc('{ x }'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(tokens.get()).toBe('tok');
  });

  it('reports NETWORK when fetch fails or the answer is not JSON from a gateway', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(
      createGraphQLClient({ tokens: memoryTokenStore(), fetch: failing }).request(doc('{ x }')),
    ).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(
      createGraphQLClient({ tokens: memoryTokenStore(), fetch: fakeFetch(504, '<html>timeout</html>') }).request(
        doc('{ x }'),
      ),
    ).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });
});
