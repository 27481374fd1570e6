import { describe, expect, it } from 'vitest';
import { OrganizationKind } from '@bangfu/core';
import { createOrg } from '@bangfu/identity';
import { serverForFile } from '@bangfu/testing';
import { createHouseholdFixture, createLinkageFixture, createSupplierFixture } from './fixtures';
import { SupplierKind, SupplierProfile, SupplierStatus } from './supplier.entities';
import { startSupplierServer } from './test-helpers';

// supplier_directory (migration 1764002900000) is supplier's read contract for catalog's search and
// ordering's scopes, which filter by admission status and county in SQL; household_directory and
// linkage_directory (1764002900500) are attribution's, which imports no supplier module.
const suite = serverForFile(startSupplierServer);

const directory = (id: string) =>
  suite.ds.query(`SELECT * FROM supplier_directory WHERE organization_id = $1`, [id]) as Promise<unknown[]>;

describe('supplier_directory', () => {
  it('is each supplier’s kind, admission status and county, and follows admission changes', async () => {
    const { ds } = suite;
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
    const { ds } = suite;
    const agency = await createOrg(ds, { kind: OrganizationKind.AGENCY });
    expect(await directory(agency.id)).toEqual([]);
  });
});

describe('household_directory and linkage_directory', () => {
  it('show a household’s village, head, status and account, and a linkage’s parties, share and validity', async () => {
    const { ds } = suite;
    const { supplierId } = await createSupplierFixture(ds);
    const household = await createHouseholdFixture(ds, { villageCode: '520621102205', createdByOrgId: supplierId });
    const linkage = await createLinkageFixture(ds, { supplierId, householdId: household.id });
    const [h] = await ds.query(`SELECT * FROM household_directory WHERE id = $1`, [household.id]);
    const [own] = await ds.query(`SELECT village_code, head_name, status, user_id FROM household WHERE id = $1`, [
      household.id,
    ]);
    expect(h).toEqual({ id: household.id, ...own });
    expect(Object.keys(h)).not.toContain('id_number_hmac');
    const [l] = await ds.query(`SELECT * FROM linkage_directory WHERE id = $1`, [linkage.id]);
    expect(l).toMatchObject({ id: linkage.id, supplier_id: supplierId, household_id: household.id });
    expect(Object.keys(l).sort()).toEqual(
      [
        'household_id',
        'id',
        'share_basis_points',
        'supplier_id',
        'type',
        'valid_from',
        'valid_to',
        'village_code',
      ].sort(),
    );
  });
});
