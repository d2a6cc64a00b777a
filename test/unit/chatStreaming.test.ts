// A streamed chat answer through the pipeline: the text so far reaches the turn as it arrives
// (`onDelta` passed through), "off" and a server refusing `stream` still answer (and say so in the
// log), a cut stream gives an error and no answer; and the throttle that keeps the chat from
// redrawing per token.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StreamSupport } from '../../src/api/streamSupport';
import { type Turn } from '../../src/chat/conversation';
import { conversationInput } from '../../src/chat/conversationInput';
import { runTurn } from '../../src/chat/turnRunner';
import { Throttle } from '../../src/core/throttle';
import { manualClock } from './helpers/manualClock';
import { startStandIn, type StandIn } from '../server/standInServer';
import { testPipeline, waitFor } from './helpers/testPipeline';

const TOKEN = 'pg-chat-stream-token-31c9d7';
const TEXT = 'Streams show the answer piece by piece as the model writes it.';
let server: StandIn;

before(async () => {
  server = await startStandIn({ token: TOKEN });
});
after(() => server.close());
beforeEach(() => server.reset());

const turn: Turn = { id: 't1', prompt: 'What are streams?', attachments: [], status: 'pending', startedAt: 0, safeguards: [] };
const input = () => conversationInput([], turn, 10);
const responsesBodies = () =>
  server
    .requests()
    .filter((r) => r.path === '/responses')
    .map((r) => r.body as Record<string, unknown>);

describe('a streamed chat turn through the pipeline', () => {
  it('passes each piece to the turn as it arrives, then answers with the whole text', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT });
    const { pipeline, logs } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN });
    const partials: string[] = [];
    const result = await runTurn(pipeline, input(), new AbortController().signal, { onPartial: (text) => partials.push(text) });
    assert.equal(result.status, 'done');
    assert.equal(result.status === 'done' && result.answer.text, TEXT);
    assert.equal(responsesBodies()[0]?.['stream'], true, 'the default ("auto") asks for a stream');
    assert.ok(partials.length >= 5, `one piece per word arrives (got ${partials.length})`);
    assert.equal(partials[0], 'Streams ');
    partials.forEach((text, i) => assert.ok(i === 0 || text.startsWith(partials[i - 1] ?? ''), 'each piece extends the text so far'));
    assert.equal(partials.at(-1), TEXT);
    assert.ok(
      logs.some((l) => /Chat: answer .* \(streamed\)/.test(l)),
      `the log says the answer was streamed:\n${logs.join('\n')}`,
    );
    assert.ok(!logs.some((l) => l.includes(TOKEN)), 'the key is never logged');
  });

  it('the text so far is there before the stream has ended (held mid-stream)', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { pauseAfterDeltas: 3 } });
    const { pipeline } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN });
    const partials: string[] = [];
    const running = runTurn(pipeline, input(), new AbortController().signal, { onPartial: (text) => partials.push(text) });
    await waitFor(() => partials.length === 3);
    assert.equal(partials.at(-1), 'Streams show the ');
    assert.equal(server.requests().at(-1)?.paused, true, 'the stand-in holds the rest');
    server.release();
    const result = await running;
    assert.equal(result.status === 'done' && result.answer.text, TEXT);
  });

  it('Stop mid-stream ends the turn as cancelled at once, and no piece arrives after it', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { end: 'stall', afterDeltas: 2 } });
    const { pipeline } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN });
    const abort = new AbortController();
    const partials: string[] = [];
    const running = runTurn(pipeline, input(), abort.signal, { onPartial: (text) => partials.push(text) });
    await waitFor(() => partials.length === 2);
    const stopped = Date.now();
    abort.abort();
    const result = await running;
    assert.equal(result.status, 'cancelled');
    assert.ok(Date.now() - stopped < 2000, 'the stalled stream does not hold the turn');
    assert.equal(partials.length, 2);
    await waitFor(() => server.requests().at(-1)?.aborted === true);
  });

  it('a stream cut mid-answer is an error, not half an answer', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { end: 'cut', afterDeltas: 4 } });
    const { pipeline } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN });
    const partials: string[] = [];
    const result = await runTurn(pipeline, input(), new AbortController().signal, { onPartial: (text) => partials.push(text) });
    assert.equal(result.status, 'error');
    assert.equal(partials.length, 4, 'the pieces before the cut were shown');
    assert.match(result.status === 'error' ? result.error.message : '', /stream|ended|broke|connection/i);
  });

  it('"off" sends no `stream`, calls no onDelta, and the log says the answer came whole', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT });
    const { pipeline, logs } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN, settings: { stream: 'off' } });
    const partials: string[] = [];
    const result = await runTurn(pipeline, input(), new AbortController().signal, { onPartial: (text) => partials.push(text) });
    assert.equal(result.status === 'done' && result.answer.text, TEXT);
    assert.equal(responsesBodies()[0]?.['stream'], undefined);
    assert.deepEqual(partials, []);
    assert.ok(logs.some((l) => /Chat: answer .* \(whole\)/.test(l)));
  });

  it('a server refusing `stream` still answers, and later requests of the session do not ask again', async () => {
    server.setDefault('/responses', { kind: 'refuseStream', text: TEXT });
    const streamSupport = new StreamSupport();
    const first = testPipeline({ baseUrl: server.baseUrl, token: TOKEN, streamSupport });
    const one = await runTurn(first.pipeline, input(), new AbortController().signal, { onPartial: () => assert.fail('nothing streams') });
    assert.equal(one.status === 'done' && one.answer.text, TEXT);
    assert.deepEqual(
      responsesBodies().map((b) => b['stream']),
      [true, undefined],
      'asked for a stream once, then sent again without',
    );
    assert.ok(first.logs.some((l) => /refused stream/.test(l)) && first.logs.some((l) => /\(whole\)/.test(l)), first.logs.join('\n'));
    const second = testPipeline({ baseUrl: server.baseUrl, token: TOKEN, streamSupport });
    const two = await runTurn(second.pipeline, input(), new AbortController().signal);
    assert.equal(two.status === 'done' && two.answer.text, TEXT);
    assert.deepEqual(
      responsesBodies().map((b) => b['stream']),
      [true, undefined, undefined],
      'remembered for the session',
    );
  });
});

