// What the commands share, and the steps every request starts with: settings, key, client, model.
import * as vscode from 'vscode';
import { checkBaseUrl } from '../api/baseUrl';
import { PredictionGuardClient } from '../api/client';
import { PredictionGuardError } from '../api/errors';
import { type McpAuthorizations } from '../api/parameters';
import { describeModel } from '../api/modelsSchema';
import { currentSettings, saveModel } from '../config/settings';
import { type Settings } from '../config/settingsSchema';
import { type Log } from '../log';
import { type McpSecrets } from '../secrets/mcpSecrets';
import { type TokenStore } from '../secrets/tokenStore';
import { type StatusBar } from '../ui/statusBar';

export interface Services {
  readonly tokens: TokenStore;
  readonly mcpSecrets: McpSecrets;
  readonly log: Log;
  readonly statusBar: StatusBar;
}

export interface Connection {
  readonly settings: Settings;
  readonly client: PredictionGuardClient;
  /** The stored authorization of each MCP server in the settings' tools: pass to `buildRequest`. */
  readonly mcpAuthorizations: McpAuthorizations;
}

let reportedProblems = '';

/** Reads the settings, warning once about invalid values (which fall back to their defaults). */
export function readSettingsWithWarnings(log: Log): Settings {
  const { settings, problems } = currentSettings();
  const key = problems.join('\n');
  if (problems.length && key !== reportedProblems) {
    problems.forEach((p) => log.warn(p));
    void vscode.window.showWarningMessage(`Prediction Guard: some settings are invalid and their defaults are used — ${problems.join('; ')}.`);
  }
  reportedProblems = key;
  return settings;
}

/** A client for the configured server, with the connection settings. */
export function clientFor(settings: Settings, token: string, log?: Log): PredictionGuardClient {
  return new PredictionGuardClient(
    {
      baseUrl: settings.baseUrl,
      token,
      timeoutSeconds: settings.requestTimeoutSeconds,
      maxRetries: settings.maxRetries,
      headers: settings.requestHeaders,
    },
    log ? (line) => log.info(line) : undefined,
  );
}

/** Settings, key (asked for when missing) and a client; undefined when the user gave no key. */
export async function connect(services: Services): Promise<Connection | undefined> {
  const settings = readSettingsWithWarnings(services.log);
  // The base URL is checked before the key is read or asked for: a bad one never gets the key.
  const checked = checkBaseUrl(settings.baseUrl);
  if (!checked.ok) throw new PredictionGuardError('config', checked.reason, [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }]);
  const token = await services.tokens.getOrAsk(settings.baseUrl);
  if (!token) {
    void vscode.window.showInformationMessage('Prediction Guard needs an API key. Run “Prediction Guard: Set API Key” when you have one.');
    return undefined;
  }
  const client = clientFor(settings, token, services.log);
  return { settings, client, mcpAuthorizations: await services.mcpSecrets.forTools(settings.params.tools) };
}

/** Lets the user pick a chat model from GET /models/chat-completion and saves it in user settings. */
export async function pickModel(client: PredictionGuardClient, current?: string): Promise<string | undefined> {
  const models = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Prediction Guard: loading models…', cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return client.listModels('chat-completion', abort.signal);
    },
  );
  if (models.length === 0) {
    throw new PredictionGuardError('config', 'The server lists no chat models. Set predictionGuard.model to a model your deployment serves.', [
      { kind: 'openSetting', setting: 'predictionGuard.model' },
    ]);
  }
  const picked = await vscode.window.showQuickPick(
    models.map((m) => ({ label: m.id, description: describeModel(m), detail: m.description, picked: m.id === current })),
    { title: 'Prediction Guard: choose a model', placeHolder: 'The model for every request (saved in your user settings)', ignoreFocusOut: true, matchOnDescription: true },
  );
  if (!picked) return undefined;
  await saveModel(picked.label);
  return picked.label;
}
