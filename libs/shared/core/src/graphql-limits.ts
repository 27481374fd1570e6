import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from './errors';
import { graphqlOperations } from './metrics';

/** Depth of the deepest field path, following fragments; introspection fields are not counted. */
export function queryDepth(doc: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        // Introspection (__schema, __type) is deep by nature and bounded by the schema itself.
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, sel.selectionSet ? 1 + depthOf(sel.selectionSet, seen) : 1);
      }
      else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(sel.selectionSet, seen));
      else {
        const name = sel.name.value;
        if (seen.has(name)) continue;
        max = Math.max(max, depthOf(fragments.get(name)?.selectionSet, new Set([...seen, name])));
      }
    }
    return max;
  };
  let max = 0;
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && d.name?.value !== operationName) continue;
    max = Math.max(max, depthOf(d.selectionSet, new Set()));
  }
  return max;
}

/** Refuses over-deep or over-complex operations before any resolver runs. */
export function queryLimitsPlugin(getSchema: () => GraphQLSchema, maxDepth: number, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, operation }) {
          const depth = queryDepth(document, operationName);
          if (depth > maxDepth) {
            throw new AppError(ErrorCode.QUERY_TOO_DEEP, `Query depth ${depth} exceeds the limit of ${maxDepth}`, { depth, maxDepth });
          }
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: getSchema(),
              query: document,
              operationName: operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // Missing or mistyped variables surface here first; they are the caller's mistake.
            throw new AppError(ErrorCode.BAD_USER_INPUT, (e as Error).message);
          }
          if (complexity > maxComplexity) {
            throw new AppError(ErrorCode.QUERY_TOO_COMPLEX, `Query complexity ${complexity} exceeds the limit of ${maxComplexity}`, {
              complexity,
              maxComplexity,
            });
          }
          graphqlOperations.inc({ type: operation?.operation ?? 'unknown', outcome: 'accepted' });
        },
      };
    },
  };
}
