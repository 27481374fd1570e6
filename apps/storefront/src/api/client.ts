import { createGraphQLClient, localTokenStore } from '../lib/graphql';

/** The one client the app uses; same origin in production, proxied by Vite in dev. */
export const api = createGraphQLClient({ tokens: localTokenStore() });
