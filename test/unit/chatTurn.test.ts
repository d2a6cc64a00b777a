// A chat turn against the stand-in Prediction Guard server with the real client: what the server
// receives for two turns, a safeguard block as a decision, Stop, tool calls, and the key never in
// anything the webview is sent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeguardLabels } from '../../src/api/safeguards';
import { type Turn } from '../../src/chat/conversation';
import { conversationInput } from '../../src/chat/conversationInput';
import { ConversationStore, type KeyValueStore } from '../../src/chat/conversationStore';
import { runTurn, type TurnResult } from '../../src/chat/turnRunner';
import { errorView, stateMessage } from '../../src/chat/viewModel';
import { type Pipeline } from '../../src/session/pipeline';
import { ToWebviewSchema } from '../../src/webview/protocol/chat';
import { startStandIn, type StandIn } from '../server/standInServer';
import { testPipeline, testSettings, waitFor } from './helpers/testPipeline';

const TOKEN = 'pg-sentinel-token-7f3a9c1e5b';
let server: StandIn;

before(async () => {
  server = await startStandIn({ token: TOKEN });
});
after(() => server.close());

const session = (settings: Record<string, unknown> = {}): Pipeline => testPipeline({ baseUrl: server.baseUrl, token: TOKEN, settings }).pipeline;

function newTurn(id: string, prompt: string): Turn {
  return { id, prompt, attachments: [], status: 'pending', startedAt: Date.now(), safeguards: [] };
}

function settled(turn: Turn, result: TurnResult): Turn {
  return {
    ...turn,
    status: result.status,
    answer: result.status === 'done' ? result.answer : undefined,
    error: result.status === 'error' ? result.error : undefined,
  };
}

function lastBody(): { input: unknown; safeguards?: unknown } {
  const request = server
    .requests()
    .filter((r) => r.path === '/responses')
    .at(-1);
  assert.ok(request, 'the stand-in received no request');
  assert.equal(request.validationError, undefined, `the stand-in rejected the body: ${request.validationError}`);
  return request.body as { input: unknown };
}

