import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO, firstVillage, gql, onlineHallId, tokenFor, variantInStock } from './support/api';
import { stripeStandInForFile, succeedIntent } from './support/stripe';
import { fillVariantFigures, signIn } from './support/browser';

// The supplier's job in the browser: the shipping queue lists only orders that can ship, with the
// server's counts per tab; the cooperative prints the packing slips of two paid orders at once, ships
// one from the queue, and follows a notification to its order. The customer's steps (address, order,
// card payment played through the local Stripe stand-in) are set up through GraphQL as that user;
// GraphQL otherwise only reads results.

const CUSTOMER = 'customer@demo.bangfu';
const TEA = '贵州梵净山绿茶礼盒';

const stripe = stripeStandInForFile();

interface Placed {
  id: string;
  orderNo: string;
}

/** The customer orders one box of tea to a new address; `pay` plays a successful card payment. */
async function customerOrder(
  request: APIRequestContext,
  token: string,
  recipient: string,
  pay: boolean,
): Promise<Placed> {
  const { createAddress } = await gql<{ createAddress: { id: string } }>(
    request,
    'mutation($i: AddressInput!) { createAddress(input: $i) { id } }',
    {
      i: {
        recipient,
        phone: '13800138000',
        regionCode: await firstVillage(request, DEMO.county),
        detail: `茶园路 ${Math.floor(Math.random() * 900) + 100} 号`,
      },
    },
    token,
  );
  const variant = await variantInStock(request, TEA, 1);
  const hall = await onlineHallId(request);
  const { placeOrder } = await gql<{ placeOrder: Placed & { __typename: string } }>(
    request,
    'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id orderNo } } }',
    {
      input: {
        idempotencyKey: randomUUID(),
        channelId: hall,
        lines: [{ variantId: variant.id, quantity: 1 }],
        addressId: createAddress.id,
      },
    },
    token,
  );
  expect(placeOrder.__typename).toBe('Order');
  if (pay) {
    const { payOrder } = await gql<{ payOrder: { paymentId: string } }>(
      request,
      'mutation($id: ID!) { payOrder(orderId: $id, method: CARD) { paymentId } }',
      { id: placeOrder.id },
      token,
    );
    const intent = stripe().intentForPayment(payOrder.paymentId)!;
    await succeedIntent(request, stripe(), intent.id);
  }
  return { id: placeOrder.id, orderNo: placeOrder.orderNo };
}

