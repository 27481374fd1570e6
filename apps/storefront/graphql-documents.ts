// A Vite plugin doing what graphql-codegen's babel/swc plugin does: each `graphql(`…`)` call in the
// storefront becomes an import of the document codegen generated for it (src/api/generated/graphql.ts).
// Without it the bundle carries every document three times: the call's argument, the key of gql.ts's
// lookup map (which `graphql()` searches at run time) and the generated document itself.
import { parse } from 'graphql';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

/** The name the client preset exports a document under: `XDocument`, or `XFragmentDoc` for a fragment. */
function generatedName(text: string): string {
  const [first] = parse(text).definitions;
  if (first?.kind === 'FragmentDefinition') return `${first.name.value}FragmentDoc`;
  if (first?.kind === 'OperationDefinition' && first.name) return `${first.name.value}Document`;
  throw new Error(`a graphql() document needs a named operation or fragment first:\n${text}`);
}

export function graphqlDocuments(generatedModule: string): Plugin {
  return {
    name: 'bangfu-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/generated/') || !code.includes('graphql(`')) return null;
      const names = new Set<string>();
      // The call's lines are kept as blank lines, so the lines after it keep their numbers in source maps.
      const replaced = code.replace(CALL, (call: string, text: string) => {
        const name = generatedName(text);
        names.add(name);
        return `__gql_${name}${'\n'.repeat(call.split('\n').length - 1)}`;
      });
      // Named imports: a document codegen did not generate fails the build instead of being undefined.
      const imports = [...names].map((n) => `${n} as __gql_${n}`).join(', ');
      return { code: `import { ${imports} } from ${JSON.stringify(generatedModule)};${replaced}`, map: null };
    },
  };
}
