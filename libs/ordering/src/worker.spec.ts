import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestContext, Role } from '@bangfu/core';
import { type TestServer, until } from '@bangfu/testing';
import { OrderService } from './order.service';
import { actor, catalogFixture, channelFixture, count, PLACE, placeInput, startOrderingServer } from './test-helpers';

let server: TestServer;
let ds: DataSource;

beforeAll(async () => {
  // Ordering reads its own variables from the process environment.
  process.env.ORDER_OUTBOX_RELAY_MS = '200';
  ({ server, ds } = await startOrderingServer({ runWorkers: true }));
});
afterAll(async () => {
  await server?.close();
  delete process.env.ORDER_OUTBOX_RELAY_MS;
});

describe('with real workers', () => {
  it('order status changes reach buyer and supplier through outbox → relay → domain-events → notifications', async () => {
    const hall = await channelFixture(ds, { online: true });
    const customer = await actor(server, ds, Role.CUSTOMER);
    const v = await catalogFixture(server, ds);
    const order = (
      await server.gqlOk(PLACE, placeInput(hall, [{ variantId: v.variantId, quantity: 1 }]), customer.token)
    ).placeOrder;
    await server.app
      .get(OrderService)
      .markPaid(RequestContext.system('test'), order.id, { paymentId: 'pi_w', amount: order.totalAmount });
    const kinds = async (where: string, id: string) =>
      (
        await ds.query(
          `SELECT kind FROM notification WHERE ${where} = $1 AND data->>'orderId' = $2 ORDER BY created_at`,
          [id, order.id],
        )
      ).map((r: any) => r.kind);
    await until(async () => ((await kinds('recipient_org_id', v.supplierId)).length === 2 ? true : undefined));
    // Consumers run events concurrently, so the two notifications may be written in either order.
    expect((await kinds('recipient_user_id', customer.userId)).sort()).toEqual(['ORDER_PAID', 'ORDER_PLACED']);
    expect((await kinds('recipient_org_id', v.supplierId)).sort()).toEqual(['ORDER_PAID', 'ORDER_PLACED']);
    expect(
      await count(ds, `SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND published_at IS NULL`, [order.id]),
    ).toBe(0);
  });
});
