// VS Code adapter for the settings snapshot: where each value may come from.
import * as vscode from 'vscode';
import { settingLookup } from './settingLookup';
import { SECTION, readSettings, type SettingsReadResult } from './settingsSchema';

export function currentSettings(): SettingsReadResult {
  const config = vscode.workspace.getConfiguration(SECTION);
  return readSettings(settingLookup((key) => config.inspect(key), vscode.workspace.isTrusted));
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
