import { DataSource } from 'typeorm';
import { CATALOG_ENTITIES, CatalogModule } from '@bangfu/catalog';
import { CERTIFICATION_ENTITIES, CertificationModule } from '@bangfu/certification';
import { IDENTITY_ENTITIES, IdentityModule } from '@bangfu/identity';
import { LEDGER_ENTITIES, LedgerModule } from '@bangfu/ledger';
import { ORDERING_ENTITIES, OrderingModule } from '@bangfu/ordering';
import { REGION_ENTITIES, RegionModule } from '@bangfu/region';
import { SUPPLIER_ENTITIES, SupplierModule } from '@bangfu/supplier';
import { startTestServer, type TestServer } from '@bangfu/testing';
import { CHANNEL_ENTITIES, ChannelModule } from './channel.module';

/**
 * Spec support (not exported from the lib): the real server with channels and what a placement shows
 * (catalog, certification); `withOrdering` adds ordering and the ledger, which counter sales write.
 */
export async function startChannelServer({ withOrdering = false } = {}): Promise<{
  server: TestServer;
  ds: DataSource;
}> {
  const server = await startTestServer({
    imports: [
      RegionModule,
      IdentityModule,
      SupplierModule,
      CatalogModule,
      CertificationModule,
      ...(withOrdering ? [OrderingModule, LedgerModule] : []),
      ChannelModule,
    ],
    entities: [
      ...REGION_ENTITIES,
      ...IDENTITY_ENTITIES,
      ...SUPPLIER_ENTITIES,
      ...CATALOG_ENTITIES,
      ...CERTIFICATION_ENTITIES,
      ...(withOrdering ? [...ORDERING_ENTITIES, ...LEDGER_ENTITIES] : []),
      ...CHANNEL_ENTITIES,
    ],
  });
  return { server, ds: server.app.get(DataSource) };
}
