// The history actions that need the user's say: switch, rename (input box), delete (confirmation),
// export (save dialog). The store does the bookkeeping; `changed` refreshes the view.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { type ConversationStore } from './conversationStore';
import { exportFileName, exportMarkdown } from './exportMarkdown';

export class ChatHistoryActions {
  constructor(
    private readonly store: ConversationStore,
    private readonly changed: () => void,
  ) {}

  switchTo(id: string): void {
    if (this.store.switchTo(id)) this.changed();
  }

  async rename(id: string): Promise<void> {
    const conversation = this.store.get(id);
    if (!conversation || conversation.turns.length === 0) return;
    const title = await vscode.window.showInputBox({
      title: vscode.l10n.t('Prediction Guard: rename chat'),
      prompt: vscode.l10n.t('The name shown in the chat list'),
      value: conversation.title,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The name cannot be empty.')),
    });
    if (title !== undefined && this.store.rename(id, title)) this.changed();
  }

  async delete(id: string): Promise<void> {
    const conversation = this.store.get(id);
    if (!conversation || conversation.turns.length === 0) return;
    const remove = vscode.l10n.t('Delete');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete the chat “{0}”?', conversation.title),
      { modal: true, detail: vscode.l10n.t('Its messages and answers are removed from this workspace.') },
      remove,
    );
    if (choice === remove && this.store.delete(id)) this.changed();
  }

  /** Deletes every chat after a modal confirmation; true when they were deleted. */
  async clearAll(beforeClearing: () => void): Promise<boolean> {
    const count = this.store.list().length;
    if (count === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no chats to clear in this workspace.'));
      return false;
    }
    const clear = vscode.l10n.t('Clear All Chats');
    const choice = await vscode.window.showWarningMessage(
      count === 1 ? vscode.l10n.t('Delete all {0} chat of this workspace?', count) : vscode.l10n.t('Delete all {0} chats of this workspace?', count),
      { modal: true, detail: vscode.l10n.t('Their messages and answers are removed from this workspace. This cannot be undone.') },
      clear,
    );
    if (choice !== clear) return false;
    beforeClearing();
    this.store.clearAll();
    this.changed();
    return true;
  }

  async exportCurrent(): Promise<void> {
    const conversation = this.store.current();
    if (conversation.turns.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This chat has no messages yet, so there is nothing to export.'));
      return;
    }
    // Outside the workspace by default: a chat holds code and answers that should not be committed by accident.
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Prediction Guard: export chat as Markdown'),
      saveLabel: vscode.l10n.t('Export'),
      filters: { Markdown: ['md'] },
      defaultUri: vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), exportFileName(conversation)),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportMarkdown(conversation)));
    await vscode.window.showTextDocument(target, { preview: false });
    if (vscode.workspace.getWorkspaceFolder(target)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'The chat was exported inside your workspace ({0}): it may be committed with your code. Add it to .gitignore or move it if it should stay private.',
          inert(vscode.workspace.asRelativePath(target, false)),
        ),
      );
    }
  }
}
