// The stand-in accepts and checks function_call / function_call_output input items, and answers with
// function calls in both shapes: output items with call_id, and the spec's documented forced-call message.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type StandIn, startStandIn } from '../server/standInServer';
import { createResponsesValidator } from '../server/specValidator';

let server: StandIn;
before(async () => {
  server = await startStandIn({ token: 't' });
});
after(() => server.close());
beforeEach(() => server.reset());

const validate = createResponsesValidator();
const call = { type: 'function_call', call_id: 'call_1', name: 'read_file', arguments: '{"path":"a.py"}' };
const result = { type: 'function_call_output', call_id: 'call_1', output: 'print(1)' };
const body = (input: unknown[]) => ({ model: 'm', input });

describe('tool-call input items', () => {
  it('a conversation with a call and its output is valid', () => {
    assert.equal(validate(body([{ role: 'user', content: 'read a.py' }, call, result])), undefined);
    assert.equal(validate(body([{ type: 'message', role: 'user', content: 'hi' }, call, result])), undefined);
  });

  it('rejects an output that answers no earlier call, and calls or outputs missing their fields', () => {
    assert.match(validate(body([{ role: 'user', content: 'x' }, result])) ?? '', /input\[1\]\.call_id "call_1" answers no function_call item before it/);
    assert.match(
      validate(
        body([
          { role: 'user', content: 'x' },
          { type: 'function_call', name: 'read_file', arguments: '{}' },
        ]),
      ) ?? '',
      /call_id/,
    );
    assert.match(
      validate(
        body([
          { role: 'user', content: 'x' },
          { type: 'function_call', call_id: 'c', name: 'f' },
        ]),
      ) ?? '',
      /arguments/,
    );
    assert.match(validate(body([{ role: 'user', content: 'x' }, call, { type: 'function_call_output', call_id: 'call_1' }])) ?? '', /output/);
    assert.match(validate(body([{ role: 'user', content: 'x' }, call, { ...result, output: { text: 'x' } }])) ?? '', /output/);
    assert.match(
      validate(
        body([
          { role: 'user', content: 'x' },
          { type: 'function_kall', role: 'user', content: 'x' },
        ]),
      ) ?? '',
      /input\[1\]\.type must be one of/,
    );
    assert.match(validate(body([{ role: 'user' }])) ?? '', /content/);
  });

  it('the server answers 400 for an orphan output and records why', async () => {
    const res = await fetch(`${server.baseUrl}/responses`, { method: 'POST', headers: { authorization: 'Bearer t' }, body: JSON.stringify(body([result])) });
    assert.equal(res.status, 400);
    assert.match(server.requests()[0]?.validationError ?? '', /answers no function_call/);
  });
});

describe('function call answers', () => {
  async function ask(): Promise<Record<string, unknown>> {
    const res = await fetch(`${server.baseUrl}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: JSON.stringify(body([{ role: 'user', content: 'x' }])),
    });
    assert.equal(res.status, 200);
    return (await res.json()) as Record<string, unknown>;
  }

  it('item shape: one function_call item per call, each with its own call_id', async () => {
    server.enqueue('/responses', {
      kind: 'functionCall',
      name: 'read_file',
      arguments: '{"path":"a"}',
      more: [{ name: 'list_files', arguments: '{"glob":null}' }],
    });
    const out = (await ask())['output'] as Array<Record<string, unknown>>;
    assert.deepEqual(
      out.map((o) => [o['type'], o['name'], o['arguments']]),
      [
        ['function_call', 'read_file', '{"path":"a"}'],
        ['function_call', 'list_files', '{"glob":null}'],
      ],
    );
    assert.notEqual(out[0]?.['call_id'], out[1]?.['call_id']);
  });

  it('documented shape: output is one message object whose text is the arguments, no call_id', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: '{"path":"a"}', shape: 'documented' });
    const output = (await ask())['output'] as Record<string, unknown>;
    assert.ok(!Array.isArray(output));
    assert.equal(output['type'], 'message');
    assert.deepEqual(output['content'], { text: '{"path":"a"}', type: 'output_text' });
    assert.equal(output['call_id'], undefined);
  });
});
