// The "Prediction Guard Parameters" panel: one webview panel (a second call reveals it) that edits
// the same settings every command and the chat read. It survives a reload through its serializer.
import * as vscode from 'vscode';
import { curlCommand, previewRequest, TOKEN_VARIABLE } from '../core/requestPreview';
import { type Session } from '../session/session';
import { parameterSources, saveParameterSettings, workspaceWritable } from '../session/settingsStore';
import { WebviewChannel } from '../webview/channel';
import {
  ParametersToHostSchema,
  type McpServerOption,
  type ModelOption,
  type PanelState,
  type ParametersToHost,
  type ParametersToWebview,
} from '../webview/protocol/parameters';
import { renderWebview } from '../webview/render';
import { Disposable, toDisposable } from '../util/dispose';
import { mayWeakenSafeguards } from '../config/safeguardWeakening';
import { loadMcpServers, loadModels, type Loaded } from './catalog';
import { type PresetStore } from './presetStore';

import { PARAMETERS_VIEW_TYPE } from './parametersViewType';

export interface ParametersPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly session: Session;
  readonly presets: PresetStore;
  /** Asks before a save weakens a safeguard; the host's modal warning unless a test replaces it. */
  readonly confirmWeakening?: (lost: readonly string[]) => Thenable<boolean>;
}

/** The host's modal warning: true only on its explicit confirm button. */
async function confirmWeakeningModal(lost: readonly string[]): Promise<boolean> {
  const confirm = vscode.l10n.t('Weaken safeguards');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('Save settings that weaken your safeguards?'),
    { modal: true, detail: lost.join('\n') },
    confirm,
  );
  return picked === confirm;
}

interface ListState<T> {
  status: PanelState['models']['status'];
  items: T[];
  error?: string;
}

function listState<T>(loaded: Loaded<T>): ListState<T> {
  return loaded.ok ? { status: 'ready', items: loaded.items } : { status: 'error', items: [], error: loaded.error };
}

export class ParametersPanel extends Disposable {
  private static current: ParametersPanel | undefined;

  private readonly channel: WebviewChannel<ParametersToHost, ParametersToWebview>;
  private models: ListState<ModelOption> = { status: 'idle', items: [] };
  private mcpServers: ListState<McpServerOption> = { status: 'idle', items: [] };
  /** While a save writes settings one by one, their change events must not push half-written states. */
  private saving = false;

