// Registers every command; each returns a Disposable pushed by the composition root.
import * as vscode from 'vscode';
import { TASK_IDS } from '../core/tasks';
import { showError } from '../ui/showError';
import { clearApiKey, setApiKey } from './apiKeyCommands';
import { runTask, taskArgs } from './runTask';
import { connect, pickModel, readSettingsWithWarnings, type Services } from './services';

async function selectModel(services: Services): Promise<string | undefined> {
  try {
    const connection = await connect(services);
    if (!connection) return undefined;
    const model = await pickModel(connection.client, connection.settings.params.model);
    if (model) void vscode.window.showInformationMessage(`Prediction Guard will use ${model}.`);
    return model;
  } catch (error) {
    showError(error, services.log);
    return undefined;
  }
}

export function registerCommands(services: Services): vscode.Disposable[] {
  const register = (id: string, run: (args?: unknown) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  return [
    ...TASK_IDS.map((task) => register(`predictionGuard.${task}`, (args?: unknown) => runTask(task, services, taskArgs(args)))),
    register('predictionGuard.setApiKey', () => setApiKey(services)),
    register('predictionGuard.clearApiKey', () => clearApiKey(services)),
    register('predictionGuard.selectModel', () => selectModel(services)),
    register('predictionGuard.showLog', () => services.log.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('predictionGuard')) services.statusBar.update(readSettingsWithWarnings(services.log));
    }),
  ];
}
