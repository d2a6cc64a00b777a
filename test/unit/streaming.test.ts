// Streamed answers (Server-Sent Events) through the real client against the stand-in and raw
// loopback servers: what the server received, what the user is told as it arrives, the answer (or
// error) at the end, and how "auto" falls back where a server does not stream.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PredictionGuardClient, type ClientOptions, type CreateOptions } from '../../src/api/client';
import { PredictionGuardError, type ErrorKind } from '../../src/api/errors';
import { type ResponsesRequest } from '../../src/api/requestSchema';
import { StreamAnswer } from '../../src/api/streamAnswer';
import { StreamSupport } from '../../src/api/streamSupport';
import { STREAM_REFUSAL, startStandIn, type StandIn } from '../server/standInServer';
import { until, withServer } from './helpers/httpServer';

const TOKEN = 'pg-stream-token-5d1e8a2c';
const REQUEST: ResponsesRequest = { model: 'gpt-oss-120b', input: [{ role: 'user', content: 'Explain streams.' }] };
const TEXT = 'Streams deliver an answer piece by piece as it is written.';

let server: StandIn;
before(async () => {
  server = await startStandIn({ token: TOKEN });
});
after(() => server.close());
beforeEach(() => server.reset());

interface Run {
  readonly client: PredictionGuardClient;
  readonly log: string[];
  readonly deltas: string[];
  readonly support: StreamSupport;
}

function run(extra: Partial<ClientOptions> = {}, baseUrl = server.baseUrl): Run {
  const log: string[] = [];
  const support = extra.streamSupport ?? new StreamSupport();
  const client = new PredictionGuardClient({ baseUrl, token: TOKEN, timeoutSeconds: 5, streamSupport: support, ...extra }, (line) => log.push(line));
  return { client, log, deltas: [], support };
}

const ask = (r: Run, options: Partial<CreateOptions> = {}) =>
  r.client.createResponse(REQUEST, { stream: 'auto', onDelta: (text) => r.deltas.push(text), ...options });

async function failure(promise: Promise<unknown>, kind: ErrorKind): Promise<PredictionGuardError> {
  try {
    const answer = await promise;
    assert.fail(`expected a '${kind}' error, got the answer ${JSON.stringify(answer)}`);
  } catch (error) {
    assert.ok(error instanceof PredictionGuardError, String(error));
    assert.equal(error.kind, kind, error.message);
    assert.doesNotMatch(error.message, /\{|undefined|\[object Object\]/);
    return error;
  }
}

const bodies = (): Array<Record<string, unknown>> => server.requests().map((r) => r.body as Record<string, unknown>);

describe('a streamed answer', () => {
  it('asks for a stream, tells each piece as it arrives, and answers with the final response', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { eventDelayMs: 2 } });
    const r = run();
    const answer = await ask(r);
    assert.equal(answer.text, TEXT);
    assert.equal(answer.streamed, true);
    assert.equal(answer.incomplete, false);
    assert.ok((answer.usage?.output_tokens ?? 0) > 0, 'usage comes from response.completed');
    assert.equal(r.deltas.length, TEXT.split(' ').length, 'one delta per word');
    assert.equal(r.deltas[0], 'Streams ');
    assert.ok(
      r.deltas.every((d, i) => i === 0 || d.startsWith(r.deltas[i - 1] ?? '')),
      'each delta is the text so far',
    );
    assert.equal(r.deltas.at(-1), TEXT);
    const [request] = server.requests();
    assert.equal((request?.body as Record<string, unknown>)['stream'], true);
    assert.match(request?.headers['accept'] ?? '', /text\/event-stream/);
    assert.ok(
      r.log.some((l) => /streamed/.test(l)),
      r.log.join('\n'),
    );
    assert.equal(r.support.get(server.baseUrl), true);
  });

  it('ignores event types it does not know', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { extraEvents: true } });
    const r = run();
    const answer = await ask(r);
    assert.equal(answer.text, TEXT);
    assert.ok(
      r.deltas.every((d) => !d.includes('NOT PART')),
      'an unknown delta event is not part of the answer',
    );
  });

  it('response.incomplete marks the answer incomplete', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { end: 'incomplete' } });
    const answer = await ask(run());
    assert.equal(answer.incomplete, true);
    assert.equal(answer.text, TEXT);
  });

  it('tool calls stream as created → completed and come from the final response', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'get_weather', arguments: '{"city":"Oslo"}' });
    const r = run();
    const answer = await ask(r);
    assert.deepEqual(
      answer.functionCalls.map((c) => [c.name, c.arguments]),
      [['get_weather', '{"city":"Oslo"}']],
    );
    assert.deepEqual(r.deltas, []);
  });

  it('"off" never asks for a stream', async () => {
    const r = run();
    const answer = await ask(r, { stream: 'off' });
    assert.equal(answer.streamed, undefined);
    assert.equal(bodies()[0]?.['stream'], undefined);
    assert.deepEqual(r.deltas, []);
  });

  it('the older (body, signal) form does not stream', async () => {
    await run().client.createResponse(REQUEST, new AbortController().signal);
    assert.equal(bodies()[0]?.['stream'], undefined);
  });
});

