import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { OrganizationKind, Role, TokenService } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { createOrg, createUserWithRole, TEST_PASSWORD } from './fixtures';
import { withCheckChar } from './credit-code';
import { startIdentityServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
const LOGIN =
  'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token expiresAt user { id email } } }';
const ME = '{ me { id displayName roles memberships { role regionPrefix organization { id name } } } }';

beforeAll(async () => {
  ({ server, ds } = await startIdentityServer({ LOGIN_MAX_FAILURES: '3' }));
});
afterAll(() => server?.close());

describe('login and me', () => {
  it('signs in with email and returns the user through me', async () => {
    const { email, user } = await createUserWithRole(ds, Role.PURCHASER);
    const data = await server.gqlOk(LOGIN, { i: email, p: TEST_PASSWORD });
    expect(data.login.user.id).toBe(user.id);
    const me = await server.gqlOk(ME, {}, data.login.token);
    expect(me.me.roles).toEqual(['PURCHASER']);
    expect(me.me.memberships[0].organization.id).toBeTruthy();
  });

  it('returns null for me when anonymous', async () => {
    expect((await server.gqlOk(ME)).me).toBeNull();
  });

  it('gives INVALID_CREDENTIALS for a wrong password and for an unknown user alike', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const wrong = await server.gql(LOGIN, { i: email, p: 'not-the-password' });
    const unknown = await server.gql(LOGIN, { i: 'nobody@test.bangfu', p: 'whatever-1' });
    expect(expectErrorCode(wrong, 'INVALID_CREDENTIALS').message).toBe(
      expectErrorCode(unknown, 'INVALID_CREDENTIALS').message,
    );
    expect(wrong.data).toBeNull();
  });

  it('rate-limits repeated failures for an identifier, even with the right password afterwards', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    for (let i = 0; i < 3; i++)
      expectErrorCode(await server.gql(LOGIN, { i: email, p: 'bad-password' }), 'INVALID_CREDENTIALS');
    const limited = expectErrorCode(await server.gql(LOGIN, { i: email, p: TEST_PASSWORD }), 'RATE_LIMITED');
    expect(limited.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refuses a forged token and an expired token with distinct codes', async () => {
    const { email } = await createUserWithRole(ds, Role.CUSTOMER);
    const token = (await server.gqlOk(LOGIN, { i: email, p: TEST_PASSWORD })).login.token as string;
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    expectErrorCode(await server.gql(ME, {}, forged), 'TOKEN_INVALID');
    expectErrorCode(await server.gql(ME, {}, 'garbage'), 'TOKEN_INVALID');

    const tokens = server.app.get(TokenService);
    const { user } = await createUserWithRole(ds, Role.CUSTOMER);
    const { token: expired } = await tokens.sign(user.id, -10);
    expectErrorCode(await server.gql(ME, {}, expired), 'TOKEN_EXPIRED');
  });

  // TokenService remembers verified tokens: what it remembers must never outlive the token or vouch for another text.
  it('refuses a token used before once it expires, and a forgery of a token it has already verified', async () => {
    const tokens = server.app.get(TokenService);
    const { user } = await createUserWithRole(ds, Role.CUSTOMER);
    const { token, expiresAt } = await tokens.sign(user.id, 2);
    expect((await server.gqlOk(ME, {}, token)).me.id).toBe(user.id);
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${Buffer.from('y'.repeat(32)).toString('base64url')}`;
    expectErrorCode(await server.gql(ME, {}, forged), 'TOKEN_INVALID');
    expect((await server.gqlOk(ME, {}, token)).me.id).toBe(user.id);
    await new Promise((r) => setTimeout(r, expiresAt.getTime() - Date.now() + 50));
    expectErrorCode(await server.gql(ME, {}, token), 'TOKEN_EXPIRED');
  });

  it('stops honouring a token once the user is disabled', async () => {
    const { email, user } = await createUserWithRole(ds, Role.CUSTOMER);
    const token = await server.login(email, TEST_PASSWORD);
    await ds.query(`UPDATE app_user SET status = 'DISABLED' WHERE id = $1`, [user.id]);
    expectErrorCode(await server.gql(ME, {}, token), 'TOKEN_INVALID');
  });
});

describe('deny by default and roles', () => {
  const CREATE_ORG =
    'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name creditCode parentId } }';

  it('refuses anonymous callers with UNAUTHENTICATED and wrong roles with FORBIDDEN', async () => {
    const input = {
      kind: 'AGENCY',
      name: '测试单位',
      creditCode: withCheckChar('11440100006950124'),
      regionCode: '440100000000',
    };
    expectErrorCode(await server.gql(CREATE_ORG, { input }), 'UNAUTHENTICATED');
    const { email } = await createUserWithRole(ds, Role.PURCHASER);
    expectErrorCode(await server.gql(CREATE_ORG, { input }, await server.login(email, TEST_PASSWORD)), 'FORBIDDEN');
  });

  it('lets a platform admin create organisations and validates the credit code checksum', async () => {
    const { email } = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
    const token = await server.login(email, TEST_PASSWORD);
    const good = withCheckChar('12440100455350013');
    const made = await server.gqlOk(
      CREATE_ORG,
      { input: { kind: 'AGENCY', name: '广州市某中学', creditCode: good, regionCode: '440100000000' } },
      token,
    );
    expect(made.createOrganization.creditCode).toBe(good);

    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const supplierCode = withCheckChar('93520621MA6DKT8Y2');
    const refused: Array<[Record<string, string>, string]> = [
      [{ kind: 'AGENCY', name: 'x', creditCode: bad, regionCode: '440100000000' }, 'INVALID_CREDIT_CODE'],
      [{ kind: 'AGENCY', name: 'dup', creditCode: good, regionCode: '440100000000' }, 'DUPLICATE_CREDIT_CODE'],
      [{ kind: 'SUPPLIER', name: 'x', creditCode: supplierCode, regionCode: '9999' }, 'INVALID_REGION_CODE'],
      [{ kind: 'SUPPLIER', name: 'x', creditCode: supplierCode, regionCode: '999999000000' }, 'UNKNOWN_REGION'],
      [
        { kind: 'SUPPLIER', name: 'x', creditCode: withCheckChar('93520621MA6DKT8Y3'), regionCode: '520000000000' },
        'WRONG_REGION_LEVEL',
      ],
    ];
    for (const [input, code] of refused) expectErrorCode(await server.gql(CREATE_ORG, { input }, token), code);
  });

  it('lets an agency admin add subordinate units and staff only inside its own tree', async () => {
    const root = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode: '440100000000' });
    const other = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode: '440100000000' });
    const { email } = await createUserWithRole(ds, Role.AGENCY_ADMIN, { organizationId: root.id });
    const token = await server.login(email, TEST_PASSWORD);
    const child = await server.gqlOk(
      CREATE_ORG,
      {
        input: {
          kind: 'AGENCY',
          name: '下属单位',
          creditCode: withCheckChar('12440100455350099'),
          regionCode: '440100000000',
          parentId: root.id,
        },
      },
      token,
    );
    expect(child.createOrganization.parentId).toBe(root.id);
    expectErrorCode(
      await server.gql(
        CREATE_ORG,
        {
          input: {
            kind: 'AGENCY',
            name: 'x',
            creditCode: withCheckChar('12440100455350098'),
            regionCode: '440100000000',
            parentId: other.id,
          },
        },
        token,
      ),
      'FORBIDDEN',
    );

    const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email roles } }';
    const made = await server.gqlOk(
      CREATE_USER,
      {
        input: {
          email: 'buyer@child.test',
          displayName: '采购员',
          password: 'long-enough-1',
          role: 'PURCHASER',
          organizationId: child.createOrganization.id,
        },
      },
      token,
    );
    expect(made.createUser.roles).toEqual(['PURCHASER']);
    expectErrorCode(
      await server.gql(
        CREATE_USER,
        {
          input: {
            email: 'x@other.test',
            displayName: 'x',
            password: 'long-enough-1',
            role: 'PURCHASER',
            organizationId: other.id,
          },
        },
        token,
      ),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(
        CREATE_USER,
        {
          input: {
            email: 'y@child.test',
            displayName: 'y',
            password: 'long-enough-1',
            role: 'SUPPLIER_ADMIN',
            organizationId: child.createOrganization.id,
          },
        },
        token,
      ),
      'FORBIDDEN',
    );
    // nothing half-written: the refused users do not exist
    expect(await ds.query(`SELECT 1 FROM app_user WHERE email IN ('x@other.test','y@child.test')`)).toHaveLength(0);

    const seen = await server.gqlOk('{ organizations { id } }', {}, token);
    const ids = seen.organizations.map((o: { id: string }) => o.id);
    expect(ids).toContain(child.createOrganization.id);
    expect(ids).not.toContain(other.id);
  });

  it('scopes a coordinator to its region prefix', async () => {
    const office = await createOrg(ds, { kind: OrganizationKind.COORDINATION_OFFICE, regionCode: '520600000000' });
    const inside = await createOrg(ds, { kind: OrganizationKind.SUPPLIER, regionCode: '520621000000' });
    const outside = await createOrg(ds, { kind: OrganizationKind.SUPPLIER, regionCode: '610724000000' });
    const { email } = await createUserWithRole(ds, Role.COORDINATOR, {
      organizationId: office.id,
      regionPrefix: '5206',
    });
    const token = await server.login(email, TEST_PASSWORD);
    const me = await server.gqlOk(ME, {}, token);
    expect(me.me.memberships[0].regionPrefix).toBe('5206');
    const ids = (await server.gqlOk('{ organizations(kind: SUPPLIER) { id } }', {}, token)).organizations.map(
      (o: { id: string }) => o.id,
    );
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
  });

  it('lets anyone register as a customer, with clear errors for bad input', async () => {
    const REG = 'mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { accepted } }';
    const ok = await server.gqlOk(REG, {
      input: { email: 'shopper@test.bangfu', displayName: '顾客', password: 'long-enough-1' },
    });
    expect(ok.registerCustomer.accepted).toBe(true);
    expect((await server.gqlOk(ME, {}, await server.login('shopper@test.bangfu', 'long-enough-1'))).me.roles).toEqual([
      'CUSTOMER',
    ]);
    expectErrorCode(
      await server.gql(REG, { input: { email: 'short@test.bangfu', displayName: '顾客', password: 'short' } }),
      'WEAK_PASSWORD',
    );
    expectErrorCode(
      await server.gql(REG, { input: { phone: '12345', displayName: '顾客', password: 'long-enough-1' } }),
      'BAD_USER_INPUT',
    );
  });
});
