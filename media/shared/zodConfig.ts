// Imported first by each webview's main.ts (chat and parameters), before any schema is built: zod compiles fast object parsers with
// `new Function` when it may, and decides so when each schema is created. The webview's CSP (no
// 'unsafe-eval') refuses that and reports a violation; jitless parsing never tries.
import * as z from 'zod/mini';

z.config({ jitless: true });
