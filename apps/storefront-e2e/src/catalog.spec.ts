import { expect, type Page, test } from '@playwright/test';
import {
  createProduct,
  DEMO,
  ensureApprovedSupplier,
  randomCreditCode,
  type ReadySupplier,
  tokenFor,
} from './support/api';
import { fillVariantFigures, signIn, signOut } from './support/browser';

/** The supplier portal works for one supplier at a time; users of several pick it in the header. */
async function chooseSupplier(page: Page, name: string) {
  await expect(page.getByRole('navigation', { name: '供应商后台' })).toBeVisible();
  const switcher = page.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: name });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('a visitor searches 梵净山 and opens a certified product with its origin', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('search').getByLabel('搜索帮扶产品').fill('梵净山');
  await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/products\?search=%E6%A2%B5%E5%87%80%E5%B1%B1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('“梵净山”的搜索结果');
  await expect(page.getByTestId('result-count')).toBeVisible();

  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  // A lapsed certificate looks different from a valid one (demo: 梵净山翠峰茶 expired 2025-12-31).
  await expect(cards.filter({ hasText: '梵净山翠峰茶' }).getByTestId('cert-badge')).toHaveAttribute(
    'data-kind',
    'expired',
  );
  await expect(cards.filter({ hasText: '梵净山翠峰茶' }).getByTestId('cert-badge')).toHaveText(/认定已过期/);
  await cards.filter({ hasText: '贵州梵净山绿茶礼盒' }).first().getByRole('link').click();

  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('贵州梵净山绿茶礼盒');
  const badge = page.getByTestId('cert-badge');
  await expect(badge).toHaveAttribute('data-kind', 'certified');
  await expect(badge).toContainText('帮扶产品 · 认定有效');
  await expect(page.getByTestId('cert-number')).toContainText(/证书编号 \S+/);
  await expect(page.getByTestId('cert-validity')).toContainText(/有效期 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);

  // Origin as a region path, province first: 贵州省 › 铜仁市 › (county) …
  const origin = page.getByTestId('origin-path').getByRole('listitem');
  await expect(origin.nth(0)).toHaveText('贵州省');
  await expect(origin.nth(1)).toHaveText('铜仁市');
  expect(await origin.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('supplier-name')).not.toBeEmpty();
  await expect(page.getByTestId('household-count')).toContainText(/带动 [1-9]\d* 户农户/);
  await expect(page.getByRole('table')).toContainText('¥');

  // The origin links back to a list filtered by that region.
  await origin.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/products\?regionCode=5206$/);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
});

test('the certified-only filter keeps only valid certificates', async ({ page }) => {
  await page.goto('/products?certifiedOnly=true');
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  const kinds = await cards.getByTestId('cert-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(new Set(kinds)).toEqual(new Set(['certified']));
});

test('on a phone the filters open on demand and apply to the list', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/products');
  const certifiedOnly = page.getByLabel('只看认定有效的帮扶产品');
  await expect(certifiedOnly).toBeHidden();
  await page.getByRole('button', { name: '筛选' }).click();
  await certifiedOnly.check();
  await expect(page).toHaveURL(/\/products\?certifiedOnly=true$/);
  await page.getByLabel('最低').fill('10');
  await page.getByLabel('最高').fill('500.5');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page).toHaveURL(/certifiedOnly=true&minPrice=10&maxPrice=500.5$/);
  await expect(page.getByTestId('result-count').or(page.getByTestId('no-results'))).toBeVisible();

  // A malformed price is explained, not silently ignored (or sent as a float).
  await page.getByLabel('最低').fill('1.234');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page.getByRole('alert')).toHaveText('价格请填写不为负、最多两位小数的金额');
  await expect(page.getByTestId('product-card')).toHaveCount(0);
});

