// The one table of safeguards: their names, labels and settings. Notifications, the chat, the status
// bar and the request footer all take their words from here. Pure.
import { safeguardsBody, type SafeguardSettings } from './parameters';

export const SAFEGUARD_NAMES = ['pii', 'promptInjection', 'toxicity', 'factuality'] as const;
export type SafeguardName = (typeof SAFEGUARD_NAMES)[number];

export interface SafeguardInfo {
  /** As it starts a sentence or a badge: "PII", "Prompt injection". */
  readonly label: string;
  /** The setting that controls it. */
  readonly setting: string;
}

export const SAFEGUARDS: Readonly<Record<SafeguardName, SafeguardInfo>> = {
  pii: { label: 'PII', setting: 'predictionGuard.safeguards.pii' },
  promptInjection: { label: 'Prompt injection', setting: 'predictionGuard.safeguards.blockPromptInjection' },
  toxicity: { label: 'Toxicity', setting: 'predictionGuard.safeguards.toxicity' },
  factuality: { label: 'Factuality', setting: 'predictionGuard.safeguards.factuality' },
};

/** "the PII safeguard", "the prompt injection safeguard": the label inside a sentence. */
export function safeguardInSentence(name: SafeguardName): string {
  const label = SAFEGUARDS[name].label;
  return `the ${name === 'pii' ? label : label.toLowerCase()} safeguard`;
}

/** The safeguards a request runs with, for a footer or tooltip: ["PII: block", "Toxicity"]. */
export function safeguardLabels(settings: SafeguardSettings): string[] {
  const body = safeguardsBody(settings);
  if (!body) return [];
  const labels: string[] = [];
  if (body.pii) labels.push(`${SAFEGUARDS.pii.label}: ${body.pii}${body.pii_replace_method ? ` (${body.pii_replace_method})` : ''}`);
  if (body.block_prompt_injection) labels.push(SAFEGUARDS.promptInjection.label);
  if (body.toxicity) labels.push(SAFEGUARDS.toxicity.label);
  if (body.factuality) labels.push(SAFEGUARDS.factuality.label);
  return labels;
}
