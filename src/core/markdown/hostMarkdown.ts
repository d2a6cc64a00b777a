// What the extension host needs from markdown-it, as one module: esbuild builds it as its own file
// (dist/markdown.js), loaded by lazyMarkdown.ts on first use, so activation never parses markdown-it.
export { codeBlocks } from './parser';
export { neutralizeMarkdown } from './neutralize';
