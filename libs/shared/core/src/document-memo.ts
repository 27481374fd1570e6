import type { DocumentNode } from 'graphql';

/**
 * `compute` worked out once per parsed document: Apollo keeps one DocumentNode per query text, so a
 * plugin's per-request look at the document costs a map lookup after the first request.
 */
export function perDocument<T>(compute: (document: DocumentNode) => T): (document: DocumentNode) => T {
  const known = new WeakMap<DocumentNode, T>();
  return (document) => {
    if (known.has(document)) return known.get(document)!;
    const value = compute(document);
    known.set(document, value);
    return value;
  };
}
