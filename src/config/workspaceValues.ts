// Which workspace values wait for the user's approval, and how each is recognised again. Pure.
// A workspace value of an APPROVAL_KEYS setting (what the model is told or may call) counts only
// after the user allowed that exact value for that workspace; a changed value asks again.
import { createHash } from 'node:crypto';
import { inert } from '../core/inertText';
import { isBuiltInName } from '../core/tasks';
import {
  addedWorkspacePrompts,
  appliesStraight,
  APPROVAL_KEYS,
  isApprovalKey,
  settingLookup,
  workspaceValueOf,
  type ApprovalKey,
  type Inspect,
} from './settingLookup';
import { GUARDED_KEYS, PARAM_KEYS, readSettings, SECTION, type SettingsReadResult, type WorkspaceUse } from './settingsSchema';

/** One workspace value of an approval setting. */
export interface WorkspaceValue {
  readonly key: ApprovalKey;
  readonly value: unknown;
  /** Stable over key order and formatting; changes whenever the value does. */
  readonly fingerprint: string;
}

export type Decision = 'allow' | 'ignore';

/** What the user decided, per setting, for the value with that fingerprint (kept per workspace). */
export type Decisions = Readonly<Partial<Record<ApprovalKey, { readonly fingerprint: string; readonly decision: Decision }>>>;

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprint(key: ApprovalKey, value: unknown): string {
  return createHash('sha256')
    .update(`${key}\n${canonicalJson(value)}`)
    .digest('hex');
}

/**
 * The workspace values of the approval settings that would change something: set by the workspace
 * (or one of its folders) and different from the user's own value. None when the workspace is not
 * trusted (Restricted Mode ignores them all anyway).
 */
export function workspaceValues(inspect: Inspect, trusted: boolean): WorkspaceValue[] {
  if (!trusted) return [];
  return APPROVAL_KEYS.flatMap((key) => {
    const i = inspect(key);
    const value = workspaceValueOf(i);
    const user = i?.globalValue ?? i?.defaultValue;
    if (value === undefined || appliesStraight(key, value, user)) return [];
    if (canonicalJson(value) === canonicalJson(user)) return [];
    if (key === 'prompts' && !addedWorkspacePrompts(value, user).length) return [];
    return [{ key, value, fingerprint: fingerprint(key, value) }];
  });
}

export function decisionOf(decisions: Decisions, value: WorkspaceValue): Decision | undefined {
  const entry = decisions[value.key];
  return entry?.fingerprint === value.fingerprint ? entry.decision : undefined;
}

export function workspaceUse(values: readonly WorkspaceValue[], decisions: Decisions): WorkspaceUse {
  const by = (wanted: Decision | undefined): ApprovalKey[] => values.filter((v) => decisionOf(decisions, v) === wanted).map((v) => v.key);
  return { applied: by('allow'), pending: by(undefined), ignored: by('ignore') };
}

/** The values with no decision yet for their current fingerprint. */
export function pendingValues(values: readonly WorkspaceValue[], decisions: Decisions): WorkspaceValue[] {
  return values.filter((v) => decisionOf(decisions, v) === undefined);
}

/** The decisions after the user answered for `values`. */
export function decide(decisions: Decisions, values: readonly WorkspaceValue[], decision: Decision): Decisions {
  const next: Partial<Record<ApprovalKey, { fingerprint: string; decision: Decision }>> = { ...decisions };
  for (const v of values) next[v.key] = { fingerprint: v.fingerprint, decision };
  return next;
}

