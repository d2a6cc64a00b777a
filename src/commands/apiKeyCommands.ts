// Set API Key / Clear API Key.
import * as vscode from 'vscode';
import { showError } from '../ui/showError';
import { readSettingsWithWarnings, type Services } from './services';

export async function setApiKey(services: Services): Promise<boolean> {
  try {
    const { baseUrl } = readSettingsWithWarnings(services.log);
    const token = await services.tokens.ask(baseUrl);
    if (!token) return false;
    services.log.info('API key stored in secret storage.');
    void vscode.window.showInformationMessage('Prediction Guard: API key saved in VS Code secret storage.');
    return true;
  } catch (error) {
    showError(error, services.log);
    return false;
  }
}

export async function clearApiKey(services: Services): Promise<void> {
  try {
    await services.tokens.clear();
    services.log.info('API key removed from secret storage.');
    void vscode.window.showInformationMessage('Prediction Guard: API key removed.');
  } catch (error) {
    showError(error, services.log);
  }
}
