// The status bar item: the model in use, whether safeguards are on, and whether a request runs.
import * as vscode from 'vscode';
import { safeguardsBody } from '../api/parameters';
import { type Settings } from '../config/settingsSchema';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('predictionGuard.status', vscode.StatusBarAlignment.Right, 100);
  private running = 0;
  private settings: Settings | undefined;

  constructor() {
    this.item.name = 'Prediction Guard';
    this.item.command = 'predictionGuard.openParameters';
  }

  update(settings: Settings): void {
    this.settings = settings;
    this.render();
  }

  /** Marks a request as running until the returned disposable is disposed. */
  busy(): vscode.Disposable {
    this.running++;
    this.render();
    return new vscode.Disposable(() => {
      this.running--;
      this.render();
    });
  }

  private render(): void {
    const settings = this.settings;
    if (!settings) return;
    const model = settings.params.model || 'no model';
    const safeguards = safeguardsBody(settings.params.safeguards);
    const icon = this.running > 0 ? '$(loading~spin)' : safeguards ? '$(shield)' : '$(circle-slash)';
    this.item.text = `${icon} ${model}`;
    const list = safeguards
      ? Object.entries(safeguards)
          .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
          .join('; ')
      : 'none';
    this.item.tooltip = new vscode.MarkdownString(
      `**Prediction Guard** — ${this.running > 0 ? 'request running' : 'idle'}\n\nModel: \`${model}\`\n\nSafeguards: ${list}\n\nServer: ${settings.baseUrl}\n\nClick to open the parameters.`,
    );
    this.item.accessibilityInformation = {
      label: `Prediction Guard, model ${model}, safeguards ${safeguards ? 'on' : 'off'}${this.running > 0 ? ', request running' : ''}`,
    };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
