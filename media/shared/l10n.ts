// The webviews' translator: `l10n.t('Text {0}', arg)`, as `vscode.l10n.t` is called on the host (so
// `npm run l10n` extracts both into l10n/bundle.l10n.json), backed by @vscode/l10n. The bundle comes
// from the host (media/shared/pageL10n.ts); without one, the English message is formatted as it is.
// Pure (no DOM), so plain Node tests use it too.
import * as vscodeL10n from '@vscode/l10n';
import { L10nBundleSchema } from '../../src/webview/protocol/l10nBundle';

export type L10nArg = string | number | boolean;

/** The message in the page's language, `{0}`, `{1}`… replaced by the arguments (a placeholder without one stays). */
export function t(message: string, ...args: L10nArg[]): string {
  return vscodeL10n.t(message, ...args);
}

/**
 * Takes the bundle the host sent (JSON text, or undefined for English). A bundle that does not parse
 * is dropped with a warning: the page then reads in English. Returns whether a bundle is in use.
 */
export function useBundle(json: string | undefined): boolean {
  let parsed: ReturnType<typeof L10nBundleSchema.safeParse> | undefined;
  try {
    parsed = json === undefined ? undefined : L10nBundleSchema.safeParse(JSON.parse(json));
  } catch {
    parsed = undefined;
  }
  if (json !== undefined && !parsed?.success) console.warn('Dropped an invalid l10n bundle from the extension', parsed?.error?.issues[0]?.message);
  vscodeL10n.config({ contents: parsed?.success ? parsed.data : {} });
  return parsed?.success ?? false;
}
