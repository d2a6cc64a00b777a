// A clock for throttled code, moved by the test by hand (no real waits).
import { type ThrottleClock } from '../../../src/core/throttle';

/** A clock the test moves by hand: timers run when `advance` passes their time. */
export function manualClock(): ThrottleClock & { advance(ms: number): void } {
  let now = 1000;
  let timers: Array<{ at: number; run: () => void; id: number }> = [];
  let ids = 0;
  return {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = ++ids;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.run());
    },
  };
}
