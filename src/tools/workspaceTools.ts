// Runs the four read-only tools against a workspace reached through `WorkspaceAccess` (in VS Code,
// `vscode.workspace.fs`, `findFiles` and the diagnostics; in tests, a temp dir on disk). Every path —
// asked for or found — is confined and checked against the excludes before anything is read; every
// output is capped. Pure: no `vscode` import.
import { checkRealPath, displayPath, resolveToolPath, type Located, type Realpath, type ToolFolder } from './confinement';
import { isWorkspaceTool, parseToolArguments, type ToolArguments } from './definitions';
import { EXCLUDED, filesExcludePatterns, makeExcluder, type Excluder } from './exclude';
import { BINARY, MAX_OUTPUT_LINES, capLines, capOutput, decodeText, splitLines } from './output';
import { FolderIgnores } from './ignoreFiles';
import { compileModelRegex } from './safeRegex';

export type ProblemSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface Problem<F extends ToolFolder = ToolFolder> {
  readonly at: Located<F>;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly severity: ProblemSeverity;
  readonly message: string;
  readonly source?: string;
}

export interface FileStat {
  readonly type: 'file' | 'directory' | 'other';
  readonly size: number;
}

export interface WorkspaceAccess<F extends ToolFolder = ToolFolder> {
  readonly folders: readonly F[];
  /** Resolves symlinks on a local disk; undefined where there are none to follow. */
  readonly realpath?: Realpath;
  /** undefined when there is no such file. */
  stat(at: Located<F>): Promise<FileStat | undefined>;
  readFile(at: Located<F>): Promise<Uint8Array>;
  /** Files matching `pattern` (relative to `folder`, or to every folder when undefined), at most `max`. */
  findFiles(folder: F | undefined, pattern: string, max: number, signal: AbortSignal): Promise<Located<F>[]>;
  /** Every diagnostic the editor holds for files in the folders. */
  problems(): readonly Problem<F>[];
  /** The `files.exclude` setting in effect for `folder`. */
  filesExclude(folder: F): unknown;
}

export interface ToolResult {
  readonly output: string;
  /** Set when the call was refused or failed: the plain-words reason (also in `output`). */
  readonly refused?: string;
}

export const LIMITS = {
  /** Files larger than this are not read. */
  maxReadBytes: 8 * 1024 * 1024,
  maxSearchFileBytes: 2 * 1024 * 1024,
  maxListed: 500,
  maxFound: 5000,
  maxMatches: 200,
  maxMatchLineChars: 300,
} as const;

const refused = (reason: string, what?: string): ToolResult => ({ output: `Refused: ${reason}${what ? ` (${what})` : ''}.`, refused: reason });

export class WorkspaceTools<F extends ToolFolder = ToolFolder> {
  private readonly excluders = new Map<F, Excluder>();
  private readonly ignores = new Map<F, FolderIgnores>();

  constructor(
    private readonly access: WorkspaceAccess<F>,
    private readonly exclude: readonly string[],
  ) {}

  private get multiRoot(): boolean {
    return this.access.folders.length > 1;
  }

  private excluded(at: Located<F>, realRelative?: string): boolean {
    let excluder = this.excluders.get(at.folder);
    if (!excluder) {
      excluder = makeExcluder([...this.exclude, ...filesExcludePatterns(this.access.filesExclude(at.folder))]);
      this.excluders.set(at.folder, excluder);
    }
    return excluder(at.relative) || (realRelative !== undefined && excluder(realRelative));
  }

  /** Why .gitignore or .pgignore keeps the file (or where its link leads) from the tools, or undefined. */
  private async ignoredBecause(at: Located<F>, realRelative: string): Promise<string | undefined> {
    let folderIgnores = this.ignores.get(at.folder);
    if (!folderIgnores) {
      const folder = at.folder;
      folderIgnores = new FolderIgnores(async (relative) => decodeText(await this.access.readFile({ folder, relative })));
      this.ignores.set(folder, folderIgnores);
    }
    return (await folderIgnores.reason(at.relative)) ?? (realRelative === at.relative ? undefined : await folderIgnores.reason(realRelative));
  }

  /** Why the file (or where its link leads) is kept from the tools: an exclude, .gitignore or .pgignore; or undefined. */
  private async keptBack(at: Located<F>, realRelative: string): Promise<string | undefined> {
    return this.excluded(at, realRelative) ? EXCLUDED : this.ignoredBecause(at, realRelative);
  }

