// One build script: the extension (Node, CommonJS, `vscode` external), each webview script
// (browser, IIFE) and the extension-host test suite (Node, CommonJS, `vscode` external).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const sizeCheck = process.argv.includes('--size-check');
const production = sizeCheck || process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** What activation loads, dist/extension.js of the release build, may weigh at most this (issue 15; 200 KB
 * until the third hardening round added about 6 KB of checks that run on every request: issue 20). */
const EXTENSION_BUDGET_BYTES = 210_000;

/** Webview entry points: media/<name>/main.ts -> dist/webview/<name>.js (+ <name>.css from its CSS imports). */
const webviewEntries = existsSync('media')
  ? readdirSync('media', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`media/${entry.name}/main.ts`))
      .map((entry) => ({ in: `media/${entry.name}/main.ts`, out: entry.name }))
  : [];

/**
 * Libraries the extension needs only on first use, each built as a second entry point and loaded by a
 * run-time `require` instead of at activation: markdown-it (with its entity tables) once an answer is
 * shown as Markdown or the chat looks at code blocks (`require('./hostMarkdown')` in
 * src/core/markdown/lazyMarkdown.ts -> dist/markdown.js); the workspace tools' implementation with
 * picomatch at a turn's first tool call (`require('./workspaceRunner')` in src/tools/vscodeHooks.ts ->
 * dist/tools.js); the chat history's file storage on the chat's first use (`require('./historyStorage')` in
 * src/chat/register.ts -> dist/history.js); the parameters panel when it is first opened or revived
 * (`require('./parametersPanel')` in src/panels/registerParameters.ts -> dist/panel.js). `--size-check` (npm run build:check) fails when dist/extension.js outgrows its budget.
 */
const lazyModules = [
  { importer: 'src/core/markdown/lazyMarkdown.ts', request: './hostMarkdown', entry: 'src/core/markdown/hostMarkdown.ts', out: 'markdown.js' },
  { importer: 'src/tools/vscodeHooks.ts', request: './workspaceRunner', entry: 'src/tools/workspaceRunner.ts', out: 'tools.js' },
  { importer: 'src/chat/register.ts', request: './historyStorage', entry: 'src/chat/historyStorage.ts', out: 'history.js' },
  { importer: 'src/panels/registerParameters.ts', request: './parametersPanel', entry: 'src/panels/parametersPanel.ts', out: 'panel.js' },
];

/** @type {esbuild.Plugin} */
const lazyRequires = {
  name: 'lazy-requires',
  setup(build) {
    build.onResolve({ filter: /^\.\/\w+$/ }, (args) => {
      const importer = args.importer.replace(/\\/g, '/');
      const lazy = lazyModules.find((m) => m.request === args.path && importer.endsWith(m.importer));
      return lazy ? { path: `./${lazy.out}`, external: true } : undefined;
    });
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
  { ...extensionOptions, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyRequires] },
  ...lazyModules.map((m) => ({ ...extensionOptions, entryPoints: [m.entry], outfile: `dist/${m.out}` })),
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
    entryPoints: ['test/bench/index.ts', 'test/bench/floorFirst.ts'],
    outdir: 'out/test/bench',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning',
  });
  // The chat figures' floor, a tiny extension of its own (test/bench/floorExtension): packaged and
  // installed into the bench's code-server by test/bench/chatFloor.ts, never into the release.
  builds.push(
    {
      entryPoints: ['test/bench/floorExtension/extension.ts'],
      outfile: 'out/bench-floor/dist/extension.js',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode'],
      logLevel: 'warning',
    },
    {
      entryPoints: ['test/bench/floorExtension/page.ts'],
      outfile: 'out/bench-floor/dist/page.js',
      bundle: true,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      logLevel: 'warning',
    },
  );
}

if (sizeCheck) {
  // The release bundle, built in memory (dist/ is left as it is), against its budget.
  const result = await esbuild.build({ ...builds[0], write: false });
  const bytes = result.outputFiles.find((file) => file.path.endsWith('extension.js'))?.contents.length ?? Number.NaN;
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  if (!(bytes <= EXTENSION_BUDGET_BYTES)) {
    console.error(
      `dist/extension.js (release build) is ${kb(bytes)}, over its budget of ${kb(EXTENSION_BUDGET_BYTES)}: load what activation does not need on first use (see lazyModules above)`,
    );
    process.exit(1);
  }
  console.log(`dist/extension.js (release build): ${kb(bytes)} of its ${kb(EXTENSION_BUDGET_BYTES)} budget`);
  process.exit(0);
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
