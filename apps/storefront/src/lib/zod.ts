// zod for the storefront, set up once before any schema exists: without `jitless`, zod probes `new Function` when
// it builds an object schema, and the API's Content-Security-Policy (no 'unsafe-eval') reports that probe as a
// violation on every page load even though zod catches the error. Import `z` from here, not from 'zod'.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
