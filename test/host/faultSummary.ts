// The fault-injection figures of a run: the client faults (plain Node, test/faults), the extension's
// own faults (the host suite's "faults:" tests), the hostile answers and errors of the UI tests, and a
// scan of everything the run left on disk and in the webviews for the sentinel key.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/** Figures UI tests add to as they go (e.g. the hostile chat answer's payloads). */
export interface UiFigures {
  hostilePayloads: number;
  scriptsRun: number;
  remoteFetches: number;
}

export interface FaultTotals {
  injected: number;
  handled: number;
  editsLost: number;
  tokenLeaks: number;
  scriptsRun: number;
  remoteFetches: number;
}

interface ClientFaults extends FaultTotals {
  faults?: unknown[];
}

/** UI tests that inject a fault or a hostile answer. */
export const FAULT_UI_TESTS =
  /^(403 |safeguard block|a server echoing|Cancel on|rate limited|parameters panel: an out-of-range|chat: Stop|chat: a safeguard|chat: an answer with)/;

/** Files under `root` containing `secret`, with how often. Skips files over 64 MiB. */
export function scanForSecret(root: string, secret: string): { file: string; count: number }[] {
  const needle = Buffer.from(secret);
  const found: { file: string; count: number }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && statSync(path).size < 64 * 1024 * 1024) {
        const data = readFileSync(path);
        let count = 0;
        for (let at = data.indexOf(needle); at >= 0; at = data.indexOf(needle, at + needle.length)) count++;
        if (count) found.push({ file: path, count });
      }
    }
  };
  if (existsSync(root)) walk(root);
  return found;
}

/** How often `secret` appears in the HTML of every frame (webviews included) and in the notifications. */
export async function scanPageForSecret(page: Page, secret: string): Promise<number> {
  let count = 0;
  for (const frame of page.frames()) {
    const html = await frame.content().catch(() => '');
    count += html.split(secret).length - 1;
  }
  return count;
}

export function readClientFaults(file: string): ClientFaults | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as ClientFaults;
}

export function summaryLine(t: FaultTotals): string {
  return `faults: ${t.injected} injected, ${t.handled} handled, ${t.editsLost} edits lost, ${t.tokenLeaks} token leaks, ${t.scriptsRun} scripts run, ${t.remoteFetches} remote fetches`;
}

export function writeSummary(file: string, totals: FaultTotals): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...totals, at: new Date().toISOString() }, null, 2));
}
