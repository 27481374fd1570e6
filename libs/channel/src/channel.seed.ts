import type { EntityManager } from 'typeorm';

/**
 * SEED ONLY (libs/demo's data set): channels and what they sell, written directly inside the seed's
 * transaction. Kept here so that only channel's code names its tables; never call these from a
 * request path.
 */
export async function seedChannel(
  em: EntityManager,
  c: {
    kind: string;
    name: string;
    online: boolean;
    regionCode: string | null;
    address: string | null;
    operatorOrgId: string | null;
    deviceId: string | null;
    deviceSecret: string | null;
  },
): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO channel (kind, name, online, region_code, address, operator_org_id, device_id, device_secret) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [c.kind, c.name, c.online, c.regionCode, c.address, c.operatorOrgId, c.deviceId, c.deviceSecret],
  );
  return row.id;
}

export async function seedChannelProduct(em: EntityManager, channelId: string, productId: string): Promise<void> {
  await em.query(`INSERT INTO channel_product (channel_id, product_id) VALUES ($1, $2)`, [channelId, productId]);
}
