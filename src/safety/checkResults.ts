// The checks' diagnostics (source "Prediction Guard"): set per check, removed by "Clear Check Results"
// and, one by one, when the text they mark is edited.
import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../util/dispose';
import { adjustMarks, type Mark } from '../core/markTracking';

export const DIAGNOSTIC_SOURCE = 'Prediction Guard';

export type CheckKind = 'pii' | 'injection';

interface TrackedMark extends Mark {
  readonly kind: CheckKind;
  readonly diagnostic: vscode.Diagnostic;
}

export class CheckResults extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('predictionGuard.checks'));
  private readonly marks = new Map<string, TrackedMark[]>();
  constructor() {
    super();
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)));
    this._register(toDisposable(() => this.marks.clear()));
  }

  /** Replaces the `kind` marks that overlap `checked` with `diagnostics` (each on its range). */
  set(document: vscode.TextDocument, kind: CheckKind, checked: vscode.Range, diagnostics: readonly vscode.Diagnostic[]): void {
    const key = document.uri.toString();
    const from = document.offsetAt(checked.start);
    const to = document.offsetAt(checked.end);
    const kept = (this.marks.get(key) ?? []).filter((m) => m.kind !== kind || m.end < from || m.start > to);
    const added = diagnostics.map((diagnostic) => {
      diagnostic.source = DIAGNOSTIC_SOURCE;
      return { kind, diagnostic, start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
    });
    this.update(document.uri, [...kept, ...added]);
  }

  clear(): void {
    this.marks.clear();
    this.collection.clear();
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const marks = this.marks.get(key);
    if (!marks || event.contentChanges.length === 0) return;
    const changes = event.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, insertedLength: c.text.length }));
    const adjusted = adjustMarks(marks, changes).filter((m): m is TrackedMark => m !== undefined);
    for (const mark of adjusted) {
      mark.diagnostic.range = new vscode.Range(event.document.positionAt(mark.start), event.document.positionAt(mark.end));
    }
    this.update(event.document.uri, adjusted);
  }

  private update(uri: vscode.Uri, marks: TrackedMark[]): void {
    const key = uri.toString();
    if (marks.length === 0) {
      this.marks.delete(key);
      this.collection.delete(uri);
      return;
    }
    this.marks.set(key, marks);
    this.collection.set(
      uri,
      marks.map((m) => m.diagnostic),
    );
  }
}
