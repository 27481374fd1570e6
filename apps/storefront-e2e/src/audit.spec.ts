// The auditor's audit log: a failed sign-in in the auditor's prefecture shows up with the identifier
// masked and the password never stored, a sign-in in another province does not, and the hash chain
// verifies as intact from the page.
import { expect, test } from '@playwright/test';
import { DEMO, gql, tokenFor } from './support/api';
import { signIn } from './support/browser';

const LOGIN = 'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }';

test('an auditor finds a failed sign-in of its region, redacted, and verifies the chain', async ({ page, request }) => {
  test.setTimeout(90_000);
  // The cooperative's admin (江口县, inside the auditor's 铜仁 scope) signs in, then someone guesses
  // its password; a Guangzhou purchaser signs in too (outside the scope).
  await tokenFor(request, DEMO.supplier);
  await expect(gql(request, LOGIN, { i: DEMO.supplier, p: 'guessing-the-password-1' })).rejects.toThrow(
    /INVALID_CREDENTIALS/,
  );
  await tokenFor(request, 'purchaser@demo.bangfu');

  await signIn(page, 'auditor@demo.bangfu', '/portal/audit?operation=login');
  await expect(page.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('audit-table')).toContainText('杨社长（合作社）');
  await expect(page.getByTestId('audit-table')).not.toContainText('李采购（采购人）');

  const failed = rows.filter({ hasText: 'INVALID_CREDENTIALS' }).first();
  await expect(failed).toBeVisible();
  await failed.getByTestId('audit-toggle').click();
  const args = page.getByTestId('audit-args');
  await expect(args).toContainText('s***@demo.bangfu');
  await expect(args).toContainText('[REDACTED]');
  await expect(args).not.toContainText('guessing-the-password');

  // Filters live in the URL: a reload shows the same search.
  await page.reload();
  await expect(page.getByTestId('audit-filter-operation')).toHaveValue('login');

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('完整');
});
