// A failure as a notification that says what happened, with one-click follow-ups; and the one
// runner of those follow-ups, shared with the chat.
import * as vscode from 'vscode';
import { type ErrorAction } from '../api/errors';
import { type Log } from '../log';
import { actionLabel } from '../session/failure';
import { type Failure } from '../session/types';

/** Runs a follow-up. Only the extension's own settings can be opened. */
export async function runFailureAction(action: ErrorAction, log: Log): Promise<void> {
  switch (action.kind) {
    case 'setApiKey':
      await vscode.commands.executeCommand('predictionGuard.setApiKey');
      return;
    case 'openSetting':
      if (action.setting.startsWith('predictionGuard.')) await vscode.commands.executeCommand('workbench.action.openSettings', action.setting);
      return;
    case 'showLog':
      log.show();
      return;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Shows `failure` as a warning (a safeguard's decision) or an error. Returns at once; a picked follow-up runs later. */
export function showFailure(failure: Failure, log: Log): void {
  const labels = failure.actions.map((a) => actionLabel(a.kind));
  const show = failure.kind === 'safeguard' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  void show(failure.message, ...labels).then((picked) => {
    const action = failure.actions[labels.indexOf(picked ?? '')];
    return action ? runFailureAction(action, log) : undefined;
  });
}
