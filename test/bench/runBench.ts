// `npm run bench`: the extension's figures in a real VS Code (code-server), side by side with the
// floor, against the stand-in; then the chat figures through the chat webview (chatBench.ts). Figures,
// not pass/fail (it exits non-zero only when a figure could not be taken). Prints median, p90, n and
// the ratio to the floor; writes test-results/bench.json and, when bench/baseline.json exists, the
// change against it. PG_BENCH_SCALE=0.5 halves the rounds.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startStandIn } from '../server/standInServer';
import { Cleanups, makeDirs, projectRoot, provision, quietSettings, remoteUri, startCodeServer, writeUserSettings } from '../host/codeServer';
import { runSuitePhase } from '../host/suitePhase';
import { enterKeyInMaskedBox, SET_KEY } from '../host/ui/context';
import { launchBrowser, openWorkbench, runCommand, workbenchUrl } from '../host/workbench';
import { chatFigures } from './chatBench';
import { chatFloorEnv, installChatFloor } from './chatFloor';
import { line, summarize, type Figure, type Summary } from './figures';

interface BenchFile {
  date: string;
  machine: string;
  /** dist/extension.js of the release build, in bytes. */
  extensionBytes?: number;
  figures: Summary[];
}

const count = (fallback: number): number => Math.max(1, Math.round(fallback * Number(process.env.PG_BENCH_SCALE ?? '1')));

