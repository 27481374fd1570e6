import { expect, test } from '@playwright/test';
import { DEMO, gql, tokenFor } from './support/api';
import { setPurchaserLimit } from './support/procurement';
import { stripeStandInForFile, succeedIntent } from './support/stripe';
import { addToCart, signIn, signOut } from './support/browser';

const CUSTOMER = 'customer@demo.bangfu';
const TEA = '贵州梵净山绿茶礼盒';
const FUNGI = '汉中食用菌礼包';
const LAPSED_TEA = '梵净山翠峰茶';

const stripe = stripeStandInForFile();

test('a customer buys from two suppliers in the online hall; the cooperative ships its part', async ({
  page,
  request,
}) => {
  // ── The customer fills the cart from two suppliers ──
  await signIn(page, CUSTOMER, '/products');
  await addToCart(page, TEA, 2);
  await addToCart(page, FUNGI, 1);
  await expect(page.getByTestId('cart-count')).toHaveText('3');

  await page.getByTestId('cart-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('购物车');
  const groups = page.getByTestId('cart-group');
  await expect(groups).toHaveCount(2);
  const teaGroup = groups.filter({ hasText: TEA });
  await expect(teaGroup.getByTestId('cart-group-supplier')).toHaveText(DEMO.cooperative);
  await expect(teaGroup.getByTestId('group-subtotal')).toHaveText('¥336.00');
  const fungiGroup = groups.filter({ hasText: FUNGI });
  await expect(fungiGroup.getByTestId('cart-group-supplier')).not.toHaveText(DEMO.cooperative);
  await expect(fungiGroup.getByTestId('group-subtotal')).toHaveText('¥128.00');
  await expect(page.getByTestId('cart-total')).toHaveText('¥464.00');

  // ── Checkout in the online hall (the default channel) ──
  await page.getByTestId('go-checkout').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('确认订单');
  await expect(page.getByLabel('渠道', { exact: true }).locator('option:checked')).toHaveText(/帮扶网上专馆/);
  await page.getByTestId('place-order').click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  const orderUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('order-placed')).toContainText('2 个供应商订单');
  await expect(page.getByTestId('order-status')).toHaveText('待付款');
  await expect(page.getByTestId('order-total')).toHaveText('¥464.00');
  const orderNo = (await page.getByTestId('order-no').textContent())!.trim();
  const supplierOrders = page.getByTestId('supplier-order');
  await expect(supplierOrders).toHaveCount(2);
  await expect(supplierOrders.filter({ hasText: DEMO.cooperative }).getByTestId('supplier-order-status')).toHaveText(
    '待发货',
  );
  await expect(supplierOrders.filter({ hasText: FUNGI }).getByTestId('supplier-order-status')).toHaveText('待发货');
  // The cart only held what was ordered.
  await expect(page.getByTestId('cart-count')).toHaveCount(0);

  // ── Payment: Stripe is configured, so a real intent is created for Stripe's Payment Element ──
  // js.stripe.com is out of reach here (as behind a firewall): the page must say so, not hang.
  await page.route('https://js.stripe.com/**', (route) => route.abort('internetdisconnected'));
  const panel = page.getByTestId('payment-panel');
  await expect(panel.getByTestId('payment-due')).toBeVisible();
  await expect(panel.getByTestId('bank-transfer-form')).toHaveCount(0); // retail transfers are refused while Stripe is on
  await panel.getByLabel('支付方式').selectOption({ label: '银行卡' });
  await panel.getByRole('button', { name: '支付 ¥464.00' }).click();
  const placeholder = panel.getByTestId('stripe-unavailable');
  await expect(placeholder).toContainText('无法加载 Stripe 支付组件');
  const paymentId = (await placeholder.getByTestId('payment-id').textContent())!.trim();
  const intent = stripe().intentForPayment(paymentId);
  expect(intent?.amount).toBe(46400);

  // Stripe.js cannot load, so the customer cannot type a card here. The test plays Stripe: the
  // intent succeeds and Stripe posts its signed webhook to the API, which marks the order paid.
  const hook = await succeedIntent(request, stripe(), intent!.id);
  expect(await hook.json()).toMatchObject({ received: true, outcome: 'PAYMENT_APPLIED' });

  await placeholder.getByRole('button', { name: '刷新支付状态' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('已付款');
  await expect(page.getByTestId('order-paid')).toHaveText('¥464.00');
  await expect(page.getByTestId('payment-panel')).toHaveCount(0);
  await expect(page.getByTestId('payment-row')).toContainText('支付成功');
  await signOut(page);

  // ── The cooperative ships its supplier order from the portal ──
  await signIn(page, DEMO.supplier, '/portal/supplier/orders');
  const switcher = page.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.cooperative);
  await expect(
    page.getByRole('navigation', { name: '供应商后台' }).getByRole('link', { name: '订单发货' }),
  ).toHaveAttribute('aria-current', 'page');
  const incoming = page.getByTestId('incoming-order').filter({ hasText: orderNo });
  await expect(incoming).toHaveAttribute('data-state', 'toShip');
  await expect(incoming).toContainText(TEA);
  await expect(incoming).not.toContainText(FUNGI); // the other supplier's part is not shown
  await incoming.getByLabel('承运商').fill('顺丰速运');
  await incoming.getByLabel('运单号').fill('SF1234567890');
  await incoming.getByRole('button', { name: '确认发货' }).click();
  await expect(page.getByTestId('shipped-notice')).toContainText(orderNo);

  await page
    .getByRole('group', { name: '显示' })
    .getByRole('button', { name: /已发货/ })
    .click();
  const shipped = page.getByTestId('incoming-order').filter({ hasText: orderNo });
  await expect(shipped.getByTestId('supplier-order-status')).toHaveText('已发货');
  await expect(shipped.getByTestId('order-status')).toHaveText('履约中');
  await expect(shipped.getByTestId('shipment')).toContainText('顺丰速运 · 运单号 SF1234567890');
  await signOut(page);

  // ── The customer sees that part shipped and the order fulfilling ──
  await signIn(page, CUSTOMER, orderUrl);
  await expect(page.getByTestId('order-status')).toHaveText('履约中');
  const teaPart = page.getByTestId('supplier-order').filter({ hasText: DEMO.cooperative });
  await expect(teaPart.getByTestId('supplier-order-status')).toHaveText('已发货');
  await expect(teaPart.getByTestId('shipment-carrier')).toHaveText('顺丰速运');
  await expect(teaPart.getByTestId('shipment-tracking')).toHaveText('SF1234567890');
  await expect(teaPart.getByTestId('allocations')).toContainText('× 2 盒');
  await expect(
    page.getByTestId('supplier-order').filter({ hasText: FUNGI }).getByTestId('supplier-order-status'),
  ).toHaveText('待发货');
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-status')).toHaveText(['待付款', '已付款', '履约中']);
  await expect(timeline).toContainText('首个供应商订单已发货');

  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Fulfilling');
  await expect(teaPart.getByTestId('supplier-order-status')).toHaveText('Shipped');
  await page.getByRole('button', { name: '中文' }).click();

  // "My orders" lists it, filtered by status.
  await page.getByRole('banner').getByRole('link', { name: '我的订单' }).click();
  await page.getByLabel('订单状态').selectOption({ label: '履约中' });
  await expect(page).toHaveURL(/\/orders\?status=FULFILLING$/);
  await expect(page.getByTestId('order-row').filter({ hasText: orderNo }).getByTestId('order-row-status')).toHaveText(
    '履约中',
  );
  await page.getByLabel('订单状态').selectOption({ label: '已取消' });
  await expect(page.getByTestId('order-row').filter({ hasText: orderNo })).toHaveCount(0);
});

test('on a phone, checkout explains refusals, fixes the line and places one order for a double click', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const token = await tokenFor(request, CUSTOMER);
  const countOrders = async () =>
    (await gql<{ orders: { totalCount: number } }>(request, '{ orders { totalCount } }', {}, token)).orders.totalCount;
  const before = await countOrders();

  await signIn(page, CUSTOMER, '/products');
  await addToCart(page, LAPSED_TEA, 1);
  await addToCart(page, FUNGI, 1);
  // The product page will not add more than the stock…
  await page.getByTestId('buy-box').getByLabel('数量').fill('5000');
  await expect(page.getByTestId('buy-box').locator('.field-error')).toContainText('库存只剩');
  await expect(page.getByTestId('buy-box').getByRole('button', { name: '加入购物车' })).toBeDisabled();

  // …but stock moves while a cart waits; the cart warns, the server decides at checkout.
  await page.getByTestId('cart-link').click();
  await expect(page.getByTestId('cart-group')).toHaveCount(2);
  const cartFungi = page.getByTestId('cart-line').filter({ hasText: FUNGI });
  await cartFungi.getByLabel(`${FUNGI} 的数量`).fill('5000');
  await expect(cartFungi.getByTestId('stock-warning')).toBeVisible();
  await expect(page.getByTestId('cart-total')).toHaveText('¥640,068.00');
  await page.getByTestId('go-checkout').click();

  // The online hall sells certified assistance products only: the lapsed certificate is refused.
  await page.getByTestId('place-order').click();
  const teaLine = page.getByTestId('cart-line').filter({ hasText: LAPSED_TEA });
  await expect(teaLine.getByTestId('line-problem')).toContainText('只销售认定有效的帮扶产品');
  await expect(teaLine.getByTestId('line-problem')).toContainText('认定已过期');
  await teaLine.getByRole('button', { name: '从订单中移除' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  // Too many boxes: the refusal says how many are left and offers exactly that.
  await page.getByTestId('place-order').click();
  const fungiLine = page.getByTestId('cart-line').filter({ hasText: FUNGI });
  const problem = fungiLine.getByTestId('line-problem');
  await expect(problem).toContainText(/库存不足：汉中食用菌礼包 目前只剩 \d+ 箱，您要购买 5000 箱/);
  const available = Number(/只剩 (\d+) 箱/.exec((await problem.textContent())!)![1]);
  expect(available).toBeGreaterThan(0);
  await problem.getByRole('button', { name: `改为 ${available} 箱` }).click();
  await expect(fungiLine.getByTestId('line-quantity')).toHaveText(`× ${available} 箱`);
  await expect(problem).toHaveCount(0);
  expect(await countOrders()).toBe(before);

  // A double click sends one checkout attempt (one idempotency key): exactly one order.
  await page.getByTestId('place-order').dblclick();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  await expect(page.getByTestId('supplier-order')).toHaveCount(1);
  expect(await countOrders()).toBe(before + 1);

  // Cancelled before payment: the reserved boxes go back to stock.
  await page.getByRole('button', { name: '取消订单' }).click();
  await page.getByLabel('取消原因').fill('数量买多了');
  await page.getByRole('button', { name: '确认取消' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('已取消');
  await expect(page.getByTestId('supplier-order-status')).toHaveText('已取消');
  await expect(page.getByTestId('timeline')).toContainText('数量买多了');
});

test('an agency purchaser buys at agency prices through a purchase request, pays by bank transfer and platform finance confirms it', async ({
  page,
  request,
}) => {
  const reference = `ICBC-${Date.now().toString(36)}`.toUpperCase();
  await setPurchaserLimit(request, 100_000_00); // within the limit: the request is approved at once
  await signIn(page, 'purchaser@demo.bangfu', '/products');
  await page.goto(`/products?search=${encodeURIComponent(TEA)}`);
  await page.getByTestId('product-card').filter({ hasText: TEA }).first().getByRole('link').click();
  const box = page.getByTestId('buy-box');
  await expect(box.getByTestId('buy-price')).toHaveText('¥158.00');
  await expect(box).toContainText('单位采购价');
  await box.getByRole('button', { name: '加入购物车' }).click();
  await page.getByTestId('cart-link').click();
  await expect(page.getByTestId('cart-total')).toHaveText('¥158.00');
  await page.getByTestId('go-checkout').click();

  // The unit's money goes through its procurement policy: checkout is a purchase request, never placeOrder.
  const form = page.getByTestId('checkout-request').getByTestId('request-form');
  await expect(page.getByTestId('place-order')).toHaveCount(0);
  await expect(form.getByTestId('approval-required')).toHaveText('限额内，按单位规定免审批');
  await form.getByLabel('付款条件').selectOption({ label: '预付款' });
  await form.getByLabel('采购理由').fill('接待用茶');
  await form.getByTestId('submit-request').click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?requested=PR\d+$/);
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(page.url())![1];
  await expect(page.getByTestId('order-requested')).toContainText('采购申请 PR');
  await expect(page.getByTestId('order-status')).toHaveText('待付款');
  await expect(page.getByText('预算单位（单位采购）')).toBeVisible();

  // 对公转账: the agency records the bank reference; the order waits for platform finance.
  const panel = page.getByTestId('payment-panel');
  await expect(panel.getByTestId('pay-on-delivery')).toBeVisible();
  const transfer = panel.getByTestId('bank-transfer-form');
  await expect(transfer).toContainText('¥158.00');
  await transfer.getByLabel('银行流水号').fill(reference);
  await transfer.getByRole('button', { name: '登记转账' }).click();
  await expect(panel.getByTestId('transfer-pending')).toContainText(reference);
  await expect(page.getByTestId('payment-row')).toContainText('待平台确认');

  // The invoice goes with the order (uploaded through the storage interface) and comes back intact.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await page
    .getByTestId('document-input')
    .setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: pdf });
  const doc = page.getByTestId('order-document').filter({ hasText: '发票.pdf' });
  await expect(doc).toContainText('application/pdf');
  const download = page.waitForEvent('download');
  await doc.getByRole('button', { name: '下载' }).click();
  expect((await download).suggestedFilename()).toBe('发票.pdf');
  await signOut(page);

  // Platform finance matches it with the bank statement.
  await signIn(page, 'admin@demo.bangfu', '/portal/admin/payments');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('对公转账确认');
  const row = page.locator(`[data-testid="pending-transfer"][data-order-id="${orderId}"]`);
  await expect(row).toContainText(reference);
  await expect(row).toContainText('¥158.00');
  await row.getByRole('button', { name: '确认到账' }).click();
  await expect(row).toHaveCount(0);
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('order-status')).toHaveText('已付款');
  await expect(page.getByTestId('payment-row')).toContainText('支付成功');
});
