// The only place that reads or writes `predictionGuard.*` settings through VS Code: the snapshot's
// source, where each parameter's value comes from (for the panel), and the writes the panel and the
// model picker make.
import * as vscode from 'vscode';
import { type ApiParameters } from '../api/parameters';
import { PARAMETER_SETTING_KEYS, sameValue, settingWrites, type SettingWrite } from '../config/parameterSettings';
import { settingLookup } from '../config/settingLookup';
import { readSettings, SECTION, type SettingsReadResult } from '../config/settingsSchema';
import { type SaveTarget, type SettingSource } from '../webview/protocol/parameters';

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(SECTION);

/** Reads every setting into a typed snapshot; in Restricted Mode only user values count. */
export function readSettingsSnapshot(): SettingsReadResult {
  const c = config();
  return readSettings(settingLookup((key) => c.inspect(key), vscode.workspace.isTrusted));
}

/** Fires when a `predictionGuard.*` setting or the workspace trust changes. */
export function onDidChangeSettingsSource(listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) listener();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(listener),
  );
}

export function parameterSources(): Record<string, SettingSource> {
  const c = config();
  return Object.fromEntries(
    PARAMETER_SETTING_KEYS.map((key) => {
      const inspected = c.inspect(key);
      const source: SettingSource =
        vscode.workspace.isTrusted && inspected?.workspaceValue !== undefined ? 'workspace' : inspected?.globalValue !== undefined ? 'user' : 'default';
      return [key, source];
    }),
  );
}

export function workspaceWritable(): boolean {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 0 && vscode.workspace.isTrusted;
}

export async function saveModelSetting(model: string): Promise<void> {
  await config().update('model', model, vscode.ConfigurationTarget.Global);
}

function shows(writes: readonly SettingWrite[], target: SaveTarget): boolean {
  const c = config();
  return writes.every((write) => {
    const inspected = c.inspect(write.key);
    return sameValue(target === 'workspace' ? inspected?.workspaceValue : inspected?.globalValue, write.value);
  });
}

/**
 * Writes the settings whose value changes from `current` to `next`; returns the keys written.
 * Resolves once the extension host's configuration shows every write (its change event can arrive a
 * moment after `update()` resolves), waiting on that event rather than polling.
 */
export async function saveParameterSettings(current: ApiParameters, next: ApiParameters, target: SaveTarget, timeoutMs = 5000): Promise<string[]> {
  const writes = settingWrites(current, next);
  const configurationTarget = target === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const c = config();
  for (const write of writes) await c.update(write.key, write.value, configurationTarget);
  if (!shows(writes, target)) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION) && shows(writes, target)) done();
      });
      function done(): void {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      }
    });
  }
  return writes.map((w) => w.key);
}
