// Which text a check sends: the primary selection, or — only after the user agrees — the whole file;
// and, past the size limit, only after the user agrees again.
import * as vscode from 'vscode';
import { CHECK_SIZE_LIMIT, formatCount } from '../core/checkReport';

export interface CheckTarget {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly text: string;
  /** The document's version when the text was taken: results are placed only if it is unchanged. */
  readonly version: number;
  readonly wholeFile: boolean;
}

export const CHECK_WHOLE_FILE = 'Check Whole File';
export const SEND_ANYWAY = 'Send Anyway';

export function fileNameOf(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || 'selection.txt';
}

export async function chooseTarget(title: string): Promise<CheckTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(`Open a file and select some text, then run “Prediction Guard: ${title}”.`);
    return undefined;
  }
  const { document } = editor;
  let range: vscode.Range = editor.selection;
  let wholeFile = false;
  if (editor.selection.isEmpty || document.getText(editor.selection).trim() === '') {
    if (document.getText().trim() === '') {
      void vscode.window.showInformationMessage('There is nothing to check: the file is empty.');
      return undefined;
    }
    const answer = await vscode.window.showWarningMessage(
      `Nothing is selected. Send the whole file “${fileNameOf(document)}” (${formatCount(document.getText().length)} characters) to Prediction Guard to check it?`,
      { modal: true },
      CHECK_WHOLE_FILE,
    );
    if (answer !== CHECK_WHOLE_FILE) return undefined;
    range = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    wholeFile = true;
  }
  const text = document.getText(range);
  if (text.length > CHECK_SIZE_LIMIT) {
    const answer = await vscode.window.showWarningMessage(
      `The ${wholeFile ? 'file' : 'selection'} is ${formatCount(text.length)} characters, more than the ${formatCount(CHECK_SIZE_LIMIT)} a check is meant for: it may be slow or refused. Send it anyway?`,
      { modal: true },
      SEND_ANYWAY,
    );
    if (answer !== SEND_ANYWAY) return undefined;
  }
  return { document, range, text, version: document.version, wholeFile };
}
