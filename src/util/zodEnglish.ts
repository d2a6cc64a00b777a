// zod/mini carries no error messages of its own: without a locale every issue reads "Invalid input".
// Each module that builds schemas imports this first, so settings problems, webview drops and API
// errors read as zod's English messages (as the full zod did) in the host, the webviews and tests.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
