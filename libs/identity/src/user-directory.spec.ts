import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { OrganizationKind, Role } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { createOrg, createUserWithRole, TEST_PASSWORD } from './fixtures';
import { startIdentityServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let admin: string;
const USERS =
  'query($s: String, $r: Role, $o: ID, $f: Int) { users(search: $s, role: $r, organizationId: $o, first: $f) { id displayName email roles } }';

beforeAll(async () => {
  ({ server, ds } = await startIdentityServer());
  const a = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
  admin = await server.login(a.email, TEST_PASSWORD);
});
afterAll(() => server?.close());

describe('users (platform admin directory)', () => {
  it('finds accounts by part of the name or email, by role and by organisation', async () => {
    const unit = await createOrg(ds, { kind: OrganizationKind.AGENCY, name: '铜仁市教育局' });
    const buyer = await createUserWithRole(ds, Role.PURCHASER, {
      organizationId: unit.id,
      displayName: '王采购',
      email: 'wang.caigou@test.bangfu',
    });
    const approver = await createUserWithRole(ds, Role.APPROVER, { organizationId: unit.id, displayName: '李审批' });
    const elsewhere = await createUserWithRole(ds, Role.PURCHASER, { displayName: '王其他' });

    const ids = async (v: Record<string, unknown>) =>
      (await server.gqlOk<{ users: Array<{ id: string }> }>(USERS, v, admin)).users.map((u) => u.id);
    expect(await ids({ s: '王' })).toEqual(expect.arrayContaining([buyer.user.id, elsewhere.user.id]));
    expect(await ids({ s: '王' })).not.toContain(approver.user.id);
    expect(await ids({ s: 'WANG.CAIGOU' })).toEqual([buyer.user.id]);
    expect(await ids({ r: 'PURCHASER', o: unit.id })).toEqual([buyer.user.id]);
    expect((await ids({ o: unit.id })).sort()).toEqual([buyer.user.id, approver.user.id].sort());
    expect(await ids({ s: '王', f: 1 })).toHaveLength(1);
  });

  it('matches LIKE wildcards literally', async () => {
    await createUserWithRole(ds, Role.CUSTOMER, { displayName: 'plain name' });
    const pct = await createUserWithRole(ds, Role.CUSTOMER, { displayName: '100% 满意' });
    const ids = (await server.gqlOk<{ users: Array<{ id: string }> }>(USERS, { s: '%' }, admin)).users.map((u) => u.id);
    expect(ids).toEqual([pct.user.id]);
  });

  it('is for platform admins only, and checks its arguments', async () => {
    const agencyAdmin = await createUserWithRole(ds, Role.AGENCY_ADMIN);
    expectErrorCode(await server.gql(USERS, {}, await server.login(agencyAdmin.email, TEST_PASSWORD)), 'FORBIDDEN');
    expectErrorCode(await server.gql(USERS, {}), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(USERS, { o: 'not-a-uuid' }, admin), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(USERS, { f: 1000 }, admin), 'BAD_USER_INPUT');
  });

  it('lets the admin grant a role and revoke it again (the account then lacks it)', async () => {
    const target = await createUserWithRole(ds, Role.CUSTOMER);
    const unit = await createOrg(ds, { kind: OrganizationKind.AGENCY });
    const granted = await server.gqlOk<{ grantMembership: { id: string; role: string } }>(
      'mutation($i: GrantMembershipInput!) { grantMembership(input: $i) { id role } }',
      { i: { userId: target.user.id, role: 'APPROVER', organizationId: unit.id } },
      admin,
    );
    const roles = async () =>
      (
        await server.gqlOk<{ users: Array<{ id: string; roles: string[] }> }>(USERS, { s: target.email }, admin)
      ).users[0].roles.sort();
    expect(await roles()).toEqual(['APPROVER', 'CUSTOMER']);
    await server.gqlOk('mutation($id: ID!) { revokeMembership(id: $id) }', { id: granted.grantMembership.id }, admin);
    expect(await roles()).toEqual(['CUSTOMER']);
  });
});
