// Phase 2: load the extension-host mocha suite (extensionTestsPath) in the workbench and collect
// the outcome it writes to PG_TEST_RESULTS_FILE.
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { remoteUri } from './codeServer';
import { openWorkbench, workbenchUrl } from './workbench';

export interface SuiteTest {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  /** Tagged as an injected fault. */
  fault?: boolean;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  tests: SuiteTest[];
}

export interface SuitePhaseOptions {
  page: Page;
  serverUrl: string;
  port: number;
  workspace: string;
  extensionPath: string;
  /** The built suite module (exports run(): Promise<void>). */
  suitePath: string;
  resultsFile: string;
  timeoutMs?: number;
}

export async function runSuitePhase(options: SuitePhaseOptions): Promise<SuiteResults> {
  const { page, port } = options;
  if (!existsSync(options.suitePath)) {
    throw new Error(`the suite is not built: ${options.suitePath} is missing (run npm run build)`);
  }
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remoteUri(port, options.extensionPath)],
    ['extensionTestsPath', remoteUri(port, options.suitePath)],
  ];
  // A suite whose run() rejects or cannot load writes no results; the workbench stays open and the
  // host logs the error with the suite's path in its stack. Fail then (after a grace period for a
  // results file written in a finally), instead of waiting for the timeout. Further "[suite]"
  // output shows the suite is still running: then the error was one it logged itself.
  let hostError: { text: string; at: number } | undefined;
  page.on('console', (message) => {
    const text = message.text().replace(/^%c\s+\w+\s+color:\s*#\w+\s+/, '');
    if (text.startsWith('[suite]')) {
      hostError = undefined;
    } else if (message.type() === 'error' && text.includes(options.suitePath) && hostError === undefined) {
      hostError = { text: text.split('\n').slice(0, 4).join('\n'), at: Date.now() };
    }
  });
  await openWorkbench(page, workbenchUrl(options.serverUrl, options.workspace, payload));
  return waitForResults(options.resultsFile, options.timeoutMs ?? 10 * 60_000, () => {
    if (hostError !== undefined && Date.now() - hostError.at > 5000) {
      throw new Error(`the suite failed without writing results:\n${hostError.text}`);
    }
  });
}

async function waitForResults(file: string, timeoutMs: number, checkAlive: () => void): Promise<SuiteResults> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    checkAlive();
    if (existsSync(file)) {
      try {
        return parseResults(readFileSync(file, 'utf8'));
      } catch {
        // being written: read it again shortly
      }
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`the suite wrote no results to ${file} within ${Math.round(timeoutMs / 1000)} s`);
}

function parseResults(text: string): SuiteResults {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) throw new Error('results are not an object');
  const record = value as Record<string, unknown>;
  const tests = Array.isArray(record.tests) ? record.tests.map(toTest) : [];
  return {
    passed: typeof record.passed === 'number' ? record.passed : tests.filter((t) => t.state === 'passed').length,
    failed: typeof record.failed === 'number' ? record.failed : tests.filter((t) => t.state === 'failed').length,
    tests,
  };
}

function toTest(item: unknown): SuiteTest {
  const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  const test: SuiteTest = {
    title: typeof record.title === 'string' ? record.title : '(untitled)',
    state: record.state === 'passed' ? 'passed' : 'failed',
  };
  if (typeof record.error === 'string') test.error = record.error;
  if (record.fault === true) test.fault = true;
  return test;
}
