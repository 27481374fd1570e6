// Where sign-in may lead next. Matching URLs to pages is react-router's (lib/router.tsx).

/** Only same-site paths may be used after sign-in, so `?next=` cannot send users elsewhere. */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
