import { type BrowserContext, expect, test } from '@playwright/test';
import { DEMO, tokenFor } from './support/api';

// The storefront works under the API's Content-Security-Policy (this run has Stripe configured, so
// Stripe.js may load): every portal's pages load with no CSP violation reported by the browser.

/** Collects CSP violations of every page of the context, as the browser reports them. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  context.on('console', (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) seen.push(`${m.location().url}: ${m.text()}`);
  });
  return seen;
}

test('the storefront is served with security headers and a policy it never violates', async ({
  page,
  context,
  request,
}) => {
  const violations = await watchViolations(context);
  const home = await page.goto('/');
  const headers = home!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain('https://js.stripe.com');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toBe('no-cache');
  await expect(page.getByRole('search')).toBeVisible();

  // The policy is really enforced: an injected inline script does not run.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
  });
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(violations.splice(0).length).toBeGreaterThan(0);

  for (const path of ['/products', '/login', '/cart']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  const pages: Array<[string, string[]]> = [
    ['customer@demo.bangfu', ['/orders', '/account', '/cart']],
    [DEMO.supplier, ['/portal/supplier/', '/portal/supplier/products', '/portal/supplier/orders']],
    ['purchaser@demo.bangfu', ['/portal/agency/', '/orders']],
    [DEMO.coordinator, ['/portal/coordinator', '/portal/stats']],
    [DEMO.admin, ['/portal/admin/payments']],
    ['farmer@demo.bangfu', ['/farmer']],
  ];
  for (const [who, paths] of pages) {
    const token = await tokenFor(request, who);
    await page.goto('/');
    await page.evaluate((t) => localStorage.setItem('bangfu.token', t), token);
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
  }
  expect(violations).toEqual([]);
});
