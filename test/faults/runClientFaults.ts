// Runs every client-level fault, prints one line per fault and the summary line, writes the JSON
// summary to $PG_FAULTS_OUT (default test-results/faults-client.json). Exit 1 on any unhandled
// fault, token leak or remote fetch.   npx tsx test/faults/runClientFaults.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CLIENT_FAULTS, createRig, runFault, summarise, summaryLine } from './clientFaults';
import type { FaultResult } from './types';

async function main(): Promise<number> {
  const started = Date.now();
  const rig = await createRig();
  const results: FaultResult[] = [];
  try {
    for (const fault of CLIENT_FAULTS) {
      const result = await runFault(fault, rig);
      results.push(result);
      const time = `(${result.elapsedMs} ms)`;
      const ok = result.handled && result.tokenLeaks === 0 && result.remoteFetches === 0;
      console.log(
        ok
          ? `ok  ${result.name} ${time}`
          : `FAIL ${result.name}: ${result.problems.join('; ')}${result.knownBug ? ` [known bug: ${result.knownBug}]` : ''} ${time}`,
      );
    }
  } finally {
    await rig.close();
  }
  const summary = summarise(results, Date.now() - started);
  const out = resolve(process.env['PG_FAULTS_OUT'] ?? 'test-results/faults-client.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(summaryLine(summary));
  console.log(`(${(summary.elapsedMs / 1000).toFixed(1)} s; summary written to ${out})`);
  const clean = summary.handled === summary.injected && summary.tokenLeaks === 0 && summary.remoteFetches === 0;
  return clean ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
