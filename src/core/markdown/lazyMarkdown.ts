// The host's Markdown functions, loading markdown-it on the first call instead of at activation.
// In the bundle, `./hostMarkdown` is dist/markdown.js (see esbuild.mjs); from source (unit tests) it
// is the module itself.
import type * as HostMarkdown from './hostMarkdown';
import type { CodeBlock } from './parser';

let loaded: typeof HostMarkdown | undefined;

function load(): typeof HostMarkdown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./hostMarkdown') as typeof HostMarkdown;
  return loaded;
}

/** The fenced and indented code blocks of `markdown`, in the order the rendered answer shows them. */
export function codeBlocks(markdown: string): CodeBlock[] {
  return load().codeBlocks(markdown);
}

/** `markdown` with remote images, raw HTML and dangerous links made inert; code unchanged. */
export function neutralizeMarkdown(markdown: string): string {
  return load().neutralizeMarkdown(markdown);
}
