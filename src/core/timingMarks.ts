// Timing marks for profiling: trace lines "<label>: timing: <step> +N ms", counted from when the marks
// were made (shown with Developer: Set Log Level… → Trace; collected by PG_BENCH_TRACE=1 npm run bench).

export function timingMarks(trace: (line: string) => void, label: string, now: () => number = () => performance.now()): (step: string) => void {
  const started = now();
  return (step) => trace(`${label}: timing: ${step} +${(now() - started).toFixed(1)} ms`);
}
