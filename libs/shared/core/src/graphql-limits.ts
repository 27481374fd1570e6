import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLInputObjectType,
  isInputObjectType,
  Kind,
  type SelectionSetNode,
  type GraphQLSchema,
  isObjectType,
  visit,
} from 'graphql';
import {
  type ComplexityEstimator,
  getComplexity,
  simpleEstimator,
  fieldExtensionsEstimator,
} from 'graphql-query-complexity';
import { AppError, ErrorCode, withHttpStatus } from './errors';
import { perDocument } from './document-memo';
import { graphqlOperations } from './metrics';

/**
 * What one list query costs before its rows: an SQL query with a count, a search with ranking. Set
 * against the default limit of 10,000, an operation may run a few dozen lists, never a hundred.
 */
export const LIST_BASE_COST = 200;
/** The page size a list uses when the caller does not say (pagination.ts's fallback). */
export const DEFAULT_LIST_SIZE = 20;
/**
 * The largest page any list accepts (suppliers: 500; most stop at 100). A larger `first` is priced as
 * this, so the resolver answers it with its precise BAD_USER_INPUT instead of a cost refusal.
 */
export const LARGEST_PAGE = 500;

/**
 * Lists are priced by their page size: a field that takes `first` (or `filter.first`), or returns a
 * connection, costs LIST_BASE_COST plus `first` times what one row selects (a page of 100 rows of 8
 * fields costs 1,000, a page of 10 costs 280). Other fields cost one point. graphql-query-complexity
 * prices every field node on its own, so each alias is a separate list: 100 aliased searches cost at
 * least 100 × LIST_BASE_COST and are refused as a whole.
 */
export const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paginated =
    getNamedType(field.type).name.endsWith('Connection') ||
    field.args.some(
      (a) =>
        a.name === 'first' ||
        (a.name === 'filter' &&
          isInputObjectType(getNamedType(a.type)) &&
          'first' in (getNamedType(a.type) as GraphQLInputObjectType).getFields()),
    );
  if (!paginated) return undefined;
  const requested = [args.first, (args.filter as { first?: unknown } | undefined)?.first].find(
    (v) => typeof v === 'number',
  ) as number | undefined;
  const size = Math.min(LARGEST_PAGE, Math.max(1, requested ?? DEFAULT_LIST_SIZE));
  return LIST_BASE_COST + size * Math.max(1, childComplexity);
};

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
      } else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(sel.selectionSet, seen));
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

/** How many (document, operation, variables) costs the plugin remembers. */
const COST_CACHE_SIZE = 1000;

/** The arguments whose values listSizeEstimator reads: `first`, and `filter` for its `first`. */
const PRICED_ARGUMENTS = new Set(['first', 'filter']);

/**
 * The variables a document passes, anywhere inside, to a priced argument, sorted: only their values can
 * change what it costs. An idempotency key or an order's lines never reach the price, so a mutation sent
 * again with fresh ones costs what it cost before.
 */
export function pricedVariables(doc: DocumentNode): string[] {
  const names = new Set<string>();
  visit(doc, {
    Argument(node) {
      if (!PRICED_ARGUMENTS.has(node.name.value)) return;
      visit(node.value, {
        Variable(v) {
          names.add(v.name.value);
        },
      });
    },
  });
  return [...names].sort();
}

/** Whether a field prices itself from its arguments (a `complexity` function): then every variable counts. */
function schemaPricesArguments(schema: GraphQLSchema): boolean {
  return Object.values(schema.getTypeMap()).some(
    (t) =>
      isObjectType(t) &&
      !t.name.startsWith('__') &&
      Object.values(t.getFields()).some((f) => typeof f.extensions?.complexity === 'function'),
  );
}

/**
 * Refuses over-deep or over-complex operations before any resolver runs, with HTTP 400. The cost of
 * an operation depends on its document, its name and (through `first`) its variables, never on the
 * data: it is computed once per (query hash, operation name, values of the priced variables) and
 * remembered, because walking the document against the schema on every request cost more than resolving
 * a small page (and, for a checkout's two mutations, more than their guard). Mutations are remembered too:
 * their fresh variables (idempotency keys, lines) are not priced, so they do not churn the map.
 * Variables that are missing or mistyped fail here when the cost is computed, else in Apollo's own
 * coercion before execution: BAD_USER_INPUT with HTTP 400 either way.
 */
export function queryLimitsPlugin(
  getSchema: () => GraphQLSchema,
  maxDepth: number,
  maxComplexity: number,
): ApolloServerPlugin {
  const costs = new Map<string, { depth: number; complexity: number }>();
  const pricedOf = perDocument(pricedVariables);
  let everyVariablePriced: boolean | undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, operation, queryHash }) {
          const variables = request.variables ?? {};
          everyVariablePriced ??= schemaPricesArguments(getSchema());
          const values = everyVariablePriced ? variables : pricedOf(document).map((n) => variables[n] ?? null);
          const key = `${queryHash ?? request.query}\u0000${operationName ?? ''}\u0000${JSON.stringify(values)}`;
          let cost = costs.get(key);
          if (!cost) {
            cost = { depth: queryDepth(document, operationName), complexity: 0 };
            if (cost.depth <= maxDepth) {
              try {
                cost.complexity = getComplexity({
                  schema: getSchema(),
                  query: document,
                  operationName: operationName ?? undefined,
                  variables,
                  estimators: [
                    fieldExtensionsEstimator(),
                    listSizeEstimator,
                    simpleEstimator({ defaultComplexity: 1 }),
                  ],
                });
              } catch (e) {
                // Missing or mistyped variables surface here first; they are the caller's mistake.
                throw withHttpStatus(new AppError(ErrorCode.BAD_USER_INPUT, (e as Error).message));
              }
            }
            if (costs.size >= COST_CACHE_SIZE) costs.delete(costs.keys().next().value!);
            costs.set(key, cost);
          }
          const { depth, complexity } = cost;
          if (depth > maxDepth) {
            throw withHttpStatus(
              new AppError(ErrorCode.QUERY_TOO_DEEP, `Query depth ${depth} exceeds the limit of ${maxDepth}`, {
                depth,
                maxDepth,
              }),
            );
          }
          if (complexity > maxComplexity) {
            throw withHttpStatus(
              new AppError(
                ErrorCode.QUERY_TOO_COMPLEX,
                `Query complexity ${complexity} exceeds the limit of ${maxComplexity}`,
                { complexity, maxComplexity },
              ),
            );
          }
          graphqlOperations.inc({ type: operation?.operation ?? 'unknown', outcome: 'accepted' });
        },
      };
    },
  };
}
