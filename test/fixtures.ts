import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { insertCertificationFixture, insertProductFixture, insertVariantFixture } from '@bangfu/certification';
import { createUserWithRole } from '@bangfu/identity';
import { createHouseholdFixture, createLinkageFixture, createSupplierFixture } from '@bangfu/supplier';
import type { TestServer } from '@bangfu/testing';

type SupplierFixture = Awaited<ReturnType<typeof createSupplierFixture>>;
/** 寨沙村, 江口县: the village of the households the counting specs attribute income to. */
const VILLAGE = '520621102205';

/**
 * A published product of the supplier, certified until 2099, with one variant (retail, agency and
 * reference price all `price`) holding `stock`: what the process-level specs sell in an assistance hall.
 */
export async function certifiedVariant(
  ds: DataSource,
  supplierId: string,
  { price, stock }: { price: number; stock: number },
): Promise<{ variantId: string; productId: string }> {
  const [product] = await ds.query(
    `INSERT INTO product (supplier_id, title, origin_region_code, status) VALUES ($1, $2, '520621000000', 'PUBLISHED') RETURNING id`,
    [supplierId, `梵净山翠峰茶 ${randomBytes(2).toString('hex')}`],
  );
  await ds.query(
    `INSERT INTO certification (product_id, status, certificate_no, issuer, batch, valid_from, valid_to) VALUES ($1, 'CERTIFIED', $2, '贵州省农业农村厅', '2026年第一批', '2025-01-01', '2099-12-31')`,
    [product.id, `GZ-${randomBytes(4).toString('hex')}`],
  );
  const [v] = await ds.query(
    `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand) VALUES ($1, $2, '250g', '盒', $3, $3, $3, $4) RETURNING id`,
    [product.id, `SKU-${randomBytes(5).toString('hex')}`, price, stock],
  );
  return { variantId: v.id, productId: product.id };
}

/** A supplier in 江口县 with one household of 寨沙村 linked to it: the household its products' lots come from. */
export async function supplierWithHousehold(
  ds: DataSource,
): Promise<{ supplier: SupplierFixture; household: { id: string } }> {
  const supplier = await createSupplierFixture(ds, { countyCode: '520621000000' });
  const household = await createHouseholdFixture(ds, { villageCode: VILLAGE, createdByOrgId: supplier.supplierId });
  await createLinkageFixture(ds, { supplierId: supplier.supplierId, householdId: household.id });
  return { supplier, household };
}

/**
 * A certified product from the household's village with one variant (5 in stock), all from one lot the
 * household contributed wholly: every unit sold is income of that household.
 */
export async function householdVariant(
  ds: DataSource,
  supplierId: string,
  householdId: string,
  retailPrice: number,
): Promise<{ productId: string; variantId: string }> {
  const productId = await insertProductFixture(ds, { supplierId, originRegionCode: VILLAGE });
  const variantId = await insertVariantFixture(ds, { productId, retailPrice, stockOnHand: 5 });
  await insertCertificationFixture(ds, { productId });
  const [lot] = await ds.query(
    `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'L1', '2026-03-01', 5, 5) RETURNING id`,
    [variantId],
  );
  await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, 5)`, [
    lot.id,
    householdId,
  ]);
  return { productId, variantId };
}

export async function onlineHall(ds: DataSource): Promise<string> {
  const [hall] = await ds.query(
    `INSERT INTO channel (kind, name, online) VALUES ('HALL', '网上专馆', true) RETURNING id`,
  );
  return hall.id;
}

/**
 * Pays a placed single-supplier order by bank transfer (recorded by the buyer, confirmed by a new platform
 * admin) and ships it; returns the supplier order, ready for the buyer to confirm delivery.
 */
export async function payAndShip(
  server: TestServer,
  ds: DataSource,
  order: { id: string; totalAmount: number; supplierOrders: Array<{ id: string }> },
  { reference, buyerToken, supplierToken }: { reference: string; buyerToken: string; supplierToken: string },
): Promise<string> {
  const transfer = await server.gqlOk(
    `mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id } }`,
    { input: { orderId: order.id, reference, amount: order.totalAmount, paidAt: new Date().toISOString() } },
    buyerToken,
  );
  const admin = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
  await server.gqlOk(
    `mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { status } }`,
    { id: transfer.recordBankTransfer.id },
    await server.login(admin.email, admin.password),
  );
  const soId = order.supplierOrders[0].id;
  await server.gqlOk(
    `mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰", trackingNo: "SF1") { status } }`,
    { id: soId },
    supplierToken,
  );
  return soId;
}