/** Decisions read back from storage: anything malformed is dropped (and so asked again). */
export function parseDecisions(raw: unknown): Decisions {
  if (raw === null || typeof raw !== 'object') return {};
  const out: Partial<Record<ApprovalKey, { fingerprint: string; decision: Decision }>> = {};
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    const e = entry as { fingerprint?: unknown; decision?: unknown } | null;
    if (isApprovalKey(key) && e && typeof e.fingerprint === 'string' && (e.decision === 'allow' || e.decision === 'ignore')) {
      out[key] = { fingerprint: e.fingerprint, decision: e.decision };
    }
  }
  return out;
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One phrase per value: "instructions “Always answer in…”", "1 MCP server https://mcp.example/x". */
export function describeValue(v: WorkspaceValue): string {
  switch (v.key) {
    case 'instructions':
      return typeof v.value === 'string' && v.value.trim() ? `instructions “${inert(shorten(v.value, 80))}”` : 'empty instructions';
    case 'tools': {
      const tools = Array.isArray(v.value) ? (v.value as Array<Record<string, unknown>>) : [];
      const mcp = tools.filter((t) => t?.type === 'mcp');
      const functions = tools.filter((t) => t?.type === 'function');
      const parts: string[] = [];
      if (mcp.length) {
        const where = mcp.map((t) => inert(String(t.server_url ?? `“${String(t.server_label)}”`)) + (t.server_url ? '' : ' (the gateway’s server)')).join(', ');
        parts.push(`${plural(mcp.length, 'MCP server', 'MCP servers')} ${where}`);
      }
      if (functions.length)
        parts.push(`${plural(functions.length, 'function tool', 'function tools')} ${functions.map((t) => inert(String(t.name))).join(', ')}`);
      return parts.length ? parts.join(' and ') : 'no tools (removing yours)';
    }
    case 'toolChoice':
      return `tool choice ${inert(shorten(canonicalJson(v.value), 60))}`;
    case 'maxToolCalls':
      return `at most ${String(v.value)} tool calls`;
    case 'parallelToolCalls':
      return `parallel tool calls ${v.value === true ? 'on' : 'off'}`;
    case 'model':
      return `the model “${inert(shorten(String(v.value), 60))}”`;
    case 'review':
      return v.value === 'apply' ? 'review “apply” (answers written into your files with no diff to accept)' : `review “${inert(String(v.value))}”`;
    case 'placement':
      return `answers placed “${inert(String(v.value))}”`;
    case 'prompts': {
      const names = (Array.isArray(v.value) ? (v.value as Array<{ name?: unknown }>) : []).map((p) => String(p?.name)).filter((n) => !isBuiltInName(n));
      return `${plural(names.length, 'prompt', 'prompts')} ${names.map((n) => `“${inert(shorten(n, 40))}”`).join(', ')}`;
    }
    case 'chat.keepHistory':
      return v.value === true ? 'chat history kept between sessions' : 'chat history not kept';
    case 'chat.maxConversations':
      return `up to ${String(v.value)} chats kept`;
  }
}

/** "This workspace sets instructions “…” and 1 MCP server https://…" */
export function approvalPrompt(values: readonly WorkspaceValue[]): string {
  const phrases = values.map(describeValue);
  const list = phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
  return `This workspace sets ${list}. Use ${values.length === 1 ? 'it' : 'them'} in Prediction Guard requests?`;
}

/** A problem for each workspace prompt named like a built-in command: it is never used. */
function builtInWorkspacePrompts(inspect: Inspect, trusted: boolean): string[] {
  if (!trusted) return [];
  const prompts = workspaceValueOf(inspect('prompts'));
  return (Array.isArray(prompts) ? (prompts as Array<{ name?: unknown }>) : [])
    .filter((p) => typeof p?.name === 'string' && isBuiltInName(p.name))
    .map(
      (p) =>
        `${SECTION}.prompts in this workspace's settings: “${String(p.name)}” is named like a built-in command; a workspace prompt never replaces one; ignored`,
    );
}

/**
 * The settings snapshot with only approved workspace values of the approval settings. A workspace
 * value that is invalid (e.g. an MCP server on plain http:) is never asked about nor used: it is
 * reported in `problems`.
 */
export function resolveSettings(inspect: Inspect, trusted: boolean, decisions: Decisions): SettingsReadResult & { readonly values: readonly WorkspaceValue[] } {
  const found = workspaceValues(inspect, trusted);
  const invalid = builtInWorkspacePrompts(inspect, trusted);
  const values = found.filter((v) => {
    const parsed = (v.key in PARAM_KEYS ? PARAM_KEYS[v.key as keyof typeof PARAM_KEYS] : GUARDED_KEYS[v.key as keyof typeof GUARDED_KEYS]).safeParse(v.value);
    if (!parsed.success) invalid.push(`${SECTION}.${v.key} in this workspace's settings: ${parsed.error.issues[0]?.message ?? 'invalid value'}; ignored`);
    return parsed.success;
  });
  const approved = new Set(values.filter((v) => decisionOf(decisions, v) === 'allow').map((v) => v.fingerprint));
  const lookup = settingLookup(inspect, trusted, (key, value) => approved.has(fingerprint(key, value)));
  const result = readSettings(lookup, workspaceUse(values, decisions));
  return { ...result, problems: [...invalid, ...result.problems], values };
}
