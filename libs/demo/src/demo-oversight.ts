import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db, RequestContext, Role } from '@bangfu/core';
import { AuthService, hashPassword, seedMembership, seedUser } from '@bangfu/identity';
import { CheckoutService, Order } from '@bangfu/ordering';
import { AnomalyDetectionService, DetectedVia } from '@bangfu/oversight';
import { DEMO_PASSWORD } from './demo-data';
import type { DemoCatalogIds } from './seed-catalog';

/** Accounts of the oversight story (password `bangfu-demo`, not in the README's login table). */
const GROUP_BUYERS = [1, 2, 3, 4, 5].map((n) => ({
  email: `groupbuy-${n}@demo.bangfu`,
  displayName: `团购用户${n}号`,
}));
const INSIDER = { email: 'farm-hand@demo.bangfu', displayName: '冉师傅（黄牛养殖家庭农场员工）' };

/**
 * Findings for the auditor's inbox, from activity the rules catch, through the real checkout and the
 * real detection run (nothing is written into the findings table by hand):
 * - ORDER_BURST: five accounts opened today each order the same two jars of 梵净山绿茶 (500克罐装) within
 *   a minute — the 摊派 shape — in 铜仁, so auditor@ (5206) sees it;
 * - CIRCULAR_TRADE: a worker of the 铜仁 cattle farm buys the farm's own beef as a customer;
 * - PRICE_ABOVE_REFERENCE (for admin@): 连州菜心 sells above the same-spec band of the other suppliers.
 * The orders stay unpaid, so no statistics, attribution or completion figure of the other stories moves.
 */
export async function seedDemoOversight(
  app: INestApplicationContext,
  ids: DemoCatalogIds,
): Promise<{ findings: number }> {
  const db = app.get(Db);
  const system = RequestContext.system('demo-oversight');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  await db.transaction(system, async (tx) => {
    const em = db.manager(tx);
    for (const u of [...GROUP_BUYERS, INSIDER]) {
      const userId = await seedUser(em, { email: u.email, displayName: u.displayName, passwordHash });
      userIds.set(u.email, userId);
      await seedMembership(em, { userId, role: Role.CUSTOMER, organizationId: null });
    }
    await seedMembership(em, {
      userId: userIds.get(INSIDER.email)!,
      role: Role.SUPPLIER_STAFF,
      organizationId: ids.supplierIds.get('tongren-cattle')!,
    });
  });
  const as = async (email: string): Promise<RequestContext> => {
    const principal = await app.get(AuthService).load(userIds.get(email)!);
    if (!principal) throw new Error(`demo account ${email} cannot act`);
    return new RequestContext(`demo-oversight-${randomUUID()}`, principal);
  };
  const hall = ids.channelIds.get('hall-online')!;
  const buy = async (email: string, sku: string, quantity: number) => {
    const placed = await app.get(CheckoutService).placeOrder(await as(email), {
      idempotencyKey: `demo-oversight-${email.split('@')[0]}-${sku}`,
      channelId: hall,
      lines: [{ variantId: ids.variantIds.get(sku)!, quantity }],
    });
    if (!(placed instanceof Order)) throw new Error(`demo oversight order refused: ${JSON.stringify(placed)}`);
  };
  for (const b of GROUP_BUYERS) await buy(b.email, 'FJS-GT-500', 2);
  await buy(INSIDER.email, 'TR-BEEF-1KG', 1);
  const run = await app
    .get(AnomalyDetectionService)
    .run(system, { orderIds: null, now: new Date() }, DetectedVia.SCHEDULE);
  new Logger('Demo').log(`oversight story: ${run.opened} anomaly finding(s) for the auditors`);
  return { findings: run.opened };
}
