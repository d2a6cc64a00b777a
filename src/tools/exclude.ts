// Which files the tools never touch: predictionGuard.workspaceToolsExclude plus what files.exclude
// hides. Pure, over picomatch. A pattern matches a file or any folder above it, case-insensitively.
import picomatch from 'picomatch';

export const EXCLUDED = 'excluded by predictionGuard.workspaceToolsExclude';

/** `files.exclude` entries that are plainly on (`true`); `{ when }` entries depend on sibling files and are not used. */
export function filesExcludePatterns(filesExclude: unknown): string[] {
  if (typeof filesExclude !== 'object' || filesExclude === null) return [];
  return Object.entries(filesExclude as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([pattern]) => pattern);
}

export type Excluder = (relativePath: string) => boolean;

export function makeExcluder(patterns: readonly string[]): Excluder {
  const usable = patterns.map((p) => p.trim().replace(/^\.\//, '')).filter((p) => p !== '');
  if (usable.length === 0) return () => false;
  const matches = picomatch(usable, { dot: true, nocase: true });
  return (relativePath) => {
    const segments = relativePath.split('/').filter((s) => s !== '');
    for (let end = segments.length; end >= 1; end--) {
      if (matches(segments.slice(0, end).join('/'))) return true;
    }
    return false;
  };
}
