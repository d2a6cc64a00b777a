// How pure modules say something to the user without importing `vscode`: `l10n.t('Text {0}', arg)`,
// called as `vscode.l10n.t` is (so `npm run l10n` extracts both into l10n/bundle.l10n.json). The
// extension installs `vscode.l10n.t` at activation; until then, and in plain Node tests, the English
// text is formatted as VS Code formats it. Never call `t` at module load: the translator is not installed yet.
export type L10nArg = string | number | boolean;
export type Translate = (message: string, ...args: L10nArg[]) => string;

/** `{0}`, `{1}`… replaced by the arguments; a placeholder without one stays as written. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));

let current: Translate = english;

export function t(message: string, ...args: L10nArg[]): string {
  return current(message, ...args);
}

/** Installs the translator (at activation: `vscode.l10n.t`); disposing restores English. */
export function useTranslator(translate: Translate): { dispose(): void } {
  current = translate;
  return {
    dispose: () => {
      current = english;
    },
  };
}
