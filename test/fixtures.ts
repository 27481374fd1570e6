import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

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