describe('a chat turn against the stand-in server', () => {
  it('two turns: the second request carries the first answer as an assistant item', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'It adds up price × quantity.' });
    server.enqueue('/responses', { kind: 'text', text: 'HALF halves it.' });
    const first = newTurn('t1', 'What does orderTotal do?');
    const one = await runTurn(session(), conversationInput([], first, 10), new AbortController().signal);
    assert.equal(one.status, 'done');
    assert.equal(one.status === 'done' && one.answer.text, 'It adds up price × quantity.');
    assert.equal(one.status === 'done' && one.answer.model, 'gpt-oss-120b');
    assert.ok(one.status === 'done' && (one.answer.usage?.output ?? 0) > 0, 'usage is reported');
    const second = newTurn('t2', 'And the coupon?');
    const two = await runTurn(session(), conversationInput([settled(first, one)], second, 10), new AbortController().signal);
    assert.equal(two.status, 'done');
    assert.deepEqual(lastBody().input, [
      { type: 'message', role: 'user', content: 'What does orderTotal do?' },
      { type: 'message', role: 'assistant', content: 'It adds up price × quantity.' },
      { type: 'message', role: 'user', content: 'And the coupon?' },
    ]);
  });

  it('sends the safeguards that are on, and a PII block comes back as a safeguard decision', async () => {
    server.enqueue('/responses', { kind: 'safeguard', message: 'pii detected' });
    const values = { 'safeguards.pii': 'block', 'safeguards.toxicity': true };
    let shown: string[] = [];
    const result = await runTurn(session(values), [{ role: 'user', content: 'Mail jane@example.com' }], new AbortController().signal, {
      onSafeguards: (labels) => (shown = labels),
    });
    assert.deepEqual(lastBody().safeguards, { pii: 'block', toxicity: true });
    assert.deepEqual(shown, ['PII: block', 'Toxicity']);
    assert.deepEqual(safeguardLabels(testSettings(server.baseUrl, values).params.safeguards), shown);
    assert.equal(result.status, 'error');
    const error = result.status === 'error' ? result.error : undefined;
    assert.ok(error);
    assert.equal(error.kind, 'safeguard');
    assert.equal(error.safeguard, 'pii');
    assert.deepEqual(errorView(error).safeguard, { name: 'PII', setting: 'predictionGuard.safeguards.pii' });
    assert.match(error.message, /Blocked by the PII safeguard/);
  });

  it('Stop aborts the HTTP request: the turn is cancelled and the server saw the client go away', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'too late', delayMs: 5000 });
    const abort = new AbortController();
    const pending = runTurn(session(), [{ role: 'user', content: 'slow' }], abort.signal);
    await waitFor(() => server.requests().some((r) => r.body !== null && JSON.stringify(r.body).includes('"slow"')));
    abort.abort();
    assert.deepEqual(await pending, { status: 'cancelled' });
    await waitFor(() => server.requests().some((r) => JSON.stringify(r.body).includes('"slow"') && r.aborted === true));
  });

  it('a rate-limit wait is told to the chat as a notice, then the answer comes', async () => {
    server.enqueue('/responses', {
      kind: 'raw',
      status: 429,
      body: '{"error":"slow down"}',
      headers: { 'content-type': 'application/json', 'retry-after': '0' },
    });
    server.enqueue('/responses', { kind: 'text', text: 'after the wait' });
    const notices: string[] = [];
    const result = await runTurn(session(), [{ role: 'user', content: 'busy?' }], new AbortController().signal, { onNotice: (n) => notices.push(n) });
    assert.deepEqual(notices, ['rate limited (429), retrying in 0 s (1 of 2)']);
    assert.equal(result.status === 'done' && result.answer.text, 'after the wait');
  });

  it('no key given (the prompt was cancelled): one error with Set API Key, nothing sent', async () => {
    const before = server.requests().length;
    const { pipeline } = testPipeline({ baseUrl: server.baseUrl, token: undefined });
    const result = await runTurn(pipeline, [{ role: 'user', content: 'hello' }], new AbortController().signal);
    assert.equal(result.status, 'error');
    assert.deepEqual(result.status === 'error' && result.error.actions, [{ kind: 'setApiKey' }]);
    assert.match(result.status === 'error' ? result.error.message : '', /needs an API key/);
    assert.equal(server.requests().length, before);
  });

  it('MCP tool calls are kept with their name, server, arguments and output', async () => {
    server.enqueue('/responses', {
      kind: 'mcp',
      serverLabel: 'docs_mcp_server',
      name: 'search',
      arguments: '{"q":"orders"}',
      output: '3 results',
      text: 'Found it.',
    });
    const result = await runTurn(session(), [{ role: 'user', content: 'search' }], new AbortController().signal);
    assert.equal(result.status, 'done');
    assert.deepEqual(result.status === 'done' && result.answer.toolCalls, [
      { kind: 'mcp', name: 'search', server: 'docs_mcp_server', arguments: '{"q":"orders"}', output: '3 results', error: undefined },
    ]);
  });

  it('the API key never reaches the webview, even when the server echoes it in an error', async () => {
    server.enqueue('/responses', { kind: 'error', status: 400, error: `bad request for key ${TOKEN}` });
    const turn = newTurn('t9', 'anything');
    const result = await runTurn(session(), [{ role: 'user', content: 'anything' }], new AbortController().signal);
    assert.equal(result.status, 'error');
    const storage: KeyValueStore = { get: () => undefined, update: () => Promise.resolve() };
    const store = new ConversationStore(storage);
    store.addTurn(settled(turn, result));
    const message = stateMessage({
      conversations: store.list(),
      current: store.current(),
      running: undefined,
      attachments: [],
      model: 'gpt-oss-120b',
      hasApiKey: true,
      safeguards: [],
    });
    assert.equal(ToWebviewSchema.safeParse(message).success, true);
    const sent = JSON.stringify(message);
    assert.ok(sent.includes('bad request for key'), 'the error is shown');
    assert.ok(!sent.includes(TOKEN), 'the key reached the webview');
  });
});
