// `npm run bench`, the floor's first edit in a new window: what the first-command figure is compared
// with. Loaded by runBench.ts in a window of its own (after the extension's figures), it runs the floor
// first, then warm, and writes the cold extra over the warm median. Whatever VS Code does on a
// window's first edit shows here as well as in the extension's first command.
import { writeFileSync } from 'node:fs';
import { env } from '../host/suite/helpers';
import { quantile, type Figure } from './figures';
import { ANSWER, benchConnection, floorRun, SOURCE } from './index';

const say = (text: string): void => console.log(`[suite] bench: ${text}`);

export async function run(): Promise<void> {
  const connection = await benchConnection();
  const job = { source: SOURCE, selectAll: false, answer: ANSWER, delayMs: 0 };
  const errors: string[] = [];
  const figures: Figure[] = [];
  try {
    const first = (await floorRun(job, connection)).placed;
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await floorRun(job, connection)).placed);
    figures.push({ key: 'floorFirst', title: 'floor: first edit in a new window, extra over warm', samples: [first - quantile(warm, 0.5)] });
    say(`floor first ${first.toFixed(1)} ms, warm median ${quantile(warm, 0.5).toFixed(1)} ms`);
  } catch (error) {
    errors.push(`floor first: ${error instanceof Error ? error.message : String(error)}`);
  }
  writeFileSync(env('PG_TEST_RESULTS_FILE'), JSON.stringify({ passed: errors.length ? 0 : 1, failed: errors.length, tests: [], figures, errors }, null, 2));
}
