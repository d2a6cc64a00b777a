// Where each setting's value may come from (pure).

/**
 * Settings a workspace must never set: they decide where the token and the user's code go, and how.
 * They are application-scoped in package.json; reading only the user value here makes that hold even
 * for a value a workspace file managed to put in.
 */
export const USER_ONLY_KEYS: ReadonlySet<string> = new Set(['baseUrl', 'requestTimeoutSeconds', 'maxRetries', 'requestHeaders']);

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
 * user values count.
 */
export function settingLookup(inspect: (key: string) => Inspected | undefined, trusted: boolean): (key: string) => unknown {
  return (key) => {
    const i = inspect(key);
    if (!i) return undefined;
    if (trusted && !USER_ONLY_KEYS.has(key)) return i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue ?? i.defaultValue;
    return i.globalValue ?? i.defaultValue;
  };
}
