// The tools part of the parameters form (pure: zod and src/ only, no DOM): function tools and MCP
// servers as raw field text, and their checks with the shared schemas (FunctionToolSchema's name
// rule, FunctionParametersSchema, McpToolSchema).
import * as z from 'zod/mini';
import '../../src/util/zodEnglish';
import { mcpServerUrlProblem, type SettingsTool } from '../../src/api/parameters';
import { FunctionParametersSchema, FunctionToolSchema, McpToolSchema } from '../../src/api/requestSchema';
import * as l10n from '../shared/l10n';

export const FunctionDraftSchema = z.object({
  kind: z.literal('function'),
  /** Identity of the card in the page (never sent). */
  uid: z.string(),
  name: z.string(),
  description: z.string(),
  /** JSON text of the parameters' JSON Schema; empty: no parameters. */
  parameters: z.string(),
  strict: z.boolean(),
});
export type FunctionDraft = z.infer<typeof FunctionDraftSchema>;

export const McpDraftSchema = z.object({
  kind: z.literal('mcp'),
  uid: z.string(),
  /** True for a server added by URL; false for one the deployment lists (GET /mcp_servers). */
  custom: z.boolean(),
  serverLabel: z.string(),
  serverUrl: z.string(),
  serverDescription: z.string(),
  /** Deployment servers: the tools checked; null: every tool (allowed_tools is not sent). */
  allowedTools: z.nullable(z.array(z.string())),
  /** Custom servers: a comma list; empty: every tool. */
  allowedToolsText: z.string(),
  /** One "Name: value" per line. */
  headers: z.string(),
  /** Kept from settings; not edited in the panel. */
  initials: z.string(),
});
export type McpDraft = z.infer<typeof McpDraftSchema>;

export const ToolDraftSchema = z.discriminatedUnion('kind', [FunctionDraftSchema, McpDraftSchema]);
export type ToolDraft = z.infer<typeof ToolDraftSchema>;

const uidPrefix = Math.random().toString(36).slice(2, 8);
let uidCounter = 0;
export function newUid(): string {
  return `${uidPrefix}-${++uidCounter}`;
}

export const DEFAULT_FUNCTION_PARAMETERS = '{\n  "type": "object",\n  "properties": {}\n}';

export function newFunctionDraft(): FunctionDraft {
  return { kind: 'function', uid: newUid(), name: '', description: '', parameters: DEFAULT_FUNCTION_PARAMETERS, strict: false };
}

export function newMcpDraft(custom: boolean, serverLabel = '', description = ''): McpDraft {
  return {
    kind: 'mcp',
    uid: newUid(),
    custom,
    serverLabel,
    serverUrl: '',
    serverDescription: description,
    allowedTools: null,
    allowedToolsText: '',
    headers: '',
    initials: '',
  };
}

export function toolDraftFromSetting(tool: SettingsTool): ToolDraft {
  if (tool.type === 'function') {
    return {
      kind: 'function',
      uid: newUid(),
      name: tool.name,
      description: tool.description ?? '',
      parameters: tool.parameters === undefined ? '' : JSON.stringify(tool.parameters, null, 2),
      strict: tool.strict === true,
    };
  }
  const custom = tool.server_url !== undefined;
  return {
    kind: 'mcp',
    uid: newUid(),
    custom,
    serverLabel: tool.server_label,
    serverUrl: tool.server_url ?? '',
    serverDescription: tool.server_description ?? '',
    allowedTools: custom ? null : (tool.allowed_tools ?? null),
    allowedToolsText: custom ? (tool.allowed_tools ?? []).join(', ') : '',
    headers: Object.entries(tool.headers ?? {})
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
    initials: tool.initials ?? '',
  };
}

/** A zod issue in the panel's words: "must be at most 2". */
export function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return l10n.t('is not valid');
  const i = issue as z.core.$ZodIssue & { maximum?: number | bigint; minimum?: number | bigint; inclusive?: boolean; expected?: string };
  switch (i.code) {
    case 'too_big':
      return i.inclusive === false ? l10n.t('must be less than {0}', String(i.maximum)) : l10n.t('must be at most {0}', String(i.maximum));
    case 'too_small':
      return i.inclusive === false ? l10n.t('must be greater than {0}', String(i.minimum)) : l10n.t('must be at least {0}', String(i.minimum));
    case 'invalid_type':
      return i.expected === 'int' ? l10n.t('must be a whole number') : l10n.t('must be a {0}', i.expected ?? l10n.t('valid value'));
    default:
      return i.message;
  }
}

/** Removes tool `index`; a tool choice naming it is reset to "not set". */
export function removeTool(form: { tools: ToolDraft[]; toolChoice: string }, index: number): void {
  const [removed] = form.tools.splice(index, 1);
  if (!removed) return;
  const name = removed.kind === 'function' ? removed.name.trim() : removed.serverLabel.trim();
  if (form.toolChoice === `${removed.kind}:${name}`) form.toolChoice = '';
}

