// Network faults: nothing listening, a reset or closed connection, DNS failure, a server that never
// answers or stalls mid-body, and cancelling. Raw TCP faults use node:net servers on 127.0.0.1.
import type { Socket } from 'node:net';
import { all, answered, failed, namesBaseUrl, requests, serverSawAbort, says, tookAtLeast, within } from './checks';
import type { Fault, Outcome } from './types';

/** Headers and the start of a JSON body that announces more than it sends. */
const PARTIAL_ANSWER = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{"id":"resp_cut","output":[';

const SOCKET_CODE = /\b(ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET)\b/;

/** A raw server doing `act` to the socket once the request has arrived. */
function rawFault(name: string, act: (socket: Socket) => void, expected: RegExp): Fault {
  return {
    name,
    inject: async (ctx) => ({ baseUrl: (await ctx.startRaw((socket) => act(socket))).baseUrl }),
    expect: (o) => all(failed(o, 'network'), says(o, expected), namesBaseUrl(o), requests(o, 1, 'a network failure is not retried'), within(o, 2000)),
  };
}

/** Ended by the timeout: near the configured time, naming the base URL, the connection closed. */
const timedOut = (o: Outcome): string[] =>
  all(
    failed(o, 'timeout'),
    namesBaseUrl(o),
    says(o, `${o.timeoutSeconds} s`),
    tookAtLeast(o, o.timeoutSeconds * 1000 - 50),
    within(o, o.timeoutSeconds * 1000 + 1500, 'the timeout'),
    requests(o, 1, 'a timeout is not retried'),
    serverSawAbort(o),
  );

const sawAbort = (rs: readonly { aborted?: boolean }[]): boolean => rs.some((r) => r.aborted === true);

/** Cancelled: kind 'cancelled', and the call ended within `ms` of the abort. */
function cancelledPromptly(o: Outcome, ms: number): string[] {
  return all(
    failed(o, 'cancelled'),
    o.abortedAtMs === undefined
      ? 'the fault never aborted the call'
      : o.elapsedMs - o.abortedAtMs > ms && `the call ended ${o.elapsedMs - o.abortedAtMs} ms after the abort (limit ${ms} ms)`,
  );
}

export const NETWORK_FAULTS: readonly Fault[] = [
  {
    name: 'connection refused: ECONNREFUSED and the base URL, never “{}”',
    inject: async (ctx) => ({ baseUrl: await ctx.closedPortUrl() }),
    expect: (o) => all(failed(o, 'network'), says(o, 'ECONNREFUSED'), namesBaseUrl(o), within(o, 2000)),
  },
  rawFault('connection reset after the request is read: the cause code is named', (s) => s.resetAndDestroy(), SOCKET_CODE),
  rawFault(
    'connection reset mid-response: the cause code is named',
    (s) => void s.write(PARTIAL_ANSWER, () => setTimeout(() => s.resetAndDestroy(), 20)),
    SOCKET_CODE,
  ),
  rawFault('connection closed without an answer: the cause code is named', (s) => s.end(), SOCKET_CODE),
  rawFault(
    'a server that does not speak HTTP: the parser error is named',
    (s) => void s.write('SSH-2.0-OpenSSH_9.6\r\n\r\n', () => s.end()),
    /\b(HPE_[A-Z_]+|UND_ERR_[A-Z_]+)\b/,
  ),
  {
    name: 'DNS failure (https://pg-fault.invalid): ENOTFOUND or EAI_AGAIN and the base URL',
    inject: () => ({ baseUrl: 'https://pg-fault.invalid', client: { timeoutSeconds: 5 } }),
    expect: (o) => all(failed(o, 'network'), says(o, /\b(ENOTFOUND|EAI_AGAIN)\b/, /could not be resolved/), namesBaseUrl(o)),
  },
  {
    name: 'a server that never answers: timeout naming the base URL, within timeout + margin, nothing left open',
    inject: (ctx) => (ctx.standIn.enqueue('/responses', { kind: 'hang' }), { client: { maxRetries: 2 }, settleUntil: sawAbort }),
    expect: timedOut,
  },
  {
    name: 'a server that stalls mid-body: timeout, nothing left open',
    inject: (ctx) => (ctx.standIn.enqueue('/responses', { kind: 'stall', afterBytes: 24 }), { settleUntil: sawAbort }),
    expect: timedOut,
  },
  {
    name: 'a slow answer inside the timeout is not cut off',
    inject: (ctx) => (ctx.standIn.enqueue('/responses', { kind: 'text', text: 'slow but fine', delayMs: 400 }), {}),
    expect: (o) => all(answered(o), o.answer?.text !== 'slow but fine' && 'the slow answer was lost', requests(o, 1)),
  },
  {
    name: 'cancel before the answer arrives: kind cancelled, the stand-in records the abort',
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', { kind: 'text', text: 'too late', delayMs: 3000 });
      return {
        settleUntil: sawAbort,
        during: async (run) => {
          if (await run.until(() => ctx.standIn.requests().length === 1)) run.abort();
        },
      };
    },
    expect: (o) => all(cancelledPromptly(o, 300), serverSawAbort(o), requests(o, 1)),
  },
  {
    name: 'cancel during a retry wait (Retry-After 30 s): cancelled at once, no further attempt',
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', { kind: 'raw', status: 429, body: '{"error":"slow down"}', headers: { 'retry-after': '30' } });
      return {
        during: async (run) => {
          if (await run.until(() => run.notices.length > 0)) run.abort();
        },
      };
    },
    expect: (o) =>
      all(
        cancelledPromptly(o, 100),
        o.notices[0]?.delayMs !== 30_000 && `expected a 30 s wait to be announced, got ${String(o.notices[0]?.delayMs)}`,
        requests(o, 1, 'no retry after cancel'),
      ),
  },
  {
    name: 'cancelled before the call: nothing is sent',
    inject: () => ({ abortBeforeCall: true }),
    expect: (o) => all(failed(o, 'cancelled'), requests(o, 0, 'nothing sent')),
  },
];
