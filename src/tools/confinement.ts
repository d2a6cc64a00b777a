// Where a tool may look: a path the model gives is resolved inside the workspace folders only, or
// refused with the reason in plain words. Pure: the real path of a file (symlinks followed) comes
// from an injected `realpath`, so the same code is tested against real files and links on disk.

export interface ToolFolder {
  /** The folder's name: the first path segment in a multi-root workspace. */
  readonly name: string;
  /** Its root on disk (local file system), used for the symlink check; undefined for virtual/remote folders. */
  readonly fsRoot?: string;
}

/** A path inside one workspace folder: `relative` has "/" separators, no ".", "..", or empty segments. */
export interface Located<F extends ToolFolder = ToolFolder> {
  readonly folder: F;
  readonly relative: string;
}

export type Resolved<F extends ToolFolder = ToolFolder> = { readonly ok: true; readonly at: Located<F> } | { readonly ok: false; readonly reason: string };

export const OUTSIDE = 'outside the workspace';

function refuse(detail: string): { ok: false; reason: string } {
  return { ok: false, reason: `${OUTSIDE}: ${detail}` };
}

const ABSOLUTE = /^(?:[\\/]|[A-Za-z]:|~|[A-Za-z][A-Za-z0-9+.-]*:)/;

/**
 * Resolves a model-given path. Refused: empty, absolute ("/x", "C:\x", "\\server", "~/x", "file:…"),
 * any ".." segment, control characters, or (multi-root) a first segment that names no folder.
 * Backslashes count as separators, so "..\\x" is caught too.
 */
export function resolveToolPath<F extends ToolFolder>(input: string, folders: readonly F[]): Resolved<F> {
  const raw = input.trim();
  if (folders.length === 0) return refuse('no folder is open');
  if (raw === '') return refuse('the path is empty');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(raw)) return refuse('the path contains control characters');
  if (ABSOLUTE.test(raw)) return refuse(`absolute paths are not allowed (${raw.slice(0, 200)})`);
  const segments = raw.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return refuse(`".." is not allowed (${raw.slice(0, 200)})`);
  if (folders.length === 1) {
    const folder = folders[0] as F;
    return { ok: true, at: { folder, relative: segments.join('/') } };
  }
  const [first, ...rest] = segments;
  const folder = folders.find((f) => f.name === first);
  if (!folder) return refuse(`the first segment must name a workspace folder (${folders.map((f) => f.name).join(', ')})`);
  return { ok: true, at: { folder, relative: rest.join('/') } };
}

/** How a located path is shown to the model and the user: folder name first in a multi-root workspace. */
export function displayPath(at: Located, multiRoot: boolean): string {
  const rel = at.relative || '.';
  return multiRoot ? (at.relative ? `${at.folder.name}/${at.relative}` : at.folder.name) : rel;
}

function normalise(path: string): string {
  const forward = path.replace(/\\/g, '/');
  return forward.length > 1 ? forward.replace(/\/+$/, '') : forward;
}

/** `target` relative to `root` when it is the root or inside it ("" for the root itself); undefined when outside. */
export function relativeInside(root: string, target: string): string | undefined {
  const r = normalise(root);
  const t = normalise(target);
  if (t === r) return '';
  const prefix = r.endsWith('/') ? r : `${r}/`;
  return t.startsWith(prefix) ? t.slice(prefix.length) : undefined;
}

export type Realpath = (path: string) => Promise<string>;

export type RealCheck = { readonly ok: true; readonly realRelative: string } | { readonly ok: false; readonly reason: string; readonly missing?: boolean };

/**
 * Follows symlinks: the real path of `at` must lie inside the real path of its folder. Folders with
 * no local root (virtual file systems) have no symlinks to follow; their path is taken as is.
 */
export async function checkRealPath(at: Located, realpath: Realpath | undefined): Promise<RealCheck> {
  const root = at.folder.fsRoot;
  if (root === undefined || realpath === undefined) return { ok: true, realRelative: at.relative };
  const joined = at.relative ? `${normalise(root)}/${at.relative}` : root;
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(joined);
  } catch {
    return { ok: false, reason: 'not found', missing: true };
  }
  const inside = relativeInside(realRoot, real);
  if (inside === undefined) return refuse('it is a symbolic link that leads out of the workspace');
  return { ok: true, realRelative: inside };
}
