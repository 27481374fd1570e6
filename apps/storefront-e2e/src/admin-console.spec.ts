import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import {
  createProduct,
  DEMO,
  gql,
  PASSWORD,
  randomCreditCode,
  submitAndVerifyCertification,
  tokenFor,
} from './support/api';

// The platform admin's job in the browser alone: a cooperative applied and a county coordinator
// recommended it (set up through GraphQL as those users), the admin approves it in the console; the
// cooperative lists a product and applies for certification, the coordinator verifies it, and the
// admin issues the certificate. GraphQL is used only for the other roles' steps and to read results.

async function firstVillage(page: Page, county: string): Promise<string> {
  const q = 'query($p: String) { regions(parentCode: $p) { code } }';
  const { regions: towns } = await gql<{ regions: Array<{ code: string }> }>(page.request, q, { p: county });
  for (const town of towns) {
    const { regions } = await gql<{ regions: Array<{ code: string }> }>(page.request, q, { p: town.code });
    if (regions.length) return regions[0].code;
  }
  throw new Error(`no villages under ${county}`);
}

test('the platform admin approves a recommended supplier and certifies its verified product in the console', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const request = page.request;
  const tag = Date.now().toString(36);
  const email = `coop-${tag}@e2e.bangfu`;
  const name = `印江县梵净山生态茶合作社（${tag}）`;
  const title = `梵净山翠峰茶 ${tag}`;

  // ── A new cooperative applies; the county coordinator recommends it ──
  const password = `Tea-garden-${tag}-2026`;
  await gql(request, 'mutation($i: RegisterCustomerInput!) { registerCustomer(input: $i) { accepted } }', {
    i: { displayName: '杨社长', email, password },
  });
  const { login } = await gql<{ login: { token: string } }>(
    request,
    'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }',
    { i: email, p: password },
  );
  const coop = login.token;
  const { applyAsSupplier } = await gql<{ applyAsSupplier: { id: string } }>(
    request,
    'mutation($i: ApplyAsSupplierInput!) { applyAsSupplier(input: $i) { id } }',
    {
      i: {
        name,
        creditCode: randomCreditCode(DEMO.county.slice(0, 6)),
        kind: 'COOPERATIVE',
        countyCode: DEMO.county,
        linkageMechanism: '订单收购：与本村脱贫户签订鲜叶保底收购协议',
      },
    },
    coop,
  );
  const supplierId = applyAsSupplier.id;
  const coordinator = await tokenFor(request, DEMO.coordinator);
  await gql(
    request,
    'mutation($id: ID!) { recommendSupplier(supplierId: $id, comment: "实地核查属实") { id } }',
    { id: supplierId },
    coordinator,
  );

  // ── The admin signs in and lands on the console's admission queue ──
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(DEMO.admin);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('供应商准入');
  const application = page.getByTestId('admin-supplier').filter({ hasText: name });
  await expect(application.getByTestId('supplierStatus-chip')).toHaveText('已推荐');
  await expect(application.getByTestId('supplier-last-step')).toContainText('实地核查属实');
  await application.getByRole('button', { name: '准入' }).click();
  await expect(application).toHaveCount(0);
  await page.getByLabel('状态').selectOption({ label: '已准入' });
  await expect(
    page.getByTestId('admin-supplier').filter({ hasText: name }).getByTestId('supplierStatus-chip'),
  ).toHaveText('已准入');
  const { supplier } = await gql<{ supplier: { status: string } }>(
    request,
    'query($id: ID!) { supplier(id: $id) { status } }',
    { id: supplierId },
    coop,
  );
  expect(supplier.status).toBe('APPROVED');

  // ── The cooperative lists a product with a linkage in force and applies; the coordinator verifies ──
  const { createHousehold } = await gql<{ createHousehold: { id: string } }>(
    request,
    'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }',
    {
      i: {
        villageCode: await firstVillage(page, DEMO.county),
        headName: '吴秀兰',
        size: 3,
        status: 'EX_POVERTY',
        supplierId,
      },
    },
    coop,
  );
  await gql(
    request,
    'mutation($i: CreateLinkageInput!) { createLinkage(input: $i) { id } }',
    {
      i: {
        supplierId,
        householdId: createHousehold.id,
        type: 'PURCHASE_CONTRACT',
        terms: '鲜叶保底收购',
        validFrom: '2025-01-01',
      },
    },
    coop,
  );
  const productId = await createProduct(request, coop, {
    supplierId,
    title,
    variant: { sku: `ADM-${tag}`, spec: '250g', unit: '盒', stockOnHand: 20 },
  });
  const certificationId = await submitAndVerifyCertification(request, productId, coop, coordinator);

  // ── The admin certifies it with certificate number, batch and validity ──
  await page.getByRole('navigation', { name: '管理分区' }).getByRole('link', { name: '帮扶产品认定' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('帮扶产品认定');
  const verified = page.getByTestId('admin-certification').filter({ hasText: title });
  await expect(verified.getByTestId('certStatus-chip')).toHaveText('审核通过');
  await verified.getByRole('button', { name: '发放认定' }).click();
  const form = verified.getByTestId('certify-form');
  await form.getByLabel('证书编号').fill(`GZ-2026-${tag.toUpperCase()}`);
  await form.getByLabel('认定批次').fill('2026年第一批');
  await form.getByLabel('有效期至').fill('2027-06-30');
  await form.getByRole('button', { name: '发放证书' }).click();
  await expect(verified).toHaveCount(0);

  const { certification } = await gql<{
    certification: { status: string; certificateNo: string; batch: string; validTo: string };
  }>(
    request,
    'query($id: ID!) { certification(id: $id) { status certificateNo batch validTo } }',
    { id: certificationId },
    coop,
  );
  expect(certification).toEqual({
    status: 'CERTIFIED',
    certificateNo: `GZ-2026-${tag.toUpperCase()}`,
    batch: '2026年第一批',
    validTo: '2027-06-30',
  });

  // A destructive move asks for a reason first: revoking the certificate cannot be confirmed without one.
  await page.getByLabel('状态').selectOption({ label: '已认定' });
  const certified = page.getByTestId('admin-certification').filter({ hasText: title });
  await certified.getByRole('button', { name: '撤销认定' }).click();
  const dialog = page
    .getByTestId('confirm-dialog')
    .filter({ has: page.getByRole('heading', { name: `撤销认定：${title}` }) });
  await expect(dialog.getByRole('button', { name: '确认撤销认定' })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(certified.getByTestId('certStatus-chip')).toHaveText('已认定');
});

test('the admin opens a smart counter, sees its secret once, rotates it, and finds orders by number', async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const name = `测试智能专柜 ${tag}`;
  await page.goto('/login?next=/portal/admin/channels');
  await page.getByLabel('邮箱或手机号').fill(DEMO.admin);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('三专渠道');

  await page.getByText('新建渠道', { exact: true }).first().click();
  await page.getByLabel('名称').fill(name);
  await page.getByLabel('类型').selectOption('COUNTER');
  await page.getByLabel('区划代码（12 位）').fill(DEMO.county);
  await page.getByLabel('地址').fill('江口县凯德街道梵净山大道 8 号游客中心');
  await page.getByRole('button', { name: '新建渠道' }).click();
  const first = (await page.getByTestId('device-secret').locator('.admin-secret').textContent())!.trim();
  expect(first.length).toBeGreaterThan(20);

  const row = page.getByTestId('admin-channel').filter({ hasText: name });
  await row.getByRole('button', { name: '更换密钥' }).click();
  const dialog = page
    .getByTestId('confirm-dialog')
    .filter({ has: page.getByRole('heading', { name: `更换专柜密钥：${name}` }) });
  await dialog.getByLabel(/原因/).fill('设备主板更换');
  await dialog.getByRole('button', { name: '确认更换密钥' }).click();
  const second = (await row.getByTestId('device-secret').locator('.admin-secret').textContent())!.trim();
  expect(second).not.toBe(first);
  // Shown once: after a reload the secret is nowhere on the page.
  await page.reload();
  await expect(page.getByTestId('admin-channel').filter({ hasText: name })).toBeVisible();
  await expect(page.getByText(second)).toHaveCount(0);

  // All orders: a number typed in the search finds that order.
  const token = await tokenFor(page.request, DEMO.admin);
  const { orders } = await gql<{ orders: { edges: Array<{ node: { orderNo: string } }> } }>(
    page.request,
    '{ orders(first: 1) { edges { node { orderNo } } } }',
    {},
    token,
  );
  const orderNo = orders.edges[0].node.orderNo;
  await page.getByRole('navigation', { name: '管理分区' }).getByRole('link', { name: '全部订单' }).click();
  await page.getByLabel('订单号、发票号或运单号').fill(orderNo);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByTestId('admin-order')).toHaveCount(1);
  await expect(page.getByTestId('admin-order')).toContainText(orderNo);
});

test('every console section fits 390 px and 1366 px with no serious accessibility violation and no console error', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(DEMO.admin);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/admin$/);
  const sections = [
    'suppliers',
    'certifications',
    'users',
    'orders',
    'refunds',
    'payments',
    'payouts',
    'channels',
    'regions',
    'jobs',
  ];
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 844 });
    for (const section of sections) {
      await page.goto(`/portal/admin/${section}`);
      await expect(page.getByTestId(`admin-${section}`)).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '加载中' })).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${section} @${width}: sideways overflow`).toBeLessThanOrEqual(1);
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const bad = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        );
      expect(bad, `${section} @${width}`).toEqual([]);
    }
  }
  // A section the console does not have is not found, not the landing section (supplier admission) in disguise.
  await page.goto('/portal/admin/transfers');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByTestId('admin-suppliers')).toHaveCount(0);
  expect(errors).toEqual([]);
});
