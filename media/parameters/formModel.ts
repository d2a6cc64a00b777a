// The parameters form's draft (pure: zod and src/ only, no DOM): the raw text of every field as the
// user typed it, turned into ApiParameters with one message per field, checked with the shared
// schemas. Error keys are ApiParameters paths ("temperature", "tools.0.parameters",
// "safeguards.pii"), the same keys the extension uses for sources and rejections.
import * as z from 'zod/mini';
import '../../src/util/zodEnglish';
import { ApiParametersSchema, PII_SETTINGS, type ApiParameters, type SettingsTool } from '../../src/api/parameters';
import { PII_REPLACE_METHODS, REASONING_EFFORTS, ToolChoiceSchema, type ToolChoice } from '../../src/api/requestSchema';
import { issueText, parseFunctionTool, parseMcpTool, splitList, toolDraftFromSetting, ToolDraftSchema } from './toolsModel';
import * as l10n from '../shared/l10n';

const BLANK_OR = <T extends readonly [string, ...string[]]>(values: T) => z.enum(['', ...values]);

export const FormDraftSchema = z.object({
  model: z.string(),
  instructions: z.string(),
  temperature: z.string(),
  topP: z.string(),
  maxOutputTokens: z.string(),
  reasoningEffort: BLANK_OR(REASONING_EFFORTS),
  tools: z.array(ToolDraftSchema),
  /** '' | none | auto | required | function:<name> | mcp:<label> | other */
  toolChoice: z.string(),
  /** A tool choice from settings that the form cannot express: kept as it is while "other" is chosen. */
  toolChoiceOther: z.nullable(ToolChoiceSchema),
  maxToolCalls: z.string(),
  parallelToolCalls: z.enum(['', 'on', 'off']),
  pii: z.enum(PII_SETTINGS),
  piiReplaceMethod: BLANK_OR(PII_REPLACE_METHODS),
  entityList: z.string(),
  blockPromptInjection: z.boolean(),
  factuality: z.boolean(),
  toxicity: z.boolean(),
});
export type FormDraft = z.infer<typeof FormDraftSchema>;

export type FieldErrors = Record<string, string>;
export interface FormResult {
  /** The parameters, when every field is valid. */
  readonly values: ApiParameters | undefined;
  readonly errors: FieldErrors;
}

const numberText = (n: number | null): string => (n === null ? '' : String(n));

/** The tool choice as the form's select value ('other' when the form cannot express it). */
function toolChoiceText(choice: ToolChoice | null): string {
  if (choice === null) return '';
  if (typeof choice === 'string') return choice;
  const keys = Object.keys(choice).sort().join(',');
  if (choice.type === 'function' && choice.name && keys === 'name,type') return `function:${choice.name}`;
  if (choice.type === 'mcp' && choice.server_label && keys === 'server_label,type') return `mcp:${choice.server_label}`;
  return 'other';
}

export function formFromParams(p: ApiParameters): FormDraft {
  const choice = toolChoiceText(p.toolChoice);
  return {
    model: p.model,
    instructions: p.instructions,
    temperature: numberText(p.temperature),
    topP: numberText(p.topP),
    maxOutputTokens: numberText(p.maxOutputTokens),
    reasoningEffort: p.reasoningEffort ?? '',
    tools: p.tools.map(toolDraftFromSetting),
    toolChoice: choice,
    toolChoiceOther: choice === 'other' ? p.toolChoice : null,
    maxToolCalls: numberText(p.maxToolCalls),
    parallelToolCalls: p.parallelToolCalls === null ? '' : p.parallelToolCalls ? 'on' : 'off',
    pii: p.safeguards.pii,
    piiReplaceMethod: p.safeguards.piiReplaceMethod ?? '',
    entityList: p.safeguards.entityList.join(', '),
    blockPromptInjection: p.safeguards.blockPromptInjection,
    factuality: p.safeguards.factuality,
    toxicity: p.safeguards.toxicity,
  };
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number field: empty → null; otherwise checked with the field's own schema from ApiParametersSchema. */
function numberField(raw: string, key: 'temperature' | 'topP' | 'maxOutputTokens' | 'maxToolCalls', label: string, errors: FieldErrors): number | null {
  const text = raw.trim();
  if (!text) return null;
  if (!NUMBER_TEXT.test(text)) {
    errors[key] = l10n.t('{0} must be a number.', label);
    return null;
  }
  const parsed = ApiParametersSchema.shape[key].safeParse(Number(text));
  if (!parsed.success) {
    errors[key] = `${label} ${issueText(parsed.error.issues[0])}.`;
    return null;
  }
  return parsed.data;
}

function toolChoiceValue(form: FormDraft, errors: FieldErrors): ToolChoice | null {
  const choice = form.toolChoice;
  if (choice === '') return null;
  if (choice === 'none' || choice === 'auto') return choice;
  if (choice === 'required') {
    if (!form.tools.length) errors.toolChoice = l10n.t('Tool choice “required” needs at least one tool above.');
    return choice;
  }
  if (choice === 'other') return form.toolChoiceOther;
  const [kind, ...rest] = choice.split(':');
  const name = rest.join(':');
  if (kind === 'function') {
    if (!form.tools.some((t) => t.kind === 'function' && t.name.trim() === name)) {
      errors.toolChoice = l10n.t('Tool choice names the function “{0}”, which is not among the tools above.', name);
    }
    return { type: 'function', name };
  }
  if (kind === 'mcp') {
    if (!form.tools.some((t) => t.kind === 'mcp' && t.serverLabel.trim() === name)) {
      errors.toolChoice = l10n.t('Tool choice names the MCP server “{0}”, which is not among the tools above.', name);
    }
    return { type: 'mcp', server_label: name };
  }
  errors.toolChoice = l10n.t('Choose a tool choice from the list.');
  return null;
}

/** The error key an ApiParameters issue path belongs to. */
export function errorKey(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'tools') return parts.slice(0, 3).join('.');
  if (parts[0] === 'safeguards') return parts.slice(0, 2).join('.');
  return parts[0] ?? '';
}