  static createOrShow(deps: ParametersPanelDeps): ParametersPanel {
    if (ParametersPanel.current) {
      ParametersPanel.current.panel.reveal();
      return ParametersPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(PARAMETERS_VIEW_TYPE, 'Prediction Guard Parameters', vscode.ViewColumn.Beside, {});
    ParametersPanel.current = new ParametersPanel(panel, deps);
    return ParametersPanel.current;
  }

  /** Restores the panel VS Code kept across a reload. */
  static revive(panel: vscode.WebviewPanel, deps: ParametersPanelDeps): void {
    ParametersPanel.current?.dispose();
    ParametersPanel.current = new ParametersPanel(panel, deps);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: ParametersPanelDeps,
  ) {
    super();
    const { log, tokens } = deps.session;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icons', 'shield.svg');
    this.channel = new WebviewChannel(panel.webview, ParametersToHostSchema, (message) => this.handle(message), log, 'parameters panel');
    this._register(this.channel);
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(
      deps.session.onDidChangeSettings(() => {
        if (!this.saving) void this.pushState();
      }),
    );
    this._register(tokens.onDidChange(() => void this.loadCatalog()));
    // Disposed first: the panel closes (its onDidDispose finds this object already disposed).
    this._register(
      toDisposable(() => {
        if (ParametersPanel.current === this) ParametersPanel.current = undefined;
        panel.dispose();
      }),
    );
    renderWebview(panel.webview, deps.extensionUri, 'parameters', vscode.l10n.t('Prediction Guard Parameters'));
  }

  private async handle(message: ParametersToHost): Promise<void> {
    const { session, presets } = this.deps;
    switch (message.type) {
      case 'ready':
        await this.pushState();
        await this.loadCatalog();
        return;
      case 'save': {
        if (message.target === 'workspace' && !workspaceWritable()) {
          this.post({ type: 'rejected', message: 'There is no trusted workspace to save to: save to User settings instead.', fieldErrors: [] });
          return;
        }
        if (!(await mayWeakenSafeguards(session.settings.params.safeguards, message.values.safeguards, this.deps.confirmWeakening ?? confirmWeakeningModal))) {
          this.post({ type: 'rejected', message: 'Not saved: weakening the safeguards was not confirmed.', fieldErrors: [] });
          return;
        }
        this.saving = true;
        let written: string[];
        try {
          written = await saveParameterSettings(session.settings.params, message.values, message.target);
        } catch (error) {
          session.log.error(`Saving the parameters failed: ${String(error)}`);
          this.post({ type: 'rejected', message: `Not saved: ${error instanceof Error ? error.message : String(error)}`, fieldErrors: [] });
          return;
        } finally {
          this.saving = false;
        }
        session.log.info(`Parameters saved to ${message.target} settings: ${written.join(', ') || 'nothing changed'}.`);
        const state = await this.state();
        if (!this.isDisposed) this.post({ type: 'saved', target: message.target, written, state });
        return;
      }
      case 'refreshModels':
        await this.loadCatalog('models');
        return;
      case 'refreshMcpServers':
        await this.loadCatalog('mcp');
        return;
      case 'savePreset':
        return this.presetResult(await presets.save(message.name, message.values), `Preset “${message.name.trim()}” saved.`);
      case 'renamePreset':
        return this.presetResult(await presets.rename(message.from, message.to), `Preset renamed to “${message.to.trim()}”.`);
      case 'deletePreset':
        return this.presetResult(await presets.delete(message.name), `Preset “${message.name}” deleted.`);
      case 'copyCurl': {
        const labels = await this.secretLabels(message.values.tools);
        await vscode.env.clipboard.writeText(curlCommand(session.settings.baseUrl, previewRequest(message.values, labels)));
        this.post({ type: 'notice', message: `cURL command copied. It reads the key from $${TOKEN_VARIABLE}; the key itself is not in it.` });
        return;
      }
      case 'setMcpSecret':
        if (await session.mcpSecrets.ask(message)) await this.pushState();
        return;
      case 'clearMcpSecret':
        await session.mcpSecrets.clear(message);
        await this.pushState();
        return;
      case 'setApiKey':
        await vscode.commands.executeCommand('predictionGuard.setApiKey');
        return;
      case 'openSettingsJson':
        await vscode.commands.executeCommand(
          message.target === 'workspace' ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openSettingsJson',
        );
        return;
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  private async presetResult(result: { ok: true } | { ok: false; error: string }, success: string): Promise<void> {
    if (!result.ok) {
      this.post({ type: 'rejected', message: result.error, fieldErrors: [{ path: 'preset', message: result.error }] });
      return;
    }
    this.post({ type: 'notice', message: success });
    await this.pushState();
  }

  private async secretLabels(tools: PanelState['values']['tools']): Promise<string[]> {
    const inTools = new Set(tools.flatMap((t) => (t.type === 'mcp' ? [t.server_label] : [])));
    // Catalog servers not in the tools yet: the gateway knows them by label, with no URL.
    const fromCatalog = this.mcpServers.items.filter((s) => !inTools.has(s.serverLabel)).map((s) => ({ type: 'mcp' as const, server_label: s.serverLabel }));
    return this.deps.session.mcpSecrets.labelsWithSecret([...tools, ...fromCatalog]);
  }

  private async loadCatalog(which: 'models' | 'mcp' | 'both' = 'both'): Promise<void> {
    const { session } = this.deps;
    if (which !== 'mcp') this.models = { ...this.models, status: 'loading' };
    if (which !== 'models') this.mcpServers = { ...this.mcpServers, status: 'loading' };
    await this.pushState();
    const [models, servers] = await Promise.all([which !== 'mcp' ? loadModels(session) : undefined, which !== 'models' ? loadMcpServers(session) : undefined]);
    if (models) this.models = listState(models);
    if (servers) this.mcpServers = listState(servers);
    await this.pushState();
  }

  private async pushState(): Promise<void> {
    if (this.isDisposed) return;
    const state = await this.state();
    if (!this.isDisposed) this.post({ type: 'state', state });
  }

  /** What the panel shows: the effective settings, where each comes from, and the lists. */
  private async state(): Promise<PanelState> {
    const { settings } = this.deps.session;
    return {
      values: settings.params,
      sources: parameterSources(),
      workspaceAvailable: workspaceWritable(),
      baseUrl: settings.baseUrl,
      hasApiKey: (await this.deps.session.tokens.get().catch(() => undefined)) !== undefined,
      models: this.models,
      mcpServers: this.mcpServers,
      presets: this.deps.presets.list(),
      mcpSecrets: await this.secretLabels(settings.params.tools),
    };
  }

  private post(message: ParametersToWebview): void {
    this.channel.post(message);
  }
}