test('the supplier prints the packing slips of paid orders and ships from the queue; unpaid orders stay out of it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const customer = await tokenFor(request, CUSTOMER);
  const first = await customerOrder(request, customer, `王小丽${tag}`, true);
  const second = await customerOrder(request, customer, `李建国${tag}`, true);
  const unpaid = await customerOrder(request, customer, `赵未付${tag}`, false);
  const supplierToken = await tokenFor(request, DEMO.supplier);
  const { me } = await gql<{ me: { memberships: Array<{ organization: { id: string; name: string } | null }> } }>(
    request,
    '{ me { memberships { organization { id name } } } }',
    {},
    supplierToken,
  );
  const supplierId = me.memberships.find((m) => m.organization?.name === DEMO.cooperative)!.organization!.id;
  const counts = async () =>
    (
      await gql<{ supplierOrderCounts: Record<string, number> }>(
        request,
        'query($s: ID!) { supplierOrderCounts(supplierId: $s) { toShip shipped delivered all } }',
        { s: supplierId },
        supplierToken,
      )
    ).supplierOrderCounts;
  const before = await counts();

  // ── The cooperative signs in and lands on its orders to ship ──
  await signIn(page, DEMO.supplier, '/portal/supplier/orders');
  const switcher = page.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  const tabs = page.getByRole('group', { name: '显示' });
  await expect(tabs.getByRole('button', { name: `待发货 (${before.toShip})` })).toHaveAttribute('aria-pressed', 'true');
  await expect(tabs.getByRole('button', { name: `全部 (${before.all})` })).toBeVisible();
  const row = (o: Placed) => page.getByTestId('incoming-order').filter({ hasText: o.orderNo });
  await expect(row(first)).toHaveAttribute('data-state', 'toShip');
  await expect(row(second)).toBeVisible();
  await expect(row(unpaid)).toHaveCount(0); // not paid: not in the queue
  await tabs.getByRole('button', { name: /^全部/ }).click();
  await expect(row(unpaid)).toHaveAttribute('data-state', 'awaitingPayment');
  await tabs.getByRole('button', { name: /^待发货/ }).click();

  // ── Both paid orders selected → one printable page with a slip per order ──
  await row(first)
    .getByRole('checkbox', { name: `选择订单 ${first.orderNo}` })
    .check();
  await row(second)
    .getByRole('checkbox', { name: `选择订单 ${second.orderNo}` })
    .check();
  await page.getByRole('button', { name: '批量打印装箱单（2）' }).click();
  await expect(page).toHaveURL(/\/portal\/supplier\/packing-slips\?orders=/);
  const slips = page.getByTestId('packing-slip');
  await expect(slips).toHaveCount(2);
  await expect(slips.filter({ hasText: first.orderNo })).toContainText(`王小丽${tag}`);
  await expect(slips.filter({ hasText: second.orderNo })).toContainText(`李建国${tag}`);
  await expect(slips.filter({ hasText: first.orderNo })).toContainText('13800138000');
  await expect(slips.filter({ hasText: first.orderNo })).toContainText(TEA);
  // One slip per printed page: each slip breaks the page after it, the last does not.
  await page.emulateMedia({ media: 'print' });
  expect(await slips.evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter))).toEqual(['page', 'auto']);
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByTestId('print-slips').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // ── Back in the queue, the first order ships with the slip's details ──
  await page.getByRole('link', { name: '返回待发货订单' }).click();
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  await row(first).getByLabel('承运商').fill('顺丰速运');
  await row(first).getByLabel('运单号').fill(`SF${tag.toUpperCase()}`);
  await row(first).getByRole('button', { name: '确认发货' }).click();
  await expect(page.getByTestId('shipped-notice')).toContainText(first.orderNo);
  await expect(row(first)).toHaveCount(0);
  await expect(tabs.getByRole('button', { name: `待发货 (${before.toShip - 1})` })).toBeVisible();
  await expect(tabs.getByRole('button', { name: `已发货 (${before.shipped + 1})` })).toBeVisible();
  await tabs.getByRole('button', { name: /^已发货/ }).click();
  await expect(row(first).getByTestId('shipment')).toContainText(`顺丰速运 · 运单号 SF${tag.toUpperCase()}`);
  expect(await counts()).toEqual({ ...before, toShip: before.toShip - 1, shipped: before.shipped + 1 });
  const { order } = await gql<{
    order: { status: string; supplierOrders: Array<{ status: string; trackingNo: string }> };
  }>(
    request,
    'query($id: ID!) { order(id: $id) { status supplierOrders { status trackingNo } } }',
    { id: first.id },
    customer,
  );
  expect(order).toEqual({
    status: 'FULFILLING',
    supplierOrders: [{ status: 'SHIPPED', trackingNo: `SF${tag.toUpperCase()}` }],
  });

  // ── A notification about the second order leads to that order ──
  await page.goto('/portal/supplier');
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  const link = page.getByTestId('notification-order-link').filter({ hasText: second.orderNo }).first();
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/orders/${second.id}$`));
  await expect(page.getByTestId('order-no')).toHaveText(second.orderNo);
});

test('the supplier edits a product after creating it, manages its photos and attaches documents to its certification application', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const title = `梵净山红茶 ${tag}`;
  // Real pictures: the server decodes them to make thumbnails.
  const picture = (rgb: [number, number, number]) =>
    import('sharp').then(({ default: sharp }) =>
      sharp({ create: { width: 800, height: 600, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
        .png()
        .toBuffer(),
    );
  const [red, green] = await Promise.all([picture([200, 40, 40]), picture([40, 160, 60])]);

  // ── A new draft product ──
  await signIn(page, DEMO.supplier, '/portal/supplier/products');
  const switcher = page.getByLabel('切换供应商');
  if (await switcher.isVisible()) await switcher.selectOption({ label: DEMO.cooperative });
  await page.getByRole('button', { name: '新建产品' }).click();
  await page.getByLabel('产品名称').fill(title);
  await page.getByLabel('省级').selectOption({ label: '贵州省' });
  await page.getByLabel('地级').selectOption({ label: '铜仁市' });
  await page.getByLabel('县级').selectOption(DEMO.county);
  const variant = page.getByTestId('variant-editor').first();
  await variant.getByLabel('规格').fill('100g');
  await fillVariantFigures(variant, { retail: '68', purchase: '60', market: '75', stock: '30' });
  await page.getByRole('button', { name: '保存为草稿' }).click();
  const row = page.getByTestId('own-product').filter({ hasText: title });
  await expect(row).toBeVisible();
  const productId = (await row.getAttribute('data-product-id'))!;

  // ── Edited afterwards: description, a variant's price and stock, photos ──
  await row.getByRole('button', { name: '编辑' }).click();
  const editor = page.getByTestId('product-editor');
  await editor.getByLabel('产品介绍').fill('高山红茶，蜜香浓郁');
  await editor.getByRole('button', { name: '保存商品信息' }).click();
  await expect(editor.getByRole('status').first()).toHaveText('已保存');
  const edit = editor.getByTestId('variant-edit').first();
  await edit.getByLabel('零售价 (¥)').fill('59.90');
  await edit.getByLabel('库存增减').fill('+5');
  await edit.getByRole('button', { name: '保存规格' }).click();
  await expect(edit).toContainText('库存 35，可售 35');

  const images = editor.getByTestId('product-images');
  await images
    .getByTestId('image-input')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(images.getByRole('alert')).toContainText('notes.txt 不是 JPEG、PNG 或 WebP 图片');
  await images.getByTestId('image-input').setInputFiles([
    { name: 'red.png', mimeType: 'image/png', buffer: red },
    { name: 'green.png', mimeType: 'image/png', buffer: green },
  ]);
  const tiles = images.getByTestId('product-image');
  await expect(tiles).toHaveCount(2);
  await expect(tiles.first().locator('img')).toHaveAttribute('src', /-thumb\.webp$/);
  const [firstId, secondId] = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-image-id')));
  await images.getByRole('button', { name: '把第 2 张前移' }).click();
  await expect(tiles.first()).toHaveAttribute('data-image-id', secondId!);
  await images.getByRole('button', { name: '删除第 2 张图片' }).click();
  await expect(tiles).toHaveCount(1);

  const { product } = await gql<{
    product: {
      description: string;
      images: Array<{ id: string; thumbnailUrl: string }>;
      variants: Array<{ retailPrice: number; stockOnHand: number }>;
    };
  }>(
    request,
    'query($id: ID!) { product(id: $id) { description images { id thumbnailUrl } variants { retailPrice stockOnHand } } }',
    { id: productId },
    await tokenFor(request, DEMO.supplier),
  );
  expect(product.description).toBe('高山红茶，蜜香浓郁');
  expect(product.variants).toEqual([{ retailPrice: 5990, stockOnHand: 35 }]);
  expect(product.images.map((i) => i.id)).toEqual([secondId]);
  expect(firstId).not.toBe(secondId);
  const thumb = await request.get(product.images[0].thumbnailUrl);
  expect(thumb.headers()['content-type']).toBe('image/webp');

  // ── Certification: apply, then attach an origin certificate for the coordinator ──
  await row.getByRole('button', { name: '申请认定' }).click();
  await page.getByRole('navigation', { name: '供应商后台' }).getByRole('link', { name: '产品认定' }).click();
  const application = page.getByTestId('certification').filter({ hasText: title });
  const certificationId = (await application.getAttribute('data-certification-id'))!;
  const docs = application.getByTestId('cert-documents');
  await docs
    .getByTestId('cert-document-input')
    .setInputFiles({ name: 'photo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await expect(docs.getByRole('alert')).toHaveText('请上传 PDF、JPG 或 PNG 文件');
  await docs
    .getByTestId('cert-document-input')
    .setInputFiles({ name: '产地证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(docs.getByTestId('cert-document')).toContainText('产地证明.pdf');

  const { certification } = await gql<{
    certification: { documents: Array<{ fileName: string; contentType: string }> };
  }>(
    request,
    'query($id: ID!) { certification(id: $id) { documents { fileName contentType } } }',
    { id: certificationId },
    await tokenFor(request, DEMO.coordinator),
  );
  expect(certification.documents).toEqual([{ fileName: '产地证明.pdf', contentType: 'application/pdf' }]);
});
