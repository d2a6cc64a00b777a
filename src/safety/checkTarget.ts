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

export function fileNameOf(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || 'selection.txt';
}

export async function chooseTarget(title: string): Promise<CheckTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select some text, then run “Prediction Guard: {0}”.', title));
    return undefined;
  }
  const { document } = editor;
  let range: vscode.Range = editor.selection;
  let wholeFile = false;
  if (editor.selection.isEmpty || document.getText(editor.selection).trim() === '') {
    if (document.getText().trim() === '') {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is nothing to check: the file is empty.'));
      return undefined;
    }
    const checkWholeFile = vscode.l10n.t('Check Whole File');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Nothing is selected. Send the whole file “{0}” ({1} characters) to Prediction Guard to check it?',
        fileNameOf(document),
        formatCount(document.getText().length),
      ),
      { modal: true },
      checkWholeFile,
    );
    if (answer !== checkWholeFile) return undefined;
    range = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    wholeFile = true;
  }
  const text = document.getText(range);
  if (text.length > CHECK_SIZE_LIMIT) {
    const sendAnyway = vscode.l10n.t('Send Anyway');
    const answer = await vscode.window.showWarningMessage(
      wholeFile
        ? vscode.l10n.t(
            'The file is {0} characters, more than the {1} a check is meant for: it may be slow or refused. Send it anyway?',
            formatCount(text.length),
            formatCount(CHECK_SIZE_LIMIT),
          )
        : vscode.l10n.t(
            'The selection is {0} characters, more than the {1} a check is meant for: it may be slow or refused. Send it anyway?',
            formatCount(text.length),
            formatCount(CHECK_SIZE_LIMIT),
          ),
      { modal: true },
      sendAnyway,
    );
    if (answer !== sendAnyway) return undefined;
  }
  return { document, range, text, version: document.version, wholeFile };
}
