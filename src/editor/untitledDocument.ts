// A new untitled document that holds exactly the given text.
import * as vscode from 'vscode';

/**
 * `openTextDocument({ content })` names the document after the lowest free "Untitled-N", which a
 * document closed a moment ago may just have freed; VS Code (1.100) then restores that closed
 * document's hot-exit backup into the new one when the backup's discard has not finished, so the
 * new document shows the old text. Check, and put `content` in when that happened.
 */
export async function openUntitledWith(content: string, language: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  if (document.getText() !== content) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.validateRange(new vscode.Range(0, 0, document.lineCount, 0)), content);
    await vscode.workspace.applyEdit(edit);
  }
  return document;
}
