import { devices, expect, type Page, test } from '@playwright/test';
import { gql, tokenFor } from './support/api';
import { acceptedTeaOrder, AGENCY, setJourneyLimits, TEA } from './support/procurement';
import { signIn } from './support/browser';

// Farmers use phones.
test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  userAgent: devices['iPhone 12'].userAgent,
});

const totalFen = async (page: Page) => Number(await page.getByTestId('farmer-total').getAttribute('data-fen'));

test('a farmer sees on the phone the income from a sale of the cooperative’s tea accepted in the same test', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { orgId } = await setJourneyLimits(request);

  // The tea needs an attribution rule for its sales to pay households. The demo data has one;
  // should it ever lack one, the cooperative sets a contract-purchase payout here (as its admin).
  const { products } = await gql<{
    products: {
      edges: Array<{ node: { id: string; title: string; incomeShare: { perUnitToHouseholds: number | null } } }>;
    };
  }>(
    request,
    'query($s: String) { products(filter: { search: $s }, first: 5) { edges { node { id title incomeShare { perUnitToHouseholds } } } } }',
    { s: TEA },
  );
  const tea = products.edges.map((e) => e.node).find((p) => p.title === TEA)!;
  if (tea.incomeShare.perUnitToHouseholds === null) {
    await gql(
      request,
      'mutation($input: SetAttributionRuleInput!) { setAttributionRule(input: $input) { id } }',
      { input: { productId: tea.id, kind: 'CONTRACT_PURCHASE', perUnitPayout: 4000 } },
      await tokenFor(request, 'supplier@demo.bangfu'),
    );
  }

  // ── Before: the farmer's income this year, on the phone ──
  await signIn(page, AGENCY.farmer, '/farmer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的增收');
  await page.getByRole('group', { name: '时间范围' }).getByRole('button', { name: '近12个月' }).click();
  await expect(page.getByTestId('farmer-total')).toHaveAttribute('data-fen', /\d+/);
  const before = await totalFen(page);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // ── A sale of the cooperative's tea counts: an agency order accepted (set up through the API) ──
  await acceptedTeaOrder(request, orgId, 3);

  // ── After: the income from that sale shows up (attribution follows the acceptance) ──
  await expect(async () => {
    await page.getByTestId('farmer-refresh').click();
    await expect(page.getByTestId('farmer-total')).toHaveAttribute('data-fen', /\d+/);
    expect(await totalFen(page)).toBeGreaterThan(before);
  }).toPass({ timeout: 30_000, intervals: [1000, 2000] });
  await expect(page.getByTestId('farmer-product').filter({ hasText: TEA })).toBeVisible();
  await expect(page.getByTestId('farmer-month-bars').getByTestId('bar')).toHaveCount(12);

  // The header links the farmer's page.
  await expect(page.getByRole('banner').getByRole('link', { name: '我的增收' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});
