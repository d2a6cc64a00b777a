// A WorkspaceAccess over real folders on disk, for tests: reads with node:fs, finds files by walking
// (following symlinked folders, as VS Code's search does by default) and matching with picomatch.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { type Located, type ToolFolder } from '../../../src/tools/confinement';
import { type FileStat, type Problem, type WorkspaceAccess } from '../../../src/tools/workspaceTools';

export interface DiskFolder extends ToolFolder {
  readonly fsRoot: string;
}

async function walk(root: string, relative: string, depth: number, out: string[]): Promise<void> {
  if (depth > 8) return;
  const entries = await fs.readdir(join(root, relative)).catch(() => [] as string[]);
  for (const name of entries) {
    const rel = relative ? `${relative}/${name}` : name;
    const stat = await fs.stat(join(root, rel)).catch(() => undefined);
    if (stat?.isDirectory()) await walk(root, rel, depth + 1, out);
    else if (stat?.isFile()) out.push(rel);
  }
}

export function diskWorkspace(
  folders: readonly DiskFolder[],
  options: { problems?: Problem<DiskFolder>[]; filesExclude?: unknown } = {},
): WorkspaceAccess<DiskFolder> & { reads: string[] } {
  const reads: string[] = [];
  const path = (at: Located<DiskFolder>): string => join(at.folder.fsRoot, at.relative);
  return {
    folders,
    reads,
    realpath: (p) => fs.realpath(p),
    async stat(at): Promise<FileStat | undefined> {
      const s = await fs.stat(path(at)).catch(() => undefined);
      if (!s) return undefined;
      return { type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size };
    },
    async readFile(at) {
      reads.push(path(at));
      return new Uint8Array(await fs.readFile(path(at)));
    },
    async findFiles(folder, pattern, max) {
      const matches = picomatch(pattern, { dot: true });
      const out: Located<DiskFolder>[] = [];
      for (const f of folder ? [folder] : folders) {
        const files: string[] = [];
        await walk(f.fsRoot, '', 0, files);
        for (const rel of files) if (matches(rel) && out.length < max) out.push({ folder: f, relative: rel });
      }
      return out;
    },
    problems: () => options.problems ?? [],
    filesExclude: () => options.filesExclude ?? {},
  };
}
