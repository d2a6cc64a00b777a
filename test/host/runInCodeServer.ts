// `npm run test:host`: the extension in a real VS Code (code-server + Chromium).
// Phase 1 drives the UI with Playwright (test/host/ui); phase 2 runs the extension-host suite
// (out/test/host/suite/index.js). Both share one browser context, so the API key stored in phase 1
// (SecretStorage lives in the browser's localStorage) is still there in phase 2.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startStandIn, type StandIn } from '../server/standInServer';
import {
  Cleanups,
  fixtureWorkspace,
  makeDirs,
  projectRoot,
  provision,
  quietSettings,
  remoteUri,
  startCodeServer,
  vscode,
  writeUserSettings,
  type CodeServer,
  type Dirs,
} from './codeServer';
import {
  attackLine,
  emptyFigures,
  readClientFaults,
  readUnitAttacks,
  scanForSecret,
  scanPageForSecret,
  summaryLine,
  writeReliabilityReport,
  writeSummary,
  type UiFigures,
} from './faultSummary';
import { startRecordingProxy } from './recordingProxy';
import { runSuitePhase } from './suitePhase';
import { runTrustPhase } from './trustPhase';
import { uiTests } from './ui';
import { recoverWorkbench } from './ui/context';
import { launchBrowser, openWorkbench, screenshot, screenshotDir, workbenchUrl } from './workbench';

interface Outcome {
  title: string;
  passed: boolean;
  error?: string;
  /** Tagged as an injected fault (UI test entry `fault: true`, suite test wrapped in `fault()`). */
  fault?: boolean;
  /** An attack case (UI entry `attack: true`, a suite test titled "attack: …", the trust phase's tests). */
  attack?: boolean;
  /** Where it ran, for the reliability report. */
  phase?: 'ui' | 'suite' | 'trust';
}

const outcomes: Outcome[] = [];
const cleanups = new Cleanups();

