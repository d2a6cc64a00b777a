// One abortable timer per request attempt: armed first with the request timeout, re-armed with the
// idle timeout once a stream's events arrive; beside it, a stream's overall limit, which no event
// re-arms (so events the client ignores cannot keep a stream alive forever). Knows which fired.

export type DeadlineReason = 'timeout' | 'idle' | 'overall';

export class Deadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private overall: ReturnType<typeof setTimeout> | undefined;
  private firedReason: DeadlineReason | undefined;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why it fired; undefined while it has not. */
  get reason(): DeadlineReason | undefined {
    return this.firedReason;
  }

  /** (Re)starts the timer: it fires `ms` from now unless re-armed or cleared first. */
  arm(ms: number, reason: DeadlineReason): void {
    this.clear();
    if (this.firedReason !== undefined) return;
    this.timer = setTimeout(() => this.fire(reason), ms);
  }

  /** Starts the overall limit once: it fires `ms` from now whatever `arm` does meanwhile. */
  limit(ms: number): void {
    if (this.overall === undefined && this.firedReason === undefined) this.overall = setTimeout(() => this.fire('overall'), ms);
  }

  private fire(reason: DeadlineReason): void {
    if (this.firedReason !== undefined) return;
    this.firedReason = reason;
    this.controller.abort();
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Clears both timers (the attempt is over). */
  dispose(): void {
    this.clear();
    if (this.overall !== undefined) clearTimeout(this.overall);
    this.overall = undefined;
  }
}
