// What a selection command sends: the selected text with its file, language and problems.
import * as vscode from 'vscode';
import { fileLabel } from '../core/fileLabel';
import { type Diagnostic, type SelectionContext } from '../core/tasks';

const SEVERITIES: Record<vscode.DiagnosticSeverity, Diagnostic['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function codeOf(code: vscode.Diagnostic['code']): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function selectionContext(editor: vscode.TextEditor, selection: vscode.Selection): SelectionContext {
  const { document } = editor;
  const diagnostics = vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.range.intersection(selection) !== undefined)
    .map((d) => ({
      line: d.range.start.line + 1,
      severity: SEVERITIES[d.severity],
      message: d.message,
      source: d.source,
      code: codeOf(d.code),
    }));
  const endLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line : selection.end.line + 1;
  return {
    fileName: fileLabel(
      document.uri.path,
      !document.isUntitled && vscode.workspace.getWorkspaceFolder(document.uri) ? vscode.workspace.asRelativePath(document.uri, false) : undefined,
    ),
    languageId: document.languageId,
    startLine: selection.start.line + 1,
    endLine,
    text: document.getText(selection),
    diagnostics,
  };
}
