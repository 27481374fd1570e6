import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Role, TokenService } from '@bangfu/core';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { createUserWithRole } from './fixtures';
import { startIdentityServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let village: string;

const FIELDS = 'id recipient phone regionCode regionPath detail isDefault';
const LIST = `{ myAddresses { ${FIELDS} } }`;
const CREATE = `mutation($input: AddressInput!) { createAddress(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { ${FIELDS} } }`;
const SET_DEFAULT = `mutation($id: ID!) { setDefaultAddress(id: $id) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteAddress(id: $id) }`;

async function customer(): Promise<string> {
  const { user } = await createUserWithRole(ds, Role.CUSTOMER);
  return (await server.app.get(TokenService).sign(user.id)).token;
}
const input = (extra: Record<string, unknown> = {}) => ({
  recipient: '张三',
  phone: '13812345678',
  regionCode: village,
  detail: '凯德街道 1 号',
  ...extra,
});

beforeAll(async () => {
  ({ server, ds } = await startIdentityServer());
  [{ code: village }] = await ds.query(
    `SELECT code FROM region WHERE level = 5 AND code LIKE '520621%' ORDER BY code LIMIT 1`,
  );
});
afterAll(() => server?.close());

describe('address book', () => {
  it('keeps one default: the first address, then whichever is made default', async () => {
    const token = await customer();
    const first = (await server.gqlOk(CREATE, { input: input() }, token)).createAddress;
    expect(first).toMatchObject({ recipient: '张三', phone: '13812345678', regionCode: village, isDefault: true });
    expect(first.regionPath.slice(0, 3)).toEqual(['贵州省', '铜仁市', '江口县']);
    expect(first.regionPath).toHaveLength(5);
    const second = (await server.gqlOk(CREATE, { input: input({ recipient: '李四', isDefault: false }) }, token))
      .createAddress;
    expect(second.isDefault).toBe(false);
    const third = (await server.gqlOk(CREATE, { input: input({ recipient: '王五', isDefault: true }) }, token))
      .createAddress;
    expect(third.isDefault).toBe(true);
    let list = (await server.gqlOk(LIST, {}, token)).myAddresses;
    expect(list.map((a: { recipient: string }) => a.recipient)).toEqual(['王五', '李四', '张三']);
    expect(list.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);

    await server.gqlOk(SET_DEFAULT, { id: second.id }, token);
    list = (await server.gqlOk(LIST, {}, token)).myAddresses;
    expect(list.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { id: string }) => a.id)).toEqual([
      second.id,
    ]);

    // Deleting the default hands it to the newest remaining address.
    await server.gqlOk(DELETE, { id: second.id }, token);
    list = (await server.gqlOk(LIST, {}, token)).myAddresses;
    expect(list.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault])).toEqual([
      [third.id, true],
      [first.id, false],
    ]);
  });

  it('never shows or changes another user’s address (NOT_FOUND, like an unknown id)', async () => {
    const mine = await customer();
    const theirs = await customer();
    const address = (await server.gqlOk(CREATE, { input: input() }, mine)).createAddress;
    expect((await server.gqlOk(LIST, {}, theirs)).myAddresses).toEqual([]);
    expectErrorCode(
      await server.gql(UPDATE, { id: address.id, input: input({ recipient: '冒名' }) }, theirs),
      'NOT_FOUND',
    );
    expectErrorCode(await server.gql(SET_DEFAULT, { id: address.id }, theirs), 'NOT_FOUND');
    expectErrorCode(await server.gql(DELETE, { id: address.id }, theirs), 'NOT_FOUND');
    const [row] = await ds.query(`SELECT recipient FROM customer_address WHERE id = $1`, [address.id]);
    expect(row.recipient).toBe('张三');
    expectErrorCode(await server.gql(LIST, {}), 'UNAUTHENTICATED');
  });

  it('edits an address in place', async () => {
    const token = await customer();
    const a = (await server.gqlOk(CREATE, { input: input() }, token)).createAddress;
    const edited = (
      await server.gqlOk(UPDATE, { id: a.id, input: input({ detail: '新地址 2 号', phone: '139 0000 1111' }) }, token)
    ).updateAddress;
    expect(edited).toMatchObject({ id: a.id, detail: '新地址 2 号', phone: '13900001111', isDefault: true });
  });

  it('refuses bad input with stable codes', async () => {
    const token = await customer();
    expect(
      expectErrorCode(await server.gql(CREATE, { input: input({ phone: '12345' }) }, token), 'INVALID_PHONE').extensions
        ?.field,
    ).toBe('phone');
    expectErrorCode(
      await server.gql(CREATE, { input: input({ regionCode: '520000000000' }) }, token),
      'WRONG_REGION_LEVEL',
    );
    expectErrorCode(
      await server.gql(CREATE, { input: input({ regionCode: '529999999999' }) }, token),
      'UNKNOWN_REGION',
    );
    expectErrorCode(await server.gql(CREATE, { input: input({ recipient: '   ' }) }, token), 'INVALID_ADDRESS');
    expectErrorCode(await server.gql(CREATE, { input: input({ detail: 'x'.repeat(201) }) }, token), 'INVALID_ADDRESS');
    expectErrorCode(await server.gql(UPDATE, { id: 'nope', input: input() }, token), 'BAD_USER_INPUT');
    expect((await server.gqlOk(LIST, {}, token)).myAddresses).toEqual([]);
  });
});