test('a customer applies for supplier admission and the county coordinator recommends it', async ({ page }) => {
  const name = `江口县梵净山蜂蜜家庭农场（测试${Date.now().toString(36)}）`;
  await signIn(page, 'customer@demo.bangfu', '/portal/supplier');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('供应商准入申请');
  await page.getByLabel('主体名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(randomCreditCode('520621'));
  await page.getByLabel('主体类型').selectOption({ label: '家庭农场' });
  await page.getByLabel('省级').selectOption({ label: '贵州省' });
  await page.getByLabel('地级').selectOption({ label: '铜仁市' });
  await page.getByLabel('县级').selectOption({ label: '江口县 · 脱贫县' });
  await page.getByLabel('利益联结机制').fill('雇用周边 6 户脱贫户务工，按月发放工资');
  await page.getByRole('button', { name: '提交申请' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const admission = page.getByTestId('admission');
  await expect(admission.getByTestId('supplierStatus-chip')).toHaveText('已申请');
  await expect(admission).toContainText('贵州省 › 铜仁市 › 江口县');
  await expect(page.getByRole('banner').getByRole('link', { name: '供应商后台' })).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.coordinator, '/portal/coordinator');
  const application = page.getByTestId('supplier-application').filter({ hasText: name });
  await expect(application).toContainText('家庭农场');
  await application.getByRole('button', { name: '推荐' }).click();
  await expect(application.getByTestId('supplierStatus-chip')).toHaveText('已推荐');
  await expect(application.getByRole('button', { name: '推荐' })).toHaveCount(0);
});

test.describe('a supplier lists a product that a coordinator verifies', () => {
  let supplier: ReadySupplier;
  test.beforeAll(async ({ request }) => {
    supplier = await ensureApprovedSupplier(request);
    for (const note of supplier.created) console.warn(`[e2e set-up] created through the API: ${note}`);
  });

  test('create, publish, apply for certification; the county coordinator verifies', async ({ page }) => {
    test.info().annotations.push(...supplier.created.map((description) => ({ type: 'set-up', description })));
    const title = `梵净山明前翠芽 ${Date.now().toString(36)}`;

    await signIn(page, DEMO.supplier, '/portal/supplier/products');
    await chooseSupplier(page, supplier.name);

    await page.getByRole('button', { name: '新建产品' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: '新建产品' }) });
    await form.getByLabel('产品名称').fill(title);
    await form.getByLabel('产品介绍').fill('梵净山海拔八百米茶园，明前手工采摘。');
    await form.getByLabel('省级').selectOption({ label: '贵州省' });
    await form.getByLabel('地级').selectOption({ label: '铜仁市' });
    await form.getByLabel('县级').selectOption({ label: '江口县 · 脱贫县' });
    await form.getByLabel('规格').fill('250g');
    await form.getByLabel('单位', { exact: true }).selectOption('盒');
    await fillVariantFigures(form, { retail: '68', purchase: '59.5', market: '78.00', stock: '50' });
    await form.getByRole('button', { name: '保存为草稿' }).click();

    const row = page.getByTestId('own-product').filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('productStatus-chip')).toHaveText('草稿');
    await expect(row).toContainText('¥68.00');
    await row.getByRole('button', { name: '发布' }).click();
    await expect(row.getByTestId('productStatus-chip')).toHaveText('已发布');
    await row.getByRole('button', { name: '申请认定' }).click();
    await expect(row.getByTestId('certStatus-chip')).toHaveText('待审核');

    await page.getByRole('link', { name: '产品认定' }).click();
    const application = page.getByTestId('certification').filter({ hasText: title });
    await expect(application.getByTestId('certStatus-chip')).toHaveText('待审核');
    await signOut(page);

    await signIn(page, DEMO.coordinator, '/');
    await page.getByRole('banner').getByRole('link', { name: '协调工作台' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('协调工作台');
    const pending = page.getByTestId('certification').filter({ hasText: title });
    await expect(pending).toContainText(supplier.name);
    await expect(pending).toContainText('江口县');
    await pending.getByRole('button', { name: '核实通过' }).click();
    await expect(pending.getByTestId('certStatus-chip')).toHaveText('审核通过');
    await expect(pending.getByRole('button', { name: '核实通过' })).toHaveCount(0);

    // Still verified after a fresh load, in the full list.
    await page.reload();
    await page.getByRole('group', { name: '显示' }).last().getByRole('button', { name: '全部' }).click();
    await expect(
      page.getByTestId('certification').filter({ hasText: title }).getByTestId('certStatus-chip'),
    ).toHaveText('审核通过');
    await signOut(page);

    // The supplier sees the outcome too.
    await signIn(page, DEMO.supplier, '/portal/supplier/certifications');
    await chooseSupplier(page, supplier.name);
    await expect(
      page.getByTestId('certification').filter({ hasText: title }).getByTestId('certStatus-chip'),
    ).toHaveText('审核通过');
  });

  test('a supplier records a harvest lot with the households that contributed', async ({ page, request }) => {
    const title = `梵净山高山红茶 ${Date.now().toString(36)}`;
    const token = await tokenFor(request, DEMO.supplier);
    await createProduct(request, token, {
      supplierId: supplier.id,
      title,
      variant: { sku: `E2E-${Date.now().toString(36)}`, spec: '100g', unit: '袋', stockOnHand: 5 },
    });

    await signIn(page, DEMO.supplier, '/portal/supplier/lots');
    await chooseSupplier(page, supplier.name);
    await page.getByLabel('产品规格').selectOption({ label: `${title} · 100g/袋` });
    await expect(page.getByText('现有库存 5 袋')).toBeVisible();
    await page.getByLabel('批次号').fill('2025-HQ-01');
    await page.getByLabel('采收日期').fill('2025-10-08');
    const household = page.getByLabel('农户', { exact: true });
    await household.selectOption({ index: 1 });
    await page.getByLabel('数量 (袋)').fill('12');
    await page.getByRole('button', { name: '登记批次' }).click();

    const lotRow = page.getByRole('row').filter({ hasText: '2025-HQ-01' });
    await expect(lotRow).toContainText('2025-10-08');
    await expect(lotRow).toContainText('12 袋');
    await expect(page.getByText('现有库存 17 袋')).toBeVisible();
  });
});
