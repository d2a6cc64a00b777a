// The fault-injection figures of a run: the client faults (plain Node, test/faults), the extension's
// own faults (the host suite's "faults:" tests), the hostile answers and errors of the UI tests, and a
// scan of everything the run left on disk and in the webviews for the sentinel key.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/** Figures UI tests add to as they go (e.g. the hostile chat answer's payloads). */
export interface UiFigures {
  hostilePayloads: number;
  scriptsRun: number;
  remoteFetches: number;
  /** Canary commands that an attack made VS Code run (must stay 0). */
  commandsRun: number;
  /** Edits an attack got written into a file without the diff review (must stay 0). */
  unreviewedEdits: number;
}

export function emptyFigures(): UiFigures {
  return { hostilePayloads: 0, scriptsRun: 0, remoteFetches: 0, commandsRun: 0, unreviewedEdits: 0 };
}

/** The attack cases of a run: host tests tagged as attacks and the unit tests named "attack: …". */
export interface AttackTotals {
  tried: number;
  refused: number;
  commandsRun: number;
  unreviewedEdits: number;
  remoteFetches: number;
}

export interface UnitAttacks {
  tests: { name: string; passed: boolean }[];
}

export function readUnitAttacks(file: string): UnitAttacks | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as UnitAttacks;
  } catch {
    return undefined; // a unit run still writing it: the report is then not rewritten
  }
}

export function attackLine(t: AttackTotals): string {
  return `attacks: ${t.tried} tried, ${t.refused} refused, ${t.commandsRun} commands run, ${t.unreviewedEdits} unreviewed edits, ${t.remoteFetches} remote fetches`;
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
  faults?: { name: string }[];
}

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

export interface ReliabilityReport {
  totals: FaultTotals;
  attacks: AttackTotals;
  /** Titles of the attack-tagged host tests (UI, suite and trust phases). */
  hostAttacks: string[];
  /** Names of the unit tests named "attack: …", without that prefix. */
  unitAttacks: string[];
  /** Titles of the fault-tagged UI tests (phase 1). */
  ui: string[];
  /** Titles of the fault-tagged extension-host tests (phase 2). */
  suite: string[];
  /** Names of the client faults (test/faults). */
  client: string[];
  hostilePayloads: number;
}

/** The report the README links to: written by a full, clean `npm run test:host`, never by hand. */
export function reliabilityMarkdown(r: ReliabilityReport, at: Date = new Date()): string {
  const list = (items: string[]): string => items.map((item) => `- ${item}`).join('\n');
  return [
    '# Reliability: the fault-injection figures',
    '',
    '<!-- Written by `npm run test:host` (test/host/faultSummary.ts) after a full run with no failure. Do not edit by hand. -->',
    '',
    `Last full run: ${at.toISOString().slice(0, 10)}, ${cpus().length} CPU(s), ${platform()}/${arch()}.`,
    '',
    '```',
    summaryLine(r.totals),
    attackLine(r.attacks),
    '```',
    '',
    'Handled means the outcome the test expects (the right message, no edit, no retry…); the run fails on',
    'any fault not handled, any edit lost, any appearance of the sentinel key, any script run or remote fetch.',
    `Injected counts each fault-tagged test once, each client fault once, and each of the ${r.hostilePayloads}`,
    'payloads of the hostile chat answer once; after the run every file it left (trace logs, settings,',
    'workspace and global state) and every webview and notification is searched for the sentinel key.',
    '',
    `## In the real VS Code, driving the UI (${r.ui.length})`,
    '',
    list(r.ui),
    '',
    `## In the real VS Code, in the extension host (${r.suite.length})`,
    '',
    list(r.suite),
    '',
    `## In plain Node, the client (${r.client.length})`,
    '',
    list(r.client),
    '',
    '## Attacks',
    '',
    'A hostile repository (its settings and files), answer or server tries to run a command, write code',
    'unseen, read a secret or fetch a remote address. Tried counts each attack-tagged host test and each',
    'unit test named "attack: …"; refused means it passed. Commands run counts canary commands that ran,',
    'unreviewed edits the files an attack changed without the diff review, remote fetches the connections',
    "an attacker's address received.",
    '',
    `### In the real VS Code (${r.hostAttacks.length})`,
    '',
    list(r.hostAttacks),
    '',
    `### In plain Node, the pure core (${r.unitAttacks.length})`,
    '',
    list(r.unitAttacks),
    '',
  ].join('\n');
}

export function writeReliabilityReport(file: string, report: ReliabilityReport): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, reliabilityMarkdown(report));
  return file;
}
