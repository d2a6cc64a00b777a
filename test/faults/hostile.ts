// Hostile or broken answers: bodies that are not a response, redirects to another server, a server
// echoing the key back, and gateway headers that try to replace Authorization.
import type { Behaviour } from '../server/standInServer';
import { all, answered, failed, namesBaseUrl, noRemoteFetch, notRetried, requests, says } from './checks';
import type { Fault, FaultContext, Injection } from './types';

const PROXY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Sign in</title></head>\n<body><h1>Corporate proxy: please sign in</h1><p>"output": []</p></body></html>';

/** The stand-in answers `behaviour` once (and the built-in answer after, which a retry would get). */
const once =
  (behaviour: (ctx: FaultContext) => Behaviour, extra: Injection = {}) =>
  (ctx: FaultContext): Injection => {
    ctx.standIn.enqueue('/responses', behaviour(ctx));
    return extra;
  };

/** The stand-in answers `behaviour` to every attempt. */
const always =
  (behaviour: (ctx: FaultContext) => Behaviour, extra: Injection = {}) =>
  (ctx: FaultContext): Injection => {
    ctx.standIn.setDefault('/responses', behaviour(ctx));
    return extra;
  };

const rawBody = (status: number, body: string, headers: Record<string, string> = {}): Behaviour => ({ kind: 'raw', status, body, headers });

function redirect(status: 301 | 302 | 307 | 308): Fault {
  return {
    name: `${status} redirect to another loopback server: kind redirect, the attacker receives nothing`,
    inject: once((ctx) => ({ kind: 'redirect', status, location: `${ctx.attacker.baseUrl}/responses` })),
    expect: (o) => all(failed(o, 'redirect', status), says(o, /not followed/, /127\.0\.0\.1:\d+\/responses/), namesBaseUrl(o), notRetried(o), noRemoteFetch(o)),
  };
}

