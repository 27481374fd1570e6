// The auditor's findings inbox: auditor@ (铜仁, 5206) opens the demo's order-burst finding (five new
// accounts buying the same tea within a minute), follows the evidence to one of its orders, comes
// back and confirms it with a reason, excluding the orders from statistics. Findings of another
// province (the demo's 连州菜心 price finding, 清远) never show in the inbox.
import { expect, test } from '@playwright/test';
import { gql, tokenFor } from './support/api';
import { signIn } from './support/browser';

const AUDITOR = 'auditor@demo.bangfu';

test('an auditor opens a finding, follows the evidence to an order, and confirms it', async ({ page, request }) => {
  test.setTimeout(90_000);
  await signIn(page, AUDITOR, '/portal/findings');
  await expect(page.getByRole('heading', { name: '异常线索', level: 1 })).toBeVisible();
  const rows = page.getByTestId('finding-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('findings-list')).not.toContainText('连州菜心');

  // Filter by kind (kept in the URL), then open the burst.
  await page.getByTestId('findings-filter-kind').selectOption('ORDER_BURST');
  await expect(page).toHaveURL(/kind=ORDER_BURST/);
  const burst = rows.filter({ hasText: '集中下单' });
  await expect(burst).toHaveCount(1);
  await burst.getByTestId('finding-open').click();
  await expect(page).toHaveURL(/\/portal\/findings\/[0-9a-f-]{36}$/);
  const findingUrl = page.url();
  await expect(page.getByTestId('finding-title')).toContainText('江口县梵净山茶叶专业合作社');
  const figures = page.getByTestId('finding-figures');
  await expect(figures.locator('[data-figure="orderCount"]')).toContainText('5');
  await expect(figures.locator('[data-figure="newAccountShare"]')).toContainText('100.00%');
  const links = page.getByTestId('finding-order-link');
  await expect(links).toHaveCount(5);

  // The evidence leads to the order: the auditor may read it (the supplier is in 铜仁).
  const orderNo = (await links.first().textContent())!.trim();
  await links.first().click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByText(orderNo).first()).toBeVisible();
  await expect(page.getByText('梵净山').first()).toBeVisible();

  // Back to the finding, confirm it with a reason and exclude its orders from statistics.
  await page.goBack();
  await expect(page).toHaveURL(findingUrl);
  const review = page.getByTestId('finding-review');
  await expect(review).toBeVisible();
  await expect(review.getByTestId('finding-submit')).toBeDisabled();
  await review.getByTestId('finding-decision-confirm').check();
  await review
    .getByTestId('finding-reason')
    .fill('五个当天注册的账号一分钟内下同样的订单，属摊派，相关订单不计入统计。');
  await review.getByTestId('finding-exclude').check();
  await review.getByTestId('finding-submit').click();
  const outcome = page.getByTestId('finding-outcome');
  await expect(outcome).toContainText('已确认');
  await expect(outcome).toContainText('属摊派');
  await expect(outcome).toContainText('已从统计中剔除');
  await expect(page.getByTestId('finding-review')).toHaveCount(0);

  // The API agrees, and the inbox of open findings no longer lists it.
  const token = await tokenFor(request, AUDITOR);
  const id = findingUrl.split('/').pop()!;
  const { anomalyFinding } = await gql<{
    anomalyFinding: { status: string; excludedFromStatistics: boolean; reviewReason: string };
  }>(
    request,
    'query($id: ID!) { anomalyFinding(id: $id) { status excludedFromStatistics reviewReason } }',
    { id },
    token,
  );
  expect(anomalyFinding).toMatchObject({ status: 'CONFIRMED', excludedFromStatistics: true });
  await page.goto('/portal/findings?status=OPEN&kind=ORDER_BURST');
  await expect(page.getByTestId('findings-total')).toContainText('0');
});
