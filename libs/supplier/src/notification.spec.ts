import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { OrganizationKind, Role } from '@bangfu/core';
import { createOrg } from '@bangfu/identity';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { NotificationService } from './notification.service';
import { type Actor, actor, contextFor, startSupplierServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;
let service: NotificationService;
let staff: Actor;
let colleague: Actor;
let stranger: Actor;

const LIST = `query($unreadOnly: Boolean, $first: Int) { notifications(unreadOnly: $unreadOnly, first: $first) { id kind title body data readAt recipientOrgId recipientUserId } unreadNotificationCount }`;
const MARK = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

beforeAll(async () => {
  ({ server, ds } = await startSupplierServer());
  service = server.app.get(NotificationService);
  const org = await createOrg(ds, { kind: OrganizationKind.SUPPLIER });
  staff = await actor(server, ds, Role.SUPPLIER_STAFF, { organizationId: org.id });
  colleague = await actor(server, ds, Role.SUPPLIER_ADMIN, { organizationId: org.id });
  stranger = await actor(server, ds, Role.SUPPLIER_ADMIN);
  const ctx = contextFor(staff.userId, Role.PLATFORM_ADMIN, null, OrganizationKind.PLATFORM);
  await service.notifyOrganization(ctx, org.id, {
    kind: 'ORDER_PLACED',
    title: '新订单',
    body: '订单 #1001',
    data: { orderId: '1001' },
  });
  await service.notifyUser(ctx, staff.userId, { kind: 'WELCOME', title: '欢迎使用帮扶平台' });
  await service.notifyUser(ctx, stranger.userId, { kind: 'WELCOME', title: '欢迎' });
});
afterAll(() => server?.close());

describe('notifications', () => {
  it('lists what is addressed to the user and to its organisations, newest first', async () => {
    const data = await server.gqlOk(LIST, {}, staff.token);
    expect(data.notifications.map((n: { kind: string }) => n.kind)).toEqual(['WELCOME', 'ORDER_PLACED']);
    expect(JSON.parse(data.notifications[1].data)).toEqual({ orderId: '1001' });
    expect(data.unreadNotificationCount).toBe(2);
    const forColleague = (await server.gqlOk(LIST, {}, colleague.token)).notifications;
    expect(forColleague.map((n: { kind: string }) => n.kind)).toEqual(['ORDER_PLACED']);
    const forCustomer = await actor(server, ds, Role.CUSTOMER); // no organisation at all
    expect((await server.gqlOk(LIST, {}, forCustomer.token)).notifications).toEqual([]);
  });

  it('marks only the caller’s own notifications read', async () => {
    const mine = (await server.gqlOk(LIST, {}, staff.token)).notifications;
    const theirs = (await server.gqlOk(LIST, {}, stranger.token)).notifications;
    expect(
      (await server.gqlOk(MARK, { ids: theirs.map((n: { id: string }) => n.id) }, staff.token)).markNotificationsRead,
    ).toBe(0);
    expect((await server.gqlOk(LIST, { unreadOnly: true }, stranger.token)).notifications).toHaveLength(1);

    const welcome = mine.find((n: { kind: string }) => n.kind === 'WELCOME');
    expect((await server.gqlOk(MARK, { ids: [welcome.id, welcome.id] }, staff.token)).markNotificationsRead).toBe(1);
    expect((await server.gqlOk(MARK, { ids: [welcome.id] }, staff.token)).markNotificationsRead).toBe(0); // already read
    const unread = await server.gqlOk(LIST, { unreadOnly: true }, staff.token);
    expect(unread.notifications.map((n: { kind: string }) => n.kind)).toEqual(['ORDER_PLACED']);
    expect(unread.unreadNotificationCount).toBe(1);
    const all = (await server.gqlOk(LIST, {}, staff.token)).notifications;
    expect(all.find((n: { kind: string }) => n.kind === 'WELCOME').readAt).toBeTruthy();

    // An organisation notification read by one member is read for the organisation.
    const order = mine.find((n: { kind: string }) => n.kind === 'ORDER_PLACED');
    expect((await server.gqlOk(MARK, { ids: [order.id] }, colleague.token)).markNotificationsRead).toBe(1);
    expect((await server.gqlOk(LIST, {}, staff.token)).unreadNotificationCount).toBe(0);
  });

  it('names the order an order notification is about (null when there is none or it is not an id)', async () => {
    const orderId = '3f0c2a4e-8b1d-4c7e-9a55-0d6b2f1e7a90';
    const ctx = contextFor(colleague.userId, Role.PLATFORM_ADMIN, null, OrganizationKind.PLATFORM);
    await service.notifyUser(ctx, colleague.userId, {
      kind: 'ORDER_PAID',
      title: '订单已支付，请发货',
      data: { orderId, orderNo: 'BF1' },
    });
    const list = (await server.gqlOk(`{ notifications { kind orderId } }`, {}, colleague.token)).notifications;
    expect(list.map((n: { kind: string; orderId: string | null }) => [n.kind, n.orderId])).toEqual([
      ['ORDER_PAID', orderId],
      ['ORDER_PLACED', null],
    ]);
  });

  it('limits the page size, refuses anonymous callers and bad payloads', async () => {
    expect((await server.gqlOk(LIST, { first: 1 }, staff.token)).notifications).toHaveLength(1);
    expectErrorCode(await server.gql(LIST, { first: 0 }, staff.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(LIST, { first: 101 }, staff.token), 'BAD_USER_INPUT');
    expectErrorCode(await server.gql(LIST, {}), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(MARK, { ids: [] }), 'UNAUTHENTICATED');
    const ctx = contextFor(staff.userId, Role.PLATFORM_ADMIN, null, OrganizationKind.PLATFORM);
    await expect(service.notifyUser(ctx, staff.userId, { kind: 'X', title: '  ' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('notifyAll', () => {
  it('writes one notification per recipient, organisations and users alike, in one statement', async () => {
    const ctx = contextFor(staff.userId, Role.PLATFORM_ADMIN, null, OrganizationKind.PLATFORM);
    const other = await createOrg(ds, { kind: OrganizationKind.SUPPLIER });
    await service.notifyAll(ctx, [{ orgId: other.id }, { userId: colleague.userId }], {
      kind: 'NOTIFY_ALL_PROBE',
      title: '  订单已支付  ',
      data: { orderNo: 'BF1' },
    });
    const rows = await ds.query(
      `SELECT recipient_org_id, recipient_user_id, kind, title, body, data FROM notification WHERE kind = 'NOTIFY_ALL_PROBE' ORDER BY recipient_org_id NULLS LAST`,
    );
    expect(rows).toEqual([
      {
        recipient_org_id: other.id,
        recipient_user_id: null,
        kind: 'NOTIFY_ALL_PROBE',
        title: '订单已支付',
        body: '',
        data: { orderNo: 'BF1' },
      },
      {
        recipient_org_id: null,
        recipient_user_id: colleague.userId,
        kind: 'NOTIFY_ALL_PROBE',
        title: '订单已支付',
        body: '',
        data: { orderNo: 'BF1' },
      },
    ]);
    await expect(service.notifyAll(ctx, [{ orgId: other.id }], { kind: 'X', title: ' ' })).rejects.toThrow(
      /kind and a title/,
    );
  });
});
