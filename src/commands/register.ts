// Registers every command; each returns a Disposable pushed by the composition root.
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { type LastAnswer } from '../core/factualityInput';
import { TASK_IDS } from '../core/tasks';
import { type Session } from '../session/session';
import { clearApiKey, setApiKey } from './apiKeyCommands';
import { runPrompt } from './runPrompt';
import { runTask, taskArgs } from './runTask';

async function selectModel(session: Session): Promise<string | undefined> {
  try {
    const connection = await session.connect();
    if (!connection) return undefined;
    const model = await session.pickModel(connection.client, connection.settings.params.model);
    if (model) void vscode.window.showInformationMessage(vscode.l10n.t('Prediction Guard will use {0}.', inert(model)));
    return model;
  } catch (error) {
    session.showFailure(session.failureOf(error));
    return undefined;
  }
}

/** `lastAnswer`: where Explain/Ask answers are kept for “Check Factuality of Last Answer”. */
export function registerCommands(session: Session, lastAnswer: LastAnswer): vscode.Disposable[] {
  const register = (id: string, run: (args?: unknown) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  return [
    ...TASK_IDS.map((task) => register(`predictionGuard.${task}`, (args?: unknown) => runTask(task, session, taskArgs(args), lastAnswer))),
    register('predictionGuard.runPrompt', (args?: unknown) => runPrompt(session, args, lastAnswer)),
    register('predictionGuard.setApiKey', () => setApiKey(session)),
    register('predictionGuard.clearApiKey', () => clearApiKey(session)),
    register('predictionGuard.selectModel', () => selectModel(session)),
    register('predictionGuard.showLog', () => session.log.show()),
  ];
}
