import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { OrganizationKind } from '@bangfu/core';
import { createOrg, IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { startTestServer, type TestServer } from '@bangfu/testing';
import { createSupplierFixture } from './fixtures';
import { SupplierKind, SupplierProfile, SupplierStatus } from './supplier.entities';
import { SUPPLIER_ENTITIES, SupplierModule } from './supplier.module';

// supplier_directory (migration 1764002900000) is supplier's read contract for catalog's search and
// ordering's scopes, which filter by admission status and county in SQL.
let server: TestServer;
let ds: DataSource;

beforeAll(async () => {
  server = await startTestServer({
    imports: [RegionModule, IdentityModule, SupplierModule],
    entities: [...REGION_ENTITIES, ...IDENTITY_ENTITIES, ...SUPPLIER_ENTITIES],
  });
  ds = server.app.get(DataSource);
});
afterAll(() => server?.close());

const directory = (id: string) =>
  ds.query(`SELECT * FROM supplier_directory WHERE organization_id = $1`, [id]) as Promise<unknown[]>;

describe('supplier_directory', () => {
  it('is each supplier’s kind, admission status and county, and follows admission changes', async () => {
    const { supplierId } = await createSupplierFixture(ds, {
      countyCode: '520627000000',
      kind: SupplierKind.FAMILY_FARM,
      status: SupplierStatus.RECOMMENDED,
    });
    expect(await directory(supplierId)).toEqual([
      { organization_id: supplierId, kind: 'FAMILY_FARM', status: 'RECOMMENDED', county_code: '520627000000' },
    ]);
    await ds
      .getRepository(SupplierProfile)
      .update({ organizationId: supplierId }, { status: SupplierStatus.SUSPENDED });
    expect(await directory(supplierId)).toMatchObject([{ status: 'SUSPENDED' }]);
  });

  it('has no row for an organisation that is not a supplier', async () => {
    const agency = await createOrg(ds, { kind: OrganizationKind.AGENCY });
    expect(await directory(agency.id)).toEqual([]);
  });
});
