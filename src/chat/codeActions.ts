// The actions on a code block of an answer: Copy, Insert at Cursor, Replace Selection, Open in New
// File. Edits go to the editor the user last used, as one undo step, never over text they changed;
// with review `diff` (and always for hidden Unicode) they open as a review to accept first.
import * as vscode from 'vscode';
import { withEol } from '../core/indentation';
import { type ReviewMode } from '../config/settingsSchema';
import { hasHiddenUnicode, hiddenRuns, replaceHidden } from '../core/markdown/hiddenUnicode';
import { type CodeBlock } from '../core/markdown/parser';
import { eolOf, PinnedTarget } from '../editor/pinnedTarget';
import { openReview } from '../review/register';
import { openUntitledWith } from '../editor/untitledDocument';
import { type CodeActionKind } from '../webview/protocol/chat';
import { type EditorTracker } from './editorTracker';
import { insertionText, replacementText } from './insertionText';
import { languageIdFor } from './languageIds';

export interface AskedAbout {
  readonly pin: PinnedTarget;
  /** "sample.ts, lines 8–16". */
  readonly label: string;
}

export interface CodeActionContext {
  readonly block: CodeBlock;
  readonly tracker: EditorTracker;
  /** The selection the question was about (a chip's, or the editor's when it was sent), if any. */
  readonly askedAbout: AskedAbout | undefined;
  /** `predictionGuard.review`: `diff` reviews Insert at Cursor and Replace Selection first. */
  readonly review: ReviewMode;
}

/** Hidden bidi / zero-width / tag characters are never put into code silently. Undefined: cancelled. */
async function checkedCode(code: string): Promise<string | undefined> {
  const runs = hiddenRuns(code);
  if (runs.length === 0) return code;
  const listed = [...new Set(runs.map((r) => r.description))].slice(0, 4).join('; ');
  const remove = vscode.l10n.t('Remove Them');
  const keep = vscode.l10n.t('Keep Them');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('This code contains hidden Unicode characters that can make code read differently from what it does.'),
    { modal: true, detail: listed },
    remove,
    keep,
  );
  if (choice === remove) return replaceHidden(code, () => '');
  return choice === keep ? code : undefined;
}

/**
 * Writes `code` at the pinned target: with review `diff` (the default), or when the code holds hidden
 * Unicode, as a review to accept; with `apply`, directly as one undo step.
 */
async function applyAt(target: PinnedTarget, code: string, what: string, whenChanged: string, review: ReviewMode): Promise<boolean> {
  const state = target.current();
  if (!state.ok) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} changed nothing: {1}. Your text was not changed.', what, state.cause === 'changed' ? whenChanged : state.reason),
    );
    return false;
  }
  const { document, range } = state;
  const line = document.lineAt(range.start.line).text;
  const text = withEol(
    range.isEmpty ? insertionText(line, range.start.character, code) : replacementText(line, range.start.character, target.originalText, code),
    eolOf(document),
  );
  const hidden = hasHiddenUnicode(text);
  if (review !== 'apply' || hidden) {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    await openReview({
      title: what,
      document,
      edit: { start, end, text },
      span: { start, end },
      reasons: hidden ? ['it contains hidden Unicode characters'] : undefined,
    });
    return true;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed nothing: the editor refused the edit (the file may be read-only).', what));
    return false;
  }
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
  editor?.revealRange(new vscode.Range(range.start, range.start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

async function insertAtCursor(context: CodeActionContext, code: string): Promise<void> {
  const editor = context.tracker.editor();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Insert at Cursor needs an open editor: click where the code should go, then try again.'));
    return;
  }
  const position = editor.selection.active;
  const target = new PinnedTarget(editor.document, new vscode.Range(position, position), '');
  try {
    await applyAt(target, code, vscode.l10n.t('Insert at Cursor'), vscode.l10n.t('you changed the text at the cursor meanwhile'), context.review);
  } finally {
    target.dispose();
  }
}

async function replaceSelection(context: CodeActionContext, code: string): Promise<void> {
  const askedAbout = context.askedAbout;
  if (askedAbout) {
    const changed = vscode.l10n.t(
      'the code you asked about ({0}) was changed or closed after you sent the question; use Insert at Cursor or Copy instead',
      askedAbout.label,
    );
    await applyAt(askedAbout.pin, code, vscode.l10n.t('Replace Selection'), changed, context.review);
    return;
  }
  // Nothing was selected when the question was sent: the selection of the last-used editor now.
  const editor = context.tracker.editor();
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Replace Selection needs a selection: select the code to replace in the editor, then try again.'));
    return;
  }
  const target = new PinnedTarget(editor.document, editor.selection);
  try {
    await applyAt(target, code, vscode.l10n.t('Replace Selection'), vscode.l10n.t('you changed the selection meanwhile'), context.review);
  } finally {
    target.dispose();
  }
}

async function openInNewFile(block: CodeBlock, code: string): Promise<void> {
  const known = new Set(await vscode.languages.getLanguages());
  const document = await openUntitledWith(`${code}\n`, languageIdFor(block.language, known));
  await vscode.window.showTextDocument(document, { preview: false });
}

export async function runCodeAction(action: CodeActionKind, context: CodeActionContext): Promise<void> {
  const code = context.block.code;
  switch (action) {
    case 'copy': {
      const checked = await checkedCode(code);
      if (checked === undefined) return;
      await vscode.env.clipboard.writeText(checked);
      void vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Code copied')}`, 2500);
      return;
    }
    case 'insert':
      return insertAtCursor(context, code);
    case 'replace':
      return replaceSelection(context, code);
    case 'newFile': {
      const checked = await checkedCode(code);
      if (checked !== undefined) await openInNewFile(context.block, checked);
      return;
    }
  }
}
