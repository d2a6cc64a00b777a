import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withDelayedProgress, type ShowProgress, type ShownProgress, type Timers } from '../../src/core/delayedProgress';

/** Timers the test fires by hand. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  const waiting = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout: (callback) => {
      waiting.set(++next, callback);
      return next;
    },
    clearTimeout: (handle) => void waiting.delete(handle as number),
    fire: () => {
      const callbacks = [...waiting.values()];
      waiting.clear();
      callbacks.forEach((c) => c());
    },
    pending: () => waiting.size,
  };
}

interface Shown {
  messages: string[];
  cancel(): void;
  until: Promise<unknown>;
  listening(): boolean;
}

function recordingShow(): { show: ShowProgress; shown: Shown[] } {
  const shown: Shown[] = [];
  const show: ShowProgress = (run, until) => {
    let listener: (() => void) | undefined;
    const entry: Shown = { messages: [], cancel: () => listener?.(), until, listening: () => listener !== undefined };
    shown.push(entry);
    const progress: ShownProgress = {
      report: (message) => entry.messages.push(message),
      onCancel: (l) => {
        listener = l;
        return () => (listener = undefined);
      },
    };
    run(progress);
  };
  return { show, shown };
}

const deferred = <T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('a progress shown only when the work takes a while', () => {
  it('work done before the delay: no progress is shown, and the timer is cleared', async () => {
    const timers = manualTimers();
    const { show, shown } = recordingShow();
    const result = await withDelayedProgress(show, async () => 'placed', 400, timers);
    assert.equal(result, 'placed');
    assert.equal(timers.pending(), 0);
    timers.fire();
    assert.equal(shown.length, 0);
  });

  it('slow work: the progress shows after the delay, with the message reported before, and stays until the work ends', async () => {
    const timers = manualTimers();
    const { show, shown } = recordingShow();
    const gate = deferred<string>();
    const running = withDelayedProgress(
      show,
      async (progress) => {
        progress.report('rate limited (429), retrying in 2 s (1 of 2)');
        return gate.promise;
      },
      400,
      timers,
    );
    assert.equal(shown.length, 0, 'nothing shown before the delay');
    timers.fire();
    assert.equal(shown.length, 1);
    assert.deepEqual(shown[0]?.messages, ['rate limited (429), retrying in 2 s (1 of 2)']);
    let closed = false;
    void shown[0]?.until.then(() => (closed = true));
    await Promise.resolve();
    assert.equal(closed, false, 'the progress stays while the work runs');
    gate.resolve('done');
    assert.equal(await running, 'done');
    await shown[0]?.until;
    assert.equal(closed, true);
  });

  it('Cancel on the shown progress aborts the work; a failure is the work’s own', async () => {
    const timers = manualTimers();
    const { show, shown } = recordingShow();
    const running = withDelayedProgress(
      show,
      (progress) =>
        new Promise<string>((_resolve, reject) => {
          progress.signal.addEventListener('abort', () => reject(new Error('cancelled by the user')));
        }),
      400,
      timers,
    );
    timers.fire();
    shown[0]?.cancel();
    await assert.rejects(running, /cancelled by the user/);
    await shown[0]?.until;
    await Promise.resolve();
    assert.equal(shown[0]?.listening(), false, 'the cancel listener is removed once the work ends');
  });

  it('messages after the progress shows go straight to it', async () => {
    const timers = manualTimers();
    const { show, shown } = recordingShow();
    const gate = deferred<void>();
    let report: ((message: string) => void) | undefined;
    const running = withDelayedProgress(
      show,
      async (progress) => {
        report = (m) => progress.report(m);
        await gate.promise;
      },
      400,
      timers,
    );
    timers.fire();
    report?.('with gpt-oss-120b');
    gate.resolve();
    await running;
    assert.deepEqual(shown[0]?.messages, ['with gpt-oss-120b']);
  });
});
