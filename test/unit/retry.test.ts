// Retries: which answers are retried, how long the client waits, and that cancel works during a wait.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PredictionGuardClient, type RetryNotice } from '../../src/api/client';
import { PredictionGuardError } from '../../src/api/errors';
import { backoffMs, serverWaitMs, shouldRetry } from '../../src/api/retry';
import { startStandIn } from '../server/standInServer';

const headers = (h: Record<string, string>) => new Headers(h);

describe('retry policy', () => {
  it('retries 408, 409, 429 and 5xx; never 400, 401, 403 or 404', () => {
    for (const status of [408, 409, 429, 500, 502, 503, 504]) assert.equal(shouldRetry(status, headers({})), true, String(status));
    for (const status of [400, 401, 403, 404, 422]) assert.equal(shouldRetry(status, headers({})), false, String(status));
  });

  it('honours x-should-retry, except for answers that would fail the same way', () => {
    assert.equal(shouldRetry(503, headers({ 'x-should-retry': 'false' })), false);
    assert.equal(shouldRetry(500, headers({ 'x-should-retry': 'true' })), true);
    assert.equal(shouldRetry(400, headers({ 'x-should-retry': 'true' })), false, 'a 400 may be a safeguard block');
  });

  it('x-should-retry: true never retries a 4xx other than 408, 409 and 429', () => {
    for (const status of [400, 401, 403, 404, 405, 413, 422, 451]) {
      assert.equal(shouldRetry(status, headers({ 'x-should-retry': 'true' })), false, String(status));
    }
    for (const status of [408, 409, 429]) assert.equal(shouldRetry(status, headers({ 'x-should-retry': 'true' })), true, String(status));
    assert.equal(shouldRetry(429, headers({ 'x-should-retry': 'false' })), false, 'the server may still say no');
  });

  it('takes retry-after-ms, then Retry-After seconds or date, when 0–60 s', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    assert.equal(serverWaitMs(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now), 1500);
    assert.equal(serverWaitMs(headers({ 'retry-after': '2' }), now), 2000);
    assert.equal(serverWaitMs(headers({ 'retry-after': 'Thu, 26 Nov 2026 12:00:03 GMT' }), now), 3000);
    assert.equal(serverWaitMs(headers({ 'retry-after': '3600' }), now), undefined, 'an hour is not sane');
    assert.equal(serverWaitMs(headers({ 'retry-after-ms': '-5' }), now), undefined);
    assert.equal(serverWaitMs(headers({ 'retry-after': 'soon' }), now), undefined);
  });

  it('backs off exponentially with jitter, capped', () => {
    assert.equal(
      backoffMs(1, undefined, () => 0),
      250,
    );
    assert.equal(
      backoffMs(1, undefined, () => 1),
      500,
    );
    assert.equal(
      backoffMs(3, undefined, () => 1),
      2000,
    );
    assert.equal(
      backoffMs(20, undefined, () => 1),
      8000,
    );
  });
});

describe('client retries against the stand-in', () => {
  const body = { model: 'gpt-oss-120b', input: 'hi' };

  it('a 429 with Retry-After is retried after the wait, and the answer arrives', async () => {
    const server = await startStandIn({ token: 't0k3n-retry' });
    try {
      server.enqueue('/responses', {
        kind: 'raw',
        status: 429,
        body: '{"error":"rate limited"}',
        headers: { 'retry-after-ms': '50', 'content-type': 'application/json' },
      });
      server.enqueue('/responses', { kind: 'error', status: 503, error: 'busy' });
      const notices: RetryNotice[] = [];
      const client = new PredictionGuardClient({ baseUrl: server.baseUrl, token: server.token, timeoutSeconds: 5, maxRetries: 2 });
      const answer = await client.createResponse(body, undefined, (n) => notices.push(n));
      assert.equal(answer.text, 'Stand-in answer.');
      assert.equal(server.requests().length, 3);
      assert.deepEqual(
        notices.map((n) => [n.reason, n.retry]),
        [
          ['rate limited (429)', 1],
          ['server error (503)', 2],
        ],
      );
      assert.equal(notices[0]?.delayMs, 50);
    } finally {
      await server.close();
    }
  });

  it('gives up after maxRetries with the last error, and never retries a safeguard block', async () => {
    const server = await startStandIn({ token: 't0k3n-retry' });
    try {
      const client = new PredictionGuardClient({ baseUrl: server.baseUrl, token: server.token, timeoutSeconds: 5, maxRetries: 1 });
      for (let i = 0; i < 2; i++) server.enqueue('/responses', { kind: 'raw', status: 502, body: '<html>Bad gateway</html>', headers: { 'retry-after': '0' } });
      await assert.rejects(client.createResponse(body), (e: unknown) => e instanceof PredictionGuardError && e.status === 502 && /Bad gateway/.test(e.message));
      assert.equal(server.requests().length, 2);
      server.enqueue('/responses', { kind: 'safeguard', message: 'pii detected' });
      await assert.rejects(client.createResponse(body), (e: unknown) => e instanceof PredictionGuardError && e.kind === 'safeguard');
      assert.equal(server.requests().length, 3, 'the block was not retried');
    } finally {
      await server.close();
    }
  });

  it('Cancel during the wait ends the request at once as cancelled', async () => {
    const server = await startStandIn({ token: 't0k3n-retry' });
    try {
      server.enqueue('/responses', { kind: 'raw', status: 429, body: '{"error":"slow down"}', headers: { 'retry-after': '30' } });
      const client = new PredictionGuardClient({ baseUrl: server.baseUrl, token: server.token, timeoutSeconds: 5, maxRetries: 2 });
      const abort = new AbortController();
      const started = Date.now();
      const pending = client.createResponse(body, abort.signal, () => setTimeout(() => abort.abort(), 20));
      await assert.rejects(pending, (e: unknown) => e instanceof PredictionGuardError && e.kind === 'cancelled');
      assert.ok(Date.now() - started < 5000, 'did not wait out the 30 s');
      assert.equal(server.requests().length, 1);
    } finally {
      await server.close();
    }
  });
});
