import { describe, expect, it } from 'vitest';
import { createSupplierFixture } from '@bangfu/supplier';
import { insertProductFixture } from '@bangfu/certification';
import { serverForFile } from '@bangfu/testing';
import { startChannelServer } from './test-helpers';

// channel_directory and channel_placement (migration 1764002900000) are channel's read contract for
// ordering's checkout and order moves, catalog's search and ledger's/procurement's region filters —
// libs channel itself depends on, so they cannot call a channel service.
const suite = serverForFile(startChannelServer);

async function counter(): Promise<string> {
  const [row]: Array<{ id: string }> = await suite.ds.query(
    `INSERT INTO channel (kind, name, region_code, assistance_only, device_id, device_secret)
     VALUES ('COUNTER', '铜仁专柜', '520602000000', false, gen_random_uuid()::text, 'secret') RETURNING id`,
  );
  return row.id;
}

describe('channel_directory', () => {
  it('shows what buyers and bookkeeping need of a channel and never the counter device’s secret', async () => {
    const { ds } = suite;
    const id = await counter();
    const rows: Array<Record<string, unknown>> = await ds.query(`SELECT * FROM channel_directory WHERE id = $1`, [id]);
    expect(rows).toEqual([
      {
        id,
        kind: 'COUNTER',
        name: '铜仁专柜',
        online: false,
        status: 'ACTIVE',
        assistance_only: false,
        region_code: '520602000000',
        operator_org_id: null,
      },
    ]);
    await ds.query(`UPDATE channel SET status = 'DISABLED' WHERE id = $1`, [id]);
    expect(await ds.query(`SELECT status FROM channel_directory WHERE id = $1`, [id])).toEqual([
      { status: 'DISABLED' },
    ]);
  });
});

describe('channel_placement', () => {
  it('lists the products placed in a channel, and drops a product taken off', async () => {
    const { ds } = suite;
    const id = await counter();
    const { supplierId } = await createSupplierFixture(ds);
    const [a, b] = [await insertProductFixture(ds, { supplierId }), await insertProductFixture(ds, { supplierId })];
    await ds.query(`INSERT INTO channel_product (channel_id, product_id) VALUES ($1, $2), ($1, $3)`, [id, a, b]);
    const placed = async () =>
      (
        (await ds.query(`SELECT product_id FROM channel_placement WHERE channel_id = $1`, [id])) as Array<{
          product_id: string;
        }>
      )
        .map((r) => r.product_id)
        .sort();
    expect(await placed()).toEqual([a, b].sort());
    await ds.query(`DELETE FROM channel_product WHERE channel_id = $1 AND product_id = $2`, [id, a]);
    expect(await placed()).toEqual([b]);
  });
});
