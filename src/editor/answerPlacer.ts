// Puts an answer where it belongs: into the pinned selection (one undo step, indentation kept) or
// into a new document beside it. Never over text the user changed meanwhile. With review `diff`
// (the default), a change to the document opens as a review to accept instead.
import * as vscode from 'vscode';
import { type ReviewMode } from '../config/settingsSchema';
import { neutralizeMarkdown } from '../core/markdown/lazyMarkdown';
import { documentText } from '../core/placementText';
import { answerEdit, reviewReasons } from '../core/proposal';
import { type Destination } from '../core/tasks';
import { openReview } from '../review/register';
import { eolOf, type PinnedTarget } from './pinnedTarget';
import { openUntitledWith } from './untitledDocument';

export interface PlacementResult {
  /** Where the answer went in the end; `review`: into a review diff, the document not changed yet. */
  readonly placed: Destination | 'review';
  /** The document the answer is in (for a review: the proposal). */
  readonly uri: string;
  /** Why it did not go where it was meant to, when it did not. */
  readonly fallbackReason?: string;
}

export interface PlacementRequest {
  readonly destination: Destination;
  readonly answer: string;
  readonly answerIsCode: boolean;
  readonly target: PinnedTarget;
  /** The command, for the review's title: "Improve Selection". */
  readonly title?: string;
  /** `diff` (the default): changes to the document are reviewed first; `apply`: written directly. */
  readonly review?: ReviewMode;
}

/** A prose answer opened as Markdown: made inert in its text, so no preview setting can load or run what it holds. */
function proseDocument(answer: string): string {
  return neutralizeMarkdown(documentText(answer, false));
}

async function openBeside(content: string, language: string): Promise<vscode.TextDocument> {
  const document = await openUntitledWith(content, language);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: false });
  return document;
}

/**
 * One edit, one undo step. Through the document's visible editor when there is one: the workbench
 * applies that directly, where a workspace edit goes through its bulk-edit service first.
 */
async function editDocument(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<boolean> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  if (editor) {
    try {
      return await editor.edit((builder) => builder.replace(range, text));
    } catch {
      // closed meanwhile: the workspace edit below reaches the document all the same
    }
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, range, text);
  return vscode.workspace.applyEdit(workspaceEdit);
}

export async function placeAnswer(request: PlacementRequest): Promise<PlacementResult> {
  const language = request.target.document.languageId;
  const asDocument = async (fallbackReason?: string): Promise<PlacementResult> => {
    const document = request.answerIsCode
      ? await openBeside(documentText(request.answer, true), language)
      : await openBeside(proseDocument(request.answer), 'markdown');
    if (fallbackReason) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Prediction Guard opened the answer in a new document because {0}. Your text was not changed.', fallbackReason),
      );
    }
    return { placed: 'newDocument', uri: document.uri.toString(), fallbackReason };
  };

  switch (request.destination) {
    case 'markdownBeside': {
      const document = await openBeside(proseDocument(request.answer), 'markdown');
      return { placed: 'markdownBeside', uri: document.uri.toString() };
    }
    case 'newDocument':
      return asDocument();
    case 'replace':
    case 'insertBelow': {
      const state = request.target.current();
      if (!state.ok) return asDocument(state.reason);
      const document = state.document;
      const start = document.offsetAt(state.range.start);
      const end = document.offsetAt(state.range.end);
      const edit = answerEdit(request.destination, request.answer, request.answerIsCode, {
        documentText: document.getText(),
        eol: eolOf(document),
        start,
        end,
      });
      const reasons = reviewReasons(request.answer, request.answerIsCode, edit.text);
      if (request.review !== 'apply' || reasons.length > 0) {
        const uri = await openReview({
          title: request.title ?? 'Prediction Guard',
          document,
          edit,
          span: { start: Math.min(start, edit.start), end: Math.max(end, edit.end) },
          reasons: request.review === 'apply' ? reasons : undefined,
        });
        return { placed: 'review', uri: uri.toString() };
      }
      const range = new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
      const applied = await editDocument(document, range, edit.text);
      if (!applied) return asDocument('the editor refused the edit (the file may be read-only)');
      return { placed: request.destination, uri: document.uri.toString() };
    }
  }
}
