// The text editor the user last worked in. Focusing the chat view does not change it, so code
// actions in the chat know where "the cursor" and "the selection" are.
import * as vscode from 'vscode';

function isUserEditor(editor: vscode.TextEditor): boolean {
  // The Output and Debug Console panels are text editors too; they are not where code goes.
  return !['output', 'debug', 'vscode-scm'].includes(editor.document.uri.scheme);
}

export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    const active = vscode.window.activeTextEditor;
    this.last = active && isUserEditor(active) ? active : undefined;
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && isUserEditor(editor)) this.last = editor;
    });
  }

  /** The last-used editor while it is still shown (the same document in a re-opened editor counts). */
  editor(): vscode.TextEditor | undefined {
    const last = this.last;
    if (!last) return undefined;
    const visible = vscode.window.visibleTextEditors;
    if (visible.includes(last)) return last;
    return visible.find((e) => e.document.uri.toString() === last.document.uri.toString());
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
