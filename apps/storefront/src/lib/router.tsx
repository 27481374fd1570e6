// Routing is react-router's (data router from createBrowserRouter). This module keeps the few names pages use,
// so a page imports `Link`, `navigate` and `useLocation` from one place and does not care how they are built:
// - `navigate()` works outside components (after an awaited mutation, in a sort callback) through the one router;
// - `useLocation().search` is a URLSearchParams, one object per URL, so effects keyed on it rerun only when it changes.
import { type ReactNode, useMemo } from 'react';
import { createBrowserRouter, type RouteObject, useLocation as useRouterLocation, useParams } from 'react-router';

export { Link } from 'react-router';

export type RouteParams = Record<string, string>;

/** One line of the page table (src/routes.ts): a URL pattern and the page that shows it. */
export interface RouteDef<P = RouteParams> {
  path: string;
  page: (props: { params: P }) => ReactNode;
}

type AppRouter = ReturnType<typeof createBrowserRouter>;
let active: AppRouter | null = null;

/** Passes the matched URL parameters (`:id`, the `*` rest of a portal) to a page as `params`. */
function RoutePage({ page: Page }: { page: RouteDef['page'] }) {
  const params = useParams() as RouteParams;
  return <Page params={params} />;
}

/**
 * The page table as react-router routes under one layout (header, footer); a path none of them matches shows
 * `notFound`. Patterns are case-sensitive, as the server's copy (libs/shared/core/src/client-routes.ts) is.
 */
export function pageRoutes(routes: RouteDef[], layout: ReactNode, notFound: ReactNode): RouteObject[] {
  return [
    {
      element: layout,
      children: [
        ...routes.map((r) => ({ path: r.path, caseSensitive: true, element: <RoutePage page={r.page} /> })),
        { path: '*', element: notFound },
      ],
    },
  ];
}

export function createAppRouter(routes: RouteObject[]): AppRouter {
  active = createBrowserRouter(routes);
  return active;
}

/** Goes to an in-app URL (path and query); the same URL again is no new history entry. */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (!active) throw new Error('navigate() before the router exists');
  const here = active.state.location;
  if (to === here.pathname + here.search) return;
  // flushSync: inputs whose value comes from the URL (filter checkboxes) show the new state as soon as the
  // navigation completes, not after a deferred transition that lets React restore the old value first.
  void active.navigate(to, { replace: options.replace, flushSync: true });
}

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const { pathname, search } = useRouterLocation();
  return useMemo(() => ({ pathname, search: new URLSearchParams(search) }), [pathname, search]);
}
