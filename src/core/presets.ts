// Named parameter presets (pure): "Strict privacy", "Creative", and the user's own.
import * as z from 'zod/mini';
import '../util/zodEnglish';
import { ApiParametersSchema, type ApiParameters } from '../api/parameters';

export const PresetNameSchema = z.string().check(z.trim(), z.minLength(1, 'A preset needs a name.'), z.maxLength(60, 'At most 60 characters.'));

export const PresetSchema = z.object({ name: PresetNameSchema, values: ApiParametersSchema });
export type Preset = z.infer<typeof PresetSchema>;

export type PresetResult = { ok: true; presets: Preset[] } | { ok: false; error: string };

const base = ApiParametersSchema.parse({});

/** Offered until the user changes the list. The model is left as it is when one is applied. */
export const BUILT_IN_PRESETS: readonly Preset[] = [
  {
    name: 'Strict privacy',
    values: {
      ...base,
      temperature: 0.2,
      safeguards: { ...base.safeguards, pii: 'block', blockPromptInjection: true, toxicity: true, factuality: true },
    },
  },
  {
    name: 'Creative',
    values: { ...base, temperature: 1.2, topP: 0.95, safeguards: { ...base.safeguards, pii: 'replace', piiReplaceMethod: 'fake' } },
  },
];

/** Reads a stored list; anything not of the right shape is dropped. */
export function parsePresets(stored: unknown): Preset[] {
  if (stored === undefined) return [...BUILT_IN_PRESETS];
  const list = Array.isArray(stored) ? stored : [];
  return list.flatMap((item) => {
    const parsed = PresetSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Saves `values` under `name`, replacing a preset of that name. */
export function savePreset(presets: readonly Preset[], name: string, values: ApiParameters): PresetResult {
  const parsed = PresetSchema.safeParse({ name, values });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid preset.' };
  const rest = presets.filter((p) => !sameName(p.name, parsed.data.name));
  return { ok: true, presets: [...rest, parsed.data].sort((a, b) => a.name.localeCompare(b.name)) };
}

export function renamePreset(presets: readonly Preset[], from: string, to: string): PresetResult {
  const name = PresetNameSchema.safeParse(to);
  if (!name.success) return { ok: false, error: name.error.issues[0]?.message ?? 'Invalid name.' };
  if (!presets.some((p) => p.name === from)) return { ok: false, error: `There is no preset “${from}”.` };
  if (!sameName(from, name.data) && presets.some((p) => sameName(p.name, name.data))) {
    return { ok: false, error: `A preset named “${name.data}” exists already.` };
  }
  return { ok: true, presets: presets.map((p) => (p.name === from ? { ...p, name: name.data } : p)).sort((a, b) => a.name.localeCompare(b.name)) };
}

export function deletePreset(presets: readonly Preset[], name: string): PresetResult {
  if (!presets.some((p) => p.name === name)) return { ok: false, error: `There is no preset “${name}”.` };
  return { ok: true, presets: presets.filter((p) => p.name !== name) };
}

/** The parameters after applying `preset` to `current`: everything from the preset but the model, unless the preset names one. */
export function applyPreset(current: ApiParameters, preset: Preset): ApiParameters {
  return { ...preset.values, model: preset.values.model || current.model };
}