function report(outcome: Outcome, ms?: number): void {
  outcomes.push(outcome);
  const time = ms === undefined ? '' : ` (${(ms / 1000).toFixed(1)} s)`;
  console.log(`  ${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.title}${time}`);
  if (outcome.error) console.log(`       ${outcome.error.split('\n').join('\n       ')}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.env.PG_HOST_ONLY; // "ui", "suite" or "trust" while developing; all by default
  const extensionPath = process.env.PG_HOST_EXTENSION ?? projectRoot;
  const suitePath = process.env.PG_HOST_SUITE ?? join(projectRoot, 'out', 'test', 'host', 'suite', 'index.js');
  provision();
  // Pictures of failures from an earlier run would mislead: drop them (the others are overwritten).
  mkdirSync(screenshotDir, { recursive: true });
  for (const file of readdirSync(screenshotDir, { withFileTypes: true }).filter((f) => f.name.startsWith('failed-'))) {
    rmSync(join(screenshotDir, file.name));
  }

  const token = `pg-test-token-${randomBytes(8).toString('hex')}`;
  const standIn: StandIn = await startStandIn({ token });
  cleanups.push(() => standIn.close());
  const proxy = await startRecordingProxy();
  cleanups.push(() => proxy.close());

  const dirs: Dirs = makeDirs('pg-host-');
  if (!process.env.PG_KEEP_DIRS) cleanups.push(() => dirs.cleanup()); // PG_KEEP_DIRS=1: keep logs to debug
  const suiteWorkspace = join(dirs.root, 'suite-workspace');
  cpSync(fixtureWorkspace, suiteWorkspace, { recursive: true });
  const resultsFile = join(dirs.root, 'suite-results.json');
  writeUserSettings(dirs.userDataDir, {
    ...quietSettings,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'predictionGuard.baseUrl': standIn.baseUrl,
    'predictionGuard.model': 'gpt-oss-120b',
    'predictionGuard.prompts': [{ name: 'Add type hints', prompt: 'Add explicit type annotations to every variable.' }],
    // VS Code sends loopback hosts DIRECT; the proxy test uses 127.0.0.2 (see recordingProxy.ts).
    'http.proxy': proxy.url,
  });
  const server: CodeServer = await startCodeServer({
    dirs,
    env: { PG_STANDIN_CONTROL_URL: standIn.controlUrl, PG_TEST_RESULTS_FILE: resultsFile, PG_PROXY_URL: proxy.url, PG_USER_DATA_DIR: dirs.userDataDir },
    // Every log at its most verbose, so the key-leak scan below covers trace-level lines too.
    extraArgs: ['--log', 'trace'],
  });
  cleanups.push(() => server.stop());
  console.log(
    `host: VS Code ${vscode.vscode} (code-server ${vscode.codeServer}) at ${server.url}, stand-in ${standIn.baseUrl} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  const { browser, page } = await launchBrowser();
  cleanups.push(() => browser.close());
  page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
  page.on('console', (message) => {
    // Extension-host output reaches the page console prefixed ("%c INFO color: #33f [suite] ...").
    const text = message.text();
    const at = text.indexOf('[suite]');
    if (at >= 0 && /^(%c\s+\w+\s+color:\s*#\w+\s+)?$/.test(text.slice(0, at))) console.log(text.slice(at));
  });

  const figures: UiFigures = emptyFigures();
  let pageLeaks = 0;
  let editsLost = 0;
  if (only !== 'suite' && only !== 'trust') {
    console.log('phase 1: UI tests (Playwright)');
    const payload: [string, string][] = [['extensionDevelopmentPath', remoteUri(server.port, extensionPath)]];
    await openWorkbench(page, workbenchUrl(server.url, dirs.workspace, payload));
    const ctx = { page, standIn, token, workspace: dirs.workspace, userDataDir: dirs.userDataDir, figures, log: (m: string) => console.log(`       ${m}`) };
    const filter = process.env.PG_UI_FILTER ? new RegExp(process.env.PG_UI_FILTER, 'i') : undefined; // while developing
    for (const { title, run: test, fault, attack } of uiTests.filter(({ title: t }) => !filter || filter.test(t))) {
      if (interrupted) break;
      const t0 = Date.now();
      standIn.reset(); // an answer queued by an earlier test that failed before its request must not answer this one
      try {
        await test(ctx);
        report({ title, passed: true, phase: 'ui', ...(fault ? { fault } : {}), ...(attack ? { attack } : {}) }, Date.now() - t0);
      } catch (error) {
        if (interrupted) break;
        const name = title
          .replace(/[^a-z0-9]+/gi, '-')
          .toLowerCase()
          .slice(0, 60);
        await screenshot(page, `failed-${name}`).catch(() => undefined);
        report(
          {
            title,
            passed: false,
            phase: 'ui',
            ...(fault ? { fault } : {}),
            ...(attack ? { attack } : {}),
            error: error instanceof Error ? error.message : String(error),
          },
          Date.now() - t0,
        );
        // Close what the failed test left open, so the next test starts from the workbench it expects.
        await recoverWorkbench(page).catch((e: unknown) => ctx.log(`could not tidy the workbench: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    pageLeaks = await scanPageForSecret(page, token);
  }

  if (only !== 'ui' && only !== 'trust' && !interrupted) {
    console.log('phase 2: extension-host suite');
    const t0 = Date.now();
    try {
      const results = await runSuitePhase({ page, serverUrl: server.url, port: server.port, workspace: suiteWorkspace, extensionPath, suitePath, resultsFile });
      for (const test of results.tests) {
        report({
          title: test.title,
          passed: test.state === 'passed',
          phase: 'suite',
          ...(test.fault ? { fault: true } : {}),
          ...(/\battack: /.test(test.title) ? { attack: true } : {}),
          ...(test.error ? { error: test.error } : {}),
        });
      }
      editsLost = (JSON.parse(readFileSync(resultsFile, 'utf8')) as { faultCounters?: { editsLost?: number } }).faultCounters?.editsLost ?? 0;
      const listedFailures = results.tests.filter((t) => t.state === 'failed').length;
      if (results.failed > listedFailures) report({ title: `suite: ${results.failed - listedFailures} failure(s) not listed`, passed: false });
      console.log(`  suite finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      report({ title: 'extension-host suite', passed: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  if ((!only || only === 'trust') && !interrupted) {
    console.log('phase 3: Workspace Trust on, a hostile .vscode/settings.json');
    // Every test of this phase is a hostile workspace: each counts as an attack case.
    await runTrustPhase({ standIn, token, extensionPath, figures, report: (o, ms) => report({ ...o, phase: 'trust', attack: true }, ms) });
  }

  if (interrupted) return; // the signal handler cleans up and exits
  await server.stop(); // flush its logs before the scan
  const diskLeaks = scanForSecret(dirs.root, token);
  for (const leak of diskLeaks) console.log(`       key found in ${leak.file} (${leak.count}×)`);
  const leaks = pageLeaks + diskLeaks.reduce((n, l) => n + l.count, 0);
  report({
    title: 'the sentinel key appears in no file the run left (trace logs, settings, state) and in no webview or notification',
    passed: leaks === 0,
    ...(leaks ? { error: `${leaks} occurrence(s)` } : {}),
  });
  await cleanups.run();
  const faultTests = outcomes.filter((o) => o.fault === true);
  const client = readClientFaults(join(projectRoot, 'test-results', 'faults-client.json'));
  const totals = {
    injected: (client?.injected ?? 0) + faultTests.length + figures.hostilePayloads,
    handled:
      (client?.handled ?? 0) +
      faultTests.filter((o) => o.passed).length +
      (figures.scriptsRun === 0 && figures.remoteFetches === 0 ? figures.hostilePayloads : 0),
    editsLost: (client?.editsLost ?? 0) + editsLost,
    tokenLeaks: (client?.tokenLeaks ?? 0) + leaks,
    scriptsRun: (client?.scriptsRun ?? 0) + figures.scriptsRun,
    remoteFetches: (client?.remoteFetches ?? 0) + figures.remoteFetches,
  };
  writeSummary(join(projectRoot, 'test-results', 'faults.json'), totals);
  console.log(summaryLine(totals));
  const hostAttacks = outcomes.filter((o) => o.attack === true);
  const unit = readUnitAttacks(join(projectRoot, 'test-results', 'unit-attacks.json'));
  const unitAttacks = unit?.tests ?? [];
  const attacks = {
    tried: hostAttacks.length + unitAttacks.length,
    refused: hostAttacks.filter((o) => o.passed).length + unitAttacks.filter((t) => t.passed).length,
    commandsRun: figures.commandsRun,
    unreviewedEdits: figures.unreviewedEdits,
    remoteFetches: figures.remoteFetches,
  };
  console.log(attackLine(attacks));
  // Only a full, clean run rewrites the report the README links to (a filtered run would shrink it).
  const complete = !only && !process.env.PG_UI_FILTER && !process.env.PG_HOST_SUITE && !process.env.PG_HOST_EXTENSION;
  const allPassed = outcomes.every((o) => o.passed);
  if (complete && allPassed && client && unit) {
    const file = writeReliabilityReport(join(projectRoot, 'docs', 'reliability.md'), {
      totals,
      attacks,
      hostAttacks: hostAttacks.map((o) => o.title.replace(/^.*?attack: /, '')),
      unitAttacks: unitAttacks.map((t) => t.name.replace(/^attack: /, '')),
      ui: faultTests.filter((o) => o.phase === 'ui').map((o) => o.title),
      suite: faultTests.filter((o) => o.phase === 'suite').map((o) => o.title.replace(/^faults /, '')),
      client: client.faults?.map((f) => f.name) ?? [],
      hostilePayloads: figures.hostilePayloads,
    });
    console.log(`host: reliability figures written to ${file}`);
  }
  const passed = outcomes.filter((o) => o.passed).length;
  const failed = outcomes.length - passed;
  console.log(`host: VS Code ${vscode.vscode} finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/screenshots/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

// Ctrl+C: stop code-server, Chromium and the stand-in before leaving (Playwright's own SIGINT
// handling is off, see launchBrowser, so it cannot exit first).
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.log(`host: ${signal}, stopping`);
    void cleanups.run().finally(() => process.exit(130));
  });
}

main().catch(async (error: unknown) => {
  if (interrupted) return; // the signal handler cleans up and exits
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await cleanups.run();
  const passed = outcomes.filter((o) => o.passed).length;
  console.log(`${passed} passed, ${outcomes.length - passed + 1} failed`);
  process.exit(1);
});
