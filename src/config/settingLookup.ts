// Where each setting's value may come from (pure).
import { DEFAULT_TOOL_EXCLUDES } from '../tools/toolSettings';

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
export const ADDITIVE_KEYS: ReadonlyMap<string, readonly unknown[]> = new Map([['workspaceTools.exclude', DEFAULT_TOOL_EXCLUDES]]);

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The parts of `WorkspaceConfiguration.inspect()` this needs. */
export interface Inspected {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/**
 * A lookup for `readSettings`: in a trusted workspace, workspace values override user values as
 * VS Code merges them; in Restricted Mode (untrusted), and always for the connection settings, only
 * user values count. In Restricted Mode the workspace tools are off.
 */
export function settingLookup(inspect: (key: string) => Inspected | undefined, trusted: boolean): (key: string) => unknown {
  return (key) => {
    if (!trusted && key in RESTRICTED_VALUES) return RESTRICTED_VALUES[key];
    const i = inspect(key);
    if (!i) return undefined;
    const additive = ADDITIVE_KEYS.get(key);
    if (additive) {
      const base = i.globalValue ?? i.defaultValue ?? additive;
      if (!trusted || (i.workspaceValue === undefined && i.workspaceFolderValue === undefined)) return base;
      if (base !== undefined && !Array.isArray(base)) return base; // invalid: reported by readSettings
      return [...new Set([...listOf(base), ...listOf(i.workspaceValue), ...listOf(i.workspaceFolderValue)])];
    }
    if (trusted && !USER_ONLY_KEYS.has(key)) return i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue ?? i.defaultValue;
    return i.globalValue ?? i.defaultValue;
  };
}
