// One build script: the extension (Node, CommonJS, `vscode` external), each webview script
// (browser, IIFE) and the extension-host test suite (Node, CommonJS, `vscode` external).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Webview entry points: media/<name>/main.ts -> dist/webview/<name>.js (+ <name>.css from its CSS imports). */
const webviewEntries = existsSync('media')
  ? readdirSync('media', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`media/${entry.name}/main.ts`))
      .map((entry) => ({ in: `media/${entry.name}/main.ts`, out: entry.name }))
  : [];

/**
 * markdown-it (with its entity tables) is needed only once an answer is shown as Markdown or the chat
 * looks at code blocks: `require('./hostMarkdown')` in src/core/markdown/lazyMarkdown.ts stays a
 * run-time require of dist/markdown.js, a second entry point, so activation does not load it.
 * @type {esbuild.Plugin}
 */
const lazyMarkdown = {
  name: 'lazy-markdown',
  setup(build) {
    build.onResolve({ filter: /^\.\/hostMarkdown$/ }, (args) =>
      args.importer.replace(/\\/g, '/').endsWith('src/core/markdown/lazyMarkdown.ts') ? { path: './markdown.js', external: true } : undefined,
    );
  },
};

/** Node, CommonJS, `vscode` external. */
const extensionOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...extensionOptions, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyMarkdown] },
  { ...extensionOptions, entryPoints: ['src/core/markdown/hostMarkdown.ts'], outfile: 'dist/markdown.js' },
  ...(webviewEntries.length
    ? [
        {
          entryPoints: webviewEntries,
          outdir: 'dist/webview',
          bundle: true,
          // Codicon font files are copied beside the CSS that uses them.
          loader: { '.ttf': 'file' },
          assetNames: '[name]',
          platform: 'browser',
          target: 'es2022',
          format: 'iife',
          minify: production,
          sourcemap: !production,
          sourcesContent: false,
          logLevel: 'warning',
        },
      ]
    : []),
];

// The host suite is a development artefact: never built into the release (and never packaged).
if (!production) {
  builds.push({
    entryPoints: ['test/host/suite/index.ts'],
    outfile: 'out/test/host/suite/index.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // mocha is loaded from the project's node_modules at run time, as test-electron suites do.
    external: ['vscode', 'mocha'],
    sourcemap: true,
    logLevel: 'warning',
  });
  // `npm run bench` (test/bench/runBench.ts) loads this in the extension host the same way.
  builds.push({
    entryPoints: ['test/bench/index.ts'],
    outfile: 'out/test/bench/index.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning',
  });
}

// A release starts from an empty dist/, so no development source map is left beside the bundle.
if (production) rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
