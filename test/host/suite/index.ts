// Entry point of the extension-host suite. Both hosts load it: code-server (through the workbench
// `payload`, see ../runInCodeServer.ts) and desktop VS Code (through @vscode/test-electron, see
// ../runInElectron.ts). It runs mocha inside the real extension host and writes the outcome to
// PG_TEST_RESULTS_FILE, since nothing waits for a browser-hosted extension host to exit.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { isFault } from './helpers';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
  /** An injected fault (tagged with `fault()`), counted in the reliability figures. */
  fault?: boolean;
}

function say(line: string): void {
  console.log(`[suite] ${line}`);
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: class {} as unknown as Mocha.ReporterConstructor });
  // PG_SUITE_GREP (while developing): run only the tests whose full title matches.
  if (process.env.PG_SUITE_GREP) mocha.grep(new RegExp(process.env.PG_SUITE_GREP, 'i'));
  mocha.suite.emit('pre-require', globalThis, 'host-suite', mocha);
  // Loaded after `pre-require`, so `describe`/`it` exist when each file's top level runs: an import
  // would be hoisted above it.
  /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */
  require('./commands.test');
  require('./placement.test');
  require('./review.test');
  require('./settings.test');
  require('./safety.test');
  const { faultCounters } = require('./faults.test') as typeof import('./faults.test');
  /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */

  const outcomes: TestOutcome[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => {
      outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration, ...(isFault(test) ? { fault: true } : {}) });
      say(`✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, error: Error) => {
      outcomes.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message, ...(isFault(test) ? { fault: true } : {}) });
      say(`✗ ${test.fullTitle()}\n${error.stack ?? error.message}`);
    });
  });
  const passed = outcomes.filter((o) => o.state === 'passed').length;
  const summary = { passed, failed: outcomes.length - passed, tests: outcomes, faultCounters };
  say(`${summary.passed} passed, ${summary.failed} failed`);
  const file = process.env.PG_TEST_RESULTS_FILE;
  if (file) writeFileSync(file, JSON.stringify(summary, null, 2));
  if (failures > 0) throw new Error(`${failures} host test(s) failed`);
}
