// The extension's l10n bundle as a webview receives it (`data-l10n` on <body>: `vscode.l10n.bundle`,
// absent for English): message → translation, parsed on arrival like every message across the boundary.
import * as z from 'zod/mini';
import '../../util/zodEnglish';

/** Far more than the extension's messages (a few hundred), far less than a page should carry. */
export const MAX_BUNDLE_MESSAGES = 5000;

export const L10nBundleSchema = z
  .record(z.string().check(z.maxLength(2000)), z.string().check(z.maxLength(4000)))
  .check(z.refine((bundle) => Object.keys(bundle).length <= MAX_BUNDLE_MESSAGES, `at most ${MAX_BUNDLE_MESSAGES} messages`));
export type L10nBundle = z.infer<typeof L10nBundleSchema>;
