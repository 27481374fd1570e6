import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrganizationKind, RequestContext, Role } from '@bangfu/core';
import { createOrg, createUserWithRole, signedActor } from '@bangfu/identity';
import { createSupplierFixture } from '@bangfu/supplier';
import {
  insertOrderRows,
  type OrderRowsBuyer,
  type OrderRowsLine,
  startWithDataSource,
  type TestServer,
} from '@bangfu/testing';
import { AnomalyDetectionService, type DetectionResult } from './anomaly-detection.service';
import { type AnomalyKind, DetectedVia } from './anomaly.entities';
import { OversightModule } from './oversight.module';

/** Spec support (not exported from the lib): the domains oversight reads through, workers off. */
export function startOversightServer() {
  return startWithDataSource({ imports: [OversightModule] });
}

export const sys = () => RequestContext.system('test');

export async function tokenFor(server: TestServer, ds: DataSource, role: Role, regionPrefix?: string): Promise<string> {
  return (await signedActor(server, ds, role, { regionPrefix })).token;
}

export async function supplier(ds: DataSource, countyCode = '520621000000'): Promise<string> {
  return (await createSupplierFixture(ds, { countyCode })).supplierId;
}

/** A user working for a supplier (SUPPLIER_STAFF), optionally also in other roles. */
export async function staffOf(ds: DataSource, supplierId: string): Promise<string> {
  return (await createUserWithRole(ds, Role.SUPPLIER_STAFF, { organizationId: supplierId })).user.id;
}

export async function addMembership(
  ds: DataSource,
  userId: string,
  organizationId: string | null,
  role: Role,
): Promise<void> {
  await ds.query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, $3)`, [
    userId,
    organizationId,
    role,
  ]);
}

export async function category(ds: DataSource): Promise<string> {
  const [row] = await ds.query(`INSERT INTO category (code, name) VALUES ($1, '茶叶') RETURNING id`, [
    `c-${randomBytes(3).toString('hex')}`,
  ]);
  return row.id;
}

export async function product(
  ds: DataSource,
  supplierId: string,
  opts: { price?: number; reference?: number; categoryId?: string | null; spec?: string } = {},
): Promise<{ productId: string; variantId: string }> {
  const [p] = await ds.query(
    `INSERT INTO product (supplier_id, title, origin_region_code, status, category_id) VALUES ($1, $2, '520621000000', 'PUBLISHED', $3) RETURNING id`,
    [supplierId, `梵净山绿茶 ${randomBytes(2).toString('hex')}`, opts.categoryId ?? null],
  );
  const price = opts.price ?? 10_000;
  const [v] = await ds.query(
    `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand) VALUES ($1, $2, $3, '盒', $4, $4, $5, 100000) RETURNING id`,
    [p.id, `SKU-${randomBytes(5).toString('hex')}`, opts.spec ?? '250g', price, opts.reference ?? price],
  );
  return { productId: p.id, variantId: v.id };
}

export async function channel(
  ds: DataSource,
  kind: 'HALL' | 'ZONE' | 'COUNTER' = 'HALL',
  opts: { regionCode?: string | null; assistanceOnly?: boolean } = {},
): Promise<string> {
  const device = kind === 'COUNTER' ? `dev-${randomBytes(4).toString('hex')}` : null;
  const [row] = await ds.query(
    `INSERT INTO channel (kind, name, online, region_code, device_id, device_secret, assistance_only) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      kind,
      `${kind}-${randomBytes(2).toString('hex')}`,
      kind === 'HALL' && !opts.regionCode,
      opts.regionCode ?? null,
      device,
      device && 'secret',
      opts.assistanceOnly ?? true,
    ],
  );
  return row.id;
}

export type Buyer = OrderRowsBuyer;

export async function agency(ds: DataSource, regionCode = '440106000000'): Promise<Buyer> {
  const org = await createOrg(ds, { kind: OrganizationKind.AGENCY, regionCode });
  const u = await createUserWithRole(ds, Role.PURCHASER, { organizationId: org.id });
  return { kind: 'AGENCY', userId: u.user.id, orgId: org.id };
}

export async function customer(ds: DataSource, userId?: string, createdAt?: Date): Promise<Buyer> {
  const id = userId ?? (await createUserWithRole(ds, Role.CUSTOMER)).user.id;
  if (createdAt) await ds.query(`UPDATE app_user SET created_at = $2 WHERE id = $1`, [id, createdAt]);
  return { kind: 'CUSTOMER', userId: id, orgId: null };
}

export type LineSpec = OrderRowsLine;

/** An order line of the supplier's variant: one unit at `unitPrice` fen, certified, unless said. */
export function lineOf(
  supplierId: string,
  { variantId }: { variantId: string },
  unitPrice: number,
  { quantity = 1, certified }: { quantity?: number; certified?: boolean } = {},
): LineSpec {
  return { supplierId, variantId, unitPrice, quantity, certified }; // insertOrderRows: certified unless false
}

/** A paid order being fulfilled, as ordering leaves it (SQL, so the test controls every clock time). */
export async function insertOrder(
  ds: DataSource,
  buyer: Buyer,
  channelId: string,
  placedAt: Date,
  lines: LineSpec[],
): Promise<string> {
  return (await insertOrderRows(ds, buyer, channelId, placedAt, lines, { shipped: false })).orderId;
}

/** Ships every line of the order, from `lotId` or (null) from no lot at all. */
export async function ship(ds: DataSource, orderId: string, lotId: string | null): Promise<void> {
  await ds.query(
    `INSERT INTO shipment_allocation (order_line_id, supplier_order_id, variant_id, lot_id, quantity)
     SELECT l.id, l.supplier_order_id, l.variant_id, $2, l.quantity FROM order_line l WHERE l.order_id = $1`,
    [orderId, lotId],
  );
  await ds.query(
    `UPDATE supplier_order SET status = 'SHIPPED', shipped_at = now(), carrier = '顺丰速运', tracking_no = 'SF' || substr(md5(random()::text), 1, 10) WHERE order_id = $1`,
    [orderId],
  );
}

export async function lot(ds: DataSource, variantId: string, quantity = 1000): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, $2, '2026-04-01', $3, $3) RETURNING id`,
    [variantId, `L-${randomBytes(3).toString('hex')}`, quantity],
  );
  return row.id;
}

export function detect(
  server: TestServer,
  kind: AnomalyKind,
  orderIds: string[] | null = null,
  now = new Date(),
  via = DetectedVia.MANUAL,
): Promise<DetectionResult> {
  return server.app.get(AnomalyDetectionService).run(sys(), { orderIds, now }, via, { kinds: [kind] });
}

export interface StoredFinding {
  id: string;
  kind: string;
  severity: string;
  status: string;
  subject_type: string;
  subject_id: string;
  supplier_id: string | null;
  region_code: string;
  summary: string;
  figures: Array<{ name: string; value: number; unit: string; text?: string }>;
  order_ids: string[];
  detected_via: string;
}

export function findingsAbout(ds: DataSource, kind: AnomalyKind, subjectId: string): Promise<StoredFinding[]> {
  return ds.query(`SELECT * FROM anomaly_finding WHERE kind = $1 AND subject_id = $2 ORDER BY detected_at, id`, [
    kind,
    subjectId,
  ]);
}

export const figure = (f: StoredFinding, name: string) => f.figures.find((x) => x.name === name);

/** Asia/Shanghai wall-clock time. */
export const shanghai = (iso: string) => new Date(`${iso}+08:00`);
