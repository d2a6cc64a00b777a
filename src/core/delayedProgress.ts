// A progress shown only when the work takes a while: a fast answer is placed before any notification
// is put up (putting one up costs the workbench more than the rest of a fast command). Pure: showing
// the progress is passed in, so the timing is unit-tested in plain Node.

/** How long work runs before its progress shows. */
export const PROGRESS_DELAY_MS = 400;

/** The progress as it is once shown: its message, and the user's Cancel. */
export interface ShownProgress {
  report(message: string): void;
  /** Calls `listener` when the user cancels; returns what stops listening. */
  onCancel(listener: () => void): () => void;
}

/** Puts the progress up for as long as `until` runs. */
export type ShowProgress = (run: (progress: ShownProgress) => void, until: Promise<unknown>) => void;

export interface DelayedProgressWork {
  /** The latest message: shown at once if the progress is up, else when it comes up. */
  report(message: string): void;
  /** Aborted when the user presses Cancel on the progress. */
  readonly signal: AbortSignal;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `work` at once; shows the progress only if it is still running after `delayMs`. The result
 * (or the error) is `work`'s. Cancel on the shown progress aborts `work`'s signal.
 */
export function withDelayedProgress<T>(
  show: ShowProgress,
  work: (progress: DelayedProgressWork) => Promise<T>,
  delayMs = PROGRESS_DELAY_MS,
  timers: Timers = realTimers,
): Promise<T> {
  const abort = new AbortController();
  let message: string | undefined;
  let shown: ShownProgress | undefined;
  const running = work({
    report: (text) => {
      message = text;
      shown?.report(text);
    },
    signal: abort.signal,
  });
  const finished = running.then(
    () => undefined,
    () => undefined,
  );
  const timer = timers.setTimeout(() => {
    show((progress) => {
      shown = progress;
      if (message !== undefined) progress.report(message);
      const stop = progress.onCancel(() => abort.abort());
      void finished.then(stop);
    }, finished);
  }, delayMs);
  return running.finally(() => timers.clearTimeout(timer));
}
