import type { Category } from '../api/catalog';

/**
 * The flat category list as tree order for a <select>: parents first, children after them with
 * their depth. A category whose parent is missing (or in a cycle) is shown at the top level rather than lost.
 */
export function categoryOptions(categories: Category[]): Array<{ category: Category; depth: number }> {
  const ids = new Set(categories.map((c) => c.id));
  const byParent = new Map<string | null, Category[]>();
  for (const c of categories) {
    const key = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), c]);
  }
  const out: Array<{ category: Category; depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const kids = [...(byParent.get(parent) ?? [])].sort(
      (a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'),
    );
    for (const c of kids) {
      if (seen.has(c.id)) continue; // a cycle in bad data must not hang the page
      seen.add(c.id);
      out.push({ category: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  // Rows caught in a parent cycle have no root above them: list them too.
  for (const c of categories) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push({ category: c, depth: 0 });
    walk(c.id, 1);
  }
  return out;
}
