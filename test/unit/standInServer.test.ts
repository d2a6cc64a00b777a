import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type StandIn, FORBIDDEN, STREAM_REFUSAL, startStandIn } from '../server/standInServer';
import { StandInControl } from '../server/controlClient';
import { createResponsesValidator, responsesRequestExamples } from '../server/specValidator';

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  text: string;
  json: Json;
  headers: Headers;
}

let server: StandIn;

async function call(path: string, init: { method?: string; body?: unknown; raw?: string; token?: string | null } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Test-Header': 'Yes' };
  if (init.token !== null) headers['Authorization'] = `Bearer ${init.token ?? server.token}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const res = await fetch(server.baseUrl + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: 'manual' });
  const text = await res.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    // not JSON: the test looks at `text`
  }
  return { status: res.status, text, json, headers: res.headers };
}

const ask = (extra: Json = {}): Promise<Answer> => call('/responses', { body: { model: 'gpt-oss-120b', input: 'Hello', ...extra } });

function output(a: Answer): Json[] {
  assert.ok(Array.isArray(a.json['output']), 'output is a list');
  return a.json['output'] as Json[];
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

before(async () => {
  server = await startStandIn({ token: 'test-token' });
});
after(() => server.close());
beforeEach(() => server.reset());

describe('auth and contract validation', () => {
  it('answers 403 with the documented error on a missing or wrong token', async () => {
    for (const token of [null, 'wrong']) {
      for (const a of [await call('/responses', { body: { model: 'm', input: 'x' }, token }), await call('/models', { token })]) {
        assert.equal(a.status, 403);
        assert.deepEqual(a.json, { error: FORBIDDEN });
      }
    }
  });

  it('answers 400 {"error"} naming the field for bodies the spec rejects', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ model: 'm' }, /required fields are missing: input/],
      [{ model: 'm', input: 'x', temperature: 3 }, /temperature/],
      [{ model: 'm', input: 'x', safeguards: { pii: 'maybe' } }, /safeguards\.pii/],
      [{ model: 'm', input: 'x', reasoning: { effort: 'max' } }, /reasoning\.effort/],
      [{ model: 'm', input: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] }, /content\[0\]\.type/],
    ];
    for (const [body, pattern] of cases) {
      const a = await call('/responses', { body });
      assert.equal(a.status, 400, JSON.stringify(body));
      assert.match(String(a.json['error']), pattern);
    }
    const notJson = await call('/responses', { raw: '{model: nope' });
    assert.equal(notJson.status, 400);
    assert.equal(typeof notJson.json['error'], 'string');
  });

  it('accepts every request example of responses.yaml', () => {
    const validate = createResponsesValidator();
    for (const [name, example] of Object.entries(responsesRequestExamples())) assert.equal(validate(example), undefined, name);
  });

  it('answers 404 on undocumented paths and 405 on a wrong method', async () => {
    assert.deepEqual((await call('/v1/chat/completions', { body: {} })).json, { error: 'not found' });
    assert.equal((await call('/responses')).status, 405);
    assert.equal((await call('/models', { body: {} })).status, 405);
  });
});

describe('/responses answers', () => {
  it('answers the documented shape by default, echoing the model', async () => {
    const a = await ask({ max_tool_calls: 2 });
    assert.equal(a.status, 200);
    assert.match(String(a.json['id']), /^resp_[0-9a-f]{32}$/);
    assert.equal(a.json['object'], 'response');
    assert.equal(a.json['status'], 'completed');
    assert.equal(a.json['model'], 'gpt-oss-120b');
    assert.equal(a.json['max_tool_calls'], 2);
    assert.equal(typeof a.json['created_at'], 'number');
    const [item] = output(a);
    assert.equal(item?.['type'], 'message');
    assert.equal(item?.['role'], 'assistant');
    assert.deepEqual(item?.['content'], { type: 'output_text', text: 'Stand-in answer.' });
    const usage = a.json['usage'] as Json;
    assert.equal(usage['total_tokens'], Number(usage['input_tokens']) + Number(usage['output_tokens']));
  });

  it('answers the openai and object-output shapes, incomplete status and no usage', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'A', shape: 'openai' });
    server.enqueue('/responses', { kind: 'text', text: 'B', shape: 'object-output', status: 'incomplete', usage: false });
    const openai = await ask();
    assert.deepEqual(output(openai)[0]?.['content'], [{ type: 'output_text', text: 'A', annotations: [] }]);
    const single = await ask();
    assert.equal(single.json['status'], 'incomplete');
    assert.equal('usage' in single.json, false);
    assert.deepEqual((single.json['output'] as Json)['content'], { type: 'output_text', text: 'B' });
  });

  it('answers safeguard blocks, errors, raw bodies and redirects verbatim', async () => {
    server.enqueue('/responses', { kind: 'safeguard', message: 'pii detected' });
    server.enqueue('/responses', { kind: 'error', status: 503, error: 'busy' });
    server.enqueue('/responses', { kind: 'raw', status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } });
    server.enqueue('/responses', { kind: 'redirect', status: 307, location: 'https://login.example/' });
    const blocked = await ask();
    assert.deepEqual([blocked.status, blocked.json], [400, { error: 'pii detected' }]);
    const busy = await ask();
    assert.deepEqual([busy.status, busy.json], [503, { error: 'busy' }]);
    const raw = await ask();
    assert.deepEqual([raw.status, raw.text, raw.headers.get('content-type')], [502, '<html>Bad gateway</html>', 'text/html']);
    const redirect = await ask();
    assert.deepEqual([redirect.status, redirect.headers.get('location')], [307, 'https://login.example/']);
  });

  it('serves the queue in order, then the scripted default, then the built-in default', async () => {
    server.setDefault('/responses', { kind: 'text', text: 'default' });
    server.enqueue('/responses', { kind: 'text', text: 'one' });
    server.enqueue('/responses', { kind: 'text', text: 'two' });
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push((output(await ask())[0]?.['content'] as Json)['text']);
    assert.deepEqual(texts, ['one', 'two', 'default']);
    server.reset();
    assert.equal((output(await ask())[0]?.['content'] as Json)['text'], 'Stand-in answer.');
  });

  it('answers the MCP call and function call shapes', async () => {
    server.enqueue('/responses', {
      kind: 'mcp',
      serverLabel: 'test_mcp_server',
      name: 'test_mcp_tool',
      arguments: '{"message":"p"}',
      output: 'ran',
      text: 'done',
    });
    server.enqueue('/responses', { kind: 'functionCall', name: 'get_weather', arguments: '{"location":"celsius"}' });
    const [call1, message] = output(await ask());
    assert.equal(call1?.['type'], 'test_mcp_call');
    assert.equal(call1?.['server_label'], 'test_mcp_server');
    assert.equal(call1?.['output'], 'ran');
    assert.deepEqual(message?.['content'], { text: 'done', type: 'output_text' });
    const [fn] = output(await ask());
    assert.equal(fn?.['type'], 'function_call');
    assert.equal(fn?.['name'], 'get_weather');
    assert.match(String(fn?.['call_id']), /^call_/);
  });

  it('rejects behaviours that do not fit the path', () => {
    assert.throws(() => server.enqueue('/models', { kind: 'text', text: 'x' }), /only applies to \/responses/);
    assert.throws(() => server.enqueue('/nowhere', { kind: 'hang' }), /path/);
  });
});

describe('recording', () => {
  it('records accepted and rejected requests with lower-cased headers and parsed bodies', async () => {
    await ask();
    await call('/responses', { body: { model: 'm', input: 'x', top_p: 5 } });
    await call('/responses', { raw: 'plain text' });
    await call('/models', { token: 'nope' });
    const [ok, invalid, text, forbidden] = server.requests();
    assert.equal(ok?.method, 'POST');
    assert.equal(ok?.path, '/responses');
    assert.equal(ok?.headers['x-test-header'], 'Yes');
    assert.equal(ok?.headers['authorization'], 'Bearer test-token');
    assert.deepEqual(ok?.body, { model: 'gpt-oss-120b', input: 'Hello' });
    assert.equal(ok?.answeredStatus, 200);
    assert.equal(ok?.validationError, undefined);
    assert.equal(invalid?.answeredStatus, 400);
    assert.match(invalid?.validationError ?? '', /top_p/);
    assert.equal(text?.body, 'plain text');
    assert.equal(forbidden?.answeredStatus, 403);
    assert.ok((ok?.receivedAt ?? 0) <= (forbidden?.receivedAt ?? 0));
  });

  it('records a client abort during a delay', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'late', delayMs: 5000 });
    const abort = new AbortController();
    const pending = fetch(server.baseUrl + '/responses', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ model: 'm', input: 'x' }),
      signal: abort.signal,
    });
    await until(() => server.requests().length === 1);
    abort.abort();
    await assert.rejects(pending);
    await until(() => server.requests()[0]?.aborted === true);
    assert.equal(server.requests()[0]?.answeredStatus, undefined);
  });
});

describe('GET endpoints', () => {
  const ids = async (path: string): Promise<string[]> => ((await call(path)).json['data'] as Json[]).map((m) => String(m['id']));

  it('lists models, filtered by capability', async () => {
    const all = await call('/models');
    assert.equal(all.json['object'], 'list');
    assert.equal((all.json['data'] as Json[]).length, 4);
    assert.deepEqual(await ids('/models/chat-completion'), ['gpt-oss-120b', 'Hermes-3-Llama-3.1-8B', 'Qwen2.5-VL-7B-Instruct']);
    assert.deepEqual(await ids('/models/tool_calling'), ['gpt-oss-120b', 'Hermes-3-Llama-3.1-8B']);
    assert.deepEqual(await ids('/models/reasoning'), ['gpt-oss-120b']);
    assert.deepEqual(await ids('/models/chat-with-image'), ['Qwen2.5-VL-7B-Instruct']);
    assert.deepEqual(await ids('/models/embedding'), ['bge-m3']);
    const unknown = await call('/models/chat_completion');
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.json['error']), /capability/);
  });

  it('answers the documented MCP server and tool lists, and scripted errors', async () => {
    const servers = await call('/mcp_servers');
    assert.equal((servers.json['data'] as Json[])[0]?.['server_label'], 'test_mcp_server');
    const tools = await call('/mcp_tools');
    assert.ok(Array.isArray((tools.json['data'] as Json)['test_mcp_server']));
    server.enqueue('/models', { kind: 'error', status: 500, error: 'down' });
    assert.deepEqual((await call('/models/reasoning')).json, { error: 'down' });
  });
});

describe('input items, as the spec lists them', () => {
  it('accepts role items with and without "type": "message", and tool-call items', async () => {
    const input = [
      { role: 'user', content: 'Weather in Oslo?' },
      { type: 'message', role: 'assistant', content: 'Let me check.' },
      { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
      { type: 'function_call_output', call_id: 'call_1', output: '{"celsius":4}' },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Thanks' }] },
    ];
    const a = await ask({ input });
    assert.equal(a.status, 200, a.text);
    assert.deepEqual((server.requests()[0]?.body as Json)['input'], input);
  });

  it('validates both forms and each item type', async () => {
    const cases: Array<[unknown[], RegExp]> = [
      [[{ type: 'message', content: 'x' }], /required fields are missing: input\[0\]\.role/],
      [[{ content: 'x' }], /required fields are missing: input\[0\]\.role/],
      [[{ type: 'message', role: 'robot', content: 'x' }], /input\[0\]\.role must be one of/],
      [[{ role: 'robot', content: 'x' }], /input\[0\]\.role must be one of/],
      [[{ type: 'tool', role: 'user', content: 'x' }], /input\[0\]\.type must be one of 'message', 'function_call', 'function_call_output'/],
      [[{ type: 'function_call', call_id: 'c', name: 'f' }], /required fields are missing: input\[0\]\.arguments/],
      [[{ type: 'function_call_output', call_id: 'c' }], /required fields are missing: input\[0\]\.output/],
      [[{ type: 'function_call_output', call_id: 'c', output: 4 }], /input\[0\]\.output must be string/],
    ];
    for (const [input, pattern] of cases) {
      const a = await ask({ input });
      assert.equal(a.status, 400, JSON.stringify(input));
      assert.match(String(a.json['error']), pattern);
    }
  });
});

describe('OpenAI-compatible answers', () => {
  it('answers an error as the OpenAI error object when told', async () => {
    server.enqueue('/responses', { kind: 'error', status: 401, error: 'Invalid API Key', shape: 'openai', errorType: 'authentication_error' });
    const a = await ask();
    assert.equal(a.status, 401);
    assert.deepEqual(a.json, { error: { code: 401, message: 'Invalid API Key', type: 'authentication_error' } });
  });

  it('openaiModels: 404 on /models/{capability}, the ids on /models', async () => {
    server.setDefault('/models', { kind: 'openaiModels' });
    const capability = await call('/models/chat-completion');
    assert.equal(capability.status, 404);
    assert.equal((capability.json['error'] as Json)['message'], 'File Not Found');
    const all = await call('/models');
    assert.equal(all.json['object'], 'list');
    assert.deepEqual(Object.keys((all.json['data'] as Json[])[0] ?? {}).sort(), ['created', 'id', 'object', 'owned_by']);
    await assert.rejects(new StandInControl(server.controlUrl).enqueue('/responses', { kind: 'openaiModels' }), /only applies to \/models/);
  });
});

/** The SSE events of a streamed answer: [event name, data]. */
function events(text: string): Array<[string, Json]> {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const name = /^event: (.*)$/m.exec(frame)?.[1] ?? '';
      return [name, JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? 'null') as Json];
    });
}

describe('streaming (stream: true)', () => {
  it('streams a text answer in OpenAI’s event format', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'Hello streamed world' });
    const a = await ask({ stream: true });
    assert.equal(a.status, 200);
    assert.match(a.headers.get('content-type') ?? '', /^text\/event-stream/);
    const list = events(a.text);
    assert.deepEqual(
      list.map(([name]) => name),
      [
        'response.created',
        'response.in_progress',
        'response.output_item.added',
        'response.content_part.added',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.output_text.done',
        'response.content_part.done',
        'response.output_item.done',
        'response.completed',
      ],
    );
    assert.ok(list.every(([name, data]) => data['type'] === name));
    assert.deepEqual(
      list.map(([, data]) => data['sequence_number']),
      list.map((_, i) => i),
    );
    assert.deepEqual(
      list.filter(([n]) => n === 'response.output_text.delta').map(([, d]) => d['delta']),
      ['Hello ', 'streamed ', 'world'],
    );
    const completed = list.at(-1)?.[1]['response'] as Json;
    assert.equal(completed['status'], 'completed');
    assert.deepEqual(((completed['output'] as Json[])[0]?.['content'] as Json[])[0]?.['text'], 'Hello streamed world');
  });

  it('ends with an error event, response.failed or response.incomplete when told', async () => {
    for (const end of ['error', 'failed', 'incomplete'] as const) {
      server.enqueue('/responses', { kind: 'text', text: 'a b c d', stream: { end, errorMessage: 'boom' } });
      const list = events((await ask({ stream: true })).text);
      const [name, data] = list.at(-1) ?? ['', {}];
      assert.equal(name, end === 'error' ? 'error' : `response.${end}`);
      if (end === 'error') assert.equal(data['message'], 'boom');
      if (end === 'failed') assert.equal(((data['response'] as Json)['error'] as Json)['message'], 'boom');
      if (end !== 'incomplete') assert.equal(list.filter(([n]) => n === 'response.output_text.delta').length, 2, 'half the deltas before the fault');
    }
  });

  it('cuts the connection mid-stream when told (not recorded as the client’s abort)', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'a b c d', stream: { end: 'cut', afterDeltas: 1 } });
    const res = await fetch(server.baseUrl + '/responses', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', input: 'x', stream: true }),
    });
    assert.equal(res.status, 200);
    await assert.rejects(res.text());
    assert.notEqual(server.requests()[0]?.aborted, true);
  });

  it('stalls with the connection open when told, until the client goes away', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'a b c d', stream: { end: 'stall', afterDeltas: 1 } });
    const abort = new AbortController();
    const res = await fetch(server.baseUrl + '/responses', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', input: 'x', stream: true }),
      signal: abort.signal,
    });
    const reader = res.body?.getReader();
    let seen = '';
    while (!seen.includes('response.output_text.delta')) seen += new TextDecoder().decode((await reader?.read())?.value);
    abort.abort();
    await until(() => server.requests()[0]?.aborted === true);
  });

  it('refuseStream: 400 naming stream to a stream request, a text answer otherwise', async () => {
    server.setDefault('/responses', { kind: 'refuseStream', text: 'whole' });
    const refused = await ask({ stream: true });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.json, { error: { code: 400, message: STREAM_REFUSAL, type: 'invalid_request_error' } });
    const plain = await ask();
    assert.equal((output(plain)[0]?.['content'] as Json)['text'], 'whole');
  });

  it('stream: false in the script answers one JSON body to a stream request', async () => {
    server.enqueue('/responses', { kind: 'text', text: 'json anyway', stream: false });
    const a = await ask({ stream: true });
    assert.match(a.headers.get('content-type') ?? '', /application\/json/);
    assert.equal((output(a)[0]?.['content'] as Json)['text'], 'json anyway');
  });
});

describe('control port', () => {
  it('scripts and inspects the server over HTTP', async () => {
    const control = new StandInControl(server.controlUrl);
    await control.enqueue('/responses', { kind: 'safeguard', message: 'failed toxicity check' });
    await control.setDefault('/responses', { kind: 'text', text: 'from control' });
    assert.deepEqual((await ask()).json, { error: 'failed toxicity check' });
    assert.equal((output(await ask())[0]?.['content'] as Json)['text'], 'from control');
    await call('/models');
    assert.equal((await control.requests()).length, 3);
    assert.equal((await control.lastRequest('/responses'))?.answeredStatus, 200);
    await assert.rejects(control.enqueue('/responses', { kind: 'nope' } as never), /400/);
    await control.reset();
    assert.deepEqual(await control.requests(), []);
    assert.equal((output(await ask())[0]?.['content'] as Json)['text'], 'Stand-in answer.');
  });
});

describe('close()', () => {
  it('ends hanging and stalled requests so the process can exit', async () => {
    const own = await startStandIn();
    own.enqueue('/responses', { kind: 'hang' });
    own.enqueue('/responses', { kind: 'stall', afterBytes: 10 });
    const send = (): Promise<'answered' | 'cut off'> =>
      fetch(own.baseUrl + '/responses', { method: 'POST', headers: { authorization: `Bearer ${own.token}` }, body: '{"model":"m","input":"x"}' })
        .then((r) => r.text())
        .then(
          () => 'answered',
          () => 'cut off',
        );
    const hanging = send();
    const stalled = send();
    await until(() => own.requests().length === 2 && own.requests().some((r) => r.answeredStatus === 200));
    const started = Date.now();
    await own.close();
    assert.deepEqual([await hanging, await stalled], ['cut off', 'cut off']);
    assert.ok(Date.now() - started < 1000);
    assert.equal(own.requests().filter((r) => r.aborted).length, 0);
  });
});
