// Where each setting's value may come from (pure).
import { PII_SETTINGS } from '../api/parameters';
import { DEFAULT_TOOL_EXCLUDES } from '../tools/toolSettings';
import { isBuiltInName } from '../core/tasks';

/**
 * Settings a workspace must never set: they decide where the token and the user's code go, and how.
 * They are application-scoped in package.json; reading only the user value here makes that hold even
 * for a value a workspace file managed to put in.
 */
export const USER_ONLY_KEYS: ReadonlySet<string> = new Set(['baseUrl', 'requestTimeoutSeconds', 'maxRetries', 'requestHeaders', 'workspaceTools']);

/** What a setting is in Restricted Mode whatever the user set: the model gets no workspace tools. */
const RESTRICTED_VALUES: Readonly<Record<string, unknown>> = { workspaceTools: 'off' };

/**
 * Lists a workspace may add to but never shorten (a workspace may add protection, never remove it):
 * a trusted workspace's entries are appended to the user's (or the default) list.
 */
export const ADDITIVE_KEYS: ReadonlyMap<string, readonly unknown[]> = new Map([['workspaceToolsExclude', DEFAULT_TOOL_EXCLUDES]]);

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Settings that change what the model is told or may call, which model, how answers reach the file,
 * the prompts, and what chat history is kept: a workspace value of one of these applies only once the
 * user has approved that exact value for the workspace (see workspaceValues.ts), unless it is at least
 * as safe as the user's own (`appliesStraight`).
 */
export const APPROVAL_KEYS = [
  'instructions',
  'tools',
  'toolChoice',
  'maxToolCalls',
  'parallelToolCalls',
  'model',
  'review',
  'placement',
  'prompts',
  'chat.keepHistory',
  'chat.maxConversations',
] as const;
export type ApprovalKey = (typeof APPROVAL_KEYS)[number];

export function isApprovalKey(key: string): key is ApprovalKey {
  return (APPROVAL_KEYS as readonly string[]).includes(key);
}

