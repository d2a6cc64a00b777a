// A selection command's flow through the pipeline, against the stand-in server with the real client:
// what the server receives, where the answer goes, and what the user is told for each failure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runTaskFlow, incompleteWarning, type TaskFlowDeps } from '../../src/commands/taskFlow';
import { type Destination, type TaskId } from '../../src/core/tasks';
import { type Failure } from '../../src/session/types';
import { startStandIn, type StandIn } from '../server/standInServer';
import { testPipeline, waitFor, type TestPipelineOptions } from './helpers/testPipeline';

const TOKEN = 'pg-sentinel-token-41c0de9';
let server: StandIn;

before(async () => {
  server = await startStandIn({ token: TOKEN });
});
after(() => server.close());

interface Seen {
  placed: { destination: Destination; text: string }[];
  progress: string[];
  warnings: string[];
  failures: Failure[];
  answered: string[];
}

function flow(task: TaskId, options: Partial<TestPipelineOptions> = {}, signal = new AbortController().signal) {
  const { pipeline, asked, logs } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN, ...options });
  const seen: Seen = { placed: [], progress: [], warnings: [], failures: [], answered: [] };
  const deps: TaskFlowDeps<string> = {
    send: (request) => pipeline.send(request),
    place: (destination, text) => {
      seen.placed.push({ destination, text });
      return Promise.resolve(destination);
    },
    progress: (message) => seen.progress.push(message),
    warn: (message) => seen.warnings.push(message),
    showFailure: (failure) => seen.failures.push(failure),
    info: (line) => logs.push(`info ${line}`),
    answered: (text) => seen.answered.push(text),
  };
  const input = [{ role: 'user' as const, content: `${task}: const x = 1;` }];
  return { run: () => runTaskFlow(deps, { task, input, signal }), seen, asked, logs };
}

function received(): Record<string, unknown>[] {
  return server
    .requests()
    .filter((r) => r.path === '/responses')
    .map((r) => {
      assert.equal(r.validationError, undefined, `the stand-in rejected the body: ${r.validationError}`);
      return r.body as Record<string, unknown>;
    });
}

