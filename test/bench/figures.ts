// Median, p90 and the comparison of two runs: pure, shared by the bench suite and its runner.

export interface Figure {
  /** Stable key, e.g. "placed.fast". */
  key: string;
  /** The wording of the figure. */
  title: string;
  /** Every sample, in ms (server time already taken off where the title says so). */
  samples: number[];
  /** The same job done by the floor (read selection, one fetch, JSON.parse, one editor.edit), when there is one. */
  floor?: number[];
  /** For a floor taken through a webview (the chat's): the same request from the bench's process alone. */
  floorNetwork?: number[];
}

export interface Summary {
  key: string;
  title: string;
  n: number;
  median: number;
  p90: number;
  floorMedian?: number;
  /** median / floorMedian */
  ratio?: number;
  /** Median of `floorNetwork`. */
  networkMedian?: number;
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export function summarize(figure: Figure): Summary {
  const summary: Summary = {
    key: figure.key,
    title: figure.title,
    n: figure.samples.length,
    median: round(quantile(figure.samples, 0.5)),
    p90: round(quantile(figure.samples, 0.9)),
  };
  if (figure.floor?.length) {
    summary.floorMedian = round(quantile(figure.floor, 0.5));
    summary.ratio = summary.floorMedian > 0 ? Math.round((summary.median / summary.floorMedian) * 100) / 100 : undefined;
  }
  if (figure.floorNetwork?.length) summary.networkMedian = round(quantile(figure.floorNetwork, 0.5));
  return summary;
}

/** One printed line: "key  median  p90  n  floor  ratio  (vs baseline)". */
export function line(summary: Summary, baseline?: Summary): string {
  const ms = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '-' : `${v.toFixed(1)} ms`);
  const network = summary.networkMedian === undefined ? '' : ` (network only ${ms(summary.networkMedian)})`;
  const floor = summary.floorMedian === undefined ? '' : `  floor ${ms(summary.floorMedian)}  ×${summary.ratio?.toFixed(2) ?? '-'}${network}`;
  let change = '';
  if (baseline && baseline.median > 0) {
    const pct = ((summary.median - baseline.median) / baseline.median) * 100;
    change = `  (baseline ${ms(baseline.median)}, ${pct >= 0 ? '+' : ''}${pct.toFixed(0)} %)`;
  }
  return `${summary.title.padEnd(58)} median ${ms(summary.median).padStart(10)}  p90 ${ms(summary.p90).padStart(10)}  n ${String(summary.n).padStart(2)}${floor}${change}`;
}

/**
 * Runs the bench's steps one by one: each says how long it took, and a step that fails is recorded
 * in `errors` and said, without stopping the steps after it.
 */
export function stepRunner(say: (text: string) => void, errors: string[]): (name: string, body: () => Promise<void>) => Promise<void> {
  return async (name, body) => {
    const started = Date.now();
    try {
      await body();
      say(`${name} done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push(`${name}: ${message}`);
      say(`${name} FAILED: ${message}`);
    }
  };
}
