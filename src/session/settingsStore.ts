// The only place that reads or writes `predictionGuard.*` settings through VS Code: the snapshot's
// source, where each parameter's value comes from (for the panel), and the writes the panel and the
// model picker make.
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import '../util/zodEnglish';
import { SettingsToolSchema, type ApiParameters, type SettingsTool } from '../api/parameters';
import { PARAMETER_SETTING_KEYS, sameValue, settingWrites, type SettingWrite } from '../config/parameterSettings';
import { type Inspect } from '../config/settingLookup';
import { SECTION, type SettingsReadResult } from '../config/settingsSchema';
import { resolveSettings, type Decisions, type WorkspaceValue } from '../config/workspaceValues';
import { type SaveTarget, type SettingSource } from '../webview/protocol/parameters';

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(SECTION);

/** Every `predictionGuard.*` setting's user, workspace and folder values. */
export function inspectSettings(): Inspect {
  const c = config();
  return (key) => c.inspect(key);
}

/**
 * Reads every setting into a typed snapshot: in Restricted Mode only user values count; safeguards
 * only get stricter from a workspace; workspace instructions and tools only with the user's `decisions`.
 */
export function readSettingsSnapshot(decisions: Decisions = {}): SettingsReadResult & { readonly values: readonly WorkspaceValue[] } {
  return resolveSettings(inspectSettings(), vscode.workspace.isTrusted, decisions);
}

/** The tools in the user's own settings (never a workspace's); [] when unset or invalid. */
export function userTools(): SettingsTool[] {
  const parsed = z.array(SettingsToolSchema).safeParse(config().inspect('tools')?.globalValue);
  return parsed.success ? parsed.data : [];
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
