// Streaming and OpenAI-compatible server faults (issue 14), and the size cap and retry rule of
// issue 12: a stream that stalls, is cut, ends in an error or grows past the cap never yields half an
// answer; a server that does not stream still answers; OpenAI error objects are shown as text.
import { DEFAULT_TEXT, type Behaviour } from '../server/standInServer';
import { all, answered, doesNotSay, failed, namesBaseUrl, notRetried, requests, says, serverSawAbort, within } from './checks';
import type { RecordedRequest } from '../server/standInServer';
import type { Fault, Outcome } from './types';

const TEXT = 'A streamed answer arrives one word at a time, and only a whole one is ever used.';
const WORDS = TEXT.split(' ').length;

const sawAbort = (rs: readonly RecordedRequest[]): boolean => rs.some((r) => r.aborted === true);

const streamed = (stream: Extract<Behaviour, { kind: 'text' }>['stream']): Behaviour => ({ kind: 'text', text: TEXT, stream });

/** Part of the answer was shown, and none of it came back as the answer. */
const partShownNoAnswer = (o: Outcome, shown: number): string[] =>
  all(
    o.deltas.length !== shown && `expected ${shown} streamed piece(s) before the fault, got ${o.deltas.length}`,
    o.answer !== undefined && 'half an answer was returned',
  );

const askedStream = (o: Outcome): string | undefined =>
  (o.requests[0]?.body as { stream?: unknown } | undefined)?.stream === true ? undefined : 'the first request did not ask for a stream';

