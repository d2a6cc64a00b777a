// Passes on the latest of a fast series of values at most once per interval (pure; the clock and
// timer are injected, so it is tested without waiting). The first value goes out at once, later ones
// within the interval are held and only the newest is sent when it ends; `flush` sends a held value
// now and `cancel` drops it, so nothing arrives after the series is over.

export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Throttle<T> {
  private held: { readonly value: T } | undefined;
  private timer: unknown;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (value: T) => void,
    private readonly clock: ThrottleClock = SYSTEM_CLOCK,
  ) {}

  push(value: T): void {
    this.held = { value };
    if (this.timer !== undefined) return;
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  /** Sends the held value, if any, now. */
  flush(): void {
    this.stopTimer();
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    this.last = this.clock.now();
    this.emit(held.value);
  }

  /** Drops the held value: nothing more is sent until the next `push`. */
  cancel(): void {
    this.stopTimer();
    this.held = undefined;
  }

  private stopTimer(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
