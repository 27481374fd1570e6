import { type Browser, devices, expect, type Page, test } from '@playwright/test';
import {
  createProduct,
  DEMO,
  ensureApprovedSupplier,
  gql,
  PASSWORD,
  submitAndVerifyCertification,
  tokenFor,
} from './support/api';
import { stripeStandInForFile, succeedIntent } from './support/stripe';
import { placeOrder } from './support/browser';

// Issue 14's journey, everyone on a phone: farmer@ lists 500 斤 of 白萝卜; the cooperative commits 300
// at the asking price; the farmer agrees; the cooperative receives into a new lot and pays; a customer
// buys that product and the sale counts; the farmer sees the purchase payment and the income share
// separately and confirms the month. Users act only in the browser; GraphQL sets up the product the
// lot goes into (an unrelated precondition) and reads results.
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  userAgent: devices['iPhone 12'].userAgent,
  locale: 'zh-CN',
};
test.use(PHONE);

const FARMER = 'farmer@demo.bangfu';
const CUSTOMER = 'customer@demo.bangfu';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const stripe = stripeStandInForFile();

/** Each user on their own phone (own browser context), so nobody has to sign out. */
async function phoneOf(
  browser: Browser,
  baseURL: string,
  identifier: string,
  next?: string,
  device: object = PHONE,
): Promise<Page> {
  const context = await browser.newContext({ ...device, baseURL });
  const page = await context.newPage();
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('邮箱或手机号').fill(identifier);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  if (next) await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`));
  return page;
}

const noWiderThanPhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test('a farmer lists radishes from the phone, the cooperative buys 300 斤 into a lot and pays, a sale of that lot counts, and the farmer confirms the month', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const variety = `本地白 ${tag}`;
  const title = `梵净山高山白萝卜 ${tag}`;
  const lotNo = `LB-${tag}`;

  // ── Precondition: the cooperative's radish product (sold by the 斤, stock only from lots) with a contract-purchase rule ──
  const supplier = await ensureApprovedSupplier(request);
  const supplierToken = await tokenFor(request, DEMO.supplier);
  const productId = await createProduct(request, supplierToken, {
    supplierId: supplier.id,
    title,
    variant: {
      sku: `RAD-${tag}`,
      spec: '散装',
      unit: '斤',
      retailPrice: 300,
      agencyPrice: 280,
      marketReferencePrice: 350,
      stockOnHand: 0,
    },
  });
  await gql(request, 'mutation($id: ID!) { publishProduct(productId: $id) { id } }', { id: productId }, supplierToken);
  // The online hall sells certified products only: certified as a coordinator and the platform would.
  const certificationId = await submitAndVerifyCertification(
    request,
    productId,
    supplierToken,
    await tokenFor(request, DEMO.coordinator),
  );
  await gql(
    request,
    'mutation($id: ID!, $input: CertifyProductInput!) { certifyProduct(id: $id, input: $input) { id } }',
    {
      id: certificationId,
      input: {
        certificateNo: `GZ-TR-${tag.toUpperCase()}`,
        issuer: '铜仁市乡村振兴局',
        batch: '2026年第四批',
        validFrom: today(),
        validTo: `${Number(today().slice(0, 4)) + 1}-12-31`,
      },
    },
    await tokenFor(request, DEMO.admin),
  );
  await gql(
    request,
    'mutation($input: SetAttributionRuleInput!) { setAttributionRule(input: $input) { id } }',
    { input: { productId: productId, kind: 'CONTRACT_PURCHASE', perUnitPayout: 100 } },
    supplierToken,
  );

  // ── The farmer signs in and lands on 我的供货; lists 500 斤 at ¥1.50 ──
  const farmer = await phoneOf(browser, baseURL!, FARMER);
  await expect(farmer).toHaveURL(/\/produce$/);
  await expect(farmer.getByRole('heading', { level: 1 })).toHaveText('我的供货');
  await expect(farmer.getByTestId('two-ways')).toContainText('卖给合作社（供货）');
  await expect(farmer.getByTestId('two-ways')).toContainText('以家庭农场身份自己卖');
  await farmer.getByRole('button', { name: '发布供货' }).click();
  const form = farmer.getByTestId('offer-form');
  await expect(form.getByLabel('拍照（可不填）')).toHaveAttribute('capture', 'environment');
  await form.getByLabel('作物').fill('白萝卜');
  await form.getByLabel('品种（可不填）').fill(variety);
  await form.getByLabel('数量').fill('500');
  await form.getByLabel('单位').selectOption('斤');
  await form.getByLabel('想卖的价格（元/斤）').fill('1.50');
  await form.getByRole('button', { name: '发布' }).click();
  const offer = farmer.getByTestId('my-offer').filter({ hasText: variety });
  await expect(offer.getByTestId('offer-status')).toHaveText('待收购');
  await expect(offer.getByTestId('offer-quantity')).toHaveText('共 500 斤，已约 0，还可卖 500');
  await noWiderThanPhone(farmer);
  await farmer.screenshot({ path: test.info().outputPath('farmer-offer-390.png'), fullPage: true });

  // ── The cooperative commits to 300 斤 at the asking price ──
  const coop = await phoneOf(browser, baseURL!, DEMO.supplier, '/portal/supplier/produce');
  const switcher = coop.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: supplier.name });
  const listed = coop.getByTestId('household-offer').filter({ hasText: variety });
  await expect(listed).toContainText('田秀英'); // a linked supplier sees the household's name
  await listed.getByRole('button', { name: '承诺收购' }).click();
  await listed.getByLabel('收购数量（斤）').fill('300');
  await expect(listed.getByLabel('收购价（元/斤）')).toHaveValue('1.50');
  await listed.getByRole('button', { name: '提交承诺' }).click();
  const waiting = coop
    .getByTestId('supplier-commitment')
    .filter({ hasText: '田秀英' })
    .filter({ hasText: '收 300 斤' });
  await expect(waiting).toHaveAttribute('data-status', 'PROPOSED');

  // ── The farmer agrees ──
  await farmer.goto('/produce/commitments');
  const proposal = farmer
    .getByTestId('commitment')
    .filter({ hasText: supplier.name })
    .filter({ hasText: '收 300 斤，每斤 ¥1.50，共 ¥450.00' });
  await expect(proposal).toHaveAttribute('data-status', 'PROPOSED');
  await expect(proposal.getByTestId('below-asking')).toHaveCount(0);
  await proposal.getByRole('button', { name: '同意', exact: true }).click();
  await expect(farmer.getByTestId('commitment').filter({ hasText: '收 300 斤，每斤 ¥1.50' }).first()).toHaveAttribute(
    'data-status',
    'ACCEPTED',
  );
  await noWiderThanPhone(farmer);

  // ── The cooperative receives 300 斤 into a new lot of the radish, then pays ──
  await coop.reload();
  const accepted = coop
    .getByTestId('supplier-commitment')
    .filter({ hasText: '田秀英' })
    .filter({ hasText: '收 300 斤' })
    .and(coop.locator('[data-status="ACCEPTED"]'));
  await accepted.getByRole('button', { name: '登记收货' }).click();
  const receipt = accepted.getByTestId('receipt-form');
  await expect(receipt.getByLabel('实收数量（斤）')).toHaveValue('300');
  await receipt.getByLabel('入库到产品规格').selectOption({ label: `${title} · 散装/斤` });
  await receipt.getByLabel('批次号').fill(lotNo);
  await receipt.getByLabel('采收日期').fill(today());
  await receipt.getByRole('button', { name: '确认收货入库' }).click();
  const toPay = coop.getByTestId('supplier-commitment').filter({ hasText: lotNo });
  await expect(toPay.getByTestId('receipt-line')).toHaveText(`实收 300 斤，入库批次 ${lotNo}，收购款 ¥450.00`);
  await toPay.getByRole('button', { name: '登记付款' }).click();
  await toPay.getByLabel('付款方式').selectOption({ label: '微信支付' });
  await toPay.getByLabel('付款凭证号').fill(`WX${tag}`);
  await toPay.getByRole('button', { name: '确认已付款' }).click();
  await expect(coop.getByTestId('supplier-commitment').filter({ hasText: lotNo })).toContainText('已付款');
  await noWiderThanPhone(coop);
  await coop.screenshot({ path: test.info().outputPath('supplier-produce-390.png'), fullPage: true });

  // The lot holds the household's 300 斤: the product's stock is those 300.
  const { product } = await gql<{ product: { variants: Array<{ stockOnHand: number }> } }>(
    request,
    'query($id: ID!) { product(id: $id) { variants { stockOnHand } } }',
    { id: productId },
    supplierToken,
  );
  expect(product.variants[0].stockOnHand).toBe(300);

  // ── A customer buys 10 斤 of that radish in the online hall and pays (Stripe stand-in) ──
  const customer = await phoneOf(browser, baseURL!, CUSTOMER, '/products');
  await customer.goto(`/products/${productId}`); // a fresh product: the search index catches up on its own schedule
  await expect(customer.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(customer.getByTestId('county-income-link')).toHaveAttribute('href', '/transparency/520621');
  const box = customer.getByTestId('buy-box');
  await box.getByLabel('数量').fill('10');
  await box.getByRole('button', { name: '加入购物车' }).click();
  await expect(box.getByTestId('added-to-cart')).toContainText('已加入购物车');
  await customer.getByTestId('cart-link').click();
  await customer.getByTestId('go-checkout').click();
  const { orderId, orderNo } = await placeOrder(customer);
  await expect(customer.getByTestId('order-total')).toHaveText('¥30.00');
  await customer.route('https://js.stripe.com/**', (route) => route.abort('internetdisconnected'));
  const panel = customer.getByTestId('payment-panel');
  await panel.getByLabel('支付方式').selectOption({ label: '银行卡' });
  await panel.getByRole('button', { name: '支付 ¥30.00' }).click();
  const placeholder = panel.getByTestId('stripe-unavailable');
  const paymentId = (await placeholder.getByTestId('payment-id').textContent())!.trim();
  const intent = stripe().intentForPayment(paymentId)!;
  // Stripe.js cannot load offline: the test plays Stripe (the intent succeeds, its signed webhook arrives).
  await succeedIntent(request, stripe(), intent.id);
  await placeholder.getByRole('button', { name: '刷新支付状态' }).click();
  await expect(customer.getByTestId('order-status')).toHaveText('已付款');

  // ── The cooperative ships from the new lot; the customer confirms receipt: the order counts ──
  await coop.goto('/portal/supplier/orders');
  if (await switcher.isVisible()) await switcher.selectOption({ label: supplier.name });
  const incoming = coop.getByTestId('incoming-order').filter({ hasText: orderNo });
  await incoming.getByLabel('承运商').fill('中国邮政 EMS');
  await incoming.getByLabel('运单号').fill(`EMS${tag}`);
  await incoming.getByRole('button', { name: '确认发货' }).click();
  await expect(coop.getByTestId('shipped-notice')).toContainText(orderNo);

  await customer.goto(`/orders/${orderId}`);
  await customer.getByTestId('supplier-order').getByRole('button', { name: '确认收货' }).click();
  await expect(customer.getByTestId('order-status')).toHaveText('已送达');
  const customerToken = await tokenFor(request, CUSTOMER);
  await expect(async () => {
    const { orderAttribution } = await gql<{
      orderAttribution: {
        counted: boolean;
        lines: Array<{ beneficiaries: Array<{ lotNo: string | null; amount: number }> }>;
      };
    }>(
      request,
      'query($id: ID!) { orderAttribution(orderId: $id) { counted lines { beneficiaries { lotNo amount } } } }',
      { id: orderId },
      customerToken,
    );
    expect(orderAttribution.counted).toBe(true);
    expect(orderAttribution.lines[0].beneficiaries).toContainEqual(expect.objectContaining({ lotNo, amount: 1000 }));
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });

  // ── The farmer sees the purchase payment and the income share, separately, and confirms the month ──
  await farmer.goto('/produce/money');
  const purchase = farmer.getByTestId('purchase-line').filter({ hasText: lotNo });
  await expect(purchase).toContainText('300 斤 × ¥1.50');
  await expect(purchase.getByTestId('purchase-status')).toHaveText('已付款');
  await expect(async () => {
    await farmer.getByTestId('money-refresh').click();
    await expect(farmer.getByTestId('attributed-line').filter({ hasText: title })).toContainText('¥10.00', {
      timeout: 2000,
    });
  }).toPass({ timeout: 30_000, intervals: [1000, 2000] });
  await expect(farmer.getByTestId('attributed-line').filter({ hasText: title })).toContainText(orderNo);
  expect(Number(await farmer.getByTestId('purchase-paid').getAttribute('data-fen'))).toBeGreaterThanOrEqual(45000);
  await farmer.getByRole('button', { name: '确认本月收入无误' }).click();
  await expect(farmer.getByTestId('month-status')).toContainText('已确认');
  await noWiderThanPhone(farmer);
  await farmer.screenshot({ path: test.info().outputPath('farmer-money-390.png'), fullPage: true });

  // The county's public page counts it, with no names.
  const open = await phoneOf(browser, baseURL!, CUSTOMER, '/transparency/520621');
  await expect(open.getByTestId('transparency-title')).toContainText('江口县');
  await expect(open.getByTestId('transparency-product').filter({ hasText: title })).toContainText('¥10.00');
  await expect(open.locator('main')).not.toContainText('田秀英');
  await noWiderThanPhone(open);
});

test('the produce screens fit a phone and a laptop; the demo tells 寨岗镇’s 黄金奈李 story on the county page', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const screens: Array<[string, string, (page: Page) => Promise<void>]> = [
    [FARMER, '/produce', async (p) => expect(p.getByTestId('my-offer').filter({ hasText: '鲜笋' })).toBeVisible()],
    [
      'farmer-mo@demo.bangfu',
      '/produce/money',
      async (p) => expect(p.getByTestId('month-status')).toContainText('有异议'),
    ],
    [
      'lianzhou@demo.bangfu',
      '/portal/supplier/produce',
      async (p) => expect(p.getByTestId('village-group').filter({ hasText: '新寨村' })).toContainText('生姜'),
    ],
    [
      'zhaigang@demo.bangfu',
      '/portal/supply',
      async (p) => expect(p.getByTestId('supply-offer').filter({ hasText: '生姜' })).toContainText('代登记'),
    ],
    [
      CUSTOMER,
      '/transparency/441826',
      async (p) => expect(p.getByTestId('transparency-crop').filter({ hasText: '黄金奈李' })).toContainText('1220 斤'),
    ],
  ];
  for (const width of [390, 1366]) {
    for (const [who, path, check] of screens) {
      const page = await phoneOf(
        browser,
        baseURL!,
        who,
        path,
        width === 390 ? PHONE : { viewport: { width, height: 900 }, locale: 'zh-CN' },
      );
      await check(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({
        path: test.info().outputPath(`${path.replace(/\W+/g, '-')}-${width}.png`),
        fullPage: true,
      });
      await page.context().close();
    }
  }
});
