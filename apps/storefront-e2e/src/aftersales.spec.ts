import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { DEMO, gql, onlineHallId, tokenFor, variantInStock } from './support/api';
import { testOnOwnMarketplace } from './support/server';
import { signIn, signOut } from './support/browser';

// 售后: a customer complains about a delivered order from its order page (with a photo), the
// cooperative answers from its portal, and coordinator@ (铜仁, 5206) upholds it with a partial refund
// that goes back through the payment's refund path. Retail orders are paid by bank transfer here,
// which needs a marketplace without Stripe (the shared one has Stripe configured).
const test = testOnOwnMarketplace();

const CUSTOMER = 'customer@demo.bangfu';
const TEA = '贵州梵净山绿茶礼盒';
/** A 1×1 PNG: the customer's photo of the goods. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('a buyer complains with a photo, the cooperative answers, and the county coordinator upholds it with a refund', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);

  // ── Set-up through the API: two boxes of tea bought, paid by transfer, shipped and received ──
  const [customer, admin, supplier] = await Promise.all([
    tokenFor(request, CUSTOMER),
    tokenFor(request, DEMO.admin),
    tokenFor(request, DEMO.supplier),
  ]);
  const variant = await variantInStock(request, TEA, 2);
  const hall = await onlineHallId(request);
  const { placeOrder } = await gql<{
    placeOrder: { id: string; orderNo: string; totalAmount: number; supplierOrders: Array<{ id: string }> };
  }>(
    request,
    'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { id orderNo totalAmount supplierOrders { id } } } }',
    { input: { idempotencyKey: randomUUID(), channelId: hall, lines: [{ variantId: variant.id, quantity: 2 }] } },
    customer,
  );
  const order = placeOrder;
  const { recordBankTransfer } = await gql<{ recordBankTransfer: { id: string } }>(
    request,
    'mutation($input: RecordBankTransferInput!) { recordBankTransfer(input: $input) { id } }',
    {
      input: {
        orderId: order.id,
        reference: `ICBC${Date.now().toString(36).toUpperCase()}`,
        amount: order.totalAmount,
        paidAt: new Date().toISOString(),
      },
    },
    customer,
  );
  await gql(
    request,
    'mutation($id: ID!) { confirmBankTransfer(paymentId: $id) { id } }',
    { id: recordBankTransfer.id },
    admin,
  );
  const so = order.supplierOrders[0];
  await gql(
    request,
    'mutation($id: ID!) { shipSupplierOrder(supplierOrderId: $id, carrier: "顺丰速运", trackingNo: "SF20261206") { id } }',
    { id: so.id },
    supplier,
  );
  await gql(request, 'mutation($id: ID!) { confirmDelivery(supplierOrderId: $id) { id } }', { id: so.id }, customer);

  // ── The customer rates the delivery and complains from the order page, with a photo ──
  await signIn(page, CUSTOMER, `/orders/${order.id}`);
  const panel = page.getByTestId('aftersales');
  await expect(panel).toBeVisible();
  const rate = panel.getByTestId('rate-form');
  await rate.getByLabel('3 星').check({ force: true });
  await rate.getByLabel('评价内容（选填）').fill('包装有破损');
  await rate.getByRole('button', { name: '提交评价' }).click();
  await expect(panel.getByTestId('rating')).toContainText('已评价 3 星');
  await panel.getByTestId('complain').click();
  const form = panel.getByTestId('complaint-form');
  await form.getByLabel('投诉类型').selectOption({ label: '质量问题' });
  await form.getByLabel('问题描述').fill('两盒中一盒茶叶受潮结块，见照片。');
  await form.getByLabel('照片（最多 9 张）').setInputFiles({ name: 'tea.png', mimeType: 'image/png', buffer: PHOTO });
  await form.getByRole('button', { name: '提交投诉' }).click();
  const complaint = panel.getByTestId('complaint');
  await expect(complaint.getByTestId('complaint-status')).toHaveText('待供应商答复');
  await expect(complaint.getByTestId('complaint-photo')).toHaveCount(1);
  const complaintId = (await complaint.getAttribute('data-complaint-id'))!;
  await signOut(page);

  // ── The cooperative answers from its complaints inbox ──
  await signIn(page, DEMO.supplier, '/portal/supplier/complaints');
  const switcher = page.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  const inbox = page.locator(`[data-testid="complaint"][data-complaint-id="${complaintId}"]`);
  await expect(inbox).toContainText(order.orderNo);
  await expect(inbox.getByTestId('complaint-photo')).toHaveCount(1);
  await inbox.getByLabel('答复内容').fill('仓储返潮，同意退还一盒货款。');
  await inbox.getByRole('button', { name: '提交答复' }).click();
  await expect(inbox.getByTestId('complaint-status')).toHaveText('待裁定');
  await expect(page.getByTestId('scorecard')).toContainText('平均评分');
  await signOut(page);

  // ── The coordinator of 铜仁 upholds it with a refund of one box ──
  await signIn(page, DEMO.coordinator, '/portal/complaints');
  const row = page.locator(`[data-testid="complaint"][data-complaint-id="${complaintId}"]`);
  await expect(row.getByTestId('complaint-answer')).toContainText('同意退还一盒货款');
  const decide = row.getByTestId('decide-form');
  await decide.getByLabel('裁定', { exact: true }).selectOption('UPHOLD');
  await decide.getByLabel('退款金额（元）').fill('168.00');
  await decide.getByLabel('裁定理由').fill('照片显示受潮，供应商认可，退还一盒货款。');
  await decide.getByRole('button', { name: '确认成立并退款' }).click();
  await expect(row.getByTestId('complaint-status')).toHaveText('投诉成立');
  await expect(row.getByTestId('complaint-decision')).toContainText('¥168.00');
  await page.screenshot({ path: test.info().outputPath('complaint-upheld.png'), fullPage: true });
  await signOut(page);

  // ── The customer sees the decision and the refund on the order ──
  await signIn(page, CUSTOMER, `/orders/${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText('部分退款');
  await expect(page.getByTestId('aftersales').getByTestId('complaint-status')).toHaveText('投诉成立');
  const { order: after } = await gql<{ order: { refundedAmount: number } }>(
    request,
    'query($id: ID!) { order(id: $id) { refundedAmount } }',
    { id: order.id },
    customer,
  );
  expect(after.refundedAmount).toBe(16_800);
});
