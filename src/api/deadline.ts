// One abortable timer per request attempt: armed first with the request timeout, re-armed with the
// idle timeout once a stream's events arrive. Knows which of the two fired.

export type DeadlineReason = 'timeout' | 'idle';

export class Deadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
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
    this.timer = setTimeout(() => {
      this.firedReason = reason;
      this.controller.abort();
    }, ms);
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
