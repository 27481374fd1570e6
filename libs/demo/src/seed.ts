import { Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { Db, RequestContext } from '@bangfu/core';
import { hashPassword, seedMembership, seedOrganization, seedUser, seedUserId, withCheckChar } from '@bangfu/identity';
import { importRegions, padCode, RegionService, seedCountyFlags } from '@bangfu/region';
import { type DemoCatalogIds, seedDemoCatalog } from './seed-catalog';
import { describeDemoActivity, seedDemoActivity } from './seed-activity';
import { seedDemoSalesStory } from './demo-sales-story';
import { seedDemoAftersales } from './demo-aftersales';
import { seedDemoProduce } from './demo-produce';
import { seedDemoOversight } from './demo-oversight';
import {
  DEMO_COUNTIES,
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_USERS,
  EX_POVERTY_COUNTIES,
  KEY_ASSISTANCE_COUNTIES,
} from './demo-data';
import { DEMO_PRODUCTS } from './demo-catalog';

/**
 * Loads the demo data set once (embedded default only): regions down to the demo counties' villages,
 * the demo organisations, one account per role and the catalogue in one transaction; then the
 * activity (procurement, orders, attribution) through the real services, one transaction per step.
 * Returns false when it was already there.
 */
export async function seedDemo(app: INestApplicationContext): Promise<boolean> {
  const log = new Logger('Demo');
  const db = app.get(Db);
  const ctx = RequestContext.system('demo-seed');
  if (await seedUserId(db.manager(ctx), DEMO_USERS[0].email)) return false;

  const counties = Object.values(DEMO_COUNTIES).flat();
  await importRegions(db.dataSource, { maxLevel: 5, townPrefixes: counties, log: (m) => log.log(m) });

  const orgIds = new Map<string, string>();
  const userIds = new Map<string, string>();
  let catalog: DemoCatalogIds | undefined;
  await db.transaction(ctx, async (tx) => {
    const em = db.manager(tx);
    await seedCountyFlags(em, {
      exPoverty: EX_POVERTY_COUNTIES.map(padCode),
      keyAssistance: KEY_ASSISTANCE_COUNTIES.map(padCode),
    });

    for (const o of DEMO_ORGS) {
      const orgId = await seedOrganization(em, {
        kind: o.kind,
        name: o.name,
        creditCode: o.creditCode17 ? withCheckChar(o.creditCode17) : null,
        regionCode: o.regionCode,
        parentId: o.parentKey ? orgIds.get(o.parentKey)! : null,
      });
      orgIds.set(o.key, orgId);
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      const userId = await seedUser(em, { email: u.email, displayName: u.displayName, passwordHash });
      userIds.set(u.email, userId);
      await seedMembership(em, {
        userId,
        role: u.role,
        organizationId: u.orgKey ? orgIds.get(u.orgKey)! : null,
        regionPrefix: u.regionPrefix ?? null,
      });
    }
    const regions = app.get(RegionService);
    const regionNames = async (code: string) => (await regions.path(tx, code)).map((r) => r.name);
    catalog = await seedDemoCatalog(em, orgIds, userIds, passwordHash, regionNames);
  });
  const activity = await seedDemoActivity(app, orgIds, userIds, catalog!);
  await seedDemoSalesStory(app, catalog!); // the statistics dashboard's months, channels, refund and uncertified sales
  await seedDemoAftersales(app, catalog!); // a complaint upheld with a refund, one awaiting the coordinator, a rating
  await seedDemoProduce(app, catalog!); // farmers' offers, 寨岗镇's 黄金奈李 sold with the work team's help, a disputed month
  await seedDemoOversight(app, catalog!); // anomaly findings of several kinds for the auditors (unpaid orders: no figure moves)
  log.log(
    `demo data loaded: ${DEMO_ORGS.length} organisations, ${userIds.size} accounts, ${DEMO_PRODUCTS.length} products; ${describeDemoActivity(activity)}`,
  );
  return true;
}