const cleanups = new Cleanups();

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`;
}

async function main(): Promise<void> {
  provision();
  const token = `pg-bench-token-${randomBytes(8).toString('hex')}`;
  const standIn = await startStandIn({ token });
  cleanups.push(() => standIn.close());
  const dirs = makeDirs('pg-bench-');
  if (!process.env.PG_KEEP_DIRS) cleanups.push(() => dirs.cleanup());
  const resultsFile = join(dirs.root, 'bench-results.json');
  const settings = {
    ...quietSettings,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'predictionGuard.baseUrl': standIn.baseUrl,
    'predictionGuard.model': 'gpt-oss-120b',
    // The placement figures: the answer written at once (no diff review), replacing the selection,
    // as one whole answer (the floor does one fetch and one JSON.parse).
    'predictionGuard.review': 'apply',
    'predictionGuard.placement': 'replace',
    'predictionGuard.stream': 'off',
  };
  writeUserSettings(dirs.userDataDir, settings);
  // PG_BENCH_TRACE=1: every log at trace level, the extension's timing marks included (keep the logs with PG_KEEP_DIRS=1).
  const extraArgs = process.env.PG_BENCH_TRACE ? ['--log', 'trace'] : [];
  // The chat figures' floor: an extension of its own, installed next to the development extension.
  installChatFloor(dirs);
  const server = await startCodeServer({
    dirs,
    extraArgs,
    env: {
      PG_STANDIN_CONTROL_URL: standIn.controlUrl,
      PG_TEST_RESULTS_FILE: resultsFile,
      PG_BENCH_KEY_STORED: '1',
      ...chatFloorEnv(standIn, settings['predictionGuard.model']),
    },
  });
  cleanups.push(() => server.stop());
  const { browser, page } = await launchBrowser();
  cleanups.push(() => browser.close());
  page.setDefaultNavigationTimeout(180_000); // a loaded machine can take minutes to serve the workbench
  page.on('console', (message) => {
    const text = message.text();
    const at = text.indexOf('[suite]');
    if (at >= 0) console.log(text.slice(at));
  });
  console.log(`bench: code-server ${server.url}, stand-in ${standIn.baseUrl}`);
  // The key is stored as a user would, in an earlier window: the bench's window is then a new window
  // of someone who has set up the extension (its first command reads a stored key).
  await openWorkbench(page, workbenchUrl(server.url, dirs.workspace, [['extensionDevelopmentPath', remoteUri(server.port, projectRoot)]]));
  await runCommand(page, SET_KEY);
  await enterKeyInMaskedBox(page, token);
  await page.locator('.notifications-toasts').getByText('API key saved').first().waitFor({ timeout: 30_000 });
  await runSuitePhase({
    page,
    serverUrl: server.url,
    port: server.port,
    workspace: dirs.workspace,
    extensionPath: projectRoot,
    suitePath: join(projectRoot, 'out', 'test', 'bench', 'index.js'),
    resultsFile,
    timeoutMs: 15 * 60_000,
  });
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { figures: Figure[]; errors: string[] };

  // The floor's first edit, in a new window of its own, in a browser context of its own (nothing the
  // earlier windows loaded is cached, as for the extension's first command): the first-command figure's floor.
  rmSync(resultsFile);
  const floorContext = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  await runSuitePhase({
    page: await floorContext.newPage(),
    serverUrl: server.url,
    port: server.port,
    workspace: dirs.workspace,
    extensionPath: projectRoot,
    suitePath: join(projectRoot, 'out', 'test', 'bench', 'floorFirst.js'),
    resultsFile,
    timeoutMs: 5 * 60_000,
  });
  const floorFirst = JSON.parse(readFileSync(resultsFile, 'utf8')) as { figures: Figure[]; errors: string[] };
  await floorContext.close();
  const firstCommand = results.figures.find((f) => f.key === 'firstCommand');
  const floorFirstFigure = floorFirst.figures.find((f) => f.key === 'floorFirst');
  if (firstCommand && floorFirstFigure) firstCommand.floor = floorFirstFigure.samples;
  results.errors.push(...floorFirst.errors);

  // The chat figures, in a workbench without the bench suite, streaming on (the 100 KB and per-turn
  // answers are scripted as one JSON body; the first-word figure streams).
  standIn.reset();
  writeUserSettings(dirs.userDataDir, { ...settings, 'predictionGuard.stream': 'on' });
  await openWorkbench(page, workbenchUrl(server.url, dirs.workspace, [['extensionDevelopmentPath', remoteUri(server.port, projectRoot)]]));
  await runCommand(page, SET_KEY);
  await enterKeyInMaskedBox(page, token);
  const chat = await chatFigures({
    page,
    standIn,
    model: 'gpt-oss-120b',
    count,
    say: (text) => console.log(`[bench] ${text}`),
  });
  results.figures.push(...chat.figures);
  results.errors.push(...chat.errors);
  await cleanups.run();

  const summaries = results.figures.map(summarize);
  const baselineFile = join(projectRoot, 'bench', 'baseline.json');
  const baseline = existsSync(baselineFile) ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as BenchFile) : undefined;
  const extensionBytes = statSync(join(projectRoot, 'dist', 'extension.js')).size;
  const out: BenchFile = { date: new Date().toISOString(), machine: machine(), extensionBytes, figures: summaries };
  console.log(`\nbench ${out.date} on ${out.machine}${baseline ? `; baseline ${baseline.date}` : ''}`);
  for (const summary of summaries)
    console.log(
      line(
        summary,
        baseline?.figures.find((b) => b.key === summary.key),
      ),
    );
  const fast = summaries.find((s) => s.key === 'placed.500ms');
  if (fast)
    console.log(
      `500 ms server: the extension adds ${((fast.median / 500) * 100).toFixed(1)} % (floor ${(((fast.floorMedian ?? 0) / 500) * 100).toFixed(1)} %)`,
    );
  const bundleWas = baseline?.extensionBytes === undefined ? '' : ` (baseline ${(baseline.extensionBytes / 1000).toFixed(1)} KB)`;
  console.log(`dist/extension.js (release build): ${(extensionBytes / 1000).toFixed(1)} KB, budget 200 KB${bundleWas}`);
  for (const error of results.errors) console.log(`not measured: ${error.split('\n')[0]}`);
  mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
  writeFileSync(join(projectRoot, 'test-results', 'bench.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('written to test-results/bench.json (copy it to bench/baseline.json to make it the baseline)');
  process.exit(results.errors.length ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void cleanups.run().finally(() => process.exit(130)));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await cleanups.run();
  process.exit(1);
});
