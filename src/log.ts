// The "Prediction Guard" log channel. Requests are logged without the token; bodies only at trace level.
import * as vscode from 'vscode';

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Prediction Guard', { log: true });
}
