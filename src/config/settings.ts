// VS Code adapter for the settings snapshot: where each value may come from.
import * as vscode from 'vscode';
import { SECTION, readSettings, type SettingsReadResult } from './settingsSchema';

/**
 * Settings a workspace must never set: they decide where the token and the user's code go.
 * They are application-scoped in package.json; reading only the user value here makes that hold
 * even for a value a workspace file managed to put in.
 */
const USER_ONLY_KEYS = new Set(['baseUrl', 'requestTimeoutSeconds', 'maxRetries', 'requestHeaders']);

export function currentSettings(): SettingsReadResult {
  const config = vscode.workspace.getConfiguration(SECTION);
  const trusted = vscode.workspace.isTrusted;
  return readSettings((key) => {
    if (trusted && !USER_ONLY_KEYS.has(key)) return config.get(key);
    // Restricted Mode, or a connection setting: user settings only.
    const inspected = config.inspect(key);
    return inspected?.globalValue ?? inspected?.defaultValue;
  });
}

export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) listener();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(listener),
  );
}

export async function saveModel(model: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('model', model, vscode.ConfigurationTarget.Global);
}
