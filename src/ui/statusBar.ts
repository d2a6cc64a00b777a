// The status bar item: the model in use, whether safeguards are on, and whether a request runs.
// It listens to the session: its settings event and its busy count.
import * as vscode from 'vscode';
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
    this.item.name = 'Prediction Guard';
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
    const model = settings.params.model || 'no model';
    const safeguards = safeguardLabels(settings.params.safeguards);
    const icon = this.running > 0 ? '$(loading~spin)' : safeguards.length ? '$(shield)' : '$(circle-slash)';
    this.item.text = `${icon} ${model}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Prediction Guard** — ${this.running > 0 ? 'request running' : 'idle'}\n\n`);
    tooltip.appendMarkdown('Model: ');
    tooltip.appendText(model);
    tooltip.appendMarkdown('\n\nSafeguards: ');
    tooltip.appendText(safeguards.join('; ') || 'none');
    tooltip.appendMarkdown('\n\nServer: ');
    tooltip.appendText(settings.baseUrl);
    tooltip.appendMarkdown('\n\nClick to open the parameters.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: `Prediction Guard, model ${model}, safeguards ${safeguards.length ? 'on' : 'off'}${this.running > 0 ? ', request running' : ''}`,
    };
    this.item.show();
  }
}
