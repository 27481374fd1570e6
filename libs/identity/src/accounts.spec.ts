import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { OrganizationKind, REDIS, redisKey, Role } from '@bangfu/core';
import { expectErrorCode, type GqlResponse, type TestServer } from '@bangfu/testing';
import { createHash } from 'node:crypto';
import { createOrg, createUserWithRole, TEST_PASSWORD } from './fixtures';
import { weakPasswordReason } from './password-policy';
import { startIdentityServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
const LOGIN = 'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }';
const ME = '{ me { id } }';
const REG = 'mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { accepted message } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }';
const DISABLE = 'mutation($u: ID!, $d: Boolean!) { setUserDisabled(userId: $u, disabled: $d) { id status } }';

beforeAll(async () => {
  ({ server, ds } = await startIdentityServer({ LOGIN_MAX_FAILURES: '3', LOGIN_FIRST_DELAY_SECONDS: '60' }));
});
afterAll(() => server?.close());

/** A GraphQL call from another loopback address: a second client, as the server sees it. */
function gqlFrom(localAddress: string, query: string, variables: Record<string, unknown>): Promise<GqlResponse<any>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/graphql`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('password policy', () => {
  it('needs 10 characters, not only spaces, and refuses common passwords everywhere a password is set', async () => {
    const input = (password: string) => ({
      input: { email: `p-${Math.random().toString(36).slice(2)}@test.bangfu`, displayName: '顾客', password },
    });
    const reason = async (password: string) =>
      expectErrorCode(await server.gql(REG, input(password)), 'WEAK_PASSWORD').extensions?.reason;
    expect(await reason('short-pw1')).toBe('TOO_SHORT'); // 9 characters: accepted before
    expect(await reason(' '.repeat(12))).toBe('BLANK');
    expect(await reason('qwertyuiop')).toBe('COMMON');
    expect(await reason('Password123')).toBe('COMMON'); // case does not help
    expect(await reason('x'.repeat(257))).toBe('TOO_LONG');
    expect((await server.gqlOk(REG, input('绿茶与梵净山的清晨'.repeat(2)))).registerCustomer.accepted).toBe(true);
    // the demo password and the fixtures' password pass
    expect(weakPasswordReason('bangfu-demo')).toBeNull();
    expect(weakPasswordReason(TEST_PASSWORD)).toBeNull();

    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const token = await server.login(email, TEST_PASSWORD);
    expect(
      expectErrorCode(await server.gql(CHANGE, { c: TEST_PASSWORD, n: '1234567890' }, token), 'WEAK_PASSWORD')
        .extensions?.reason,
    ).toBe('COMMON');

    const admin = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
    const org = await createOrg(ds, { kind: OrganizationKind.AGENCY });
    const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
    const staff = {
      email: 'weak@staff.test',
      displayName: '采购员',
      password: 'iloveyou12',
      role: 'PURCHASER',
      organizationId: org.id,
    };
    expectErrorCode(
      await server.gql(CREATE_USER, { input: staff }, await server.login(admin.email, TEST_PASSWORD)),
      'WEAK_PASSWORD',
    );
  });
});

describe('failed-login lockout', () => {
  it('slows the guessing client for that identifier, never the owner signing in from elsewhere', async () => {
    const { email } = await createUserWithRole(ds, Role.PURCHASER);
    for (let i = 0; i < 3; i++)
      expectErrorCode(await gqlFrom('127.0.0.2', LOGIN, { i: email, p: `guess-${i}-wrong` }), 'INVALID_CREDENTIALS');
    expectErrorCode(await gqlFrom('127.0.0.2', LOGIN, { i: email, p: TEST_PASSWORD }), 'RATE_LIMITED');
    // the owner, from another client, is not locked out
    const own = await gqlFrom('127.0.0.1', LOGIN, { i: email, p: TEST_PASSWORD });
    expect(own.errors).toBeUndefined();
    expect(own.data.login.token).toMatch(/^ey/);
  });

  it('lets a burst of parallel guesses through no further than the limit', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => gqlFrom('127.0.0.3', LOGIN, { i: email, p: `burst-${i}-wrong` })),
    );
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(9);
  });

  it('makes each further failure wait twice as long', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const redis = server.app.get<Redis>(REDIS);
    const who = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
    const lockMs = () => redis.pttl(redisKey(server.config, 'login', 'pair-lock', who, '127.0.0.4'));
    for (let i = 0; i < 3; i++) await gqlFrom('127.0.0.4', LOGIN, { i: email, p: `slow-${i}-wrong` });
    const first = expectErrorCode(await gqlFrom('127.0.0.4', LOGIN, { i: email, p: 'slow-x-wrong' }), 'RATE_LIMITED');
    expect(first.extensions?.retryAfterSeconds).toBeGreaterThan(50); // 60 s, less what the calls took
    expect(first.extensions?.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The wait passes (the lock expires): the next failure is checked, then locks twice as long.
    // Expiring the key stands in for sleeping, so a slow machine cannot make the test flaky.
    const pass = () => redis.del(redisKey(server.config, 'login', 'pair-lock', who, '127.0.0.4'));
    await pass();
    expectErrorCode(await gqlFrom('127.0.0.4', LOGIN, { i: email, p: 'slow-4-wrong' }), 'INVALID_CREDENTIALS');
    expect(await lockMs()).toBeGreaterThan(60_000); // 120 s now
    await pass();
    expectErrorCode(await gqlFrom('127.0.0.4', LOGIN, { i: email, p: 'slow-5-wrong' }), 'INVALID_CREDENTIALS');
    expect(await lockMs()).toBeGreaterThan(120_000); // 240 s now
    const last = expectErrorCode(await gqlFrom('127.0.0.4', LOGIN, { i: email, p: TEST_PASSWORD }), 'RATE_LIMITED');
    expect(last.extensions?.retryAfterSeconds).toBeGreaterThan(200);
    expect(last.extensions?.retryAfterSeconds).toBeLessThanOrEqual(240);
  });
});

describe('sessions end on the next request', () => {
  it('logout revokes this token only; logout everywhere ends every token', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const [a, b, c] = [
      await server.login(email, TEST_PASSWORD),
      await server.login(email, TEST_PASSWORD),
      await server.login(email, TEST_PASSWORD),
    ];
    expect((await server.gqlOk('mutation { logout }', {}, a)).logout).toBe(true);
    expect(expectErrorCode(await server.gql(ME, {}, a), 'TOKEN_INVALID').extensions?.reason).toBe('SIGNED_OUT');
    expect((await server.gqlOk(ME, {}, b)).me.id).toBeTruthy();
    await server.gqlOk('mutation { logout(everywhere: true) }', {}, b);
    expectErrorCode(await server.gql(ME, {}, b), 'TOKEN_INVALID');
    expectErrorCode(await server.gql(ME, {}, c), 'TOKEN_INVALID');
    expect((await server.gqlOk(ME, {}, await server.login(email, TEST_PASSWORD))).me.id).toBeTruthy();
    expectErrorCode(await server.gql('mutation { logout }'), 'UNAUTHENTICATED');
  });

  it('a password change ends the other sessions and keeps this one with a new token', async () => {
    const { email, user } = await createUserWithRole(ds, Role.CUSTOMER);
    const here = await server.login(email, TEST_PASSWORD);
    const elsewhere = await server.login(email, TEST_PASSWORD);
    expect(
      expectErrorCode(await server.gql(CHANGE, { c: 'not-my-password', n: 'a-new-secret-42' }, here), 'WRONG_PASSWORD')
        .extensions?.field,
    ).toBe('currentPassword');
    const fresh = (await server.gqlOk(CHANGE, { c: TEST_PASSWORD, n: 'a-new-secret-42' }, here)).changePassword.token;
    expectErrorCode(await server.gql(ME, {}, here), 'TOKEN_INVALID');
    expectErrorCode(await server.gql(ME, {}, elsewhere), 'TOKEN_INVALID');
    expect((await server.gqlOk(ME, {}, fresh)).me.id).toBe(user.id);
    expectErrorCode(await server.gql(LOGIN, { i: email, p: TEST_PASSWORD }), 'INVALID_CREDENTIALS');
    expect(await server.login(email, 'a-new-secret-42')).toMatch(/^ey/);
    const events = await server.gqlOk('{ me { accountEvents { kind } } }', {}, fresh);
    expect(events.me.accountEvents.map((e: { kind: string }) => e.kind)).toEqual(['PASSWORD_CHANGED']);
  });

  it('an admin disables a user: the token fails at once, sign-in fails, re-enabling does not revive old tokens', async () => {
    const root = await createOrg(ds, { kind: OrganizationKind.AGENCY });
    const other = await createOrg(ds, { kind: OrganizationKind.AGENCY });
    const agencyAdmin = await createUserWithRole(ds, Role.AGENCY_ADMIN, { organizationId: root.id });
    const buyer = await createUserWithRole(ds, Role.PURCHASER, { organizationId: root.id });
    const stranger = await createUserWithRole(ds, Role.PURCHASER, { organizationId: other.id });
    const customer = await createUserWithRole(ds, Role.CUSTOMER);
    const adminToken = await server.login(agencyAdmin.email, TEST_PASSWORD);
    const buyerToken = await server.login(buyer.email, TEST_PASSWORD);

    const off = await server.gqlOk(DISABLE, { u: buyer.user.id, d: true }, adminToken);
    expect(off.setUserDisabled.status).toBe('DISABLED');
    expectErrorCode(await server.gql(ME, {}, buyerToken), 'TOKEN_INVALID');
    expectErrorCode(await server.gql(LOGIN, { i: buyer.email, p: TEST_PASSWORD }), 'INVALID_CREDENTIALS');
    await server.gqlOk(DISABLE, { u: buyer.user.id, d: false }, adminToken);
    expectErrorCode(await server.gql(ME, {}, buyerToken), 'TOKEN_INVALID');
    expect(await server.login(buyer.email, TEST_PASSWORD)).toMatch(/^ey/);

    // only inside the admin's own units; customers and oneself only by a platform admin / never
    expectErrorCode(await server.gql(DISABLE, { u: stranger.user.id, d: true }, adminToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(DISABLE, { u: customer.user.id, d: true }, adminToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(DISABLE, { u: agencyAdmin.user.id, d: true }, adminToken), 'CANNOT_DISABLE_SELF');
    expectErrorCode(await server.gql(DISABLE, { u: buyer.user.id, d: true }, buyerToken), 'TOKEN_INVALID');
    expectErrorCode(
      await server.gql(DISABLE, { u: customer.user.id, d: true }, await server.login(customer.email, TEST_PASSWORD)),
      'FORBIDDEN',
    );
    const platform = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
    expect(
      (await server.gqlOk(DISABLE, { u: customer.user.id, d: true }, await server.login(platform.email, TEST_PASSWORD)))
        .setUserDisabled.status,
    ).toBe('DISABLED');
    expect(
      await ds.query(`SELECT kind FROM account_event WHERE user_id = $1 ORDER BY created_at`, [buyer.user.id]),
    ).toEqual([{ kind: 'DISABLED' }, { kind: 'ENABLED' }]);
  });
});

describe('registerCustomer does not reveal who has an account', () => {
  it('answers a taken email exactly like a free one, keeps the owner’s password, and tells the owner', async () => {
    const owner = await createUserWithRole(ds, Role.CUSTOMER);
    const fresh = await server.gql(REG, {
      input: { email: 'brand-new@test.bangfu', displayName: '新顾客', password: 'a-good-passphrase' },
    });
    const taken = await server.gql(REG, {
      input: { email: owner.email.toUpperCase(), displayName: '冒名者', password: 'a-good-passphrase' },
    });
    expect(taken).toEqual(fresh);
    expect(fresh.errors).toBeUndefined();
    expect(await server.login('brand-new@test.bangfu', 'a-good-passphrase')).toMatch(/^ey/);
    expectErrorCode(await server.gql(LOGIN, { i: owner.email, p: 'a-good-passphrase' }), 'INVALID_CREDENTIALS');
    const token = await server.login(owner.email, TEST_PASSWORD);
    const me = await server.gqlOk('{ me { displayName accountEvents { kind } } }', {}, token);
    expect(me.me.displayName).toBe('CUSTOMER');
    expect(me.me.accountEvents.map((e: { kind: string }) => e.kind)).toEqual(['REGISTRATION_ATTEMPT']);
    expect(await ds.query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [owner.email])).toEqual([
      { n: 1 },
    ]);
  });
});

describe('operational endpoints in production', () => {
  it('keeps /health public but hides readiness details and /metrics without METRICS_TOKEN', async () => {
    const { server: prod } = await startIdentityServer({ NODE_ENV: 'production' });
    try {
      expect(await (await fetch(`${prod.url}/health`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${prod.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok' });
      expect((await fetch(`${prod.url}/metrics`)).status).toBe(404);
    } finally {
      await prod.close();
    }
  });

  it('serves them to the bearer of METRICS_TOKEN only', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const { server: prod } = await startIdentityServer({ NODE_ENV: 'production', METRICS_TOKEN: token });
    try {
      const metrics = (auth?: string) => fetch(`${prod.url}/metrics`, { headers: auth ? { authorization: auth } : {} });
      expect((await metrics()).status).toBe(401);
      expect((await metrics('Bearer wrong-token-0123456789abcdef')).status).toBe(401);
      const ok = await metrics(`Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('bangfu_login_attempts_total');
      expect(await (await fetch(`${prod.url}/health/ready`)).json()).toEqual({ status: 'ok' });
      const detailed = await fetch(`${prod.url}/health/ready`, { headers: { authorization: `Bearer ${token}` } });
      expect(await detailed.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
    } finally {
      await prod.close();
    }
  });
});
