import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { OrganizationKind, RequestContext, Role } from '@bangfu/core';
import { type TestServer } from '@bangfu/testing';
import { createOrg, createUserWithRole } from './fixtures';
import { Membership } from './identity.entities';
import { OrganizationService } from './organization.service';
import { UserService } from './user.service';
import { startIdentityServer } from './test-helpers';

// What identity exposes to other libs instead of its tables: the views libs/audit reads inside its
// one-statement append (migration 1764003000000) and the name look-ups of audit's and oversight's lists.
let server: TestServer;
let ds: DataSource;
const ctx = RequestContext.system('identity-reads-spec');

beforeAll(async () => {
  ({ server, ds } = await startIdentityServer());
});
afterAll(() => server?.close());

const firstMembership = async (userId: string) =>
  (await ds.query(`SELECT organization_id, role FROM user_first_membership WHERE user_id = $1`, [userId])) as Array<{
    organization_id: string | null;
    role: string;
  }>;

describe('user_first_membership (read by libs/audit)', () => {
  it('gives the earliest membership with an organisation, even when an organisation-less one is older', async () => {
    const customer = await createUserWithRole(ds, Role.CUSTOMER);
    const first = await createOrg(ds, { kind: OrganizationKind.AGENCY });
    const second = await createOrg(ds, { kind: OrganizationKind.AGENCY });
    const add = (organizationId: string, role: Role, createdAt: string) =>
      ds.query(`INSERT INTO membership (user_id, organization_id, role, created_at) VALUES ($1, $2, $3, $4)`, [
        customer.user.id,
        organizationId,
        role,
        createdAt,
      ]);
    await add(second.id, Role.APPROVER, '2030-01-02T00:00:00Z');
    await add(first.id, Role.PURCHASER, '2030-01-01T00:00:00Z');
    expect(await firstMembership(customer.user.id)).toEqual([{ organization_id: first.id, role: 'PURCHASER' }]);
  });

  it('gives the organisation-less membership of a customer, and no row for a user without memberships', async () => {
    const customer = await createUserWithRole(ds, Role.CUSTOMER);
    expect(await firstMembership(customer.user.id)).toEqual([{ organization_id: null, role: 'CUSTOMER' }]);
    await ds.getRepository(Membership).delete({ userId: customer.user.id });
    expect(await firstMembership(customer.user.id)).toEqual([]);
  });
});

describe('organization_region (read by libs/audit)', () => {
  it("is each organisation's region code, null when it has none", async () => {
    const agency = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode: '520627000000' });
    const platform = await createOrg(ds, { kind: OrganizationKind.PLATFORM, regionCode: null });
    const rows = await ds.query(
      `SELECT organization_id, region_code FROM organization_region WHERE organization_id = ANY($1::uuid[]) ORDER BY region_code NULLS LAST`,
      [[agency.id, platform.id]],
    );
    expect(rows).toEqual([
      { organization_id: agency.id, region_code: '520627000000' },
      { organization_id: platform.id, region_code: null },
    ]);
  });
});

describe('name look-ups for other libs', () => {
  it('answers display names and organisation names by id, leaving out unknown ids and nulls', async () => {
    const a = await createUserWithRole(ds, Role.PURCHASER, { displayName: '采购员甲' });
    const unknown = '00000000-0000-4000-8000-000000000001';
    const users = await server.app.get(UserService).displayNames(ctx, [a.user.id, null, unknown, a.user.id]);
    expect([...users]).toEqual([[a.user.id, '采购员甲']]);
    const org = await createOrg(ds, { kind: OrganizationKind.AGENCY, name: '江口县教育局' });
    const orgs = await server.app.get(OrganizationService).names(ctx, [org.id, unknown, null]);
    expect([...orgs]).toEqual([[org.id, '江口县教育局']]);
    expect((await server.app.get(UserService).displayNames(ctx, [])).size).toBe(0);
  });
});
