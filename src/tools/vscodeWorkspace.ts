// VS Code adapter for the workspace tools: reads through `vscode.workspace.fs` (so remote and virtual
// workspaces work), finds files with `findFiles`, reads the diagnostics. No decisions here: what may be
// touched is decided in workspaceTools.ts / confinement.ts.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { type Located, type ToolFolder } from './confinement';
import { type FileStat, type Problem, type ProblemSeverity, type WorkspaceAccess } from './workspaceTools';

export interface VsFolder extends ToolFolder {
  readonly uri: vscode.Uri;
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, ProblemSeverity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function uriOf(at: Located<VsFolder>): vscode.Uri {
  return at.relative ? vscode.Uri.joinPath(at.folder.uri, ...at.relative.split('/')) : at.folder.uri;
}

function locate(uri: vscode.Uri, folders: readonly VsFolder[]): Located<VsFolder> | undefined {
  for (const folder of folders) {
    if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority) continue;
    const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (uri.path === folder.uri.path) return { folder, relative: '' };
    if (uri.path.startsWith(root)) return { folder, relative: uri.path.slice(root.length) };
  }
  return undefined;
}

/** The workspace as the tools see it now (folders are read at each call: they can change). */
export function vscodeWorkspaceAccess(): WorkspaceAccess<VsFolder> {
  const folders: VsFolder[] = (vscode.workspace.workspaceFolders ?? []).map((f) => ({
    name: f.name,
    uri: f.uri,
    // Symlinks can only be followed on a local disk; elsewhere the path is taken as is.
    fsRoot: f.uri.scheme === 'file' ? f.uri.fsPath : undefined,
  }));
  return {
    folders,
    realpath: (path) => fs.realpath(path),
    async stat(at): Promise<FileStat | undefined> {
      try {
        const s = await vscode.workspace.fs.stat(uriOf(at));
        const type = s.type & vscode.FileType.File ? 'file' : s.type & vscode.FileType.Directory ? 'directory' : 'other';
        return { type, size: s.size };
      } catch {
        return undefined;
      }
    },
    readFile: (at) => Promise.resolve(vscode.workspace.fs.readFile(uriOf(at))),
    async findFiles(folder, pattern, max, signal) {
      const source = new vscode.CancellationTokenSource();
      const onAbort = (): void => source.cancel();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const include = folder ? new vscode.RelativePattern(folder.uri, pattern) : pattern;
        // null: files.exclude is not applied by findFiles here; the tools apply it (and their own list) themselves.
        const uris = await vscode.workspace.findFiles(include, null, max, source.token);
        return uris.map((uri) => locate(uri, folders)).filter((at): at is Located<VsFolder> => at !== undefined);
      } finally {
        signal.removeEventListener('abort', onAbort);
        source.dispose();
      }
    },
    problems(): Problem<VsFolder>[] {
      const out: Problem<VsFolder>[] = [];
      for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
        const at = locate(uri, folders);
        if (!at) continue;
        for (const d of diagnostics) {
          out.push({
            at,
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            severity: SEVERITIES[d.severity],
            message: d.message,
            source: d.source,
          });
        }
      }
      return out;
    },
    filesExclude: (folder) => vscode.workspace.getConfiguration('files', folder.uri).get<unknown>('exclude'),
  };
}
