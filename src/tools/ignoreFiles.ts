// What a workspace folder's .gitignore files and its root .pgignore keep from the tools. Pure, over the
// `ignore` package (gitignore syntax). Both only add to the excludes: a "!negation" un-ignores only
// within its own file, never a default exclude or a file another ignore file hides.
import ignore, { type Ignore } from 'ignore';

export const GITIGNORED = "ignored by the workspace's .gitignore";
export const PGIGNORED = 'excluded by .pgignore';

/** The text of a file at a folder-relative path, or undefined when there is none. */
export type ReadText = (relative: string) => Promise<string | undefined>;

/** True when the file, or a folder above it, is ignored by `rules` (paths relative to the rules' folder). */
function ignoredBy(rules: Ignore, segments: readonly string[]): boolean {
  for (let end = 1; end <= segments.length; end++) {
    const path = segments.slice(0, end).join('/') + (end < segments.length ? '/' : '');
    if (rules.ignores(path)) return true;
  }
  return false;
}

/** One folder's ignore files, each read once (per turn: the tools are made anew each turn). */
export class FolderIgnores {
  private readonly files = new Map<string, Promise<Ignore | undefined>>();

  constructor(private readonly read: ReadText) {}

  private rules(relative: string): Promise<Ignore | undefined> {
    let loaded = this.files.get(relative);
    if (!loaded) {
      loaded = this.read(relative).then(
        (text) => (text === undefined ? undefined : ignore().add(text)),
        () => undefined,
      );
      this.files.set(relative, loaded);
    }
    return loaded;
  }

  /** Why the file is kept from the tools, or undefined. A .gitignore applies to the paths below its folder. */
  async reason(relativePath: string): Promise<string | undefined> {
    const segments = relativePath.split('/').filter((s) => s !== '');
    if (segments.length === 0) return undefined;
    const pg = await this.rules('.pgignore');
    if (pg && ignoredBy(pg, segments)) return PGIGNORED;
    for (let depth = 0; depth < segments.length; depth++) {
      const git = await this.rules([...segments.slice(0, depth), '.gitignore'].join('/'));
      if (git && ignoredBy(git, segments.slice(depth))) return GITIGNORED;
    }
    return undefined;
  }
}
