// The panel's words for each setting (pure): field labels, the source badge and the one line each
// safeguard shows, saying what it does and what the user sees when it triggers.
import { type SaveTarget, type SettingSource } from '../../src/webview/protocol/parameters';

/** Setting key (as in state.sources) → the field's label. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  model: 'Model',
  instructions: 'Instructions',
  temperature: 'Temperature',
  topP: 'Top p',
  maxOutputTokens: 'Max output tokens',
  reasoningEffort: 'Reasoning effort',
  tools: 'Tools',
  toolChoice: 'Tool choice',
  maxToolCalls: 'Max tool calls',
  parallelToolCalls: 'Parallel tool calls',
  'safeguards.pii': 'PII',
  'safeguards.piiReplaceMethod': 'Replace method',
  'safeguards.entityList': 'Entity allow-list',
  'safeguards.blockPromptInjection': 'Block prompt injection',
  'safeguards.factuality': 'Factuality',
  'safeguards.toxicity': 'Toxicity',
};

export const SOURCE_LABELS: Readonly<Record<SettingSource, string>> = { default: 'Default', user: 'User', workspace: 'Workspace' };
export const SOURCE_TITLES: Readonly<Record<SettingSource, string>> = {
  default: 'Not set: the default value',
  user: 'From your user settings',
  workspace: "From this workspace's settings (.vscode/settings.json)",
};
export const TARGET_LABELS: Readonly<Record<SaveTarget, string>> = { user: 'User settings', workspace: 'Workspace settings' };

export const PII_TEXT = {
  off: 'No PII check: what you send reaches the model as it is.',
  block: 'Requests containing personal information are refused; you see ‘Blocked by the PII safeguard’.',
  replace: 'Personal information is replaced before the model sees it; the answer shows the replacements, not your data.',
} as const;

export const SAFEGUARD_TEXT = {
  blockPromptInjection: 'Requests that look like a prompt-injection attack are refused; you see ‘Blocked by the prompt injection safeguard’.',
  factuality: 'Each answer is checked for factual consistency; one that fails is withheld and you see ‘Blocked by the factuality safeguard’.',
  toxicity: 'Each answer is checked for toxic language; one that fails is withheld and you see ‘Blocked by the toxicity safeguard’.',
} as const;

/** "Temperature, Top p" for a set of setting keys. */
export function labelList(keys: Iterable<string>): string {
  return [...keys].map((key) => FIELD_LABELS[key] ?? key).join(', ');
}