describe('a stream that fails', () => {
  it('an error event ends the answer with its message, mapped like other errors', async () => {
    server.enqueue('/responses', {
      kind: 'text',
      text: TEXT,
      stream: { end: 'error', errorMessage: 'The model is overloaded', errorCode: 'engine_overloaded' },
    });
    const r = run();
    const error = await failure(ask(r), 'http');
    assert.match(error.message, /ended the answer with an error \(engine_overloaded\): The model is overloaded\./);
    assert.match(error.message, /Nothing was inserted/);
    assert.ok(r.deltas.length > 0, 'part of the answer was shown first');
    assert.equal(server.requests().length, 1, 'never retried after the first event');
  });

  it('an error event naming a safeguard is a safeguard block', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { end: 'error', errorMessage: 'failed toxicity check', afterDeltas: 0 } });
    const error = await failure(ask(run()), 'safeguard');
    assert.match(error.message, /toxicity safeguard/);
  });

  it('response.failed ends the answer with the response’s error', async () => {
    server.enqueue('/responses', {
      kind: 'text',
      text: TEXT,
      stream: { end: 'failed', errorMessage: 'Context length exceeded', errorCode: 'context_length_exceeded' },
    });
    const error = await failure(ask(run()), 'http');
    assert.match(error.message, /Context length exceeded/);
  });

  it('a stalled stream ends after the idle timeout with a clear message, and the connection is closed', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { end: 'stall', afterDeltas: 3 } });
    const r = run({ idleTimeoutMs: 200 });
    const started = Date.now();
    const error = await failure(ask(r), 'timeout');
    assert.match(error.message, /stopped sending the answer: nothing arrived for 0\.2 s/);
    assert.match(error.message, /partial answer was not used/);
    assert.ok(Date.now() - started >= 200);
    assert.equal(r.deltas.length, 3);
    await until(() => server.requests()[0]?.aborted === true);
  });

  it('attack: a stream of events the client ignores ends at the overall limit with a clear message', async () => {
    let ticker: ReturnType<typeof setInterval> | undefined;
    await withServer(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        // Keep-alives and unknown events, fast enough that the idle timeout never fires.
        ticker = setInterval(() => response.write(': keep-alive\n\nevent: vendor.ping\ndata: {}\n\n'), 10);
        response.on('close', () => clearInterval(ticker));
      },
      async (test) => {
        const r = run({ idleTimeoutMs: 5000, streamDeadlineMs: 300, maxRetries: 0 }, test.baseUrl);
        const error = await failure(ask(r), 'timeout');
        assert.match(error.message, /did not finish the answer within 0\.3 s/);
        assert.match(error.message, /partial answer was not used/);
      },
    );
    clearInterval(ticker);
  });

  it('the request timeout covers the wait for the first event', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, delayMs: 5000 });
    const r = run({ timeoutSeconds: 0.2, idleTimeoutMs: 60_000, maxRetries: 0 });
    const error = await failure(ask(r), 'timeout');
    assert.match(error.message, /did not answer within 0\.2 s/);
  });

  it('after the first event the request timeout no longer applies, only the idle timeout', async () => {
    const text = 'one two three four five six seven eight';
    server.enqueue('/responses', { kind: 'text', text, stream: { eventDelayMs: 200 } });
    const r = run({ timeoutSeconds: 1, idleTimeoutMs: 2000 });
    const started = Date.now();
    const answer = await ask(r);
    assert.equal(answer.text, text);
    assert.ok(Date.now() - started > 1000, 'a slow but steady stream (~2.6 s) outlived the 1 s request timeout');
  });

  it('a stream cut mid-answer gives an error, never the half answer', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { end: 'cut', afterDeltas: 4 } });
    const r = run();
    const error = await failure(ask(r), 'network');
    assert.match(error.message, /broke while the answer was arriving/);
    assert.equal(r.deltas.length, 4);
    assert.equal(server.requests().length, 1, 'not retried after part of the answer');
  });

  it('a stream that ends without a final event gives an error', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"half"}\n\n');
      },
      async (raw) => {
        const error = await failure(ask(run({}, raw.baseUrl)), 'badResponse');
        assert.match(error.message, /ended before it was complete/);
      },
    );
  });

  it('a known event of the wrong shape, or data that is not JSON, is a bad response', async () => {
    for (const frame of ['data: {"type":"response.output_text.delta","delta":42}\n\n', 'event: response.completed\ndata: not json\n\n']) {
      await withServer(
        (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.end(frame);
        },
        async (raw) => {
          const error = await failure(ask(run({}, raw.baseUrl)), 'badResponse');
          assert.match(error.message, /event is not valid/);
        },
      );
    }
  });

  it('Stop aborts the stream at once: no more pieces, the connection is closed', async () => {
    server.enqueue('/responses', { kind: 'text', text: TEXT, stream: { eventDelayMs: 400 } });
    const r = run();
    const abort = new AbortController();
    const pending = ask(r, { signal: abort.signal });
    await until(() => r.deltas.length >= 1);
    const stoppedAt = Date.now();
    abort.abort();
    await failure(pending, 'cancelled');
    assert.ok(Date.now() - stoppedAt < 250, 'ended well before the next event (400 ms away)');
    const seen = r.deltas.length;
    await until(() => server.requests()[0]?.aborted === true);
    assert.equal(r.deltas.length, seen, 'nothing told after Stop');
    assert.ok(seen < TEXT.split(' ').length);
  });

  it('a rate limit before the first event is retried, with the stream asked for again', async () => {
    server.enqueue('/responses', {
      kind: 'raw',
      status: 429,
      body: '{"error":"slow down"}',
      headers: { 'content-type': 'application/json', 'retry-after-ms': '10' },
    });
    server.enqueue('/responses', { kind: 'text', text: TEXT });
    const answer = await ask(run());
    assert.equal(answer.text, TEXT);
    assert.deepEqual(
      bodies().map((b) => b['stream']),
      [true, true],
    );
  });

  it('a stream larger than the size cap is not read further', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'x'.repeat(300_000), stream: { chunks: 100 } });
    const r = run({ maxResponseBytes: 64 * 1024 });
    const error = await failure(ask(r), 'badResponse');
    assert.match(error.message, /larger than 0\.063 MB, so the rest of it was not read/);
    assert.ok((r.deltas.at(-1)?.length ?? 0) < 70_000, 'reading stopped at the cap');
  });

  it('a token-by-token stream many times the cap in events, with an answer under it, is read whole', async () => {
    const text = 'ab '.repeat(20_000); // 60,000 characters in 20,000 deltas: over 2 MB of events
    server.enqueue('/responses', { kind: 'text', text, stream: { chunks: 10_000 } });
    const r = run({ maxResponseBytes: 256 * 1024 });
    assert.equal((await ask(r)).text, text);
  });

  it('one event larger than the cap (no line break) is not read further', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'y'.repeat(300_000), stream: { chunks: 1 } });
    const r = run({ maxResponseBytes: 64 * 1024 });
    const error = await failure(ask(r), 'badResponse');
    assert.match(error.message, /larger than 0\.063 MB/);
  });
});

