// The parameters panel's view of the settings: effective values, where each comes from, and saving
// to user or workspace settings through the shared mapping.
import * as vscode from 'vscode';
import { type ApiParameters } from '../api/parameters';
import { PARAMETER_SETTING_KEYS, sameValue, settingWrites, type SettingWrite } from '../config/parameterSettings';
import { currentSettings } from '../config/settings';
import { SECTION } from '../config/settingsSchema';
import { type SaveTarget, type SettingSource } from '../webview/protocol/parameters';

export function parameterSources(): Record<string, SettingSource> {
  const config = vscode.workspace.getConfiguration(SECTION);
  return Object.fromEntries(
    PARAMETER_SETTING_KEYS.map((key) => {
      const inspected = config.inspect(key);
      const source: SettingSource =
        vscode.workspace.isTrusted && inspected?.workspaceValue !== undefined
          ? 'workspace'
          : inspected?.globalValue !== undefined
            ? 'user'
            : 'default';
      return [key, source];
    }),
  );
}

export function workspaceWritable(): boolean {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 0 && vscode.workspace.isTrusted;
}

/**
 * Writes the settings whose value changes; returns the keys written. Resolves once the extension
 * host's configuration shows every write: `update()` resolves when the file is written, which can be
 * a moment before `getConfiguration()` returns the new values, and the next request must see them.
 */
export async function saveParameters(next: ApiParameters, target: SaveTarget): Promise<string[]> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const writes = settingWrites(currentSettings().settings.params, next);
  const configurationTarget = target === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  for (const write of writes) await config.update(write.key, write.value, configurationTarget);
  await settled(writes, target);
  return writes.map((w) => w.key);
}

async function settled(writes: readonly SettingWrite[], target: SaveTarget, timeoutMs = 5000): Promise<void> {
  const shows = (): boolean => {
    const config = vscode.workspace.getConfiguration(SECTION);
    return writes.every((write) => {
      const inspected = config.inspect(write.key);
      return sameValue(target === 'workspace' ? inspected?.workspaceValue : inspected?.globalValue, write.value);
    });
  };
  const deadline = Date.now() + timeoutMs;
  while (!shows() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}
