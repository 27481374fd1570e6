import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { createUserWithRole, TEST_PASSWORD } from './fixtures';
import { LogPasswordResetDelivery, PASSWORD_RESET_DELIVERY } from './password-reset-delivery';
import { RESET_REQUESTED_MESSAGE } from './password-reset.service';
import { startIdentityServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let delivery: LogPasswordResetDelivery;
const REQUEST = 'mutation($i: String!) { requestPasswordReset(identifier: $i) { accepted message } }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const LOGIN = 'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }';
const ME = '{ me { id } }';
const NEW_PASSWORD = '梵净山的新密码-2026';

beforeAll(async () => {
  ({ server, ds } = await startIdentityServer());
  delivery = server.app.get(PASSWORD_RESET_DELIVERY);
});
afterAll(() => server?.close());

/** Asks for a code for this identifier and returns the one delivered (or null when none was sent). */
async function requestCode(identifier: string): Promise<string | null> {
  const before = delivery.sent.length;
  const data = await server.gqlOk(REQUEST, { i: identifier });
  expect(data.requestPasswordReset).toEqual({ accepted: true, message: RESET_REQUESTED_MESSAGE });
  return delivery.sent.length > before ? delivery.sent[delivery.sent.length - 1].token : null;
}

describe('password reset', () => {
  it('delivers a code through the channel; the code sets a new password and ends every session', async () => {
    const { user, email } = await createUserWithRole(ds, Role.CUSTOMER);
    const session = await server.login(email, TEST_PASSWORD);
    const token = await requestCode(email.toUpperCase());
    expect(token).toBeTruthy();
    const sent = delivery.sent[delivery.sent.length - 1];
    expect(sent).toMatchObject({ userId: user.id, kind: 'PASSWORD_RESET' });
    expect(sent.text).toContain(token!);
    // only the hash is stored
    const rows: Array<{ token_hash: string }> = await ds.query(
      `SELECT token_hash FROM password_reset WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(token!);

    expect((await server.gqlOk(RESET, { t: token, p: NEW_PASSWORD })).resetPassword).toBe(true);
    expectErrorCode(await server.gql(LOGIN, { i: email, p: TEST_PASSWORD }), 'INVALID_CREDENTIALS');
    expect(await server.login(email, NEW_PASSWORD)).toBeTruthy();
    // the session from before the reset is over (token_version rose)
    expectErrorCode(await server.gql(ME, {}, session), 'TOKEN_INVALID');
    const events: Array<{ kind: string }> = await ds.query(
      `SELECT kind FROM account_event WHERE user_id = $1 ORDER BY created_at`,
      [user.id],
    );
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET']));
  });

  it('a code works once', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const token = await requestCode(email);
    expect((await server.gqlOk(RESET, { t: token, p: NEW_PASSWORD })).resetPassword).toBe(true);
    expectErrorCode(await server.gql(RESET, { t: token, p: 'another-good-password-9' }), 'RESET_TOKEN_INVALID');
    expect(await server.login(email, NEW_PASSWORD)).toBeTruthy();
  });

  it('two racing resets with one code: exactly one wins', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const token = await requestCode(email);
    const results = await Promise.all([
      server.gql(RESET, { t: token, p: 'first-racer-password-1' }),
      server.gql(RESET, { t: token, p: 'second-racer-password-2' }),
    ]);
    expect(results.filter((r) => r.data?.resetPassword === true)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'RESET_TOKEN_INVALID')).toHaveLength(1);
  });

  it('an expired code is refused, and the password stays', async () => {
    const { user, email } = await createUserWithRole(ds, Role.CUSTOMER);
    const token = await requestCode(email);
    await ds.query(
      `UPDATE password_reset SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    expectErrorCode(await server.gql(RESET, { t: token, p: NEW_PASSWORD }), 'RESET_TOKEN_INVALID');
    expect(await server.login(email, TEST_PASSWORD)).toBeTruthy();
  });

  it('the password policy applies, and a refused password does not spend the code', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const token = await requestCode(email);
    expect(expectErrorCode(await server.gql(RESET, { t: token, p: 'short' }), 'WEAK_PASSWORD').extensions?.reason).toBe(
      'TOO_SHORT',
    );
    expect(
      expectErrorCode(await server.gql(RESET, { t: token, p: 'qwertyuiop' }), 'WEAK_PASSWORD').extensions?.reason,
    ).toBe('COMMON');
    expect((await server.gqlOk(RESET, { t: token, p: NEW_PASSWORD })).resetPassword).toBe(true);
  });

  it('does not tell whether an account exists: same answer, no code for unknown or disabled accounts', async () => {
    expect(await requestCode('nobody-here@test.bangfu')).toBeNull();
    expect(await requestCode('13900000000')).toBeNull();
    const { user, email } = await createUserWithRole(ds, Role.CUSTOMER);
    await ds.query(`UPDATE app_user SET status = 'DISABLED' WHERE id = $1`, [user.id]);
    expect(await requestCode(email)).toBeNull();
    // unknown and forged codes read exactly like a used one
    expectErrorCode(await server.gql(RESET, { t: 'x'.repeat(43), p: NEW_PASSWORD }), 'RESET_TOKEN_INVALID');
    expectErrorCode(await server.gql(RESET, { t: '', p: NEW_PASSWORD }), 'RESET_TOKEN_INVALID');
  });

  it('one code per minute per account, and a new reset spends older codes', async () => {
    const { user, email } = await createUserWithRole(ds, Role.CUSTOMER);
    const first = await requestCode(email);
    expect(first).toBeTruthy();
    expect(await requestCode(email)).toBeNull(); // same answer, nothing sent
    await ds.query(`UPDATE password_reset SET created_at = now() - interval '5 minutes' WHERE user_id = $1`, [user.id]);
    const second = await requestCode(email);
    expect(second).toBeTruthy();
    expect((await server.gqlOk(RESET, { t: second, p: NEW_PASSWORD })).resetPassword).toBe(true);
    expectErrorCode(await server.gql(RESET, { t: first, p: 'yet-another-password-7' }), 'RESET_TOKEN_INVALID');
  });
});
