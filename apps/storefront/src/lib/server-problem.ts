import type { RequestError } from './graphql';

/**
 * The form field a server refusal names, or null. The API puts the input it refused in `extensions.field`
 * (`canteenBudget`, `newPassword`, `lines[0].quantity`); `aliases` renames the API's names to the form's where they
 * differ (`{ canteenBudget: 'budget' }`), and `has` says whether the form has a field of that name.
 */
export function serverProblemField(
  error: RequestError | null,
  has: (name: string) => boolean,
  aliases: Readonly<Record<string, string>> = {},
): string | null {
  const named = error?.details.field;
  if (typeof named !== 'string' || !named) return null;
  const name = Object.hasOwn(aliases, named) ? aliases[named] : named.replace(/\[(\d+)\]/g, '.$1');
  return has(name) ? name : null;
}

/** Whether a dotted path (`variants.0.retailPrice`) leads to a value in a form's values. */
export function hasPath(values: unknown, path: string): boolean {
  let at: unknown = values;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}