  /** Resolves, follows links and applies the excludes: the file may be touched, or the refusal. */
  private async confine(path: string): Promise<{ ok: true; at: Located<F>; shown: string } | { ok: false; result: ToolResult }> {
    const resolved = resolveToolPath(path, this.access.folders);
    if (!resolved.ok) return { ok: false, result: refused(resolved.reason, path) };
    const shown = displayPath(resolved.at, this.multiRoot);
    if (this.excluded(resolved.at)) return { ok: false, result: refused(EXCLUDED, shown) };
    const real = await checkRealPath(resolved.at, this.access.realpath);
    if (!real.ok) return { ok: false, result: real.missing ? refused('no such file', shown) : refused(real.reason, shown) };
    const keptBack = await this.keptBack(resolved.at, real.realRelative);
    if (keptBack) return { ok: false, result: refused(keptBack, shown) };
    return { ok: true, at: resolved.at, shown };
  }

  /** A refusal decided without touching file contents (outside, excluded, bad arguments): sent before the user is asked. */
  async precheck(name: string, argumentsJson: string): Promise<ToolResult | undefined> {
    if (!isWorkspaceTool(name)) return undefined;
    const parsed = parseToolArguments(name, argumentsJson);
    if (!parsed.ok) return refused(parsed.error);
    const path = parsed.name === 'read_file' ? parsed.args.path : parsed.name === 'get_problems' ? parsed.args.path : undefined;
    if (path !== undefined) {
      const confined = await this.confine(path);
      if (!confined.ok) return confined.result;
    }
    const glob = parsed.name === 'list_files' || parsed.name === 'search_text' ? parsed.args.glob : undefined;
    if (glob !== undefined) {
      const target = this.globTarget(glob);
      if (!target.ok) return refused(target.reason, glob);
    }
    return undefined;
  }

