import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import {
  addDays,
  CertificationStatus,
  insertCertificationFixture,
  insertProductFixture,
  shanghaiDate,
} from '@bangfu/certification';
import { createUserWithRole } from '@bangfu/identity';
import { createSupplierFixture, SupplierStatus } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { startChannelServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
const today = shanghaiDate();
let admin: string;
let coordinator: string;
let farCoordinator: string;
let supplierA: { supplierId: string; token: string };
let supplierB: { supplierId: string; token: string };

const CHANNEL_FIELDS = 'id kind name online region { code name } address assistanceOnly status deviceId productCount';
const CREATE = `mutation($i: CreateChannelInput!) { createChannel(input: $i) { deviceSecret channel { ${CHANNEL_FIELDS} } } }`;
const ROTATE = `mutation($id: ID!) { rotateCounterSecret(channelId: $id) { deviceSecret channel { id deviceId } } }`;
const DISABLE = `mutation($id: ID!) { disableChannel(channelId: $id) { id status } }`;
const PLACE = `mutation($c: ID!, $p: ID!) { placeProductInChannel(channelId: $c, productId: $p) { id productCount } }`;
const REMOVE = `mutation($c: ID!, $p: ID!) { removeProductFromChannel(channelId: $c, productId: $p) { id productCount } }`;
const CHANNELS = `query($k: ChannelKind, $r: String, $d: Boolean) { channels(kind: $k, regionCode: $r, includeDisabled: $d) { ${CHANNEL_FIELDS} } }`;

async function supplier(status?: SupplierStatus) {
  const s = await createSupplierFixture(ds, { status });
  return { supplierId: s.supplierId, token: await server.login(s.admin.email, s.admin.password) };
}

async function login(role: Role, regionPrefix?: string): Promise<string> {
  const u = await createUserWithRole(ds, role, { regionPrefix });
  return server.login(u.email, u.password);
}

async function createChannel(input: Record<string, unknown>, token = admin) {
  return (await server.gqlOk(CREATE, { i: input }, token)).createChannel as {
    deviceSecret: string | null;
    channel: Record<string, any>;
  };
}

async function certifiedProduct(supplierId = supplierA.supplierId): Promise<string> {
  const productId = await insertProductFixture(ds, { supplierId });
  await insertCertificationFixture(ds, { productId, validFrom: addDays(today, -10), validTo: addDays(today, 100) });
  return productId;
}

const channelCount = async () => Number((await ds.query(`SELECT count(*) AS n FROM channel`))[0].n);

beforeAll(async () => {
  ({ server, ds } = await startChannelServer());
  admin = await login(Role.PLATFORM_ADMIN);
  coordinator = await login(Role.COORDINATOR, '520621');
  farCoordinator = await login(Role.COORDINATOR, '610724');
  supplierA = await supplier();
  supplierB = await supplier();
});
afterAll(() => server?.close());

describe('channels', () => {
  it('creates halls, zones and counters; a counter secret is returned once and never readable', async () => {
    const hall = await createChannel({ kind: 'HALL', name: '消费帮扶线上专馆', online: true });
    expect(hall.deviceSecret).toBeNull();
    expect(hall.channel).toMatchObject({
      kind: 'HALL',
      online: true,
      region: null,
      assistanceOnly: true,
      status: 'ACTIVE',
      deviceId: null,
    });

    const counter = await createChannel({
      kind: 'COUNTER',
      name: '江口县政务中心智能专柜',
      regionCode: '520621101000',
      address: '江口县凯德街道政务服务中心一楼',
    });
    expect(counter.channel.deviceId).toMatch(/^CTR-520621-[0-9A-F]{10}$/);
    expect(counter.deviceSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(counter.channel.region).toEqual({ code: '520621101000', name: '闵孝镇' });

    const listRes = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ channels { ${CHANNEL_FIELDS} } channel(id: "${counter.channel.id}") { ${CHANNEL_FIELDS} } }`,
      }),
    });
    const raw = await listRes.text();
    expect(raw).toContain(counter.channel.deviceId);
    expect(raw).not.toContain(counter.deviceSecret);
    expectErrorCode(await server.gql(`{ channels { id deviceSecret } }`), 'GRAPHQL_VALIDATION_FAILED');
    const type = await server.gqlOk(`{ __type(name: "Channel") { fields { name } } }`);
    expect(type.__type.fields.map((f: { name: string }) => f.name).filter((n: string) => /secret/i.test(n))).toEqual(
      [],
    );

    const rotated = (await server.gqlOk(ROTATE, { id: counter.channel.id }, admin)).rotateCounterSecret;
    expect(rotated.deviceSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.deviceSecret).not.toBe(counter.deviceSecret);
    const [{ device_secret }] = await ds.query(`SELECT device_secret FROM channel WHERE id = $1`, [counter.channel.id]);
    expect(device_secret).toBe(rotated.deviceSecret);
    expectErrorCode(await server.gql(ROTATE, { id: hall.channel.id }, admin), 'NOT_A_COUNTER');
  });

  it('refuses bad channel input and writes nothing', async () => {
    const before = await channelCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'ZONE', name: '线上专区', online: true }, 'ONLINE_ONLY_FOR_HALL'],
      [{ kind: 'ZONE', name: '超市专区', regionCode: '520621000000' }, 'LOCATION_REQUIRED'],
      [{ kind: 'COUNTER', name: '无地址专柜', address: '某地' }, 'LOCATION_REQUIRED'],
      [{ kind: 'ZONE', name: '专区', regionCode: '990100000000', address: '某地' }, 'UNKNOWN_REGION'],
      [{ kind: 'ZONE', name: '专区', regionCode: '52062', address: '某地' }, 'INVALID_REGION_CODE'],
      [{ kind: 'HALL', name: '  ', online: true }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) expectErrorCode(await server.gql(CREATE, { i: input }, admin), code);
    expect(await channelCount()).toBe(before);
  });

  it('lets coordinators manage channels in their region only, and hides disabled ones from the public', async () => {
    const zone = await createChannel(
      { kind: 'ZONE', name: '铜仁万达超市帮扶专区', regionCode: '520621000000', address: '江口县双江街道' },
      coordinator,
    );
    expectErrorCode(
      await server.gql(
        CREATE,
        { i: { kind: 'ZONE', name: '汉中专区', regionCode: '610724000000', address: '西乡县' } },
        coordinator,
      ),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(CREATE, { i: { kind: 'HALL', name: '全国专馆', online: true } }, coordinator),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(CREATE, { i: { kind: 'HALL', name: '供应商专馆', online: true } }, supplierA.token),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(CREATE, { i: { kind: 'HALL', name: '匿名专馆', online: true } }),
      'UNAUTHENTICATED',
    );
    expectErrorCode(await server.gql(DISABLE, { id: zone.channel.id }, farCoordinator), 'FORBIDDEN');
    expect((await server.gqlOk(CHANNELS, { r: '520621' })).channels.map((c: { id: string }) => c.id)).toContain(
      zone.channel.id,
    );

    expect((await server.gqlOk(DISABLE, { id: zone.channel.id }, coordinator)).disableChannel.status).toBe('DISABLED');
    expect(
      (await server.gqlOk(CHANNELS, { r: '520621', d: true })).channels.map((c: { id: string }) => c.id),
    ).not.toContain(zone.channel.id);
    expect(
      (await server.gqlOk(CHANNELS, { r: '520621', d: true }, coordinator)).channels.map((c: { id: string }) => c.id),
    ).toContain(zone.channel.id);
    expect(
      (await server.gqlOk(`query($id: ID!) { channel(id: $id) { status } }`, { id: zone.channel.id })).channel.status,
    ).toBe('DISABLED');
    const kinds = (await server.gqlOk(CHANNELS, { k: 'COUNTER' })).channels.map((c: { kind: string }) => c.kind);
    expect(new Set(kinds)).toEqual(new Set(['COUNTER']));
  });
});

describe('placement', () => {
  let hall: string;
  let openZone: string;
  beforeAll(async () => {
    hall = (
      await createChannel({
        kind: 'HALL',
        name: '贵州消费帮扶专馆',
        regionCode: '520000000000',
        address: '贵阳市观山湖区',
      })
    ).channel.id;
    openZone = (
      await createChannel({
        kind: 'ZONE',
        name: '社区便民专区',
        regionCode: '520621000000',
        address: '江口县',
        assistanceOnly: false,
      })
    ).channel.id;
  });

  it("places a certified, published product by its supplier's staff or a platform admin (idempotent)", async () => {
    const productId = await certifiedProduct();
    expect(
      (await server.gqlOk(PLACE, { c: hall, p: productId }, supplierA.token)).placeProductInChannel.productCount,
    ).toBe(1);
    expect(
      (await server.gqlOk(PLACE, { c: hall, p: productId }, supplierA.token)).placeProductInChannel.productCount,
    ).toBe(1);
    const other = await certifiedProduct();
    expect((await server.gqlOk(PLACE, { c: hall, p: other }, admin)).placeProductInChannel.productCount).toBe(2);
    const [row] = await ds.query(
      `SELECT placed_by_user_id FROM channel_product WHERE channel_id = $1 AND product_id = $2`,
      [hall, productId],
    );
    expect(row.placed_by_user_id).toBeTruthy();

    expect(
      (await server.gqlOk(REMOVE, { c: hall, p: productId }, supplierA.token)).removeProductFromChannel.productCount,
    ).toBe(1);
  });

  it('refuses uncertified, expired, unpublished and foreign products with stable codes, writing nothing', async () => {
    const uncertified = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    expectErrorCode(await server.gql(PLACE, { c: hall, p: uncertified }, supplierA.token), 'PRODUCT_NOT_CERTIFIED');
    expectErrorCode(await server.gql(PLACE, { c: hall, p: uncertified }, admin), 'PRODUCT_NOT_CERTIFIED');

    const lapsed = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    await insertCertificationFixture(ds, {
      productId: lapsed,
      validFrom: addDays(today, -300),
      validTo: addDays(today, -1),
    });
    expectErrorCode(await server.gql(PLACE, { c: hall, p: lapsed }, supplierA.token), 'PRODUCT_NOT_CERTIFIED');

    const pending = await insertProductFixture(ds, { supplierId: supplierA.supplierId });
    await insertCertificationFixture(ds, { productId: pending, status: CertificationStatus.PENDING });
    expectErrorCode(await server.gql(PLACE, { c: hall, p: pending }, supplierA.token), 'PRODUCT_NOT_CERTIFIED');

    const draft = await insertProductFixture(ds, { supplierId: supplierA.supplierId, status: 'DRAFT' });
    await insertCertificationFixture(ds, { productId: draft });
    expectErrorCode(await server.gql(PLACE, { c: hall, p: draft }, supplierA.token), 'PRODUCT_NOT_PUBLISHED');

    const foreign = await certifiedProduct(supplierA.supplierId);
    expectErrorCode(await server.gql(PLACE, { c: hall, p: foreign }, supplierB.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(PLACE, { c: hall, p: foreign }, coordinator), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(PLACE, { c: hall, p: '00000000-0000-4000-8000-000000000000' }, admin),
      'NOT_FOUND',
    );

    const suspended = await supplier(SupplierStatus.SUSPENDED);
    const ofSuspended = await certifiedProduct(suspended.supplierId);
    expectErrorCode(await server.gql(PLACE, { c: hall, p: ofSuspended }, suspended.token), 'SUPPLIER_NOT_APPROVED');

    const disabled = (
      await createChannel({ kind: 'ZONE', name: '停用专区', regionCode: '520621000000', address: '江口县' })
    ).channel.id;
    await server.gqlOk(DISABLE, { id: disabled }, admin);
    expectErrorCode(await server.gql(PLACE, { c: disabled, p: foreign }, supplierA.token), 'CHANNEL_DISABLED');

    const placed = await ds.query(`SELECT 1 FROM channel_product WHERE product_id = ANY($1::uuid[])`, [
      [uncertified, lapsed, pending, draft, foreign, ofSuspended],
    ]);
    expect(placed).toHaveLength(0);

    // Channels that are not assistance-only take uncertified (but published) products.
    expect(
      (await server.gqlOk(PLACE, { c: openZone, p: uncertified }, supplierA.token)).placeProductInChannel.productCount,
    ).toBeGreaterThanOrEqual(1);
    // Removing another supplier's product is refused as well.
    expectErrorCode(await server.gql(REMOVE, { c: openZone, p: uncertified }, supplierB.token), 'FORBIDDEN');
    expect(
      await ds.query(`SELECT 1 FROM channel_product WHERE channel_id = $1 AND product_id = $2`, [
        openZone,
        uncertified,
      ]),
    ).toHaveLength(1);
  });
});
