// The parameters panel's view of the settings: effective values, where each comes from, and saving
// to user or workspace settings through the shared mapping.
import * as vscode from 'vscode';
import { type ApiParameters } from '../api/parameters';
import { PARAMETER_SETTING_KEYS, settingWrites } from '../config/parameterSettings';
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

/** Writes the settings whose value changes; returns the keys written. */
export async function saveParameters(next: ApiParameters, target: SaveTarget): Promise<string[]> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const writes = settingWrites(currentSettings().settings.params, next);
  const configurationTarget = target === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  for (const write of writes) await config.update(write.key, write.value, configurationTarget);
  return writes.map((w) => w.key);
}