/** Renames a tool; a tool choice naming it follows. */
export function renameTool(form: { toolChoice: string }, tool: ToolDraft, name: string): void {
  const before = `${tool.kind}:${tool.kind === 'function' ? tool.name.trim() : tool.serverLabel.trim()}`;
  if (tool.kind === 'function') tool.name = name;
  else tool.serverLabel = name;
  if (form.toolChoice === before) form.toolChoice = `${tool.kind}:${name.trim()}`;
}

type Errors = Record<string, string>;

/** "properties.a.type: must be …" from a JSON Schema issue (unions: the first branch's reason). */
function schemaIssueText(issue: z.core.$ZodIssue): string {
  let inner: z.core.$ZodIssue = issue;
  while (inner.code === 'invalid_union' && inner.errors[0]?.[0]) inner = inner.errors[0][0];
  const path = [...issue.path, ...(inner === issue ? [] : inner.path)].map(String).join('.');
  return path ? l10n.t('at “{0}”: {1}', path, issueText(inner)) : issueText(inner);
}

export function parseFunctionTool(tools: readonly ToolDraft[], index: number, errors: Errors): SettingsTool | undefined {
  const draft = tools[index];
  if (draft?.kind !== 'function') return undefined;
  const at = `tools.${index}`;
  const before = Object.keys(errors).length;
  const name = draft.name.trim();
  const nameCheck = FunctionToolSchema.shape.name.safeParse(name);
  if (!name) errors[`${at}.name`] = l10n.t('A function tool needs a name.');
  else if (!nameCheck.success) errors[`${at}.name`] = l10n.t('Name: {0}.', issueText(nameCheck.error.issues[0]));
  else if (tools.slice(0, index).some((t) => t.kind === 'function' && t.name.trim() === name)) {
    errors[`${at}.name`] = l10n.t('Another function tool is named “{0}”.', name);
  }
  let parameters: Record<string, unknown> | undefined;
  if (draft.parameters.trim()) {
    let json: unknown;
    try {
      json = JSON.parse(draft.parameters);
    } catch (error) {
      errors[`${at}.parameters`] = l10n.t('Parameters are not valid JSON: {0}.', error instanceof Error ? error.message : String(error));
    }
    if (json !== undefined) {
      const checked = FunctionParametersSchema.safeParse(json);
      if (checked.success) parameters = checked.data;
      else errors[`${at}.parameters`] = l10n.t('Parameters are not a JSON Schema object: {0}.', schemaIssueText(checked.error.issues[0]!));
    }
  }
  if (Object.keys(errors).length > before) return undefined;
  return {
    type: 'function',
    name,
    ...(draft.description.trim() ? { description: draft.description } : {}),
    ...(parameters ? { parameters } : {}),
    ...(draft.strict ? { strict: true } : {}),
  };
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** "Name: value" lines → headers; a line that is not of that shape is an error. */
export function parseHeaders(text: string): { headers: Record<string, string>; error?: string } {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!HEADER_NAME.test(name)) return { headers, error: l10n.t('Headers, line {0}: write one “Name: value” per line.', i + 1) };
    if (name.toLowerCase() === 'authorization') {
      return { headers, error: l10n.t('Headers: an authorization value is a secret. Use “Authorization…” to keep it in secret storage, not in settings.') };
    }
    headers[name] = line.slice(colon + 1).trim();
  }
  return { headers };
}

export function parseMcpTool(tools: readonly ToolDraft[], index: number, errors: Errors): SettingsTool | undefined {
  const draft = tools[index];
  if (draft?.kind !== 'mcp') return undefined;
  const at = `tools.${index}`;
  const before = Object.keys(errors).length;
  const label = draft.serverLabel.trim();
  if (!McpToolSchema.shape.server_label.safeParse(label).success) errors[`${at}.server_label`] = l10n.t('An MCP server needs a server label.');
  else if (tools.slice(0, index).some((t) => t.kind === 'mcp' && t.serverLabel.trim() === label)) {
    errors[`${at}.server_label`] = l10n.t('Another MCP server is labelled “{0}”.', label);
  }
  const url = draft.serverUrl.trim();
  if (draft.custom && !url) errors[`${at}.server_url`] = l10n.t('A custom MCP server needs its URL.');
  else if (url && mcpServerUrlProblem(url)) {
    errors[`${at}.server_url`] = l10n.t('URL must be an https:// address (plain http:// only for localhost).');
  }
  let allowed: string[] | undefined;
  if (draft.custom) {
    const list = splitList(draft.allowedToolsText);
    allowed = list.length ? list : undefined;
  } else if (draft.allowedTools) {
    if (!draft.allowedTools.length) errors[`${at}.allowed_tools`] = l10n.t('Check at least one tool, or remove this server.');
    allowed = draft.allowedTools;
  }
  const { headers, error } = parseHeaders(draft.headers);
  if (error) errors[`${at}.headers`] = error;
  if (Object.keys(errors).length > before) return undefined;
  return {
    type: 'mcp',
    server_label: label,
    ...(url ? { server_url: url } : {}),
    ...(draft.serverDescription.trim() ? { server_description: draft.serverDescription } : {}),
    ...(draft.initials ? { initials: draft.initials } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(allowed ? { allowed_tools: allowed } : {}),
  };
}

/** "a, b,,c" → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
