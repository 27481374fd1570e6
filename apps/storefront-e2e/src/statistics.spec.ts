// A provincial coordinator audits sales on the statistics dashboard: lands there after sign-in,
// drills from the province to a county, finds a sale accepted earlier in this test in its channel
// kind and month, keeps the filters across a reload, and downloads the table as XLSX.
import { type APIRequestContext, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO, gql, tokenFor, withCheckChar } from './support/api';
import { acceptedTeaOrder, AGENCY, setJourneyLimits } from './support/procurement';

// A tablet in landscape: the dashboard is meant to be usable on one.
test.use({ viewport: { width: 1024, height: 768 } });

const PROVINCE = '52'; // 贵州省
const SALES_STATS = `query($r: String!, $from: String!, $to: String!, $g: SalesGroupBy!) {
  salesStats(regionCode: $r, from: $from, to: $to, groupBy: $g) { rows { key figures { netAmount } } } }`;

/** The month of today on Beijing time (the counting day of an acceptance made now). */
const shanghaiMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

/**
 * A coordinator for the whole province (the demo's coordinator works for 铜仁市 only): the platform
 * admin opens a provincial coordination office and gives it a coordinator, through the API.
 */
async function provincialCoordinator(request: APIRequestContext): Promise<{ email: string; password: string }> {
  const admin = await tokenFor(request, DEMO.admin);
  const tag = Date.now()
    .toString(36)
    .toUpperCase()
    .replace(/[IOSVZ]/g, '7')
    .slice(-7)
    .padStart(7, '0');
  const { createOrganization: office } = await gql<{ createOrganization: { id: string } }>(
    request,
    'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
    {
      i: {
        kind: 'COORDINATION_OFFICE',
        name: `贵州省乡村振兴局（测试${tag}）`,
        regionCode: '520000000000',
        creditCode: withCheckChar(`11520000MB${tag}`),
      },
    },
    admin,
  );
  const email = `gz-coordinator-${tag.toLowerCase()}@e2e.bangfu`;
  const password = 'Qianling-stats-2026';
  await gql(
    request,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    {
      i: {
        email,
        displayName: '贵州省协调员',
        password,
        role: 'COORDINATOR',
        organizationId: office.id,
        regionPrefix: PROVINCE,
      },
    },
    admin,
  );
  return { email, password };
}

async function login(request: APIRequestContext, identifier: string, password: string): Promise<string> {
  const { login: payload } = await gql<{ login: { token: string } }>(
    request,
    'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }',
    {
      i: identifier,
      p: password,
    },
  );
  return payload.token;
}

/** Net fen per row key of a grouping for one month, as the API reports it to this coordinator. */
async function netByKey(
  request: APIRequestContext,
  token: string,
  region: string,
  groupBy: string,
  month: string,
): Promise<Map<string, number>> {
  const { salesStats } = await gql<{ salesStats: { rows: Array<{ key: string; figures: { netAmount: number } }> } }>(
    request,
    SALES_STATS,
    { r: region, from: month, to: month, g: groupBy },
    token,
  );
  return new Map(salesStats.rows.map((r) => [r.key, r.figures.netAmount]));
}

