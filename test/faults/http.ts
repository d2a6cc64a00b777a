// HTTP status faults: what is retried (and how long the client waits), what never is.
import { FORBIDDEN, DEFAULT_TEXT, type Behaviour } from '../server/standInServer';
import { all, answered, failed, namesBaseUrl, notRetried, requests, retried, says, waitsRespected } from './checks';
import type { Fault, Outcome } from './types';

const JSON_TYPE = { 'content-type': 'application/json' };

function raw(status: number, error: string, headers: Record<string, string> = {}): Behaviour {
  return { kind: 'raw', status, body: JSON.stringify({ error }), headers: { ...JSON_TYPE, ...headers } };
}

const gotDefaultAnswer = (o: Outcome): string | undefined =>
  o.answer?.text === DEFAULT_TEXT ? undefined : `expected the answer “${DEFAULT_TEXT}”, got “${o.answer?.text ?? ''}”`;

/** A retryable answer once, then the stand-in's default answer. */
function retriedOnce(name: string, behaviour: () => Behaviour, reason: RegExp, delay: { min: number; max: number }): Fault {
  return {
    name,
    inject: (ctx) => (ctx.standIn.enqueue('/responses', behaviour()), {}),
    expect: (o) => all(answered(o), gotDefaultAnswer(o), requests(o, 2), retried(o, 1, reason, delay), waitsRespected(o)),
  };
}

/** A 400 safeguard block: never retried, even though a retry would now succeed. */
function safeguard(message: 'pii detected' | 'prompt injection detected' | 'failed toxicity check' | 'failed factuality check', named: RegExp): Fault {
  return {
    name: `safeguard block “${message}”: kind safeguard, names the safeguard, never retried`,
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', { kind: 'safeguard', message });
      ctx.standIn.setDefault('/responses', { kind: 'text', text: 'a retry got through' });
      return {};
    },
    expect: (o) => all(failed(o, 'safeguard', 400), says(o, named, message), notRetried(o)),
  };
}

/** The next whole second at least 600 ms away, as an HTTP date: a wait backoff (≤ 500 ms on retry 1) cannot produce. */
function httpDateSoon(): string {
  return new Date(Math.ceil((Date.now() + 600) / 1000) * 1000).toUTCString();
}

export const HTTP_FAULTS: readonly Fault[] = [
  retriedOnce(
    '429 with retry-after-ms: the client waits that long, then answers',
    () => raw(429, 'rate limited', { 'retry-after-ms': '80' }),
    /rate limited \(429\)/,
    { min: 80, max: 80 },
  ),
  retriedOnce('429 with Retry-After in seconds', () => raw(429, 'rate limited', { 'retry-after': '1' }), /rate limited \(429\)/, { min: 1000, max: 1000 }),
  retriedOnce('503 with Retry-After as an HTTP date', () => raw(503, 'busy', { 'retry-after': httpDateSoon() }), /server error \(503\)/, {
    min: 501,
    max: 1700,
  }),
  retriedOnce(
    '429 with an insane Retry-After (3600 s): exponential backoff instead',
    () => raw(429, 'rate limited', { 'retry-after': '3600' }),
    /rate limited \(429\)/,
    { min: 250, max: 500 },
  ),
  retriedOnce(
    '429 with retry-after-ms and Retry-After: retry-after-ms wins',
    () => raw(429, 'rate limited', { 'retry-after-ms': '30', 'retry-after': '5' }),
    /rate limited \(429\)/,
    { min: 30, max: 30 },
  ),
  retriedOnce(
    '409 with x-should-retry: true is retried',
    () => raw(409, 'conflict', { 'x-should-retry': 'true', 'retry-after-ms': '20' }),
    /conflict \(409\)/,
    { min: 20, max: 20 },
  ),
  retriedOnce('408 is retried', () => raw(408, 'request timeout', { 'retry-after-ms': '20' }), /timed out \(408\)/, { min: 20, max: 20 }),
  {
    name: '503 with x-should-retry: false is not retried',
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', raw(503, 'down for maintenance', { 'x-should-retry': 'false', 'retry-after-ms': '10' }));
      return {};
    },
    expect: (o) => all(failed(o, 'http', 503), says(o, 'down for maintenance'), namesBaseUrl(o), notRetried(o)),
  },
  {
    name: '5xx retried until maxRetries, then the last error is shown',
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', raw(500, 'first failure', { 'retry-after-ms': '10' }));
      ctx.standIn.enqueue('/responses', raw(502, 'second failure', { 'retry-after-ms': '10' }));
      ctx.standIn.enqueue('/responses', raw(503, 'third failure: gateway down', { 'retry-after-ms': '10' }));
      ctx.standIn.setDefault('/responses', { kind: 'text', text: 'a fourth attempt was made' });
      return { client: { maxRetries: 2 } };
    },
    expect: (o) =>
      all(
        failed(o, 'http', 503),
        says(o, 'third failure: gateway down', /try again/i),
        namesBaseUrl(o),
        requests(o, 3, '1 + maxRetries'),
        retried(o, 2, /server error \(50[02]\)/, { min: 10, max: 10 }),
      ),
  },
  safeguard('pii detected', /PII safeguard/),
  safeguard('prompt injection detected', /prompt injection safeguard/),
  safeguard('failed toxicity check', /toxicity safeguard/),
  safeguard('failed factuality check', /factuality safeguard/),
  {
    name: 'safeguard block with x-should-retry: true is still not retried',
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', raw(400, 'pii detected', { 'x-should-retry': 'true', 'retry-after-ms': '10' }));
      ctx.standIn.setDefault('/responses', { kind: 'text', text: 'a retry got through' });
      return {};
    },
    expect: (o) => all(failed(o, 'safeguard', 400), says(o, /PII safeguard/), notRetried(o)),
  },
  {
    name: '400 {"error"}: shown verbatim, never retried',
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', { kind: 'error', status: 400, error: 'model "gpt-oss-120b" does not support reasoning.effort=high' });
      return {};
    },
    expect: (o) => all(failed(o, 'badRequest', 400), says(o, 'model "gpt-oss-120b" does not support reasoning.effort=high'), notRetried(o)),
  },
  {
    name: '401: kind auth, never retried (even with x-should-retry: true)',
    inject: (ctx) => {
      ctx.standIn.enqueue('/responses', raw(401, 'invalid api key', { 'x-should-retry': 'true', 'retry-after-ms': '10' }));
      ctx.standIn.setDefault('/responses', { kind: 'text', text: 'a retry got through' });
      return {};
    },
    expect: (o) => all(failed(o, 'auth', 401), says(o, 'invalid api key', 'Set API Key'), namesBaseUrl(o), notRetried(o)),
  },
  {
    name: '403 from the server’s real key check: kind auth, never retried',
    inject: async (ctx) => ({ baseUrl: (await ctx.startStandIn('pg-another-key-entirely')).baseUrl }),
    expect: (o) => all(failed(o, 'auth', 403), says(o, FORBIDDEN, 'Set API Key'), namesBaseUrl(o), notRetried(o)),
  },
  {
    name: '404 (base URL with a wrong path): never retried, names the base URL',
    inject: (ctx) => ({ baseUrl: `${ctx.standIn.baseUrl}/v1` }),
    expect: (o) => all(failed(o, 'http', 404), namesBaseUrl(o), says(o, 'predictionGuard.baseUrl'), notRetried(o)),
  },
];
