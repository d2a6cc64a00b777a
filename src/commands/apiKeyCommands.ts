// Set API Key / Clear API Key.
import * as vscode from 'vscode';
import { type Session } from '../session/session';

export async function setApiKey(session: Session): Promise<boolean> {
  try {
    const token = await session.tokens.ask(session.settings.baseUrl);
    if (!token) return false;
    session.log.info('API key stored in secret storage.');
    void vscode.window.showInformationMessage(vscode.l10n.t('Prediction Guard: API key saved in VS Code secret storage.'));
    return true;
  } catch (error) {
    session.showFailure(session.failureOf(error));
    return false;
  }
}

export async function clearApiKey(session: Session): Promise<void> {
  try {
    await session.tokens.clear();
    session.log.info('API key removed from secret storage.');
    void vscode.window.showInformationMessage(vscode.l10n.t('Prediction Guard: API key removed.'));
  } catch (error) {
    session.showFailure(session.failureOf(error));
  }
}
