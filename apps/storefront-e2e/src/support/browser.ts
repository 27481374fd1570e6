import { expect, type Locator, type Page } from '@playwright/test';
import { PASSWORD } from './api';

/** Signs in through the login form and waits to land on `next` (the page the login redirects to). */
export async function signIn(page: Page, identifier: string, next: string, password = PASSWORD): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('邮箱或手机号').fill(identifier);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`));
}

/** Signs out from the header and waits for the header's sign-in link. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: '登录' })).toBeVisible();
}

/** Finds a product through the hall's search (by its title unless `search` is given) and adds `quantity` to the cart. */
export async function addToCart(page: Page, title: string, quantity: number, search = title): Promise<void> {
  await page.goto(`/products?search=${encodeURIComponent(search)}`);
  await page.getByTestId('product-card').filter({ hasText: title }).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const box = page.getByTestId('buy-box');
  await box.getByLabel('数量').fill(String(quantity));
  await box.getByRole('button', { name: '加入购物车' }).click();
  await expect(box.getByTestId('added-to-cart')).toContainText('已加入购物车');
}

/** The labels of a variant's figures in the new-product form. */
const VARIANT_FIGURES = {
  retail: '零售价 (¥)',
  purchase: '单位采购价 (¥)',
  market: '市场参考价 (¥)',
  stock: '现有库存',
} as const;

/** Types a variant's figures (yuan and units, as a supplier would) into `within`: the form or one variant editor. */
export async function fillVariantFigures(
  within: Locator,
  figures: Record<keyof typeof VARIANT_FIGURES, string>,
): Promise<void> {
  for (const [key, label] of Object.entries(VARIANT_FIGURES)) {
    await within.getByLabel(label).fill(figures[key as keyof typeof VARIANT_FIGURES]);
  }
}

/** Places the order on the checkout page and waits for the new order's page; answers its id and number. */
export async function placeOrder(page: Page): Promise<{ orderId: string; orderNo: string }> {
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(page.url())![1];
  const orderNo = (await page.getByTestId('order-no').textContent())!.trim();
  return { orderId, orderNo };
}

/**
 * Adds a delivery address in 江口县 at checkout (the first town and village of the picker) and waits
 * for it to be the chosen one; answers the village's name.
 */
export async function addCheckoutAddress(
  section: Locator,
  input: { name: string; phone: string; detail: string },
): Promise<string> {
  const form = section.getByTestId('address-form');
  await form.getByLabel('收货人').fill(input.name);
  await form.getByLabel('手机号码').fill(input.phone);
  await form.getByLabel('省级').selectOption({ label: '贵州省' });
  await form.getByLabel('地级').selectOption({ label: '铜仁市' });
  await form.getByLabel('县级').selectOption('520621000000'); // 江口县
  const town = form.getByLabel('乡级');
  await expect(town.locator('option')).not.toHaveCount(1);
  await town.selectOption({ index: 1 });
  const village = form.getByLabel('村级');
  await expect(village.locator('option')).not.toHaveCount(1);
  await village.selectOption({ index: 1 });
  // The picker settles once it has loaded the chosen village's path.
  await expect(village.locator('option:checked')).not.toHaveText('不限');
  const villageName = (await village.locator('option:checked').textContent())!.trim();
  await form.getByLabel('详细地址').fill(input.detail);
  await form.getByTestId('address-save').click();
  const choice = section.getByTestId('address-choice');
  await expect(choice).toHaveCount(1);
  await expect(choice.getByRole('radio')).toBeChecked();
  await expect(choice).toContainText(villageName);
  return villageName;
}
