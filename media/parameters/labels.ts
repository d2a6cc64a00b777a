// The panel's words for each setting (pure): field labels, the source badge and the one line each
// safeguard shows, saying what it does and what the user sees when it triggers. Functions, not
// constants, so each text is translated when it is shown (media/shared/l10n.ts).
import { type SaveTarget, type SettingSource } from '../../src/webview/protocol/parameters';
import * as l10n from '../shared/l10n';

/** Setting key (as in state.sources) → the field's label. */
export function fieldLabels(): Readonly<Record<string, string>> {
  return {
    model: l10n.t('Model'),
    instructions: l10n.t('Instructions'),
    temperature: l10n.t('Temperature'),
    topP: l10n.t('Top p'),
    maxOutputTokens: l10n.t('Max output tokens'),
    reasoningEffort: l10n.t('Reasoning effort'),
    tools: l10n.t('Tools'),
    toolChoice: l10n.t('Tool choice'),
    maxToolCalls: l10n.t('Max tool calls'),
    parallelToolCalls: l10n.t('Parallel tool calls'),
    'safeguards.pii': l10n.t('PII'),
    'safeguards.piiReplaceMethod': l10n.t('Replace method'),
    'safeguards.entityList': l10n.t('Entity allow-list'),
    'safeguards.blockPromptInjection': l10n.t('Block prompt injection'),
    'safeguards.factuality': l10n.t('Factuality'),
    'safeguards.toxicity': l10n.t('Toxicity'),
  };
}

export function sourceLabel(source: SettingSource): string {
  return { default: l10n.t('Default'), user: l10n.t('User'), workspace: l10n.t('Workspace') }[source];
}

export function sourceTitle(source: SettingSource): string {
  return {
    default: l10n.t('Not set: the default value'),
    user: l10n.t('From your user settings'),
    workspace: l10n.t("From this workspace's settings (.vscode/settings.json)"),
  }[source];
}

export function targetLabel(target: SaveTarget): string {
  return target === 'user' ? l10n.t('User settings') : l10n.t('Workspace settings');
}

export function piiText(pii: 'off' | 'block' | 'replace'): string {
  return {
    off: l10n.t('No PII check: what you send reaches the model as it is.'),
    block: l10n.t('Requests containing personal information are refused; you see ‘Blocked by the PII safeguard’.'),
    replace: l10n.t('Personal information is replaced before the model sees it; the answer shows the replacements, not your data.'),
  }[pii];
}

export function safeguardText(safeguard: 'blockPromptInjection' | 'factuality' | 'toxicity'): string {
  return {
    blockPromptInjection: l10n.t('Requests that look like a prompt-injection attack are refused; you see ‘Blocked by the prompt injection safeguard’.'),
    factuality: l10n.t('Each answer is checked for factual consistency; one that fails is withheld and you see ‘Blocked by the factuality safeguard’.'),
    toxicity: l10n.t('Each answer is checked for toxic language; one that fails is withheld and you see ‘Blocked by the toxicity safeguard’.'),
  }[safeguard];
}

/** "Temperature, Top p" for a set of setting keys. */
export function labelList(keys: Iterable<string>): string {
  const labels = fieldLabels();
  return [...keys].map((key) => labels[key] ?? key).join(', ');
}
