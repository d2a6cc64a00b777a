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
  await openWorkbench(page, workbenchUrl(options.serverUrl, options.workspace, payload));
  return waitForResults(options.resultsFile, options.timeoutMs ?? 10 * 60_000);
}

async function waitForResults(file: string, timeoutMs: number): Promise<SuiteResults> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
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
  return test;
}
