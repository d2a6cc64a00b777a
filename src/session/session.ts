// The Session: built once in extension.ts and handed to every feature. It owns the settings snapshot
// (and its change event), the API key and MCP secrets, the client factory, the model choice and the
// one `send` every request goes through. The flow itself is the pure `Pipeline`; this class adds what
// only VS Code can do: secret storage, the key prompt, the model picker, the log and notifications.
import * as vscode from 'vscode';
import { PredictionGuardClient } from '../api/client';
import { PredictionGuardError } from '../api/errors';
import { describeModel } from '../api/modelsSchema';
import { StreamSupport } from '../api/streamSupport';
import { type Settings, type SettingsReadResult } from '../config/settingsSchema';
import { type WorkspaceApproval } from '../config/workspaceApproval';
import { type Log } from '../log';
import { type McpSecrets } from '../secrets/mcpSecrets';
import { type TokenStore } from '../secrets/tokenStore';
import { showFailure } from '../ui/failureView';
import { Disposable } from '../util/dispose';
import { failureOf } from './failure';
import { askMcpConsentWithNotification } from './mcpConsentPrompt';
import { Pipeline } from './pipeline';
import { type AskMcpConsent } from '../core/mcpConsent';
import { inspectSettings, onDidChangeSettingsSource, readSettingsSnapshot, saveModelSetting, userTools } from './settingsStore';
import { type ApiClient, type Connection, type Failure, type SendRequest, type SendResult } from './types';
import { inert } from '../core/inertText';

/** Makes the client for a connection; tests inject their own. `streamSupport` is the session's one memory of which servers stream. */
export type ClientFactory = (settings: Settings, token: string, log: Log, streamSupport: StreamSupport) => ApiClient;

export const defaultClientFactory: ClientFactory = (settings, token, log, streamSupport) =>
  new PredictionGuardClient(
    {
      baseUrl: settings.baseUrl,
      token,
      timeoutSeconds: settings.requestTimeoutSeconds,
      maxRetries: settings.maxRetries,
      headers: settings.requestHeaders,
      streamSupport,
    },
    (line) => log.info(line),
  );

export interface SessionOptions {
  readonly log: Log;
  readonly tokens: TokenStore;
  readonly mcpSecrets: McpSecrets;
  readonly clientFactory?: ClientFactory;
  readonly readSettings?: () => SettingsReadResult;
  /** The user's Allow/Ignore for workspace instructions and tools: none given means none approved. */
  readonly approval?: WorkspaceApproval;
  /** How the MCP consent question is asked; replaced in tests. */
  readonly askMcpConsent?: AskMcpConsent;
}

export class Session extends Disposable {
  readonly log: Log;
  readonly tokens: TokenStore;
  readonly mcpSecrets: McpSecrets;
  private readonly pipeline: Pipeline;
  private readonly clientFactory: ClientFactory;
  private readonly readSettings: () => SettingsReadResult;
  private readonly approval: WorkspaceApproval | undefined;
  /** Which base URLs refused or ignored `stream` (predictionGuard.stream "auto"), for as long as the session lives. */
  private readonly streamSupport = new StreamSupport();
  private snapshot: Settings | undefined;
  private reportedProblems = '';
  private readonly settingsChanged = this._register(new vscode.EventEmitter<Settings>());
  /** Fires with the new snapshot when a setting or the workspace trust changes. */
  readonly onDidChangeSettings = this.settingsChanged.event;
  private readonly busyChanged = this._register(new vscode.EventEmitter<number>());
  /** Fires with the number of running requests when it changes. */
  readonly onDidChangeBusy = this.busyChanged.event;

  constructor(options: SessionOptions) {
    super();
    this.log = options.log;
    this.tokens = options.tokens;
    this.mcpSecrets = options.mcpSecrets;
    const approval = (this.approval = options.approval);
    this.readSettings = options.readSettings ?? (() => readSettingsSnapshot(approval?.decisions()));
    const clientFactory = (this.clientFactory = options.clientFactory ?? defaultClientFactory);
    this.pipeline = new Pipeline({
      settings: () => this.settings,
      token: (baseUrl) => this.tokens.getOrAsk(baseUrl),
      createClient: (settings, token) => clientFactory(settings, token, this.log, this.streamSupport),
      // Label-only values of earlier versions are bound from the user's own tools, never a workspace's.
      mcpAuthorizations: (tools) => this.mcpSecrets.forTools(tools, userTools()),
      pickModel: (client, current) => this.pickModel(client, current),
      askMcpConsent: options.askMcpConsent ?? askMcpConsentWithNotification,
      log: this.log,
      traceEnabled: () => this.log.logLevel === vscode.LogLevel.Trace,
    });
    const reread = (): void => {
      const before = this.snapshot;
      this.snapshot = undefined;
      const after = this.settings;
      // A changed `stream` or base URL is the user's cue to try streaming again.
      if (before && (before.stream !== after.stream || before.baseUrl !== after.baseUrl)) this.streamSupport.forget();
      this.settingsChanged.fire(after);
    };
    this._register(onDidChangeSettingsSource(reread));
    if (approval) {
      this._register(approval.onDidChange(reread));
      this._register(
        vscode.commands.registerCommand('predictionGuard.reviewWorkspaceSettings', async () => {
          await approval.reset();
          approval.askAbout(approval.effective(inspectSettings(), vscode.workspace.isTrusted));
        }),
      );
    }
  }