describe('a selection command through the pipeline', () => {
  it('Improve: sends the input with the model, and the answer replaces the selection', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'const x = 2;' });
    const before = received().length;
    const { run, seen } = flow('improve');
    const result = await run();
    assert.deepEqual(result, { status: 'placed', placement: 'replace' });
    assert.deepEqual(seen.placed, [{ destination: 'replace', text: 'const x = 2;' }]);
    assert.deepEqual(seen.progress, ['with gpt-oss-120b']);
    const body = received().at(-1);
    assert.equal(received().length, before + 1);
    assert.equal(body?.model, 'gpt-oss-120b');
    assert.deepEqual(body?.input, [{ type: 'message', role: 'user', content: 'improve: const x = 1;' }]);
  });

  it('Explain with placement "insertBelow" setting still follows the placement setting', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'It declares x.' });
    const { run, seen } = flow('explain', { settings: { placement: 'insertBelow' } });
    await run();
    assert.deepEqual(seen.placed, [{ destination: 'insertBelow', text: 'It declares x.' }]);
  });

  it('a usable answer is told (kept for Check Factuality of Last Answer); a failed, empty or cancelled one is not', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'It declares x.' });
    const done = flow('explain');
    await done.run();
    assert.deepEqual(done.seen.answered, ['It declares x.']);

    server.enqueue('/responses', { kind: 'text', text: '' });
    const empty = flow('explain');
    await empty.run();
    server.enqueue('/responses', { kind: 'safeguard', message: 'prompt injection detected' });
    const blocked = flow('ask', { settings: { 'safeguards.blockPromptInjection': true } });
    await blocked.run();
    const abort = new AbortController();
    abort.abort();
    const cancelled = flow('explain', {}, abort.signal);
    assert.deepEqual(await cancelled.run(), { status: 'cancelled' });
    assert.deepEqual([empty.seen.answered, blocked.seen.answered, cancelled.seen.answered], [[], [], []]);
  });

  it('a rate-limited answer is retried after the wait, and the wait is shown as progress', async () => {
    server.enqueue('/responses', {
      kind: 'raw',
      status: 429,
      body: '{"error":"slow down"}',
      headers: { 'content-type': 'application/json', 'retry-after': '0' },
    });
    server.enqueue('/responses', { kind: 'text', text: 'const y = 3;' });
    const { run, seen } = flow('fix');
    const result = await run();
    assert.equal(result.status, 'placed');
    assert.deepEqual(seen.progress, ['with gpt-oss-120b', 'rate limited (429), retrying in 0 s (1 of 2)']);
    assert.deepEqual(seen.placed, [{ destination: 'replace', text: 'const y = 3;' }]);
  });

  it('a safeguard block is shown once as a safeguard failure and nothing is placed', async () => {
    server.enqueue('/responses', { kind: 'safeguard', message: 'prompt injection detected' });
    const { run, seen } = flow('improve', { settings: { 'safeguards.blockPromptInjection': true } });
    const result = await run();
    assert.equal(result.status, 'failed');
    assert.equal(seen.failures.length, 1);
    assert.equal(seen.failures[0]?.kind, 'safeguard');
    assert.equal(seen.failures[0]?.safeguard, 'promptInjection');
    assert.match(seen.failures[0]?.message ?? '', /Blocked by the prompt injection safeguard/);
    assert.deepEqual(seen.failures[0]?.actions, [{ kind: 'openSetting', setting: 'predictionGuard.safeguards.blockPromptInjection' }]);
    assert.deepEqual(seen.placed, []);
  });

  it('a refused key (403) offers Set API Key and places nothing', async () => {
    const { run, seen } = flow('improve', { token: 'not-the-key' });
    await run();
    assert.equal(seen.failures[0]?.kind, 'auth');
    assert.deepEqual(seen.failures[0]?.actions, [{ kind: 'setApiKey' }]);
    assert.deepEqual(seen.placed, []);
  });

  it('no key given: one failure that offers Set API Key, and no request is sent', async () => {
    const before = received().length;
    const { run, seen, asked } = flow('improve', { token: undefined });
    const result = await run();
    assert.equal(result.status, 'failed');
    assert.equal(asked.token, 1);
    assert.equal(seen.failures.length, 1);
    assert.match(seen.failures[0]?.message ?? '', /needs an API key/);
    assert.deepEqual(seen.failures[0]?.actions, [{ kind: 'setApiKey' }]);
    assert.equal(received().length, before);
  });

  it('no model set: the picker is asked; a pick is sent, no pick is one failure', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'ok' });
    const picked = flow('improve', { settings: { model: '' }, pick: 'neural-chat-7b' });
    await picked.run();
    assert.equal(picked.asked.model, 1);
    assert.equal(received().at(-1)?.model, 'neural-chat-7b');
    const before = received().length;
    const none = flow('improve', { settings: { model: '' } });
    await none.run();
    assert.match(none.seen.failures[0]?.message ?? '', /needs a model/);
    assert.equal(received().length, before);
  });

  it('a base URL that is not allowed fails before the key is read', async () => {
    const { run, seen, asked } = flow('improve', { baseUrl: 'http://example.com' });
    await run();
    assert.equal(asked.token, 0);
    assert.equal(seen.failures[0]?.kind, 'config');
    assert.deepEqual(seen.failures[0]?.actions, [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }]);
  });

  it('Cancel aborts the request: nothing is placed or shown, and the server saw the client leave', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'too late', delayMs: 5000 });
    const abort = new AbortController();
    const { run, seen } = flow('document', {}, abort.signal);
    const pending = run();
    await waitFor(() => server.requests().some((r) => JSON.stringify(r.body).includes('document: const x')));
    abort.abort();
    assert.deepEqual(await pending, { status: 'cancelled' });
    assert.deepEqual(seen.placed, []);
    assert.deepEqual(seen.failures, []);
    await waitFor(() => server.requests().some((r) => JSON.stringify(r.body).includes('document: const x') && r.aborted === true));
  });

  it('an answer cut short goes to a new document with a warning, never into the code', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'const x =', status: 'incomplete' });
    const { run, seen } = flow('improve');
    await run();
    assert.deepEqual(seen.placed, [{ destination: 'newDocument', text: 'const x =' }]);
    assert.deepEqual(seen.warnings, [incompleteWarning()]);
  });

  it('an answer with no text is a failure, and nothing is placed', async () => {
    server.enqueue('/responses', { kind: 'text', text: '' });
    const { run, seen } = flow('improve');
    await run();
    assert.equal(seen.failures[0]?.kind, 'badResponse');
    assert.match(seen.failures[0]?.message ?? '', /has no text/);
    assert.deepEqual(seen.placed, []);
  });
});
