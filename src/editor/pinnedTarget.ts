// The place an answer is meant for, pinned when the request starts: document, range and text.
// It follows the user's edits around it and knows when they touched it.
import * as vscode from 'vscode';
import { shiftRangeThrough, type OffsetRange } from '../core/anchoring';

export type TargetState =
  | { readonly ok: true; readonly document: vscode.TextDocument; readonly range: vscode.Range }
  | { readonly ok: false; readonly cause: 'closed' | 'changed' | 'readOnly'; readonly reason: string };

/** The document's line break, for text written into it. */
export function eolOf(document: vscode.TextDocument): '\n' | '\r\n' {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

export class PinnedTarget implements vscode.Disposable {
  private offsets: OffsetRange | undefined;
  private touched = false;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly document: vscode.TextDocument,
    readonly range: vscode.Range,
    readonly originalText: string = document.getText(range),
  ) {
    this.offsets = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() !== document.uri.toString() || !this.offsets) return;
      this.offsets = shiftRangeThrough(
        this.offsets,
        event.contentChanges.map((c) => ({ offset: c.rangeOffset, removedLength: c.rangeLength, insertedLength: c.text.length })),
      );
      if (!this.offsets) this.touched = true;
    });
  }

  /** Where the answer may go now, or why it may not. */
  current(): TargetState {
    const uri = this.document.uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    // A document stays loaded a while after its last editor closes: what counts is whether a tab shows it.
    const inATab = vscode.window.tabGroups.all.some((group) =>
      group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri),
    );
    if (!open || open.isClosed || !inATab) return { ok: false, cause: 'closed', reason: 'the file was closed while Prediction Guard was working' };
    if (this.touched || !this.offsets) return { ok: false, cause: 'changed', reason: 'you changed the selected text while Prediction Guard was working' };
    // A read-only file system (a locked repository view, a read-only mount) is never edited, even
    // where the editor would accept the change in memory.
    if (vscode.workspace.fs.isWritableFileSystem(open.uri.scheme) === false) return { ok: false, cause: 'readOnly', reason: 'the file is read-only' };
    const range = new vscode.Range(open.positionAt(this.offsets.start), open.positionAt(this.offsets.end));
    if (open.getText(range) !== this.originalText) {
      return { ok: false, cause: 'changed', reason: 'you changed the selected text while Prediction Guard was working' };
    }
    return { ok: true, document: open, range };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
