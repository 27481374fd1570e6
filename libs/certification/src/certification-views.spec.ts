import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createSupplierFixture } from '@bangfu/supplier';
import type { TestServer } from '@bangfu/testing';
import { CertificationStatus } from './certification.entities';
import { shanghaiDate } from './dates';
import { addDays, insertCertificationFixture, insertProductFixture } from './fixtures';
import { startCertificationServer } from './test-helpers';

// product_certification (migration 1764002900000) is certification's read contract for ordering's
// checkout (every line's certification in its one query) and catalog's certified-only search: per
// product, the certification that counts today.
let server: TestServer;
let ds: DataSource;
let supplierId: string;
const today = shanghaiDate();

beforeAll(async () => {
  ({ server, ds } = await startCertificationServer());
  ({ supplierId } = await createSupplierFixture(ds));
});
afterAll(() => server?.close());

const current = async (productId: string) =>
  (await ds.query(
    `SELECT certification_id, status, valid_from::text, valid_to::text, certified_today
       FROM product_certification WHERE product_id = $1`,
    [productId],
  )) as Array<{ certification_id: string; status: string; certified_today: boolean }>;
const touch = (id: string, at: string) => ds.query(`UPDATE certification SET updated_at = $2 WHERE id = $1`, [id, at]);

describe('product_certification', () => {
  it('has no row for a product never submitted', async () => {
    expect(await current(await insertProductFixture(ds, { supplierId }))).toEqual([]);
  });

  it('is the certificate valid today, before a newer expired one, and says certified_today', async () => {
    const productId = await insertProductFixture(ds, { supplierId });
    const valid = await insertCertificationFixture(ds, {
      productId,
      validFrom: addDays(today, -10),
      validTo: addDays(today, 10),
    });
    const expired = await insertCertificationFixture(ds, {
      productId,
      status: CertificationStatus.EXPIRED,
      validFrom: addDays(today, -400),
      validTo: addDays(today, -20),
    });
    await touch(expired, '2099-01-01T00:00:00Z');
    expect(await current(productId)).toMatchObject([
      { certification_id: valid, status: 'CERTIFIED', certified_today: true },
    ]);
  });

  it('is CERTIFIED but not certified_today outside its validity (before the expiry job runs, or not yet valid)', async () => {
    for (const [validFrom, validTo] of [
      [addDays(today, -30), addDays(today, -1)],
      [addDays(today, 1), addDays(today, 30)],
    ]) {
      const productId = await insertProductFixture(ds, { supplierId });
      await insertCertificationFixture(ds, { productId, validFrom, validTo });
      expect(await current(productId)).toMatchObject([
        { status: 'CERTIFIED', valid_from: validFrom, valid_to: validTo, certified_today: false },
      ]);
    }
  });

  it('is the live submission over older ended ones, else the latest ended one', async () => {
    const productId = await insertProductFixture(ds, { supplierId });
    const revoked = await insertCertificationFixture(ds, { productId, status: CertificationStatus.REVOKED });
    await touch(revoked, '2099-01-01T00:00:00Z');
    const pending = await insertCertificationFixture(ds, { productId, status: CertificationStatus.PENDING });
    expect(await current(productId)).toMatchObject([
      { certification_id: pending, status: 'PENDING', certified_today: false },
    ]);
    await ds.query(`UPDATE certification SET status = 'REJECTED', updated_at = '2098-01-01' WHERE id = $1`, [pending]);
    expect(await current(productId)).toMatchObject([{ certification_id: revoked, status: 'REVOKED' }]);
  });
});