  async run(name: string, argumentsJson: string, signal: AbortSignal): Promise<ToolResult> {
    if (!isWorkspaceTool(name)) return refused(`there is no workspace tool named ${name}`);
    const parsed = parseToolArguments(name, argumentsJson);
    if (!parsed.ok) return refused(parsed.error);
    try {
      switch (parsed.name) {
        case 'read_file':
          return await this.readFile(parsed.args);
        case 'list_files':
          return await this.listFiles(parsed.args, signal);
        case 'search_text':
          return await this.searchText(parsed.args, signal);
        case 'get_problems':
          return await this.getProblems(parsed.args);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { output: `Failed: ${message.slice(0, 500)}`, refused: 'failed' };
    }
  }

  private async readFile(args: ToolArguments['read_file']): Promise<ToolResult> {
    const confined = await this.confine(args.path);
    if (!confined.ok) return confined.result;
    const stat = await this.access.stat(confined.at);
    if (!stat) return refused('no such file', confined.shown);
    if (stat.type === 'directory') return refused('it is a folder; use list_files', confined.shown);
    if (stat.type !== 'file') return refused('not a regular file', confined.shown);
    if (stat.size > LIMITS.maxReadBytes) return refused(`the file is too large (${Math.round(stat.size / 1024 / 1024)} MB)`, confined.shown);
    const text = decodeText(await this.access.readFile(confined.at));
    if (text === undefined) return refused(BINARY, confined.shown);
    const lines = splitLines(text);
    if (text === '') return { output: `${confined.shown} is empty.` };
    const start = args.start_line ?? 1;
    if (start > lines.length) return refused(`start_line ${start} is past the end: the file has ${lines.length} lines`, confined.shown);
    const last = Math.min(args.end_line ?? lines.length, lines.length);
    const capped = capLines(lines.slice(start - 1, last));
    const shownEnd = start + capped.keptLines - 1;
    const header = `${confined.shown}, lines ${start}–${shownEnd} of ${lines.length}:`;
    const note = capped.cut ? `\n[cut at ${MAX_OUTPUT_LINES} lines or 64 KB: read on with start_line ${shownEnd + 1}]` : '';
    return { output: `${header}\n${capped.text}${note}` };
  }

  /** A glob for findFiles: relative only; in a multi-root workspace a leading folder name picks that folder. */
  private globTarget(glob: string | undefined): { ok: true; folder: F | undefined; pattern: string } | { ok: false; reason: string } {
    if (glob === undefined) return { ok: true, folder: undefined, pattern: '**/*' };
    const g = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    if (/^(?:\/|[A-Za-z]:|~)/.test(g)) return { ok: false, reason: 'outside the workspace: absolute globs are not allowed' };
    if (g.split('/').some((s) => s === '..')) return { ok: false, reason: 'outside the workspace: ".." is not allowed' };
    if (this.multiRoot) {
      const [first, ...rest] = g.split('/');
      const folder = this.access.folders.find((f) => f.name === first);
      if (folder) return { ok: true, folder, pattern: rest.join('/') || '**/*' };
    }
    return { ok: true, folder: undefined, pattern: g };
  }

  /** Found files that pass the same confinement as a named path (symlinks out and excludes dropped). */
  private async confinedFiles(
    glob: string | undefined,
    signal: AbortSignal,
  ): Promise<{ ok: true; files: Located<F>[]; more: boolean } | { ok: false; result: ToolResult }> {
    const target = this.globTarget(glob);
    if (!target.ok) return { ok: false, result: refused(target.reason, glob) };
    const found = await this.access.findFiles(target.folder, target.pattern, LIMITS.maxFound, signal);
    const files: Located<F>[] = [];
    for (const at of found) {
      if (signal.aborted) break;
      if (this.excluded(at)) continue;
      const real = await checkRealPath(at, this.access.realpath);
      if (!real.ok || (await this.keptBack(at, real.realRelative))) continue;
      files.push(at);
    }
    files.sort((a, b) => displayPath(a, this.multiRoot).localeCompare(displayPath(b, this.multiRoot)));
    return { ok: true, files, more: found.length >= LIMITS.maxFound };
  }

  private async listFiles(args: ToolArguments['list_files'], signal: AbortSignal): Promise<ToolResult> {
    const found = await this.confinedFiles(args.glob, signal);
    if (!found.ok) return found.result;
    if (found.files.length === 0) return { output: args.glob ? `No files match ${args.glob}.` : 'The workspace has no files the tools may list.' };
    const shown = found.files.slice(0, LIMITS.maxListed).map((at) => displayPath(at, this.multiRoot));
    const rest = found.files.length - shown.length;
    const note =
      rest > 0 || found.more ? `\n[cut: ${shown.length} of ${found.more ? 'more than ' : ''}${found.files.length} files shown; narrow the glob]` : '';
    return { output: capOutput(`${shown.join('\n')}${note}`, LIMITS.maxListed + 1) };
  }

  private matcher(args: ToolArguments['search_text']): ((line: string) => boolean) | ToolResult {
    if (!args.is_regex) {
      const needle = args.query.toLowerCase();
      return (line) => line.toLowerCase().includes(needle);
    }
    const regex = compileModelRegex(args.query);
    if (typeof regex !== 'function') return refused(regex.refused);
    return (line) => regex(line.slice(0, 1000));
  }

  private async searchText(args: ToolArguments['search_text'], signal: AbortSignal): Promise<ToolResult> {
    const matches = this.matcher(args);
    if (typeof matches !== 'function') return matches;
    const found = await this.confinedFiles(args.glob, signal);
    if (!found.ok) return found.result;
    const hits: string[] = [];
    let cut = found.more;
    for (const at of found.files) {
      if (signal.aborted || hits.length >= LIMITS.maxMatches) {
        cut = cut || hits.length >= LIMITS.maxMatches;
        break;
      }
      const stat = await this.access.stat(at);
      if (!stat || stat.type !== 'file' || stat.size > LIMITS.maxSearchFileBytes) continue;
      const text = decodeText(await this.access.readFile(at));
      if (text === undefined) continue;
      const lines = splitLines(text);
      for (let i = 0; i < lines.length && hits.length < LIMITS.maxMatches; i++) {
        const line = lines[i] ?? '';
        if (!matches(line)) continue;
        const trimmed = line.trim();
        hits.push(
          `${displayPath(at, this.multiRoot)}:${i + 1}: ${trimmed.length > LIMITS.maxMatchLineChars ? `${trimmed.slice(0, LIMITS.maxMatchLineChars)}…` : trimmed}`,
        );
        if (hits.length >= LIMITS.maxMatches) cut = true;
      }
    }
    if (hits.length === 0) return { output: `No matches for ${args.query}${args.glob ? ` in ${args.glob}` : ''}.` };
    const note = cut ? `\n[cut: the first ${hits.length} matches; narrow the query or the glob]` : '';
    return { output: capOutput(`${hits.join('\n')}${note}`, LIMITS.maxMatches + 1) };
  }

  private async getProblems(args: ToolArguments['get_problems']): Promise<ToolResult> {
    let only: Located<F> | undefined;
    if (args.path !== undefined) {
      const confined = await this.confine(args.path);
      if (!confined.ok) return confined.result;
      only = confined.at;
    }
    const shown: Problem<F>[] = [];
    for (const p of this.access.problems()) {
      if (only ? p.at.folder === only.folder && p.at.relative === only.relative : !(await this.keptBack(p.at, p.at.relative))) shown.push(p);
    }
    const problems = shown.map(
      (p) => `${displayPath(p.at, this.multiRoot)}:${p.line}:${p.column} ${p.severity}: ${p.message.replace(/\s+/g, ' ')}${p.source ? ` (${p.source})` : ''}`,
    );
    if (problems.length === 0)
      return { output: only ? `No problems reported in ${displayPath(only, this.multiRoot)}.` : 'No problems reported in the workspace.' };
    return { output: capOutput(problems.join('\n')) };
  }
}
