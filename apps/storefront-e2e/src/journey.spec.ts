import { expect, test } from '@playwright/test';

const PURCHASER = { identifier: 'purchaser@demo.bangfu', password: 'bangfu-demo', name: '李采购（采购人）' };

test('browse regions, sign in as a purchaser, switch to English, sign out', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('买一份好物，帮一户农家');

  // Region browser: province → city → the demo's ex-poverty county with its badge.
  const regions = page.locator('#regions');
  await regions.getByRole('button', { name: /贵州省/ }).click();
  await regions.getByRole('button', { name: /铜仁市/ }).click();
  const county = regions.getByRole('button', { name: /江口县/ });
  await expect(county).toContainText('脱贫县');
  await expect(regions.getByRole('navigation')).toContainText('贵州省');

  await page.getByRole('banner').getByRole('link', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // A wrong password shows the API's INVALID_CREDENTIALS, translated.
  await page.getByLabel('邮箱或手机号').fill(PURCHASER.identifier);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('账号或密码不正确');

  await page.getByLabel('密码').fill(PURCHASER.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  // Purchasers start at their purchase requests (issue 15: landing by role); the brand link leads home.
  await expect(page).toHaveURL(/\/portal\/agency\/requests$/);
  await expect(page.getByTestId('header-user')).toHaveText(PURCHASER.name);
  await page.getByRole('banner').getByRole('link', { name: /首页/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: `欢迎回来，${PURCHASER.name}` })).toBeVisible();
  await expect(page.locator('.chip[data-role="PURCHASER"]')).toHaveText('采购人');

  // English, kept across a reload.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.chip[data-role="PURCHASER"]')).toHaveText('Purchaser');
  await page.reload();
  await expect(page.getByRole('heading', { name: `Welcome back, ${PURCHASER.name}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Assistance regions' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('header-user')).toHaveCount(0);
});

test('a wrong password is explained in the chosen language', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Email or mobile number').fill('approver@demo.bangfu');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('Incorrect account or password');
  await expect(alert).toHaveAttribute('data-code', 'INVALID_CREDENTIALS');

  // The message follows a later language switch too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(alert).toHaveText('账号或密码不正确');
});
