import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import { DEMO, gql, PASSWORD } from './support/api';
import { testOnOwnMarketplace } from './support/server';
import { addCheckoutAddress, placeOrder, signOut, signIn } from './support/browser';

// Issue 15's visitor journey, in the browser alone (GraphQL only reads the result at the end): a
// visitor fills a cart without an account, signs up, adds a delivery address at checkout, places the
// order and pays; platform finance confirms the payment, the cooperative ships with the packing slip,
// the new customer confirms receipt (确认收货) and the order counts. The shared e2e server takes only
// Stripe for retail and js.stripe.com is out of reach here, so — like retail-transfer.spec.ts — the
// journey runs on a marketplace of its own without Stripe, where retail pays by bank transfer.
const test = testOnOwnMarketplace();

const TEA = '贵州梵净山绿茶礼盒';
const NEW_PASSWORD = '梵净山的清晨-访客下单';

test('a visitor fills a cart, signs up, adds an address, pays, and after the cooperative ships confirms receipt; the order counts', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const email = `visitor-${randomBytes(4).toString('hex')}@e2e.bangfu`;
  const phone = `139${String(Date.now()).slice(-8)}`;
  const bankRef = `ICBC${Date.now().toString(36).toUpperCase()}`;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // ── As a visitor (no account): full-pinyin search finds the tea, the cart fills ──
  await page.goto('/products?search=fanjingshan');
  await page.getByTestId('product-card').filter({ hasText: TEA }).first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEA);
  const box = page.getByTestId('buy-box');
  await box.getByLabel('数量').fill('2');
  await box.getByRole('button', { name: '加入购物车' }).click();
  await expect(box.getByTestId('added-to-cart')).toContainText('已加入购物车');
  await expect(page.getByTestId('cart-count')).toHaveText('2');
  await page.getByTestId('cart-link').click();
  await expect(page.getByTestId('cart-group')).toContainText(TEA);

  // ── Checkout asks to sign in; the visitor has no account and signs up from there ──
  await page.getByTestId('go-checkout').click();
  await expect(page).toHaveURL(/\/login\?next=%2Fcheckout$/);
  await page.getByRole('link', { name: '注册账号' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  const signup = page.getByTestId('signup-form');
  await signup.getByLabel('邮箱或手机号').fill(email);
  await signup.getByLabel('姓名或昵称').fill('周访客');
  await signup.getByLabel('密码', { exact: true }).fill(NEW_PASSWORD);
  await signup.getByLabel('再次输入密码').fill(NEW_PASSWORD);
  await signup.getByRole('button', { name: '注册', exact: true }).click();
  // Signed in straight away, and the guest cart came along.
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await expect(page.getByTestId('cart-count')).toHaveText('2');

  // ── Checkout: no address yet, so one is added to the address book there ──
  await page.getByTestId('cart-link').click();
  await page.getByTestId('go-checkout').click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('确认订单');
  await expect(page.getByTestId('place-order')).toBeDisabled();
  const section = page.getByTestId('checkout-address');
  await expect(section).toContainText('还没有收货地址');
  await section.getByTestId('address-add').click();
  const villageName = await addCheckoutAddress(section, { name: '周访客', phone, detail: '梵净山路 9 号' });

  // ── The order is placed with the address, then paid by bank transfer against its number ──
  const { orderId, orderNo } = await placeOrder(page);
  const total = (await page.getByTestId('order-total').textContent())!.trim();
  await expect(page.getByTestId('order-status')).toHaveText('待付款');
  await expect(page.getByTestId('delivery-address')).toContainText('周访客');
  await expect(page.getByTestId('delivery-address')).toContainText('梵净山路 9 号');
  await expect(page.getByTestId('cart-count')).toHaveCount(0);
  const panel = page.getByTestId('payment-panel');
  const transfer = panel.getByTestId('bank-transfer-form');
  await expect(transfer.getByTestId('transfer-amount')).toHaveText(total);
  await expect(transfer.getByTestId('transfer-reference')).toHaveText(orderNo);
  await transfer.getByLabel('银行流水号').fill(bankRef);
  await transfer.getByRole('button', { name: '登记转账' }).click();
  await expect(panel.getByTestId('transfer-pending')).toContainText(bankRef);
  await signOut(page);

  // ── Platform finance: from the console's landing, the bank transfers section, confirm it ──
  await signIn(page, DEMO.admin, '/portal/admin', PASSWORD);
  await page.getByRole('navigation', { name: '管理分区' }).getByRole('link', { name: '对公转账确认' }).click();
  await expect(page).toHaveURL(/\/portal\/admin\/payments$/);
  const pending = page.locator(`[data-testid="pending-transfer"][data-order-id="${orderId}"]`);
  await expect(pending).toContainText(bankRef);
  await pending.getByRole('button', { name: '确认到账' }).click();
  await expect(pending).toHaveCount(0);
  await signOut(page);

  // ── The cooperative sees where it goes on the ship form, opens the packing slip, and ships ──
  await signIn(page, DEMO.supplier, '/portal/supplier/orders', PASSWORD);
  const switcher = page.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  const row = page.getByTestId('incoming-order').filter({ hasText: orderNo });
  await expect(row).toHaveAttribute('data-state', 'toShip');
  const shipTo = row.getByTestId('ship-form').getByTestId('ship-to');
  await expect(shipTo).toContainText('周访客');
  await expect(shipTo).toContainText(phone);
  await expect(shipTo).toContainText('梵净山路 9 号');
  await shipTo.getByTestId('packing-slip-link').click();
  await expect(page).toHaveURL(new RegExp(`/portal/supplier/packing-slip/${orderId}$`));
  const slip = page.getByTestId('packing-slip');
  await expect(slip).toHaveCount(1);
  await expect(slip).toContainText(orderNo);
  await expect(slip).toContainText('周访客');
  await expect(slip).toContainText(phone);
  await expect(slip).toContainText(villageName);
  await expect(slip).toContainText(TEA);
  await page.getByRole('link', { name: '返回待发货订单' }).click();
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  await row.getByLabel('承运商').fill('中国邮政 EMS');
  await row.getByLabel('运单号').fill('EMS2026120601');
  await row.getByRole('button', { name: '确认发货' }).click();
  await expect(page.getByTestId('shipped-notice')).toContainText(orderNo);
  await signOut(page);

  // ── The new customer signs in again and confirms receipt (确认收货); the order counts ──
  await signIn(page, email, `/orders/${orderId}`, NEW_PASSWORD);
  await expect(page.getByTestId('order-status')).toHaveText('履约中');
  await expect(page.getByTestId('order-paid')).toHaveText(total);
  const part = page.getByTestId('supplier-order');
  await part.getByRole('button', { name: '确认收货' }).click();
  await expect(part.getByTestId('supplier-order-status')).toHaveText('已送达');
  await expect(page.getByTestId('order-status')).toHaveText('已送达');
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('attribution-summary')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
  await page.screenshot({ path: test.info().outputPath('visitor-order-counted.png'), fullPage: true });

  // Read the result as the new customer.
  const { login } = await gql<{ login: { token: string } }>(
    request,
    'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }',
    {
      i: email,
      p: NEW_PASSWORD,
    },
  );
  const { order, orderAttribution } = await gql<{
    order: { status: string; supplierOrders: Array<{ status: string; trackingNo: string }> };
    orderAttribution: { counted: boolean; attributedAmount: number };
  }>(
    request,
    'query($id: ID!) { order(id: $id) { status supplierOrders { status trackingNo } } orderAttribution(orderId: $id) { counted attributedAmount } }',
    { id: orderId },
    login.token,
  );
  expect(order).toEqual({
    status: 'DELIVERED',
    supplierOrders: [{ status: 'DELIVERED', trackingNo: 'EMS2026120601' }],
  });
  expect(orderAttribution.counted).toBe(true);
  expect(orderAttribution.attributedAmount).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
