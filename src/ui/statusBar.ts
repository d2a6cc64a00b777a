// The status bar item: the model in use, whether safeguards are on, whether workspace values of the
// instructions and tools are in use (or waiting for approval), and whether a request runs.
// It listens to the session: its settings event and its busy count.
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { safeguardLabels } from '../api/safeguards';
import { type Settings } from '../config/settingsSchema';
import { type Session } from '../session/session';
import { Disposable } from '../util/dispose';

export class StatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('predictionGuard.status', vscode.StatusBarAlignment.Right, 100));
  private running = 0;
  private settings: Settings;

  constructor(session: Session) {
    super();
    this.item.name = vscode.l10n.t('Prediction Guard');
    this.item.command = 'predictionGuard.openParameters';
    this.settings = session.settings;
    this._register(
      session.onDidChangeSettings((settings) => {
        this.settings = settings;
        this.render();
      }),
    );
    this._register(
      session.onDidChangeBusy((running) => {
        this.running = running;
        this.render();
      }),
    );
    this.render();
  }

  private render(): void {
    const { settings } = this;
    const model = settings.params.model || vscode.l10n.t('no model');
    const safeguards = safeguardLabels(settings.params.safeguards);
    const icon = this.running > 0 ? '$(loading~spin)' : safeguards.length ? '$(shield)' : '$(circle-slash)';
    const { applied, pending, ignored } = settings.workspace;
    this.item.text = `${icon} ${inert(model)}${applied.length ? ' $(folder-active)' : pending.length ? ' $(folder)' : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Prediction Guard** — ${this.running > 0 ? vscode.l10n.t('request running') : vscode.l10n.t('idle')}\n\n`);
    tooltip.appendMarkdown(vscode.l10n.t('Model: '));
    tooltip.appendText(model);
    tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Safeguards: ')}`);
    tooltip.appendText(safeguards.join('; ') || vscode.l10n.t('none'));
    tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Server: ')}`);
    tooltip.appendText(settings.baseUrl);
    const workspaceLines: [string, readonly string[]][] = [
      [vscode.l10n.t('Workspace values in use'), applied],
      [vscode.l10n.t('Workspace values waiting for your approval (not used)'), pending],
      [vscode.l10n.t('Workspace values you ignored'), ignored],
    ];
    for (const [label, keys] of workspaceLines.filter(([, keys]) => keys.length)) {
      tooltip.appendMarkdown(`\n\n${label}: `);
      tooltip.appendText(keys.join(', '));
    }
    if (applied.length || pending.length || ignored.length)
      tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Run “Prediction Guard: Review Workspace Settings” to decide again.')}`);
    tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Click to open the parameters.')}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: [
        safeguards.length
          ? vscode.l10n.t('Prediction Guard, model {0}, safeguards on', model)
          : vscode.l10n.t('Prediction Guard, model {0}, safeguards off', model),
        applied.length ? vscode.l10n.t(', workspace values in use: {0}', applied.join(', ')) : '',
        this.running > 0 ? vscode.l10n.t(', request running') : '',
      ].join(''),
    };
    this.item.show();
  }
}
