// Puts an answer where it belongs: into the pinned selection (one undo step, indentation kept) or
// into a new document beside it. Never over text the user changed meanwhile.
import * as vscode from 'vscode';
import { documentText, editText, indentTargetFor } from '../core/placementText';
import { type Destination } from '../core/tasks';
import { eolOf, type PinnedTarget } from './pinnedTarget';
import { openUntitledWith } from './untitledDocument';

export interface PlacementResult {
  /** Where the answer went in the end. */
  readonly placed: Destination;
  readonly uri: string;
  /** Why it did not go where it was meant to, when it did not. */
  readonly fallbackReason?: string;
}

export interface PlacementRequest {
  readonly destination: Destination;
  readonly answer: string;
  readonly answerIsCode: boolean;
  readonly target: PinnedTarget;
}

async function openBeside(content: string, language: string): Promise<vscode.TextDocument> {
  const document = await openUntitledWith(content, language);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: false });
  return document;
}

function replaceEdit(request: PlacementRequest, document: vscode.TextDocument, range: vscode.Range): vscode.TextEdit {
  const text = editText(request.answer, request.answerIsCode, {
    indent: indentTargetFor(document.lineAt(range.start.line).text, range.start.character),
    eol: eolOf(document),
    endsWithNewline: /\r?\n$/.test(request.target.originalText),
  });
  return vscode.TextEdit.replace(range, text);
}

function insertBelowEdit(request: PlacementRequest, document: vscode.TextDocument, range: vscode.Range): vscode.TextEdit {
  const eol = eolOf(document);
  const text = editText(request.answer, request.answerIsCode, {
    indent: indentTargetFor(document.lineAt(range.start.line).text, 0),
    eol,
    endsWithNewline: false,
  });
  const endsAtLineStart = range.end.character === 0 && range.end.line > range.start.line;
  if (endsAtLineStart) return vscode.TextEdit.insert(range.end, text + eol);
  if (range.end.line + 1 < document.lineCount) return vscode.TextEdit.insert(new vscode.Position(range.end.line + 1, 0), text + eol);
  return vscode.TextEdit.insert(document.lineAt(range.end.line).range.end, eol + text);
}

export async function placeAnswer(request: PlacementRequest): Promise<PlacementResult> {
  const language = request.target.document.languageId;
  const asDocument = async (fallbackReason?: string): Promise<PlacementResult> => {
    const document = await openBeside(documentText(request.answer, request.answerIsCode), request.answerIsCode ? language : 'markdown');
    if (fallbackReason) {
      void vscode.window.showWarningMessage(`Prediction Guard opened the answer in a new document because ${fallbackReason}. Your text was not changed.`);
    }
    return { placed: 'newDocument', uri: document.uri.toString(), fallbackReason };
  };

  switch (request.destination) {
    case 'markdownBeside': {
      const document = await openBeside(documentText(request.answer, false), 'markdown');
      return { placed: 'markdownBeside', uri: document.uri.toString() };
    }
    case 'newDocument':
      return asDocument();
    case 'replace':
    case 'insertBelow': {
      const state = request.target.current();
      if (!state.ok) return asDocument(state.reason);
      const edit = new vscode.WorkspaceEdit();
      const make = request.destination === 'replace' ? replaceEdit : insertBelowEdit;
      edit.set(state.document.uri, [make(request, state.document, state.range)]);
      const applied = await vscode.workspace.applyEdit(edit);
      if (!applied) return asDocument('the editor refused the edit (the file may be read-only)');
      return { placed: request.destination, uri: state.document.uri.toString() };
    }
  }
}
