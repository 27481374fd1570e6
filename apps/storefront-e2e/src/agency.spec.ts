import { expect, type Page, test } from '@playwright/test';
import { DEMO } from './support/api';
import { AGENCY, setJourneyLimits, TEA } from './support/procurement';
import { signIn, signOut } from './support/browser';

const countedFen = async (page: Page) => Number(await page.getByTestId('counted-amount').getAttribute('data-fen'));

test.beforeAll(async ({ request }) => {
  await setJourneyLimits(request);
});

test('an agency request above the limit is approved, delivered, accepted, and completion rises', async ({ page }) => {
  test.setTimeout(120_000);

  // ── The dashboard before: the unit's counted amount this year ──
  await signIn(page, AGENCY.purchaser, '/portal/agency');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(AGENCY.unit);
  await expect(page.getByTestId('completion-gauge')).toBeVisible();
  await expect(page.getByTestId('monthly-bars').getByTestId('bar')).toHaveCount(12);
  await expect(page.getByTestId('counted-amount')).toHaveAttribute('data-fen', /\d+/);
  const before = await countedFen(page);

  // ── The purchaser fills the cart for the unit and submits it as a purchase request ──
  await page.goto(`/products?search=${encodeURIComponent(TEA)}`);
  await page.getByTestId('product-card').filter({ hasText: TEA }).first().getByRole('link').click();
  await expect(page.getByTestId('income-share')).toContainText('每售出1件，农户增收¥');
  const box = page.getByTestId('buy-box');
  await box.getByLabel('数量').fill('2');
  await box.getByRole('button', { name: '加入购物车' }).click();
  await page.getByTestId('cart-link').click();
  await page.getByTestId('go-checkout').click();
  await page.getByTestId('to-purchase-request').click();
  await expect(page).toHaveURL(/\/portal\/agency\/requests$/);
  const form = page.getByTestId('request-form');
  await expect(form.getByTestId('approval-required')).toHaveText('需要审批');
  await form.getByLabel('付款条件').selectOption({ label: '货到付款' });
  await form.getByLabel('采购理由').fill('职工食堂十二月用茶');
  await form.getByTestId('submit-request').click();
  await expect(page.getByTestId('request-submitted')).toContainText('待审批');
  const requestNo = (await page.getByTestId('request-submitted').textContent())!.match(/PR\d+/)![0];
  const mine = page.getByTestId('purchase-request').filter({ hasText: requestNo });
  await expect(mine.getByTestId('request-status')).toHaveText('待审批');
  const orderNo = (await mine.getByTestId('request-order').textContent())!.match(/BF\d+/)![0];
  await signOut(page);

  // ── The approver approves it in the inbox; the PO is issued and printable ──
  await signIn(page, AGENCY.approver, '/portal/agency/approvals');
  const pending = page.getByTestId('approval-inbox').getByTestId('purchase-request').filter({ hasText: requestNo });
  await pending.getByLabel('审批意见（驳回时必填）').fill('同意，按预算执行');
  await pending.getByRole('button', { name: '批准' }).click();
  await expect(pending.getByTestId('request-status')).toHaveText('已批准');
  const poNumber = (await pending.getByTestId('po-number').textContent())!.match(/PO-\S+/)![0];
  const poTab = page.waitForEvent('popup');
  await pending.getByTestId('print-po').click();
  const po = await poTab;
  await expect(po.locator('body')).toContainText(poNumber);
  await po.close();
  await signOut(page);

  // ── The cooperative ships ──
  await signIn(page, DEMO.supplier, '/portal/supplier/orders');
  const switcher = page.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  const incoming = page.getByTestId('incoming-order').filter({ hasText: orderNo });
  await incoming.getByLabel('承运商').fill('顺丰速运');
  await incoming.getByLabel('运单号').fill('SF9876543210');
  await incoming.getByRole('button', { name: '确认发货' }).click();
  await expect(page.getByTestId('shipped-notice')).toContainText(orderNo);
  await signOut(page);

  // ── The purchaser confirms delivery, uploads the invoice and accepts ──
  await signIn(page, AGENCY.purchaser, '/portal/agency/orders');
  await page.getByTestId('order-row').filter({ hasText: orderNo }).getByRole('link', { name: orderNo }).click();
  await expect(page.getByTestId('order-no')).toHaveText(orderNo);
  await page.getByTestId('supplier-order').getByRole('button', { name: '确认收货' }).click();
  await expect(page.getByTestId('supplier-order').getByTestId('supplier-order-status')).toHaveText('已送达');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await page
    .getByTestId('document-input')
    .setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByTestId('order-document').filter({ hasText: '发票.pdf' })).toBeVisible();
  const accept = page.getByTestId('accept-form');
  await accept.getByLabel('发票号码').fill('04400123');
  await accept.getByRole('button', { name: '确认验收' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('已验收');
  const recordTab = page.waitForEvent('popup');
  await page.getByTestId('acceptance-record').click();
  const record = await recordTab;
  await expect(record.locator('body')).toContainText('04400123');
  await record.close();
  await expect(page.getByTestId('attribution')).toContainText('您的钱去了哪里');

  // ── Completion rises once the background job has counted the acceptance ──
  await page.getByRole('banner').getByRole('link', { name: '单位采购' }).click();
  await expect(page.getByTestId('counted-amount')).toHaveAttribute('data-fen', /\d+/);
  await expect(async () => {
    await page.getByTestId('completion-refresh').click();
    await expect(page.getByTestId('counted-amount')).toHaveAttribute('data-fen', /\d+/);
    expect(await countedFen(page)).toBeGreaterThan(before);
  }).toPass({ timeout: 30_000, intervals: [1000, 2000] });
});

test('the agency admin files next year’s reserved share, sees the amount computed, and is told when a ratio is under the minimum', async ({
  page,
}) => {
  const next =
    Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) + 1;
  await signIn(page, AGENCY.admin, '/portal/agency/filing');
  await page.getByLabel('年度').selectOption(String(next));
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(`${next} 年预留份额申报`);
  const form = page.getByTestId('filing-form');
  await form.getByLabel('食堂模式').selectOption({ label: '自有食堂' });
  // A budget no canteen has (¥20 billion): the server refuses it, and the form marks the budget field itself.
  const budget = form.getByLabel('食堂食材采购预算（元）');
  await budget.fill('20000000000');
  await form.getByLabel('预留比例（%）').fill('12.5');
  await form.getByRole('button', { name: '提交申报' }).click();
  await expect(budget).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('.field-error')).toHaveText('预算必须是 0 至 100 亿元之间的金额');
  await expect(budget).toBeFocused();
  await form.getByLabel('食堂食材采购预算（元）').fill('12345.67');
  await expect(budget).toHaveAttribute('aria-invalid', 'false');
  await form.getByLabel('预留比例（%）').fill('12.5');
  // 1,234,567 fen × 12.5% = 154,320.875 fen → rounded half up.
  await expect(form.getByTestId('filing-reserved')).toHaveText('¥1,543.21');
  await expect(form.getByTestId('filing-minimum')).toHaveText(/\d+(\.\d+)?%/);
  await form.getByRole('button', { name: '提交申报' }).click();
  // Below this year's ¥120,000: the server asks why, and the form asks the admin.
  await expect(form.locator('[data-code="RESERVED_DECREASE_REASON_REQUIRED"]')).toContainText('预留金额低于上年');
  await form.getByLabel('同比下降说明（预留金额低于上年）').fill('食堂改为部分外包，食材预算下调');
  await form.getByRole('button', { name: '提交申报' }).click();
  await expect(page.getByTestId('filing-current')).toContainText('第 1 版');
  await expect(page.getByTestId('filing-current')).toContainText('¥1,543.21');

  // Filed: the form now amends; a ratio under the minimum needs an exemption first.
  const amend = page.getByTestId('filing-form');
  await amend.getByLabel('预留比例（%）').fill('1');
  await expect(amend.getByTestId('below-minimum')).toContainText('需先申请豁免');
  await amend.getByLabel('变更原因').fill('预算调整');
  await amend.getByRole('button', { name: '提交变更' }).click();
  await expect(amend.locator('[data-code="RATIO_BELOW_MINIMUM"]')).toContainText('低于辖区最低比例');
  await expect(page.getByTestId('filing-current')).toContainText('第 1 版');

  await amend.getByLabel('预留比例（%）').fill('15');
  await amend.getByLabel('变更原因').fill('预算调整');
  await amend.getByRole('button', { name: '提交变更' }).click();
  await expect(page.getByTestId('filing-current')).toContainText('第 2 版');
  await expect(page.getByTestId('filing-current')).toContainText('¥1,851.85');
});

