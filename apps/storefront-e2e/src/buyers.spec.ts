import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { gql } from './support/api';
import { addCheckoutAddress, addToCart } from './support/browser';

const TEA = '贵州梵净山绿茶礼盒';
const NEW_PASSWORD = 'buyers-e2e-Pw1';

test('a visitor fills a cart, signs in with it kept, adds an address at checkout, and the order ships there', async ({
  page,
  request,
}) => {
  // A fresh customer account (sign-up has its own journey); everything else happens in the browser.
  const email = `visitor-${randomBytes(4).toString('hex')}@test.bangfu`;
  await gql(request, 'mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { __typename } }', {
    input: { email, displayName: '李访客', password: NEW_PASSWORD },
  });

  // ── As a visitor: full-pinyin search finds the tea, the cart fills without signing in ──
  await addToCart(page, TEA, 2, 'fanjingshan');
  await expect(page.getByTestId('cart-count')).toHaveText('2');
  await page.getByTestId('cart-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('购物车');
  await expect(page.getByTestId('cart-group')).toContainText(TEA);

  // ── Checkout asks to sign in; the cart comes along ──
  await page.getByTestId('go-checkout').click();
  await expect(page).toHaveURL(/\/login\?next=%2Fcheckout$/);
  await page.getByLabel('邮箱或手机号').fill(email);
  await page.getByLabel('密码').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('确认订单');
  await expect(page.getByTestId('cart-count')).toHaveText('2');
  await expect(page.getByTestId('place-order')).toBeDisabled(); // no address yet

  // ── A new address, picked down to the village ──
  const section = page.getByTestId('checkout-address');
  await expect(section).toContainText('还没有收货地址');
  await section.getByTestId('address-add').click();
  await addCheckoutAddress(section, {
    name: '李访客',
    phone: '13912345678',
    detail: '幸福路 18 号',
  });
  await expect(section.getByTestId('address-choice')).toContainText('江口县');

  // ── The order keeps the address ──
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  const delivery = page.getByTestId('delivery-address');
  await expect(delivery).toContainText('李访客');
  await expect(delivery).toContainText('13912345678');
  await expect(delivery).toContainText(`贵州省 铜仁市 江口县`);
  await expect(delivery).toContainText('幸福路 18 号');
  await expect(page.getByTestId('cart-count')).toHaveCount(0);

  // ── The address book has it as the default ──
  await page.goto('/account/addresses');
  await expect(page.getByTestId('address-row')).toHaveCount(1);
  await expect(page.getByTestId('address-row')).toContainText('默认');
});
