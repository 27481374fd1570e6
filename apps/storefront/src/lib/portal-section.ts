/**
 * A portal's rest of the URL (the route's `*`) → the section it names: '' for the portal's landing section, the
 * slug when the portal has a section of that name, null for anything else (a mistyped or removed section, extra
 * segments), so the page shows the not-found page instead of silently showing its landing section.
 */
export function portalSection(rest: string | undefined, sections: readonly string[]): string | null {
  const path = (rest ?? '').replace(/\/+$/, '');
  return path === '' || sections.includes(path) ? path : null;
}
