// The storefront's page patterns, for the server: a path none of them matches gets HTTP 404 (with the
// SPA's not-found page) instead of 200. No imports, so the storefront's tests read the same list;
// apps/storefront/src/lib/client-routes.spec.ts fails when src/routes.ts has a pattern missing here.

/** Same syntax as the client router: `:name` is one segment, a trailing `/*` any rest (portals). */
export const CLIENT_ROUTE_PATTERNS: readonly string[] = [
  '/',
  '/login',
  '/signup',
  '/signup/supplier',
  '/forgot-password',
  '/reset-password',
  '/account',
  '/account/addresses',
  '/suppliers/:id',
  '/channels/:id',
  '/products',
  '/products/:id',
  '/cart',
  '/checkout',
  '/orders',
  '/orders/:id',
  '/farmer',
  '/produce/*',
  '/transparency/:county',
  '/portal/supplier/*',
  '/portal/admin/*',
  '/portal/agency/*',
  '/portal/complaints',
  '/portal/coordinator',
  '/portal/stats',
  '/portal/supervision',
  '/portal/audit',
  '/portal/findings',
  '/portal/findings/:id',
  '/portal/supply',
];

/** Whether a pattern matches a pathname, as react-router (case-sensitive routes) decides in the storefront. */
export function clientPatternMatches(pattern: string, pathname: string): boolean {
  const trim = (p: string) => p.replace(/\/+$/, '') || '/';
  const want = trim(pattern).split('/');
  const have = trim(pathname).split('/');
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*' && i === want.length - 1) return true;
    if (i >= have.length) return false;
    if (want[i].startsWith(':')) {
      if (!have[i]) return false;
    } else if (want[i] !== have[i]) return false;
  }
  return want.length === have.length;
}

export function isClientRoute(pathname: string, patterns: readonly string[] = CLIENT_ROUTE_PATTERNS): boolean {
  return patterns.some((p) => clientPatternMatches(p, pathname));
}