describe('"auto" where the server does not stream', () => {
  it('a 400 naming stream: sent once more without it, remembered for the base URL, logged', async () => {
    server.setDefault('/responses', { kind: 'refuseStream', text: 'A whole answer.' });
    const r = run();
    assert.equal((await ask(r)).text, 'A whole answer.');
    assert.deepEqual(
      bodies().map((b) => b['stream']),
      [true, undefined],
    );
    assert.equal(server.requests()[0]?.answeredStatus, 400);
    assert.equal(r.support.get(server.baseUrl), false);
    assert.ok(
      r.log.some((l) => l.includes('refused stream') && l.includes(STREAM_REFUSAL)),
      r.log.join('\n'),
    );
    assert.equal((await ask(r)).text, 'A whole answer.');
    assert.deepEqual(
      bodies().map((b) => b['stream']),
      [true, undefined, undefined],
      'the next request does not ask again',
    );
    assert.ok(r.log.some((l) => /not streaming/.test(l)));
  });

  it('the memory is per base URL and shared through the session’s StreamSupport', async () => {
    const support = new StreamSupport();
    support.remember('http://elsewhere.example', false);
    await ask(run({ streamSupport: support }));
    assert.equal(bodies()[0]?.['stream'], true);
    assert.equal(support.get(server.baseUrl), true);
  });

  it('a JSON answer to a stream request is used as the answer and remembered', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'One body.', stream: false });
    const r = run();
    const answer = await ask(r);
    assert.equal(answer.text, 'One body.');
    assert.equal(r.support.get(server.baseUrl), false);
    assert.ok(
      r.log.some((l) => /answered with one JSON body/.test(l)),
      r.log.join('\n'),
    );
  });

  it('"on" does not fall back: the refusal says how to turn streaming off', async () => {
    server.setDefault('/responses', { kind: 'refuseStream' });
    const error = await failure(ask(run(), { stream: 'on' }), 'badRequest');
    assert.match(error.message, /predictionGuard\.stream/);
    assert.deepEqual(error.actions, [{ kind: 'openSetting', setting: 'predictionGuard.stream' }]);
    assert.equal(server.requests().length, 1);
  });

  it('a Prediction Guard-shaped refusal ({"error": "text"}) is recognised too', async () => {
    server.enqueue('/responses', { kind: 'refuseStream', shape: 'predictionguard' });
    const answer = await ask(run());
    assert.equal(answer.streamed, undefined);
    assert.equal(server.requests().length, 2);
  });

  it('a safeguard block on a stream request is not taken for a refusal', async () => {
    server.enqueue('/responses', { kind: 'safeguard', message: 'pii detected' });
    await failure(ask(run()), 'safeguard');
    assert.equal(server.requests().length, 1);
  });
});

