// Issue 15 items 4–7 in the browser alone: accessibility (axe: no serious or critical violations) and
// layout at 390 px and 1366 px on the main pages, no console errors, HTTP 404 for unknown paths,
// sign-up, the landing page per role, and the agency admin exporting the purchase ledger.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO, PASSWORD } from './support/api';
import { AGENCY, TEA } from './support/procurement';
import { signOut } from './support/browser';

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 800 },
];

/** Console errors of a page, except the 404 a test asked for on purpose. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(bad, `${name}: axe violations`).toEqual([]);
}

/** Nothing sticks out sideways: the page fits the viewport's width. */
async function expectNoSidewaysScroll(page: Page, name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: horizontal overflow in px`).toBeLessThanOrEqual(1);
}

async function checkPage(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.goto(path);
    await ready(page);
    await expectNoSidewaysScroll(page, `${path} @${viewport.width}`);
    await expectAccessible(page, `${path} @${viewport.width}`);
  }
}

async function signIn(page: Page, identifier: string) {
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(identifier);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

test('public pages: accessible, fit 390 px and 1366 px, no console errors', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await checkPage(page, '/', (p) => expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible());
  await checkPage(page, `/products?search=${encodeURIComponent(TEA)}`, (p) =>
    expect(p.getByTestId('product-card').first()).toBeVisible(),
  );
  await page.getByTestId('product-card').filter({ hasText: TEA }).first().getByRole('link').first().click();
  await expect(page.getByTestId('buy-box')).toBeVisible();
  const productPath = new URL(page.url()).pathname;
  await checkPage(page, productPath, (p) => expect(p.getByTestId('buy-box')).toBeVisible());
  await checkPage(page, '/cart', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible());
  await checkPage(page, '/login', (p) => expect(p.getByTestId('demo-hint')).toContainText('bangfu-demo'));
  await checkPage(page, '/signup', (p) => expect(p.getByTestId('signup-form')).toBeVisible());
  await checkPage(page, '/forgot-password', (p) => expect(p.getByRole('heading', { name: '找回密码' })).toBeVisible());
  await checkPage(page, '/reset-password', (p) => expect(p.getByRole('heading', { name: '设置新密码' })).toBeVisible());
  expect(errors).toEqual([]);
});

test('an unknown path answers HTTP 404 with the not-found page', async ({ page }) => {
  const res = await page.goto('/no-such-page/at-all');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expectAccessible(page, 'not found');
  expect((await page.goto('/products'))?.status()).toBe(200);
});

test('a visitor signs up as a customer, and a supplier signs up and reaches the admission form', async ({ page }) => {
  const errors = watchConsole(page);
  const stamp = Date.now().toString(36);
  await page.goto('/signup');
  await page.getByLabel('邮箱或手机号').fill(`shopper-${stamp}@e2e.bangfu`);
  await page.getByLabel('姓名或昵称').fill('端到端顾客');
  await page.getByLabel('密码', { exact: true }).fill('梵净山的清晨-绿茶礼盒');
  await page.getByLabel('再次输入密码').fill('梵净山的清晨-绿茶礼盒');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await signOut(page);

  await page.goto('/login');
  await page.getByRole('link', { name: '注册账号' }).click();
  await page.getByRole('link', { name: '我是供应商' }).click();
  await expect(page).toHaveURL(/\/signup\/supplier$/);
  await page.getByLabel('邮箱或手机号').fill(`grower-${stamp}@e2e.bangfu`);
  await page.getByLabel('姓名或昵称').fill('端到端合作社');
  await page.getByLabel('密码', { exact: true }).fill('梵净山的清晨-绿茶礼盒');
  await page.getByLabel('再次输入密码').fill('梵净山的清晨-绿茶礼盒');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/supplier$/);
  await expect(page.getByRole('heading', { level: 1, name: '供应商准入申请' })).toBeVisible();
  await expectAccessible(page, 'supplier admission form');
  await signOut(page);

  // the forgotten-password page answers the same for anyone
  await page.goto('/forgot-password');
  await page.getByLabel('邮箱或手机号').fill('nobody-at-all@e2e.bangfu');
  await page.getByRole('button', { name: '发送重置码' }).click();
  await expect(page.getByTestId('forgot-sent')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the approver lands on the inbox with the pending count and sees who asked', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, AGENCY.approver);
  await expect(page).toHaveURL(/\/portal\/agency\/approvals$/);
  const count = page.getByTestId('approval-pending-count');
  await expect(count).toHaveAttribute('data-count', /^\d+$/);
  const pending = Number(await count.getAttribute('data-count'));
  await expect(page.getByTestId('approval-inbox').getByTestId('purchase-request')).toHaveCount(Math.min(pending, 50));
  if (pending > 0) await expect(page.getByTestId('request-purchaser').first()).toContainText('申请人');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expectNoSidewaysScroll(page, `approvals @${viewport.width}`);
    await expectAccessible(page, `approvals @${viewport.width}`);
  }
  await signOut(page);
  expect(errors).toEqual([]);
});

test('the agency admin lands on completion and exports the purchase ledger', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  await signIn(page, AGENCY.admin);
  await expect(page).toHaveURL(/\/portal\/agency$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(AGENCY.unit);
  await expect(page.getByTestId('remaining-amount')).toHaveAttribute('data-fen', /^\d+$/);
  await expect(page.getByTestId('completion-deadline')).toContainText('-12-31');
  await expect(page.getByTestId('monthly-bars').getByTestId('y-axis')).toBeAttached();
  await expect(page.getByTestId('monthly-bars').getByTestId('y-tick')).toHaveCount(3);
  await expect(page.getByTestId('monthly-bars').getByTestId('x-title')).toHaveText('月份');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expectNoSidewaysScroll(page, `completion @${viewport.width}`);
    await expectAccessible(page, `completion @${viewport.width}`);
  }

  // 采购台账 as Excel: a real XLSX (a zip) named by the server
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe('单位订单.xlsx');
  const xlsxBytes = readFileSync((await xlsx.path())!);
  expect(xlsxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(xlsxBytes.length).toBeGreaterThan(1000);

  // …and as CSV, with the header row in Chinese
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger-csv').click()]);
  expect(csv.suggestedFilename()).toBe('单位订单.csv');
  const text = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '');
  expect(text.split('\n')[0]).toMatch(/[\u4e00-\u9fff]/);

  // the reserved-share filings too
  const [filings] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-filings-xlsx').click()]);
  expect(filings.suggestedFilename()).toBe('预留份额申报.xlsx');
  await expect(page.getByTestId('agency-exports').getByRole('alert')).toHaveCount(0);
  await signOut(page);
  expect(errors).toEqual([]);
});

test('each role lands on its work after sign-in', async ({ page }) => {
  const cases: Array<[string, RegExp]> = [
    [AGENCY.purchaser, /\/portal\/agency\/requests$/],
    [DEMO.supplier, /\/portal\/supplier\/orders$/],
    [DEMO.coordinator, /\/portal\/stats$/],
    [DEMO.admin, /\/portal\/admin/],
  ];
  for (const [who, where] of cases) {
    await signIn(page, who);
    await expect(page, who).toHaveURL(where);
    await signOut(page);
  }
});

test('work pages of each role: accessible and fitting', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  const cases: Array<[string, string, (p: Page) => Promise<void>]> = [
    [DEMO.supplier, '/portal/supplier/orders', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
    [DEMO.coordinator, '/portal/stats', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
    [DEMO.admin, '/portal/admin', (p) => expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible()],
    [
      AGENCY.purchaser,
      '/portal/agency/requests',
      (p) => expect(p.getByRole('heading', { level: 1 })).toHaveText(AGENCY.unit),
    ],
    ['customer@demo.bangfu', '/orders', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
    ['customer@demo.bangfu', '/account', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
    [AGENCY.farmer, '/farmer', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
  ];
  for (const [who, path, ready] of cases) {
    await signIn(page, who);
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await checkPage(page, path, ready);
    await page.setViewportSize(VIEWPORTS[1]);
    await signOut(page);
  }
  expect(errors).toEqual([]);
});
