// VS Code side of workspace approvals: what the user decided per workspace (workspaceState), the
// settings snapshot without undecided or ignored workspace values, and the prompt that asks.
// Pure rules are in workspaceValues.ts.
import * as vscode from 'vscode';
import { type Inspect } from './settingLookup';
import { type SettingsReadResult } from './settingsSchema';
import { approvalPrompt, decide, parseDecisions, pendingValues, resolveSettings, type Decision, type Decisions, type WorkspaceValue } from './workspaceValues';

const STATE_KEY = 'predictionGuard.workspaceApprovals';

/** How the question reaches the user; replaced in tests. Undefined when the prompt was dismissed. */
export type AskUser = (message: string) => Promise<Decision | undefined>;

const askWithNotification: AskUser = async (message) => {
  const allow = vscode.l10n.t('Allow');
  const ignore = vscode.l10n.t('Ignore');
  const picked = await vscode.window.showWarningMessage(vscode.l10n.t('Prediction Guard: {0}', message), allow, ignore);
  return picked === allow ? 'allow' : picked === ignore ? 'ignore' : undefined;
};

export class WorkspaceApproval implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the user allowed or ignored workspace values (the effective settings changed). */
  readonly onDidChange = this.changed.event;
  private asking: Promise<void> | undefined;
  /** Fingerprints whose prompt was dismissed in this window: not asked again until reload or review. */
  private readonly dismissed = new Set<string>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly askUser: AskUser = askWithNotification,
  ) {}

  decisions(): Decisions {
    return parseDecisions(this.state.get<unknown>(STATE_KEY));
  }

  /** The settings with only approved workspace values (plus the workspace values found). */
  effective(inspect: Inspect, trusted: boolean): SettingsReadResult & { readonly values: readonly WorkspaceValue[] } {
    return resolveSettings(inspect, trusted, this.decisions());
  }

  /** `askPending` for the values a settings read found (for callers that already hold the result). */
  askAbout(result: { readonly values: readonly WorkspaceValue[] }): void {
    void this.askPending(result.values);
  }

  /**
   * Asks about the workspace values with no decision yet, once at a time; never awaited by a request
   * (the request goes without them and the answer applies to later ones).
   */
  askPending(values: readonly WorkspaceValue[]): Promise<void> {
    if (this.asking) return this.asking;
    const pending = pendingValues(values, this.decisions()).filter((v) => !this.dismissed.has(v.fingerprint));
    if (!pending.length) return Promise.resolve();
    this.asking = (async () => {
      try {
        const decision = await this.askUser(approvalPrompt(pending));
        if (!decision) {
          pending.forEach((v) => this.dismissed.add(v.fingerprint));
          return;
        }
        await this.state.update(STATE_KEY, decide(this.decisions(), pending, decision));
        this.changed.fire();
      } finally {
        this.asking = undefined;
      }
    })();
    return this.asking;
  }

  /** Forgets every decision for this workspace, so its values are asked about again. */
  async reset(): Promise<void> {
    this.dismissed.clear();
    await this.state.update(STATE_KEY, undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
