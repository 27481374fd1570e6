import { describe, expect, it } from 'vitest';
import { OrganizationKind } from '@bangfu/core';
import { serverForFile } from '@bangfu/testing';
import { createOrg } from './fixtures';
import { startIdentityServer } from './test-helpers';

// organization_directory (migration 1764002900200) is identity's read contract for procurement's
// reports, which walk and name agency trees in one query: kind, name, parent, region and status,
// never the credit code.
const suite = serverForFile(startIdentityServer);

describe('organization_directory', () => {
  it('is each organisation’s kind, name, parent, region and status, and follows changes', async () => {
    const { ds } = suite;
    const parent = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode: '520600000000' });
    const unit = await createOrg(ds, {
      kind: OrganizationKind.AGENCY,
      regionCode: '520621000000',
      parentId: parent.id,
      name: '江口县农业农村局',
    });
    const row = () => ds.query(`SELECT * FROM organization_directory WHERE id = $1`, [unit.id]);
    expect(await row()).toEqual([
      {
        id: unit.id,
        kind: 'AGENCY',
        name: '江口县农业农村局',
        parent_id: parent.id,
        region_code: '520621000000',
        status: 'ACTIVE',
      },
    ]);
    await ds.query(`UPDATE organization SET status = 'DISABLED' WHERE id = $1`, [unit.id]);
    expect(await row()).toMatchObject([{ status: 'DISABLED' }]);
  });
});