test('the agency admin sees the unit’s members with their limits and changes a purchaser’s spending limit', async ({
  page,
}) => {
  await signIn(page, AGENCY.admin, '/portal/agency');
  await page.getByRole('link', { name: '成员与限额' }).click();
  await expect(page).toHaveURL(/\/portal\/agency\/team$/);
  const purchaser = page.getByTestId('unit-member').filter({ hasText: '李采购' });
  const approver = page.getByTestId('unit-member').filter({ hasText: '王科长' });
  await expect(purchaser).toContainText('采购人');
  // setJourneyLimits (beforeAll): ¥100 for the purchaser, ¥100,000 for the approver; the admin has no limit field.
  await expect(purchaser.getByLabel('单笔采购限额（元）')).toHaveValue('100.00');
  await expect(approver.getByLabel('单笔审批限额（元）')).toHaveValue('100000.00');
  await expect(page.getByTestId('unit-member').filter({ hasText: '陈主任' }).getByRole('textbox')).toHaveCount(0);

  const field = purchaser.getByLabel('单笔采购限额（元）');
  await field.fill('-5');
  await expect(purchaser.getByRole('button', { name: '保存' })).toBeDisabled();
  await field.fill('250.5');
  await purchaser.getByRole('button', { name: '保存' }).click();
  await expect(purchaser.getByRole('status')).toHaveText('已保存');
  await page.reload();
  await expect(
    page.getByTestId('unit-member').filter({ hasText: '李采购' }).getByLabel('单笔采购限额（元）'),
  ).toHaveValue('250.50');

  // Back to the journeys' limit, through the same form.
  const again = page.getByTestId('unit-member').filter({ hasText: '李采购' });
  await again.getByLabel('单笔采购限额（元）').fill('100');
  await again.getByRole('button', { name: '保存' }).click();
  await expect(again.getByRole('status')).toHaveText('已保存');
  await expect(page.getByTestId('policy-form').getByLabel('采购人限额以内的申请免审批，直接下单')).toBeVisible();
});