/** The parts of `WorkspaceConfiguration.inspect()` this needs. */
export interface Inspected {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export type Inspect = (key: string) => Inspected | undefined;

/** Whether the user approved this workspace value of `key` (exactly this value). */
export type IsApproved = (key: ApprovalKey, value: unknown) => boolean;

const NOTHING_APPROVED: IsApproved = () => false;

/** The value of `key` from the workspace (a folder value overrides the workspace file's), if any. */
export function workspaceValueOf(i: Inspected | undefined): unknown {
  return i?.workspaceFolderValue ?? i?.workspaceValue;
}

function userValueOf(i: Inspected | undefined): unknown {
  return i?.globalValue ?? i?.defaultValue;
}

/**
 * True when a workspace value is no less safe than the user's, so it applies without asking: review
 * `diff`; placement `newDocument` (it never touches the open file); chat history off; fewer chats kept.
 */
export function appliesStraight(key: string, fromWorkspace: unknown, user: unknown): boolean {
  switch (key) {
    case 'review':
      return fromWorkspace === 'diff';
    case 'placement':
      return fromWorkspace === 'newDocument';
    case 'chat.keepHistory':
      return fromWorkspace === false;
    case 'chat.maxConversations':
      return typeof fromWorkspace === 'number' && fromWorkspace <= (typeof user === 'number' ? user : 100);
    default:
      return false;
  }
}

function promptName(entry: unknown): string | undefined {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The workspace prompts that would be added to the user's: never one named like a built-in command
 * (a workspace prompt never replaces a built-in task's prompt) nor like one of the user's prompts.
 */
export function addedWorkspacePrompts(fromWorkspace: unknown, user: unknown): unknown[] {
  const taken = listOf(user)
    .map(promptName)
    .filter((n): n is string => n !== undefined)
    .map((n) => n.trim().toLowerCase());
  return listOf(fromWorkspace).filter((p) => {
    const name = promptName(p);
    return name === undefined || (!isBuiltInName(name) && !taken.includes(name.trim().toLowerCase()));
  });
}

// --- Safeguards: the stricter value wins, whoever set it -------------------------------------------

const PII_RANK: Readonly<Record<string, number>> = Object.fromEntries(PII_SETTINGS.map((v) => [v, { off: 0, replace: 1, block: 2 }[v]]));

/**
 * The layers that can set a safeguard, from the user's outwards; each layer inherits what it does
 * not set from the one below it (user ← workspace file ← folder), as VS Code merges them.
 */
function layers(inspect: Inspect, key: string): unknown[] {
  const i = inspect(`safeguards.${key}`);
  const user = userValueOf(i);
  const workspace = i?.workspaceValue ?? user;
  const folder = i?.workspaceFolderValue ?? workspace;
  return [user, workspace, folder];
}

function strictestPii(values: readonly unknown[]): unknown {
  let best: unknown = values[0];
  let bestRank = -1;
  for (const value of values) {
    const rank = typeof value === 'string' ? (PII_RANK[value] ?? -1) : -1;
    if (rank > bestRank) [best, bestRank] = [value, rank];
  }
  return best;
}

/**
 * The effective raw value of `safeguards.<key>`: a workspace may add protection, never remove it.
 * PII: block > replace > off. Each boolean check: on wins. The entity list names what the PII check
 * ignores, so the layers that have PII on keep only the entities all of them ignore. The replace
 * method is not a strength: the user's choice holds when the user replaces, else the workspace's.
 */
export function strictestSafeguard(inspect: Inspect, key: string): unknown {
  const values = layers(inspect, key);
  switch (key) {
    case 'pii':
      return strictestPii(values);
    case 'entityList': {
      const pii = layers(inspect, 'pii');
      const lists = values.filter((list, n) => pii[n] !== 'off' && PII_RANK[String(pii[n])] !== undefined && Array.isArray(list));
      if (!lists.length) return values[0];
      return (lists as unknown[][]).reduce((kept, list) => kept.filter((entity) => list.includes(entity)));
    }
    case 'piiReplaceMethod': {
      const pii = layers(inspect, 'pii');
      const n = pii.findIndex((p, index) => p === 'replace' && values[index] !== undefined && values[index] !== null);
      return n >= 0 ? values[n] : values[0];
    }
    default:
      // Boolean checks (and any safeguard added later): true from any layer wins.
      return values.some((value) => value === true) ? true : values[0];
  }
}

/**
 * A lookup for `readSettings`:
 * - connection settings (USER_ONLY_KEYS): the user's value only, always;
 * - safeguards: the strictest of the user's and the workspace's values, in every trust mode;
 * - in Restricted Mode (untrusted) every other setting is the user's value, and the workspace tools are off;
 * - lists in ADDITIVE_KEYS: a trusted workspace's entries are added to the user's;
 * - in a trusted workspace, workspace values override user values as VS Code merges them, except
 *   APPROVAL_KEYS, whose workspace value counts only when it `appliesStraight` or `isApproved` says the
 *   user allowed it; allowed workspace prompts are added to the user's (`addedWorkspacePrompts`).
 */
export function settingLookup(inspect: Inspect, trusted: boolean, isApproved: IsApproved = NOTHING_APPROVED): (key: string) => unknown {
  return (key) => {
    if (!trusted && key in RESTRICTED_VALUES) return RESTRICTED_VALUES[key];
    if (key.startsWith('safeguards.')) return strictestSafeguard(inspect, key.slice('safeguards.'.length));
    const i = inspect(key);
    if (!i) return undefined;
    const additive = ADDITIVE_KEYS.get(key);
    if (additive) {
      const base = i.globalValue ?? i.defaultValue ?? additive;
      if (!trusted || (i.workspaceValue === undefined && i.workspaceFolderValue === undefined)) return base;
      if (base !== undefined && !Array.isArray(base)) return base; // invalid: reported by readSettings
      return [...new Set([...listOf(base), ...listOf(i.workspaceValue), ...listOf(i.workspaceFolderValue)])];
    }
    if (!trusted || USER_ONLY_KEYS.has(key)) return userValueOf(i);
    const fromWorkspace = workspaceValueOf(i);
    if (fromWorkspace === undefined) return userValueOf(i);
    const user = userValueOf(i);
    if (isApprovalKey(key) && !appliesStraight(key, fromWorkspace, user) && !isApproved(key, fromWorkspace)) return user;
    if (key === 'prompts') return Array.isArray(user) || user === undefined ? [...listOf(user), ...addedWorkspacePrompts(fromWorkspace, user)] : user;
    return fromWorkspace;
  };
}
