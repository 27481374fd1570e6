// Path patterns: `/products/:id` captures a segment, a trailing `/*` matches any rest (portals).

export type RouteParams = Record<string, string>;

export function matchPath(pattern: string, pathname: string): RouteParams | null {
  const trim = (p: string) => p.replace(/\/+$/, '') || '/';
  const want = trim(pattern).split('/');
  const have = trim(pathname).split('/');
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i];
    if (part === '*' && i === want.length - 1) {
      params['*'] = have.slice(i).join('/');
      return params;
    }
    if (i >= have.length) return null;
    if (part.startsWith(':')) {
      if (!have[i]) return null;
      try {
        params[part.slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null; // malformed escape: no page can mean it
      }
    } else if (part !== have[i]) return null;
  }
  return want.length === have.length ? params : null;
}

/** Only same-site paths may be used after sign-in, so `?next=` cannot send users elsewhere. */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
