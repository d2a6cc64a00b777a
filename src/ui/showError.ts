// Shows a failure as a message that says what happened, with one-click follow-ups.
import * as vscode from 'vscode';
import { PredictionGuardError, type ErrorAction } from '../api/errors';
import { SecretStorageError } from '../secrets/tokenStore';
import { type Log } from '../log';

const ACTION_LABELS: Record<ErrorAction['kind'], string> = {
  setApiKey: 'Set API Key',
  openSetting: 'Open Setting',
  showLog: 'Show Log',
};

async function runAction(action: ErrorAction): Promise<void> {
  switch (action.kind) {
    case 'setApiKey':
      await vscode.commands.executeCommand('predictionGuard.setApiKey');
      return;
    case 'openSetting':
      await vscode.commands.executeCommand('workbench.action.openSettings', action.setting);
      return;
    case 'showLog':
      await vscode.commands.executeCommand('predictionGuard.showLog');
      return;
  }
}

/** Shows `error` to the user (never for a cancellation). Resolves once the message is shown, not when it is dismissed. */
export function showError(error: unknown, log: Log): void {
  if (error instanceof PredictionGuardError && error.kind === 'cancelled') {
    log.info('Request cancelled.');
    return;
  }
  const message =
    error instanceof PredictionGuardError || error instanceof SecretStorageError
      ? error.message
      : `Prediction Guard: unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  log.error(message);
  const actions = error instanceof PredictionGuardError ? error.actions : [];
  const labels = actions.map((a) => ACTION_LABELS[a.kind]);
  const show = error instanceof PredictionGuardError && error.kind === 'safeguard' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  void show(message, ...labels).then((picked) => {
    const action = actions[labels.indexOf(picked ?? '')];
    if (action) return runAction(action);
    return undefined;
  });
}
