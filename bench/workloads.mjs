// Each workload: setup(url) → context, run(context, clientIndex) → one request (throws on failure).
async function gql(url, query, variables, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(body.errors[0].message);
  return body.data;
}

export const workloads = [
  { name: 'typename', concurrency: 50, setup: async (url) => ({ url }), run: ({ url }) => gql(url, '{ __typename }') },
  {
    name: 'regions-children',
    concurrency: 50,
    setup: async (url) => ({ url }),
    run: ({ url }) => gql(url, '{ regions(parentCode: "520621000000") { code name level } }'),
  },
  {
    name: 'me-authenticated',
    concurrency: 50,
    setup: async (url) => ({ url, token: (await gql(url, 'mutation { login(identifier: "purchaser@demo.bangfu", password: "bangfu-demo") { token } }')).login.token }),
    run: ({ url, token }) => gql(url, '{ me { id displayName roles } }', {}, token),
  },
];
