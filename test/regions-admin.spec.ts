import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { startApp } from './app';

let server: TestServer;
beforeAll(async () => {
  server = await startApp();
});
afterAll(() => server?.close());

describe('flagging counties', () => {
  const SET =
    'mutation($c: String!, $e: Boolean, $k: Boolean) { setRegionFlags(code: $c, exPovertyCounty: $e, keyAssistanceCounty: $k) { code exPovertyCounty keyAssistanceCounty } }';

  it('is for platform admins only, and only for counties', async () => {
    const ds = server.app.get(DataSource);
    expectErrorCode(await server.gql(SET, { c: '441882000000', e: true }), 'UNAUTHENTICATED');
    const coord = await createUserWithRole(ds, Role.COORDINATOR);
    expectErrorCode(
      await server.gql(SET, { c: '441882000000', e: true }, await server.login(coord.email, coord.password)),
      'FORBIDDEN',
    );

    const admin = await createUserWithRole(ds, Role.PLATFORM_ADMIN);
    const token = await server.login(admin.email, admin.password);
    const done = await server.gqlOk(SET, { c: '441882000000', e: true, k: true }, token);
    expect(done.setRegionFlags).toEqual({ code: '441882000000', exPovertyCounty: true, keyAssistanceCounty: true });
    const [row] = await ds.query(`SELECT flags_updated_by FROM region WHERE code = '441882000000'`);
    expect(row.flags_updated_by).toBe(admin.user.id);

    expectErrorCode(await server.gql(SET, { c: '441800000000', e: true }, token), 'WRONG_REGION_LEVEL');
    // un-flagging ex-poverty while still key-assistance is refused and changes nothing
    expectErrorCode(await server.gql(SET, { c: '441882000000', e: false }, token), 'BAD_USER_INPUT');
    const [after] = await ds.query(`SELECT ex_poverty_county FROM region WHERE code = '441882000000'`);
    expect(after.ex_poverty_county).toBe(true);
  });
});
