// History-API routing without a dependency: the URL is the state; pages are looked up in src/routes.ts.
import { type AnchorHTMLAttributes, type MouseEvent, type ReactNode, useMemo, useSyncExternalStore } from 'react';
import { matchPath, type RouteParams } from './route-match';

const NAVIGATE_EVENT = 'bangfu:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentUrl = () => window.location.pathname + window.location.search;

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === currentUrl()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const url = useSyncExternalStore(subscribe, currentUrl, () => '/');
  // One object per URL, so effects and memos keyed on `search` only rerun when the URL changes.
  return useMemo(() => {
    const parsed = new URL(url, 'http://local');
    return { pathname: parsed.pathname, search: parsed.searchParams };
  }, [url]);
}

export interface RouteDef<P = RouteParams> {
  path: string;
  page: (props: { params: P }) => ReactNode;
}

export function useRoute(routes: RouteDef[]): { route: RouteDef | null; params: RouteParams } {
  const { pathname } = useLocation();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return { route: null, params: {} };
}

/** An <a> that navigates in-app on a plain click and behaves normally otherwise (new tab, …). */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
