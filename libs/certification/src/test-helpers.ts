import { DataSource } from 'typeorm';
import { CATALOG_ENTITIES, CatalogModule } from '@bangfu/catalog';
import { IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { SUPPLIER_ENTITIES, SupplierModule } from '@bangfu/supplier';
import { startTestServer, type TestServer } from '@bangfu/testing';
import { CERTIFICATION_ENTITIES, CertificationModule } from './certification.module';

/** Spec support (not exported from the lib): the real server with certification and the domains it reads. */
export async function startCertificationServer(): Promise<{ server: TestServer; ds: DataSource }> {
  const server = await startTestServer({
    imports: [RegionModule, IdentityModule, SupplierModule, CatalogModule, CertificationModule],
    entities: [
      ...REGION_ENTITIES,
      ...IDENTITY_ENTITIES,
      ...SUPPLIER_ENTITIES,
      ...CATALOG_ENTITIES,
      ...CERTIFICATION_ENTITIES,
    ],
  });
  return { server, ds: server.app.get(DataSource) };
}

/** The first village (level 5) of the seeded region tree under a county prefix (default 江口县). */
export async function firstVillage(ds: DataSource, countyPrefix = '520621'): Promise<string> {
  const [{ code }] = await ds.query(`SELECT code FROM region WHERE code LIKE $1 AND level = 5 ORDER BY code LIMIT 1`, [
    `${countyPrefix}%`,
  ]);
  return code;
}