export const HOSTILE_FAULTS: readonly Fault[] = [
  {
    name: 'a non-JSON 500 body: status and first line of text, retried then shown',
    inject: always(
      () => rawBody(500, 'Internal Server Error\nTraceback (most recent call last):\n  File "app.py"', { 'content-type': 'text/plain', 'retry-after-ms': '0' }),
      { client: { maxRetries: 1 } },
    ),
    expect: (o) => all(failed(o, 'http', 500), says(o, '500', 'Internal Server Error'), namesBaseUrl(o), requests(o, 2)),
  },
  {
    name: 'an HTML proxy page with status 200: badResponse with the status and first line, never parsed as an answer',
    inject: once(() => rawBody(200, PROXY_PAGE, { 'content-type': 'text/html' })),
    expect: (o) => all(failed(o, 'badResponse'), says(o, /status 200/, 'Sign in', /Nothing was inserted/), notRetried(o)),
  },
  {
    name: 'an empty 200 body: badResponse saying so',
    inject: once(() => rawBody(200, '', { 'content-type': 'application/json' })),
    expect: (o) => all(failed(o, 'badResponse'), says(o, /status 200/, /empty body/), notRetried(o)),
  },
  {
    name: 'a 200 JSON that is not a response: badResponse naming the response id',
    inject: once(() =>
      rawBody(200, JSON.stringify({ id: 'resp_notaresponse', object: 'chat.completion', choices: [{ message: { content: 'hi' } }] }), {
        'content-type': 'application/json',
      }),
    ),
    expect: (o) => all(failed(o, 'badResponse'), says(o, 'resp_notaresponse', /output/), notRetried(o)),
  },
  {
    name: 'a 200 JSON of another shape without an id: badResponse, no “undefined”',
    inject: once(() => rawBody(200, '{"result":"ok"}', { 'content-type': 'application/json' })),
    expect: (o) => all(failed(o, 'badResponse'), says(o, /output/), notRetried(o)),
  },
  {
    name: 'status "incomplete": the answer is flagged as truncated',
    inject: once(() => ({ kind: 'text', text: 'def f(x):\n    return', status: 'incomplete' })),
    expect: (o) =>
      all(answered(o), o.answer?.incomplete !== true && 'incomplete is not true', o.answer?.status !== 'incomplete' && 'status is not "incomplete"'),
  },
  {
    name: 'an answer with no text: text is empty, not “undefined”',
    inject: once(() => ({ kind: 'text', text: '' })),
    expect: (o) => all(answered(o), o.answer?.text !== '' && `text is “${String(o.answer?.text)}”`, o.answer?.incomplete !== false && 'flagged incomplete'),
  },
  redirect(301),
  redirect(302),
  redirect(307),
  redirect(308),
  {
    name: 'a redirect whose Location carries the key: not followed, the key not shown',
    inject: once((ctx) => ({ kind: 'redirect', status: 302, location: `${ctx.attacker.baseUrl}/login?key=${ctx.token}` })),
    expect: (o) => all(failed(o, 'redirect', 302), noRemoteFetch(o)),
  },
  {
    name: 'listing models: a 302 to another server is not followed',
    inject: (ctx) => {
      ctx.standIn.enqueue('/models', { kind: 'redirect', status: 302, location: `${ctx.attacker.baseUrl}/models/chat-completion` });
      return { call: 'listModels' };
    },
    expect: (o) => all(failed(o, 'redirect', 302), noRemoteFetch(o), notRetried(o)),
  },
  {
    name: 'listing models: an HTML proxy page with status 200 is a badResponse',
    inject: (ctx) => {
      ctx.standIn.enqueue('/models', rawBody(200, PROXY_PAGE, { 'content-type': 'text/html' }));
      return { call: 'listModels' };
    },
    expect: (o) => all(failed(o, 'badResponse'), says(o, /status 200/, 'Sign in'), o.models !== undefined && 'models were returned'),
  },
  {
    name: 'the server echoes the key in a 400 error: not in the message',
    inject: once((ctx) => ({ kind: 'error', status: 400, error: `required fields are missing (key ${ctx.token})` })),
    expect: (o) => all(failed(o, 'badRequest', 400), says(o, 'required fields are missing')),
  },
  {
    name: 'the server echoes the key in a 403 error: not in the message',
    inject: once((ctx) => ({ kind: 'error', status: 403, error: `invalid key ${ctx.token}` })),
    expect: (o) => all(failed(o, 'auth', 403), says(o, 'invalid key')),
  },
  {
    name: 'the server echoes the key in a 500 HTML page: not in the message',
    inject: always((ctx) => rawBody(500, `<h1>Internal error for Bearer ${ctx.token}</h1>`, { 'content-type': 'text/html', 'retry-after-ms': '0' }), {
      client: { maxRetries: 1 },
    }),
    expect: (o) => all(failed(o, 'http', 500), says(o, 'Internal error for Bearer')),
  },
  {
    name: 'the server echoes the key in an HTML page with status 200: not in the message',
    inject: once((ctx) => rawBody(200, `<html><body>Your key ${ctx.token} is not valid here</body></html>`, { 'content-type': 'text/html' })),
    expect: (o) => all(failed(o, 'badResponse'), says(o, 'Your key')),
  },
  {
    name: 'the server echoes the key in a safeguard message: not in the message',
    inject: once((ctx) => rawBody(400, JSON.stringify({ error: `pii detected in "${ctx.token}"` }), { 'content-type': 'application/json' })),
    expect: (o) => all(failed(o, 'safeguard', 400), says(o, /PII safeguard/)),
  },
  {
    name: 'the server echoes the key JSON-escaped ("\\/", as PHP writes it) in a 400 error: not in the message',
    inject: once((ctx) => rawBody(400, `{"error":"invalid key ${ctx.token.replaceAll('/', '\\/')}"}`, { 'content-type': 'application/json' })),
    expect: (o) => all(failed(o, 'badRequest', 400), says(o, 'invalid key')),
  },
  {
    name: 'a headers option setting Authorization: the server sees only the real key, the gateway header arrives',
    inject: () => ({
      client: { headers: { Authorization: 'Bearer attacker-key', authorization: 'Basic eDp5', AUTHORIZATION: 'Bearer x', 'X-Gateway-Tenant': 'dev' } },
    }),
    expect: (o) => {
      const seen = o.requests[0]?.headers ?? {};
      return all(
        answered(o),
        requests(o, 1),
        seen['authorization'] !== `Bearer ${o.token}` && `the server saw Authorization “${seen['authorization'] ?? '(none)'}”, not the real key`,
        seen['x-gateway-tenant'] !== 'dev' && 'the gateway header did not arrive',
      );
    },
  },
];
