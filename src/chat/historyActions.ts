// The history actions that need the user's say: switch, rename (input box), delete (confirmation),
// export (save dialog). The store does the bookkeeping; `changed` refreshes the view.
import * as os from 'node:os';
import * as vscode from 'vscode';
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
      title: 'Prediction Guard: rename chat',
      prompt: 'The name shown in the chat list',
      value: conversation.title,
      validateInput: (value) => (value.trim() ? undefined : 'The name cannot be empty.'),
    });
    if (title !== undefined && this.store.rename(id, title)) this.changed();
  }

  async delete(id: string): Promise<void> {
    const conversation = this.store.get(id);
    if (!conversation || conversation.turns.length === 0) return;
    const remove = 'Delete';
    const choice = await vscode.window.showWarningMessage(
      `Delete the chat “${conversation.title}”?`,
      { modal: true, detail: 'Its messages and answers are removed from this workspace.' },
      remove,
    );
    if (choice === remove && this.store.delete(id)) this.changed();
  }

  /** Deletes every chat after a modal confirmation; true when they were deleted. */
  async clearAll(beforeClearing: () => void): Promise<boolean> {
    const count = this.store.list().length;
    if (count === 0) {
      void vscode.window.showInformationMessage('There are no chats to clear in this workspace.');
      return false;
    }
    const clear = 'Clear All Chats';
    const choice = await vscode.window.showWarningMessage(
      `Delete all ${count} chat${count === 1 ? '' : 's'} of this workspace?`,
      { modal: true, detail: 'Their messages and answers are removed from this workspace. This cannot be undone.' },
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
      void vscode.window.showInformationMessage('This chat has no messages yet, so there is nothing to export.');
      return;
    }
    // Outside the workspace by default: a chat holds code and answers that should not be committed by accident.
    const target = await vscode.window.showSaveDialog({
      title: 'Prediction Guard: export chat as Markdown',
      saveLabel: 'Export',
      filters: { Markdown: ['md'] },
      defaultUri: vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), exportFileName(conversation)),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportMarkdown(conversation)));
    await vscode.window.showTextDocument(target, { preview: false });
    if (vscode.workspace.getWorkspaceFolder(target)) {
      void vscode.window.showWarningMessage(
        `The chat was exported inside your workspace (${vscode.workspace.asRelativePath(target, false)}): it may be committed with your code. Add it to .gitignore or move it if it should stay private.`,
      );
    }
  }
}
