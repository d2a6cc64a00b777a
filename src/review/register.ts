// Review before apply, wired into VS Code: the in-memory scheme, the Accept / Reject commands, the
// context keys their buttons and keys depend on, and the status bar entry during a review.
import * as vscode from 'vscode';
import { ProposalFileSystem, PROPOSAL_SCHEME } from './proposalFileSystem';
import { ReviewManager, type ReviewRequest } from './reviewManager';

let manager: ReviewManager | undefined;

/** Opens a review of a proposed change; resolves with the proposal's URI once the diff shows. */
export function openReview(request: ReviewRequest): Promise<vscode.Uri> {
  if (!manager) throw new Error('Reviews are not registered: registerReviews() runs at activation.');
  return manager.open(request);
}

function statusItem(command: string, text: string, tooltip: string, priority: number): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(`predictionGuard.review.${command}`, vscode.StatusBarAlignment.Left, priority);
  item.name = vscode.l10n.t('Prediction Guard Review');
  item.command = `predictionGuard.${command}`;
  item.text = text;
  item.tooltip = tooltip;
  item.backgroundColor = command === 'acceptChange' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  return item;
}

export function registerReviews(): vscode.Disposable[] {
  const files = new ProposalFileSystem();
  const reviews = new ReviewManager(files);
  manager = reviews;
  const accept = statusItem(
    'acceptChange',
    `$(check) ${vscode.l10n.t('Accept Change')}`,
    vscode.l10n.t('Apply the proposed change (as edited) to the file (Ctrl+Alt+Y)'),
    1000,
  );
  const reject = statusItem(
    'rejectChange',
    `$(discard) ${vscode.l10n.t('Reject')}`,
    vscode.l10n.t('Close the review without changing the file (Ctrl+Alt+N)'),
    999,
  );
  const update = (): void => {
    const reviewing = reviews.active() !== undefined;
    void vscode.commands.executeCommand('setContext', 'predictionGuard.reviewing', reviewing);
    void vscode.commands.executeCommand('setContext', 'predictionGuard.hasReviews', reviews.count > 0);
    for (const item of [accept, reject]) {
      if (reviewing) item.show();
      else item.hide();
    }
  };
  update();
  return [
    vscode.workspace.registerFileSystemProvider(PROPOSAL_SCHEME, files, { isCaseSensitive: true }),
    files,
    reviews,
    accept,
    reject,
    reviews.onDidChange(update),
    vscode.commands.registerCommand('predictionGuard.acceptChange', (arg?: unknown) => reviews.accept(arg)),
    vscode.commands.registerCommand('predictionGuard.rejectChange', (arg?: unknown) => reviews.reject(arg)),
    new vscode.Disposable(() => {
      if (manager === reviews) manager = undefined;
    }),
  ];
}
