// ApiParameters ↔ the `predictionGuard.*` settings that hold them (pure). The parameters panel saves
// through this mapping and the settings reader reads through the same keys.
import { ApiParametersSchema, type ApiParameters } from '../api/parameters';

/** Each setting key (relative to `predictionGuard.`) that holds a request parameter. */
export const PARAMETER_SETTING_KEYS = [
  'model',
  'instructions',
  'temperature',
  'topP',
  'maxOutputTokens',
  'reasoningEffort',
  'tools',
  'toolChoice',
  'maxToolCalls',
  'parallelToolCalls',
  'safeguards.pii',
  'safeguards.piiReplaceMethod',
  'safeguards.entityList',
  'safeguards.blockPromptInjection',
  'safeguards.factuality',
  'safeguards.toxicity',
] as const;
export type ParameterSettingKey = (typeof PARAMETER_SETTING_KEYS)[number];

export const DEFAULT_PARAMETERS: ApiParameters = ApiParametersSchema.parse({});

/** The value each parameter setting takes for `params`. */
export function parameterSettingValues(params: ApiParameters): Record<ParameterSettingKey, unknown> {
  const { safeguards: s } = params;
  return {
    model: params.model,
    instructions: params.instructions,
    temperature: params.temperature,
    topP: params.topP,
    maxOutputTokens: params.maxOutputTokens,
    reasoningEffort: params.reasoningEffort,
    tools: params.tools,
    toolChoice: params.toolChoice,
    maxToolCalls: params.maxToolCalls,
    parallelToolCalls: params.parallelToolCalls,
    'safeguards.pii': s.pii,
    'safeguards.piiReplaceMethod': s.piiReplaceMethod,
    'safeguards.entityList': s.entityList,
    'safeguards.blockPromptInjection': s.blockPromptInjection,
    'safeguards.factuality': s.factuality,
    'safeguards.toxicity': s.toxicity,
  };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export interface SettingWrite {
  readonly key: ParameterSettingKey;
  /** undefined: remove the value from the target (it equals the default). */
  readonly value: unknown;
}

/**
 * The writes that make `next` the saved parameters, given what is in effect now: only the settings
 * whose value changes are written; a value equal to its default is removed rather than written.
 */
export function settingWrites(current: ApiParameters, next: ApiParameters): SettingWrite[] {
  const before = parameterSettingValues(current);
  const after = parameterSettingValues(next);
  const defaults = parameterSettingValues(DEFAULT_PARAMETERS);
  return PARAMETER_SETTING_KEYS.filter((key) => !sameValue(before[key], after[key])).map((key) => ({
    key,
    value: sameValue(after[key], defaults[key]) ? undefined : after[key],
  }));
}