export const STREAM_FAULTS: readonly Fault[] = [
  {
    name: 'a streamed answer: pieces shown as they arrive, the whole answer at the end',
    inject: (ctx) => (ctx.standIn.enqueue('/responses', streamed({ eventDelayMs: 1 })), { stream: 'auto' }),
    expect: (o) =>
      all(
        answered(o),
        askedStream(o),
        o.answer?.text !== TEXT && `expected the whole answer, got “${o.answer?.text ?? ''}”`,
        o.deltas.length !== WORDS && `expected ${WORDS} pieces, got ${o.deltas.length}`,
        requests(o, 1),
      ),
  },
  {
    name: 'a stream that stalls mid-answer: ended by the idle timeout, the connection closed, no half answer',
    inject: (ctx) => (
      ctx.standIn.enqueue('/responses', streamed({ end: 'stall', afterDeltas: 3 })),
      { stream: 'auto', client: { idleTimeoutMs: 300 }, settleUntil: sawAbort }
    ),
    expect: (o) =>
      all(
        failed(o, 'timeout'),
        says(o, /stopped sending the answer/, '0.3 s'),
        namesBaseUrl(o),
        partShownNoAnswer(o, 3),
        serverSawAbort(o),
        notRetried(o),
        within(o, 1800),
      ),
  },
  {
    name: 'a stream cut mid-answer: a network error, no half answer, never retried',
    inject: (ctx) => (ctx.standIn.enqueue('/responses', streamed({ end: 'cut', afterDeltas: 4 })), { stream: 'auto' }),
    expect: (o) => all(failed(o, 'network'), says(o, /broke while the answer was arriving/), namesBaseUrl(o), partShownNoAnswer(o, 4), notRetried(o)),
  },
  {
    name: 'an error event mid-stream: its message, no half answer, never retried',
    inject: (ctx) => (
      ctx.standIn.enqueue('/responses', streamed({ end: 'error', afterDeltas: 2, errorMessage: 'The model ran out of memory' })),
      { stream: 'auto' }
    ),
    expect: (o) => all(failed(o, 'http'), says(o, 'The model ran out of memory', /Nothing was inserted/), partShownNoAnswer(o, 2), notRetried(o)),
  },
  {
    name: 'response.failed mid-stream: the response’s error, no half answer',
    inject: (ctx) => (
      ctx.standIn.enqueue('/responses', streamed({ end: 'failed', afterDeltas: 2, errorMessage: 'Upstream model failed' })),
      { stream: 'auto' }
    ),
    expect: (o) => all(failed(o, 'http'), says(o, 'Upstream model failed'), partShownNoAnswer(o, 2), notRetried(o)),
  },
  {
    name: 'response.incomplete: the answer is marked incomplete',
    inject: (ctx) => (ctx.standIn.enqueue('/responses', streamed({ end: 'incomplete' })), { stream: 'auto' }),
    expect: (o) => all(answered(o), o.answer?.incomplete !== true && 'the answer was not marked incomplete'),
  },
  {
    name: 'Stop mid-stream: cancelled at once, the stand-in records the abort',
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', streamed({ eventDelayMs: 400 }));
      return {
        stream: 'auto',
        settleUntil: sawAbort,
        during: async (run) => {
          if (await run.until(() => run.deltas.length >= 1)) run.abort();
        },
      };
    },
    expect: (o) =>
      all(
        failed(o, 'cancelled'),
        o.abortedAtMs !== undefined && o.elapsedMs - o.abortedAtMs > 250 && `the call ended ${o.elapsedMs - o.abortedAtMs} ms after Stop`,
        o.deltas.length >= WORDS && 'the whole answer streamed despite Stop',
        serverSawAbort(o),
      ),
  },
  {
    name: 'a server refusing stream (400 naming it): "auto" sends once more without it and answers',
    inject: (ctx) => (ctx.standIn.setDefault('/responses', { kind: 'refuseStream' }), { stream: 'auto' }),
    expect: (o) =>
      all(
        answered(o),
        o.answer?.text !== DEFAULT_TEXT && `expected “${DEFAULT_TEXT}”, got “${o.answer?.text ?? ''}”`,
        requests(o, 2, 'one refused stream request, one plain'),
        askedStream(o),
        (o.requests[1]?.body as { stream?: unknown } | undefined)?.stream !== undefined && 'the second request asked for a stream again',
        !o.logLines.some((l) => /refused stream/.test(l)) && 'the log does not say streaming was refused',
      ),
  },
  {
    name: 'a server ignoring stream (one JSON body): used as the answer',
    inject: (ctx) => (ctx.standIn.enqueue('/responses', { kind: 'text', text: 'one body', stream: false }), { stream: 'auto' }),
    expect: (o) => all(answered(o), o.answer?.text !== 'one body' && 'the JSON answer was not used', requests(o, 1)),
  },
  {
    name: 'a stream larger than the size cap: “larger than N MB”, not read further',
    inject: (ctx) => (
      ctx.standIn.enqueue('/responses', { kind: 'text', text: 'y'.repeat(400_000), stream: { chunks: 200 } }),
      { stream: 'auto', client: { maxResponseBytes: 128 * 1024 } }
    ),
    expect: (o) => all(failed(o, 'badResponse'), says(o, /larger than 0\.13 MB/), notRetried(o)),
  },
  {
    name: 'an 11 MB body: “larger than 10 MB” (the default cap), nothing inserted',
    inject: (ctx) => (
      ctx.standIn.enqueue('/responses', {
        kind: 'raw',
        status: 200,
        body: `{"output":"${'z'.repeat(11 * 1024 * 1024)}"}`,
        headers: { 'content-type': 'application/json' },
      }),
      { client: { timeoutSeconds: 10 } }
    ),
    expect: (o) => all(failed(o, 'badResponse'), says(o, 'larger than 10 MB', /Nothing was inserted/), notRetried(o)),
  },
  {
    name: '401 as an OpenAI error object: a refused key, its message shown, never raw JSON',
    inject: (ctx) => (
      ctx.standIn.enqueue('/responses', { kind: 'error', status: 401, error: 'Invalid API Key', shape: 'openai', errorType: 'authentication_error' }),
      {}
    ),
    expect: (o) => all(failed(o, 'auth', 401), says(o, '401: Invalid API Key', /Set API Key/), doesNotSay(o, '{', '"'), notRetried(o)),
  },
  {
    name: '400 as an OpenAI error object: its message shown, never raw JSON',
    inject: (ctx) => (ctx.standIn.enqueue('/responses', { kind: 'error', status: 400, error: "Cannot determine type of 'item'", shape: 'openai' }), {}),
    expect: (o) => all(failed(o, 'badRequest', 400), says(o, "Cannot determine type of 'item'"), doesNotSay(o, '{', 'invalid_request_error'), notRetried(o)),
  },
  {
    name: '422 with x-should-retry: true is not retried',
    inject: (ctx) => (
      ctx.standIn.enqueue('/responses', {
        kind: 'raw',
        status: 422,
        body: '{"error":"unprocessable"}',
        headers: { 'content-type': 'application/json', 'x-should-retry': 'true', 'retry-after-ms': '10' },
      }),
      {}
    ),
    expect: (o) => all(failed(o, 'http', 422), says(o, 'unprocessable'), notRetried(o)),
  },
  {
    name: 'no capability paths (404 on /models/chat-completion): GET /models, capabilities unknown',
    inject: (ctx) => (ctx.standIn.setDefault('/models', { kind: 'openaiModels' }), { call: 'listModelsFor' }),
    expect: (o) =>
      all(
        answered(o),
        o.modelList?.capabilitiesKnown !== false && 'the list does not say capabilities are unknown',
        (o.modelList?.models.length ?? 0) === 0 && 'no models listed',
        o.requests.map((r) => r.path).join(' ') !== '/models/chat-completion /models' &&
          `expected the capability path then /models, got ${o.requests.map((r) => r.path).join(' ')}`,
      ),
  },
];