export function paramsFromForm(form: FormDraft): FormResult {
  const errors: FieldErrors = {};
  const tools: SettingsTool[] = [];
  form.tools.forEach((draft, index) => {
    const tool = draft.kind === 'function' ? parseFunctionTool(form.tools, index, errors) : parseMcpTool(form.tools, index, errors);
    if (tool) tools.push(tool);
  });
  const candidate = {
    model: form.model.trim(),
    instructions: form.instructions,
    temperature: numberField(form.temperature, 'temperature', l10n.t('Temperature'), errors),
    topP: numberField(form.topP, 'topP', l10n.t('Top p'), errors),
    maxOutputTokens: numberField(form.maxOutputTokens, 'maxOutputTokens', l10n.t('Max output tokens'), errors),
    reasoningEffort: form.reasoningEffort || null,
    tools,
    toolChoice: toolChoiceValue(form, errors),
    maxToolCalls: numberField(form.maxToolCalls, 'maxToolCalls', l10n.t('Max tool calls'), errors),
    parallelToolCalls: form.parallelToolCalls === '' ? null : form.parallelToolCalls === 'on',
    safeguards: {
      pii: form.pii,
      piiReplaceMethod: form.piiReplaceMethod || null,
      entityList: splitList(form.entityList),
      blockPromptInjection: form.blockPromptInjection,
      factuality: form.factuality,
      toxicity: form.toxicity,
    },
  };
  if (Object.keys(errors).length) return { values: undefined, errors };
  // The whole object through the shared schema too: whatever it refuses is never sent.
  const parsed = ApiParametersSchema.safeParse(candidate);
  if (parsed.success) return { values: parsed.data, errors };
  for (const issue of parsed.error.issues) errors[errorKey(issue.path)] ??= `${issue.path.join('.')}: ${issueText(issue)}.`;
  return { values: undefined, errors };
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The parameters as the form writes them back (the form drops what it cannot hold, e.g. `strict: false`). */
export function normalizeParams(p: ApiParameters): ApiParameters {
  return paramsFromForm(formFromParams(p)).values ?? p;
}

export function sameParams(a: ApiParameters, b: ApiParameters): boolean {
  return stableStringify(normalizeParams(a)) === stableStringify(normalizeParams(b));
}

/** True when the form says something other than `base`: an invalid form always differs. */
export function formDiffers(result: FormResult, base: ApiParameters): boolean {
  return !result.values || !sameParams(result.values, base);
}

/** The source keys (model, topP, tools, safeguards.pii…) whose raw text differs between two drafts. */
export function changedKeys(form: FormDraft, base: FormDraft): Set<string> {
  const tools = (f: FormDraft): string => stableStringify(f.tools.map(({ uid: _uid, ...rest }) => rest));
  const changed = new Set<string>();
  const plain = ['model', 'instructions', 'temperature', 'topP', 'maxOutputTokens', 'reasoningEffort', 'maxToolCalls', 'parallelToolCalls'] as const;
  for (const key of plain) if (form[key] !== base[key]) changed.add(key);
  if (tools(form) !== tools(base)) changed.add('tools');
  if (form.toolChoice !== base.toolChoice) changed.add('toolChoice');
  const safeguards = ['pii', 'piiReplaceMethod', 'entityList', 'blockPromptInjection', 'factuality', 'toxicity'] as const;
  for (const key of safeguards) if (form[key] !== base[key]) changed.add(`safeguards.${key}`);
  return changed;
}

/** Named-tool options for Tool choice, from the tools in the form. */
export function namedToolChoices(form: FormDraft): { value: string; label: string }[] {
  const seen = new Set<string>();
  const options: { value: string; label: string }[] = [];
  for (const tool of form.tools) {
    const name = tool.kind === 'function' ? tool.name.trim() : tool.serverLabel.trim();
    const value = `${tool.kind}:${name}`;
    if (!name || seen.has(value)) continue;
    seen.add(value);
    options.push({ value, label: tool.kind === 'function' ? l10n.t('Function: {0}', name) : l10n.t('MCP server: {0}', name) });
  }
  return options;
}
