import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Db, OrganizationKind, RequestContext, Role } from '@bangfu/core';
import { insertProductFixture, insertVariantFixture } from '@bangfu/certification';
import { createOrg, createUserWithRole, signedActor } from '@bangfu/identity';
import { createSupplierFixture, SupplierKind } from '@bangfu/supplier';
import {
  acceptOrderRows as accept,
  deliverOrderRows as deliver,
  insertOrderRows as insertOrder,
  type OrderRowsBuyer,
  type OrderRowsLine,
  refundOrderRows as refund,
  startWithDataSource,
  type TestServer,
} from '@bangfu/testing';
import { rebuildStatsRollups } from './rebuild';
import { StatsReconciliationService } from './reconciliation.service';
import { RollupWriterService } from './rollup-writer.service';
import { StatisticsModule } from './statistics.module';

export { accept, deliver, insertOrder, refund };

/**
 * Spec support (not exported): the domains statistics reads through, workers off; `admin` is a platform
 * admin's token, which every spec reads the statistics with.
 */
export async function startStatsServer(
  env: Record<string, string> = {},
): Promise<{ server: TestServer; ds: DataSource; admin: string }> {
  const { server, ds } = await startWithDataSource({ imports: [StatisticsModule], env });
  return { server, ds, admin: await tokenFor(server, ds, Role.PLATFORM_ADMIN) };
}

export const sys = () => RequestContext.system('test');

export async function tokenFor(server: TestServer, ds: DataSource, role: Role, regionPrefix?: string): Promise<string> {
  return (await signedActor(server, ds, role, { regionPrefix })).token;
}

export async function supplier(ds: DataSource, countyCode: string, kind = SupplierKind.COOPERATIVE): Promise<string> {
  return (await createSupplierFixture(ds, { countyCode, kind })).supplierId;
}

export async function product(
  ds: DataSource,
  supplierId: string,
  originRegionCode: string,
  categoryId: string | null = null,
): Promise<{ productId: string; variantId: string }> {
  const productId = await insertProductFixture(ds, { supplierId, originRegionCode, categoryId });
  return { productId, variantId: await insertVariantFixture(ds, { productId, stockOnHand: 100000 }) };
}

export async function category(ds: DataSource, name: string): Promise<string> {
  const [row] = await ds.query(`INSERT INTO category (code, name) VALUES ($1, $2) RETURNING id`, [
    `c-${randomBytes(3).toString('hex')}`,
    name,
  ]);
  return row.id;
}

export async function channel(
  ds: DataSource,
  kind: 'HALL' | 'ZONE' | 'COUNTER',
  regionCode: string | null = null,
  name = `${kind}-${randomBytes(2).toString('hex')}`,
): Promise<string> {
  const device = kind === 'COUNTER' ? `dev-${randomBytes(4).toString('hex')}` : null;
  const [row] = await ds.query(
    `INSERT INTO channel (kind, name, online, region_code, device_id, device_secret) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [kind, name, kind === 'HALL' && !regionCode, regionCode, device, device && 'secret'],
  );
  return row.id;
}

export type Buyer = OrderRowsBuyer;

export async function agency(ds: DataSource, regionCode: string): Promise<Buyer> {
  const org = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode });
  const u = await createUserWithRole(ds, Role.PURCHASER, { organizationId: org.id });
  return { kind: 'AGENCY', userId: u.user.id, orgId: org.id };
}

export async function customer(ds: DataSource): Promise<Buyer> {
  return { kind: 'CUSTOMER', userId: (await createUserWithRole(ds, Role.CUSTOMER)).user.id, orgId: null };
}

export interface LineSpec extends OrderRowsLine {
  productId: string;
  originRegionCode: string;
  certified: boolean;
}

/** An order line of the product sold by the supplier from `originRegionCode`: one certified unit at ¥10 unless said. */
export function lineOf(
  p: { productId: string; variantId: string },
  supplierId: string,
  originRegionCode: string,
  {
    unitPrice = 1000,
    quantity = 1,
    certified = true,
  }: { unitPrice?: number; quantity?: number; certified?: boolean } = {},
): LineSpec {
  return { ...p, supplierId, originRegionCode, unitPrice, quantity, certified };
}

/** A new supplier of the county and a product it grows there, as an order line: one certified unit at ¥10. */
export async function supplierLine(ds: DataSource, countyCode: string): Promise<LineSpec> {
  const supplierId = await supplier(ds, countyCode);
  return lineOf(await product(ds, supplierId, countyCode), supplierId, countyCode);
}

/** The specs write order times as Shanghai wall-clock times. */
export const at = (iso: string) => new Date(`${iso}+08:00`);

/** What ordering's outbox would do after a move: the statistics consumer's sync. */
export function sync(server: TestServer, orderId: string) {
  return server.app.get(RollupWriterService).syncOrder(sys(), orderId);
}

/** When an order was placed, delivered and (an agency's, which counts only then) accepted: Shanghai wall-clock times. */
export interface OrderMoments {
  placed: string;
  delivered: string;
  accepted?: string;
}

/** An order that reached its counting moment (delivered, or accepted when `accepted` is given), synced. */
export async function countedOrder(
  server: TestServer,
  ds: DataSource,
  buyer: Buyer,
  channelId: string,
  lines: OrderRowsLine[],
  { placed, delivered, accepted }: OrderMoments,
): Promise<{ orderId: string; lineIds: string[] }> {
  const order = await insertOrder(ds, buyer, channelId, at(placed), lines);
  await deliver(ds, order.orderId, at(delivered));
  if (accepted) await accept(ds, order.orderId, at(accepted));
  await sync(server, order.orderId);
  return order;
}

/** salesStats over a period (regionCode $r, from $f, to $t, groupBy $g, side $s) with the fields a spec reads. */
export const salesStatsQuery = (selection: string) =>
  `query($r: String!, $f: String!, $t: String!, $g: SalesGroupBy!, $s: StatsSide) {
  salesStats(regionCode: $r, from: $f, to: $t, groupBy: $g, side: $s) { ${selection} } }`;

/** Rebuilds every rollup from the counted lines, as the operations command does. */
export function rebuild(server: TestServer) {
  const db = server.app.get(Db);
  return db.transaction(sys(), (tx) => rebuildStatsRollups(db.manager(tx)));
}

export function reconcile(server: TestServer, from: string, to: string) {
  return server.app.get(StatsReconciliationService).reconcile(sys(), from, to);
}