describe('the throttle of a streaming answer', () => {
  it('sends the first value at once, then at most one (the newest) per interval', () => {
    const clock = manualClock();
    const sent: string[] = [];
    const throttle = new Throttle<string>(80, (v) => sent.push(v), clock);
    throttle.push('a');
    assert.deepEqual(sent, ['a']);
    clock.advance(10);
    throttle.push('ab');
    clock.advance(10);
    throttle.push('abc');
    assert.deepEqual(sent, ['a'], 'held within the interval');
    clock.advance(59);
    assert.deepEqual(sent, ['a']);
    clock.advance(1);
    assert.deepEqual(sent, ['a', 'abc'], 'only the newest goes out when the interval ends');
    clock.advance(500);
    assert.deepEqual(sent, ['a', 'abc'], 'nothing without a new value');
    throttle.push('abcd');
    assert.deepEqual(sent, ['a', 'abc', 'abcd'], 'after a quiet interval a value goes out at once');
  });

  it('a hundred pieces within 400 ms give at most six redraws, the last one the whole text', () => {
    const clock = manualClock();
    const sent: string[] = [];
    const throttle = new Throttle<string>(80, (v) => sent.push(v), clock);
    let text = '';
    for (let i = 0; i < 100; i++) {
      text += `w${i} `;
      throttle.push(text);
      clock.advance(4);
    }
    clock.advance(80);
    assert.ok(sent.length <= 6, `${sent.length} redraws`);
    assert.equal(sent.at(-1), text);
  });

  it('cancel drops the held value (nothing arrives after Stop); flush sends it now', () => {
    const clock = manualClock();
    const sent: string[] = [];
    const throttle = new Throttle<string>(80, (v) => sent.push(v), clock);
    throttle.push('a');
    throttle.push('ab');
    throttle.cancel();
    clock.advance(1000);
    assert.deepEqual(sent, ['a']);
    throttle.push('abc');
    assert.deepEqual(sent, ['a', 'abc']);
    throttle.push('abcd');
    throttle.flush();
    assert.deepEqual(sent, ['a', 'abc', 'abcd']);
    clock.advance(1000);
    assert.deepEqual(sent, ['a', 'abc', 'abcd'], 'a flushed value is not sent twice');
  });
});
