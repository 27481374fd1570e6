import { expect } from '@playwright/test';
import { DEMO, gql, tokenFor } from './support/api';
import { testOnOwnMarketplace } from './support/server';
import { placeOrder, signIn, signOut } from './support/browser';

// The embedded default has no Stripe: a retail customer pays by bank transfer against the order's
// invoice reference, platform finance confirms it, the supplier ships, the customer confirms
// receipt (确认收货) and the order counts. The shared e2e server has Stripe configured, so this
// journey runs on a marketplace of its own without it.
const test = testOnOwnMarketplace();

const CUSTOMER = 'customer@demo.bangfu';
const TEA = '贵州梵净山绿茶礼盒';

test('without Stripe, a customer pays by transfer, finance confirms, the cooperative ships, the customer confirms receipt and the order counts', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const bankRef = `ICBC${Date.now().toString(36).toUpperCase()}`;

  // ── The customer buys one box of certified tea in the online hall ──
  await signIn(page, CUSTOMER, '/products');
  await page.goto(`/products?search=${encodeURIComponent(TEA)}`);
  await page.getByTestId('product-card').filter({ hasText: TEA }).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEA);
  await page.getByTestId('buy-box').getByRole('button', { name: '加入购物车' }).click();
  await expect(page.getByTestId('buy-box').getByTestId('added-to-cart')).toContainText('已加入购物车');
  await page.getByTestId('cart-link').click();
  await page.getByTestId('go-checkout').click();
  const { orderId, orderNo } = await placeOrder(page);
  const total = (await page.getByTestId('order-total').textContent())!.trim();
  await expect(page.getByTestId('order-status')).toHaveText('待付款');

  // ── The order page offers the transfer, with the invoice reference to quote — not "no payment" ──
  const panel = page.getByTestId('payment-panel');
  await expect(panel.getByTestId('payment-due')).toBeVisible();
  await expect(panel.getByTestId('no-payment-method')).toHaveCount(0);
  await expect(panel.getByTestId('pay-online')).toHaveCount(0);
  const transfer = panel.getByTestId('bank-transfer-form');
  await expect(transfer.getByTestId('transfer-amount')).toHaveText(total);
  await expect(transfer.getByTestId('transfer-reference')).toHaveText(orderNo);
  await expect(transfer).toContainText('收款账户以平台开具的发票');
  await page.screenshot({ path: test.info().outputPath('order-transfer.png'), fullPage: true });
  await transfer.getByLabel('银行流水号').fill(bankRef);
  await transfer.getByRole('button', { name: '登记转账' }).click();
  await expect(panel.getByTestId('transfer-pending')).toContainText(bankRef);
  await expect(panel.getByTestId('bank-transfer-form')).toHaveCount(0);
  await expect(page.getByTestId('payment-row')).toContainText('待平台确认');
  await signOut(page);

  // ── Platform finance matches the transfer and confirms it ──
  await signIn(page, DEMO.admin, '/portal/admin/payments');
  const row = page.locator(`[data-testid="pending-transfer"][data-order-id="${orderId}"]`);
  await expect(row).toContainText(bankRef);
  await row.getByRole('button', { name: '确认到账' }).click();
  await expect(row).toHaveCount(0);
  await signOut(page);

  // ── The cooperative ships ──
  await signIn(page, DEMO.supplier, '/portal/supplier/orders');
  const switcher = page.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  const incoming = page.getByTestId('incoming-order').filter({ hasText: orderNo });
  await expect(incoming).toHaveAttribute('data-state', 'toShip');
  await incoming.getByLabel('承运商').fill('中国邮政 EMS');
  await incoming.getByLabel('运单号').fill('EMS1029384756');
  await incoming.getByRole('button', { name: '确认发货' }).click();
  await expect(page.getByTestId('shipped-notice')).toContainText(orderNo);
  await signOut(page);

  // ── The customer confirms receipt (确认收货): the order is delivered and counts ──
  await signIn(page, CUSTOMER, `/orders/${orderId}`);
  await expect(page.getByTestId('order-status')).toHaveText('履约中');
  await expect(page.getByTestId('order-paid')).toHaveText(total);
  await expect(page.getByTestId('payment-panel')).toHaveCount(0);
  const part = page.getByTestId('supplier-order');
  await part.getByRole('button', { name: '确认收货' }).click();
  await expect(part.getByTestId('supplier-order-status')).toHaveText('已送达');
  await expect(page.getByTestId('order-status')).toHaveText('已送达');
  await expect(page.getByTestId('timeline').getByTestId('timeline-status')).toHaveText([
    '待付款',
    '已付款',
    '履约中',
    '已送达',
  ]);

  // Counting happens in the transaction that delivers (attribution entries); shown as "where your money went".
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('attribution-summary')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
  await expect(page.getByTestId('attribution-pending')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('order-counted.png'), fullPage: true });
  const token = await tokenFor(request, CUSTOMER);
  const { orderAttribution } = await gql<{ orderAttribution: { counted: boolean; attributedAmount: number } }>(
    request,
    'query($id: ID!) { orderAttribution(orderId: $id) { counted attributedAmount } }',
    { id: orderId },
    token,
  );
  expect(orderAttribution.counted).toBe(true);
  expect(orderAttribution.attributedAmount).toBeGreaterThan(0);
});