  /** The settings as of now: read once, then again after each change. Invalid values warn once. */
  get settings(): Settings {
    if (!this.snapshot) {
      const { settings, problems } = this.readSettings();
      this.snapshot = settings;
      this.warnAbout(problems);
    }
    return this.snapshot;
  }

  /** How many requests are running. */
  get busy(): number {
    return this.pipeline.busy;
  }

  /** Settings, key (asked for when missing) and a client; undefined when the user gives no key. Throws for a refused base URL. */
  connect(): Promise<Connection | undefined> {
    this.askAboutWorkspaceValues();
    return this.pipeline.connect();
  }

  /** A client with the stored key, never asking for one (the parameters panel offers Set API Key instead). */
  async clientWithStoredKey(): Promise<ApiClient | undefined> {
    const token = await this.tokens.getFor(this.settings.baseUrl);
    return token ? this.clientFactory(this.settings, token, this.log, this.streamSupport) : undefined;
  }

  resolveModel(connection: Connection): Promise<string | undefined> {
    return this.pipeline.resolveModel(connection);
  }

  /** Runs one Responses request end to end; never throws. */
  async send(request: SendRequest): Promise<SendResult> {
    this.askAboutWorkspaceValues();
    const sending = this.pipeline.send(request);
    this.busyChanged.fire(this.pipeline.busy);
    try {
      return await sending;
    } finally {
      this.busyChanged.fire(this.pipeline.busy);
    }
  }

  failureOf(error: unknown): Failure {
    return failureOf(error);
  }

  /** A failure as a notification with its follow-ups (nothing for a cancellation). */
  showFailure(failure: Failure): void {
    if (failure.kind === 'cancelled') return;
    this.log.error(failure.message);
    showFailure(failure, this.log);
  }

  /** Lets the user pick a chat model from the deployment's list and saves it in user settings. */
  async pickModel(client: ApiClient, current?: string): Promise<string | undefined> {
    const { models, capabilitiesKnown } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Prediction Guard: loading models…'), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
          return await client.listModelsFor('chat-completion', abort.signal);
        } finally {
          subscription.dispose();
        }
      },
    );
    if (models.length === 0) {
      throw new PredictionGuardError('config', vscode.l10n.t('The server lists no chat models. Set predictionGuard.model to a model your deployment serves.'), [
        { kind: 'openSetting', setting: 'predictionGuard.model' },
      ]);
    }
    const picked = await vscode.window.showQuickPick(
      models.map((m) => ({ label: m.id, description: describeModel(m), detail: m.description, picked: m.id === current })),
      {
        title: capabilitiesKnown ? vscode.l10n.t('Prediction Guard: choose a model') : vscode.l10n.t('Prediction Guard: choose a model (capabilities unknown)'),
        placeHolder: capabilitiesKnown
          ? vscode.l10n.t('The model for every request (saved in your user settings)')
          : vscode.l10n.t('The server lists every model without saying which can chat: choose one that can (saved in your user settings)'),
        ignoreFocusOut: true,
        matchOnDescription: true,
      },
    );
    if (!picked) return undefined;
    await saveModelSetting(picked.label);
    return picked.label;
  }

  /** Workspace values not decided on yet: asked about now, not awaited (this request goes without them). */
  private askAboutWorkspaceValues(): void {
    this.approval?.askAbout(this.approval.effective(inspectSettings(), vscode.workspace.isTrusted));
  }

  private warnAbout(problems: readonly string[]): void {
    const key = problems.join('\n');
    if (problems.length && key !== this.reportedProblems) {
      problems.forEach((p) => this.log.warn(p));
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Prediction Guard: some settings are invalid and their defaults are used — {0}.', inert(problems.join('; '))),
      );
    }
    this.reportedProblems = key;
  }
}