describe('StreamAnswer', () => {
  const event = (data: Record<string, unknown>): [string, string] => [String(data['type']), JSON.stringify(data)];

  it('separates the text of two output items with a blank line', () => {
    const told: string[] = [];
    const answer = new StreamAnswer('http://x', (t) => told.push(t));
    answer.take(...event({ type: 'response.output_text.delta', item_id: 'a', output_index: 0, delta: 'First.' }));
    answer.take(...event({ type: 'response.output_text.delta', item_id: 'b', output_index: 1, delta: 'Second.' }));
    answer.take(...event({ type: 'response.completed', response: { id: 'r', status: 'completed', output: [] } }));
    assert.equal(answer.result().text, 'First.\n\nSecond.', 'deltas stand in for a final response without text');
    assert.deepEqual(told, ['First.', 'First.\n\nSecond.']);
  });

  it('takes the event type from the SSE event name when the data has none, and ignores [DONE]', () => {
    const answer = new StreamAnswer('http://x');
    answer.take('response.output_text.delta', JSON.stringify({ delta: 'Hi' }));
    answer.take(
      'response.completed',
      JSON.stringify({ response: { status: 'completed', output: [{ type: 'message', content: [{ type: 'output_text', text: 'Hi' }] }] } }),
    );
    answer.take(undefined, '[DONE]');
    assert.equal(answer.result().text, 'Hi');
  });

  it('nothing after the final event is taken', () => {
    const told: string[] = [];
    const answer = new StreamAnswer('http://x', (t) => told.push(t));
    answer.take(...event({ type: 'error', error: { message: 'boom' } }));
    answer.take(...event({ type: 'response.output_text.delta', delta: 'late' }));
    assert.throws(() => answer.result(), /boom/);
    assert.deepEqual(told, []);
  });
});
