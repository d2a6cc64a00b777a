// VS Code side of MCP consent: the question as a warning notification with "Allow" / "Not in this
// chat". Dismissing it (or stopping the request) counts as "not for this request". Rules: core/mcpConsent.ts.
import * as vscode from 'vscode';
import { type AskMcpConsent } from '../core/mcpConsent';

export const askMcpConsentWithNotification: AskMcpConsent = (question, signal) => {
  const allow = vscode.l10n.t('Allow');
  const notInChat = vscode.l10n.t('Not in this chat');
  // The message and the server lines are already inert (core/mcpConsent.ts).
  const text = vscode.l10n.t('Prediction Guard: {0}', `${question.message} ${question.detail.replace(/\n/g, ' ')}`);
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    void vscode.window.showWarningMessage(text, allow, notInChat).then((picked) => {
      signal.removeEventListener('abort', onAbort);
      resolve(picked === allow ? 'allow' : picked === notInChat ? 'notInChat' : undefined);
    });
  });
};
