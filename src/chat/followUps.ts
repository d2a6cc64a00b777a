// The follow-ups the chat offers: open a link from an answer (after the user confirms the full URL),
// an error's one-click action, and "Change setting" on a safeguard decision. Each is a fixed thing
// the extension does; the webview never names a command or a setting itself.
import * as vscode from 'vscode';
import { SAFEGUARDS } from '../api/safeguards';
import { isAllowedLink } from '../core/markdown/links';
import { type Log } from '../log';
import { runFailureAction } from '../ui/failureView';
import { type TurnError } from './conversation';
import { safeguardOf } from './viewModel';

export async function openLink(url: string, log: Log): Promise<void> {
  if (!isAllowedLink(url)) {
    log.warn(`Chat: refused to open a link that is not https:, http: or mailto: (${url.slice(0, 80)})`);
    return;
  }
  const open = vscode.l10n.t('Open Link');
  const copy = vscode.l10n.t('Copy Link');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Open this link from the answer?'), { modal: true, detail: url }, open, copy);
  if (choice === open) await vscode.env.openExternal(vscode.Uri.parse(url, true));
  else if (choice === copy) await vscode.env.clipboard.writeText(url);
}

/** One of a failed turn's follow-ups, by index (the runner the notifications use). */
export async function runErrorAction(error: TurnError, index: number, log: Log): Promise<void> {
  const action = error.actions[index];
  if (action) await runFailureAction(action, log);
}

/** "Change setting" on a safeguard decision: opens the parameters panel, where every safeguard is. */
export async function changeSafeguard(error: TurnError): Promise<void> {
  const safeguard = safeguardOf(error);
  if (!safeguard) return;
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes('predictionGuard.openParameters')) await vscode.commands.executeCommand('predictionGuard.openParameters');
  else await vscode.commands.executeCommand('workbench.action.openSettings', SAFEGUARDS[safeguard].setting);
}
