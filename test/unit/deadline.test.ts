// The per-attempt deadline: the idle timer re-armed by each event, and a stream's overall limit
// that no event re-arms. Mocked timers: no real waiting.
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { Deadline } from '../../src/api/deadline';

describe('Deadline', () => {
  it('attack: events the client ignores, arriving forever, do not keep a stream past its overall limit', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const deadline = new Deadline();
      deadline.limit(10 * 60_000);
      // A keep-alive or unknown event every 30 s re-arms the 60 s idle timer, for an hour.
      for (let s = 0; s < 3600 && !deadline.signal.aborted; s += 30) {
        deadline.arm(60_000, 'idle');
        mock.timers.tick(30_000);
      }
      assert.equal(deadline.signal.aborted, true);
      assert.equal(deadline.reason, 'overall');
      deadline.dispose();
    } finally {
      mock.timers.reset();
    }
  });

  it('the idle timer still fires when nothing arrives, and dispose stops both', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const idle = new Deadline();
      idle.limit(600_000);
      idle.arm(60_000, 'idle');
      mock.timers.tick(60_000);
      assert.equal(idle.reason, 'idle');
      const done = new Deadline();
      done.limit(1000);
      done.dispose();
      mock.timers.tick(2000);
      assert.equal(done.signal.aborted, false);
    } finally {
      mock.timers.reset();
    }
  });
});
