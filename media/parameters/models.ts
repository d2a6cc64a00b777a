// Model list helpers for the parameters panel (pure): how a model is described in the picker, and
// whether Reasoning effort can be offered for the chosen model.
import { type PanelState, type ModelOption } from '../../src/webview/protocol/parameters';
import * as l10n from '../shared/l10n';

/** Capability → its word in the picker, in the order the picker lists them. */
const CAPABILITIES = ['chat_completion', 'tool_calling', 'reasoning', 'chat_with_image'] as const;

function capabilityWord(capability: (typeof CAPABILITIES)[number]): string {
  const words = { chat_completion: l10n.t('chat'), tool_calling: l10n.t('tools'), reasoning: l10n.t('reasoning'), chat_with_image: l10n.t('vision') };
  return words[capability];
}

/** Capability names in one spelling: "chat-completion" and "chat_completion" are the same. */
export function capabilityKeys(model: ModelOption): string[] {
  return model.capabilities.map((name) => name.trim().toLowerCase().replace(/-/g, '_'));
}

export function hasCapability(model: ModelOption, capability: string): boolean {
  return capabilityKeys(model).includes(capability);
}

/** 128000 → "128k", 131072 → "128k", 8192 → "8k", 32768 → "32k", 1000000 → "1M". */
export function contextText(tokens: number): string {
  if (tokens >= 1_000_000 && tokens % 1_000_000 === 0) return l10n.t('{0}M', tokens / 1_000_000);
  if (tokens >= 1000 && tokens % 1000 === 0) return l10n.t('{0}k', tokens / 1000);
  if (tokens >= 1024 && tokens % 1024 === 0) return l10n.t('{0}k', tokens / 1024);
  if (tokens >= 1000) return l10n.t('{0}k', Math.round(tokens / 1000));
  return String(tokens);
}

/** "128k context · chat, tools, reasoning" (what the picker shows after the model's id). */
export function modelDetails(model: ModelOption): string {
  const parts: string[] = [];
  if (model.maxContextLength) parts.push(l10n.t('{0} context', contextText(model.maxContextLength)));
  const keys = new Set(capabilityKeys(model));
  const words = CAPABILITIES.filter((capability) => keys.has(capability)).map(capabilityWord);
  if (words.length) parts.push(words.join(', '));
  return parts.join(' · ');
}

/** "gpt-oss-120b — 128k context · tools, reasoning". */
export function modelLabel(model: ModelOption): string {
  const details = modelDetails(model);
  return details ? `${model.id} — ${details}` : model.id;
}

export interface Availability {
  readonly enabled: boolean;
  /** Why it is disabled, in words. */
  readonly reason?: string;
}

/** Reasoning effort is offered only when the chosen model lists the reasoning capability. */
export function reasoningAvailability(modelId: string, models: PanelState['models']): Availability {
  const id = modelId.trim();
  if (!id) return { enabled: false, reason: l10n.t('Choose a model first: reasoning effort is offered only for models with the reasoning capability.') };
  const model = models.items.find((m) => m.id === id);
  if (model) {
    return hasCapability(model, 'reasoning') ? { enabled: true } : { enabled: false, reason: l10n.t('{0} does not list the reasoning capability.', id) };
  }
  if (models.status === 'loading') return { enabled: false, reason: l10n.t('Loading the model list to see whether {0} can reason…', id) };
  return { enabled: false, reason: l10n.t("{0} is not in the deployment's model list, so it is not known to have the reasoning capability.", id) };
}