test('a provincial coordinator drills from the province to a county, finds a sale accepted in this test in its channel and month, and downloads the XLSX', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const month = shanghaiMonth();
  const coordinator = await provincialCoordinator(request);
  const coordinatorToken = await login(request, coordinator.email, coordinator.password);

  // ── An agency sale of tea from 江口县, accepted now (request → approval → shipment → delivery → acceptance) ──
  const { orgId } = await setJourneyLimits(request);
  const purchaserToken = await tokenFor(request, AGENCY.purchaser);
  const county = DEMO.county.slice(0, 6); // 520621 江口县, where the demo cooperative's tea grows
  const kindsBefore = await netByKey(request, coordinatorToken, county, 'CHANNEL_KIND', month);
  const monthBefore = (await netByKey(request, coordinatorToken, county, 'MONTH', month)).get(month) ?? 0;
  const { orderId } = await acceptedTeaOrder(request, orgId, 3);
  const { order } = await gql<{
    order: {
      channelId: string;
      status: string;
      supplierOrders: Array<{ lines: Array<{ lineTotal: number; originRegionCode: string }> }>;
    };
  }>(
    request,
    'query($id: ID!) { order(id: $id) { channelId status supplierOrders { lines { lineTotal originRegionCode } } } }',
    { id: orderId },
    purchaserToken,
  );
  expect(order.status).toBe('ACCEPTED');
  const sold = order.supplierOrders.flatMap((so) => so.lines).filter((l) => l.originRegionCode.startsWith(county));
  const soldFen = sold.reduce((sum, l) => sum + l.lineTotal, 0);
  expect(soldFen).toBeGreaterThan(0);
  const { channels } = await gql<{ channels: Array<{ id: string; kind: string }> }>(
    request,
    '{ channels { id kind } }',
    {},
    purchaserToken,
  );
  const channelKind = channels.find((c) => c.id === order.channelId)!.kind;
  // Counting may happen in a background job after acceptance: wait until the API counts it.
  const kindExpected = (kindsBefore.get(channelKind) ?? 0) + soldFen;
  await expect
    .poll(async () => (await netByKey(request, coordinatorToken, county, 'CHANNEL_KIND', month)).get(channelKind), {
      timeout: 30_000,
    })
    .toBe(kindExpected);

  // ── The coordinator signs in and lands on the dashboard, at the province ──
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(coordinator.email);
  await page.getByLabel('密码').fill(coordinator.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/stats/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('消费帮扶销售统计');
  const crumbs = page.getByTestId('region-breadcrumb');
  await expect(crumbs.getByRole('listitem')).toHaveText(['贵州省']);

  // ── This month only, then province → 铜仁市 → 江口县 by the region rows ──
  await page.getByLabel('起始月份').fill(month);
  await page.getByLabel('截止月份').fill(month);
  await expect(page).toHaveURL(new RegExp(`from=${month}&to=${month}`));
  const table = page.getByTestId('group-table');
  await table.getByRole('link', { name: '铜仁市' }).click();
  await expect(crumbs.getByRole('listitem')).toHaveText(['贵州省', '铜仁市']);
  await table.getByRole('link', { name: '江口县' }).click();
  await expect(crumbs.getByRole('listitem')).toHaveText(['贵州省', '铜仁市', '江口县']);
  await expect(page).toHaveURL(/region=520621&/);

  // ── The sale is counted in its channel kind (三专) and in this month ──
  const kinds = page.getByTestId('channel-kinds');
  await expect(kinds.locator(`[data-key="${channelKind}"]`)).toHaveAttribute('data-net-fen', String(kindExpected));
  await expect(page.getByTestId('month-trend').locator(`[data-key="${month}"]`)).toHaveAttribute(
    'data-net-fen',
    String(monthBefore + soldFen),
  );
  await expect(page.getByTestId('indicators-summary')).toContainText('实现销售金额');
  await expect(page.getByTestId('certified-share').getByTestId('channel-share').first()).toBeVisible();
  // Every section answered (a renamed field or a refused query shows as an alert).
  await expect(page.getByRole('alert')).toHaveCount(0);

  // ── A reload (or a shared link) keeps the filters ──
  await page.reload();
  await expect(crumbs.getByRole('listitem')).toHaveText(['贵州省', '铜仁市', '江口县']);
  await expect(page.getByLabel('起始月份')).toHaveValue(month);

  // ── The table downloads as XLSX with the region path and the figures ──
  const download = page.waitForEvent('download');
  await page.getByTestId('sales-export').getByTestId('export-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const cells = workbook.worksheets.flatMap((ws) =>
    ws
      .getSheetValues()
      .flatMap((row) => (Array.isArray(row) ? row : []))
      .map(String),
  );
  expect(cells.some((c) => c.includes('江口县'))).toBe(true);
});
