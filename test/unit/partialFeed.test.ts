// The streaming answer on its way to the chat page: a runaway answer posts only its start (the page's
// schema refuses more), and while the page is away (a hidden view is unloaded) nothing piles up: the
// page gets the latest text once when it is back.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PARTIAL_INTERVAL_MS, PartialFeed } from '../../src/chat/partialFeed';
import { ANSWER_VIEW_MAX, partialMessage } from '../../src/chat/viewModel';
import { ToWebviewSchema, type PartialMessage } from '../../src/webview/protocol/chat';
import { manualClock } from './helpers/manualClock';

function feed(): { feed: PartialFeed; posted: PartialMessage[]; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock();
  const posted: PartialMessage[] = [];
  return { feed: new PartialFeed((message) => posted.push(message), clock), posted, clock };
}

describe('the partial answers posted to the chat page', () => {
  it('attack: a 5 MB streamed answer posts no partial over the cap, and says how long it is', () => {
    const clock = manualClock();
    let posts = 0;
    let last: PartialMessage | undefined;
    const partials = new PartialFeed((message) => {
      posts++;
      last = message;
      assert.ok(message.text.length <= ANSWER_VIEW_MAX, `a partial of ${message.text.length} characters was posted`);
      assert.equal(ToWebviewSchema.safeParse(message).success, true, 'the page takes every partial');
    }, clock);
    partials.pageReady();
    const piece = 'The server streams this line again and again. '.repeat(200);
    let text = '# START\n';
    while (text.length < 5_000_000) {
      text += piece;
      partials.push('t1', text);
      clock.advance(PARTIAL_INTERVAL_MS);
    }
    assert.ok(posts > 100, `the answer was redrawn as it grew (${posts} posts)`);
    assert.equal(last?.text.length, ANSWER_VIEW_MAX);
    assert.ok(last?.text.startsWith('# START\n'), 'the start of the answer is shown');
    assert.equal(last?.total, text.length, 'the page is told the full length');
  });

  it('a partial within the cap goes whole and unmarked; the cut never splits a surrogate pair', () => {
    assert.deepEqual(partialMessage('t1', 'short'), { type: 'partial', turnId: 't1', text: 'short' });
    const emoji = `${'a'.repeat(ANSWER_VIEW_MAX - 1)}😀tail`;
    const cut = partialMessage('t1', emoji);
    assert.equal(cut.text, 'a'.repeat(ANSWER_VIEW_MAX - 1));
    assert.equal(cut.total, emoji.length);
  });

  it('attack: 10,000 partials while hidden post one message when shown, the latest text', () => {
    const { feed: partials, posted, clock } = feed();
    partials.pageReady();
    partials.push('t1', 'Before');
    assert.equal(posted.length, 1);
    partials.pageAway();
    let text = 'Before';
    for (let i = 0; i < 10_000; i++) {
      text += ` w${i}`;
      partials.push('t1', text);
      clock.advance(PARTIAL_INTERVAL_MS);
    }
    assert.equal(posted.length, 1, 'nothing is posted (nor queued) while the page is away');
    // Shown again: the page loads, says `ready`, is sent the state and then the answer so far.
    partials.pageReady();
    partials.resend();
    clock.advance(10 * PARTIAL_INTERVAL_MS);
    assert.equal(posted.length, 2, 'one message when shown');
    assert.equal(posted[1]?.text, text, 'the latest text');
  });

  it('the stream goes on after the page is back; nothing is posted once the turn ended', () => {
    const { feed: partials, posted, clock } = feed();
    partials.push('t1', 'A');
    assert.equal(posted.length, 0, 'not before the page said ready');
    partials.pageReady();
    partials.resend();
    assert.deepEqual(
      posted.map((m) => m.text),
      ['A'],
    );
    clock.advance(PARTIAL_INTERVAL_MS);
    partials.push('t1', 'AB');
    partials.push('t1', 'ABC');
    partials.end();
    clock.advance(10 * PARTIAL_INTERVAL_MS);
    partials.resend();
    assert.deepEqual(
      posted.map((m) => m.text),
      ['A', 'AB'],
      'the held text is dropped when the turn ends, and a redraw after it has no partial',
    );
  });
});
