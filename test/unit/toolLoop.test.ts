// The tool loop against the stand-in server: what each request carries, what the user is asked, and
// where the loop stops. Files are real, in a temp dir; requests are the real client's.
import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PredictionGuardClient } from '../../src/api/client';
import { PredictionGuardError } from '../../src/api/errors';
import { type FunctionTool, type MessageItem, type ResponsesRequest } from '../../src/api/requestSchema';
import { WORKSPACE_TOOLS } from '../../src/tools/definitions';
import {
  forcedWorkspaceTool,
  runToolLoop,
  toolChoiceFor,
  type Consent,
  type LoopDeps,
  type LoopOptions,
  type SendOutcome,
  type ToolCall,
} from '../../src/tools/loop';
import { DEFAULT_TOOL_EXCLUDES } from '../../src/tools/toolSettings';
import { WorkspaceTools } from '../../src/tools/workspaceTools';
import { type StandIn, startStandIn } from '../server/standInServer';
import { diskWorkspace } from './helpers/diskWorkspace';

type Json = Record<string, unknown>;
let server: StandIn;
let tmp = '';
const WEATHER: FunctionTool = {
  type: 'function',
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

before(async () => {
  server = await startStandIn({ token: 'tok' });
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'pg-loop-')));
  writeFileSync(join(tmp, 'outside.txt'), 'OUTSIDE-SECRET');
  writeFileSync(join(tmp, 'app.py'), 'print("APP-TEXT")\n');
  writeFileSync(join(tmp, '.env'), 'ENV-SECRET\n');
  writeFileSync(join(tmp, 'wide.txt'), Array.from({ length: 400 }, () => 'w'.repeat(200)).join('\n'));
});
after(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => server.reset());

interface Harness {
  deps: LoopDeps<string>;
  asked: ToolCall[];
  typedFor: ToolCall[];
}

/** `consents` answers the consent card in order; `typed` answers a user function's prompt. */
function harness(
  consents: Consent[] = [],
  options: { toolChoice?: unknown; maxToolCalls?: number; typed?: string | undefined; consentHangs?: boolean } = {},
): Harness {
  const client = new PredictionGuardClient({ baseUrl: server.baseUrl, token: 'tok', timeoutSeconds: 10, maxRetries: 0 });
  const tools = new WorkspaceTools(diskWorkspace([{ name: 'ws', fsRoot: tmp }]), DEFAULT_TOOL_EXCLUDES);
  const asked: ToolCall[] = [];
  const typedFor: ToolCall[] = [];
  const deps: LoopDeps<string> = {
    async send(step, signal): Promise<SendOutcome<string>> {
      const body: Json = { model: 'm', input: step.input, tools: [...WORKSPACE_TOOLS, WEATHER] };
      const choice = toolChoiceFor(step.toolChoice, options.toolChoice ?? null);
      if (choice !== undefined) body['tool_choice'] = choice;
      if (options.maxToolCalls !== undefined) body['max_tool_calls'] = options.maxToolCalls;
      try {
        return { status: 'done', answer: await client.createResponse(body as ResponsesRequest, signal) };
      } catch (error) {
        if (error instanceof PredictionGuardError && error.kind === 'cancelled') return { status: 'cancelled' };
        return { status: 'error', failure: error instanceof Error ? error.message : String(error) };
      }
    },
    precheck: (call) => tools.precheck(call.name, call.arguments),
    runTool: (call, signal) => tools.run(call.name, call.arguments, signal),
    consent: async (call) => {
      asked.push(call);
      if (options.consentHangs) return new Promise<Consent>(() => undefined);
      return consents.shift() ?? assert.fail(`consent asked unexpectedly for ${call.description}`);
    },
    askResult: async (call) => {
      typedFor.push(call);
      return options.typed;
    },
  };
  return { deps, asked, typedFor };
}

const ask: LoopOptions = { mode: 'ask', allowedForChat: false, userFunctions: ['get_weather'] };
const question: MessageItem[] = [{ type: 'message', role: 'user', content: 'What does app.py print?' }];
const read = (path: string): string => JSON.stringify({ path, start_line: null, end_line: null });
const bodies = (): Json[] => server.requests().map((r) => r.body as Json);
const inputOf = (i: number): Json[] => (bodies()[i]?.['input'] ?? []) as Json[];
const never = (): AbortSignal => new AbortController().signal;

describe('the tool loop', () => {
  it('Allow: the next request carries the call and its output with the file text; the final answer is the text', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py') });
    server.enqueue('/responses', { kind: 'text', text: 'It prints APP-TEXT.' });
    const h = harness(['allow']);
    const result = await runToolLoop(question, h.deps, ask, never());
    assert.equal(result.status, 'done');
    assert.equal(result.status === 'done' && result.answer.text, 'It prints APP-TEXT.');
    assert.deepEqual(
      h.asked.map((c) => c.description),
      ['read `app.py`'],
    );
    const [q, call, output] = inputOf(1);
    assert.deepEqual(q, question[0]);
    assert.equal(call?.['type'], 'function_call');
    assert.equal(call?.['name'], 'read_file');
    assert.deepEqual(output, { type: 'function_call_output', call_id: call?.['call_id'], output: 'app.py, lines 1–1 of 1:\nprint("APP-TEXT")' });
    assert.equal(
      server.requests().every((r) => r.validationError === undefined),
      true,
    );
    assert.equal(result.calls[0]?.outcome, 'ran');
    assert.equal(result.calls[0]?.bytes, Buffer.byteLength('app.py, lines 1–1 of 1:\nprint("APP-TEXT")'));
  });

  it('Deny: the output says so and the file text is sent nowhere', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py') });
    server.enqueue('/responses', { kind: 'text', text: 'ok' });
    const result = await runToolLoop(question, harness(['deny']).deps, ask, never());
    assert.equal(inputOf(1)[2]?.['output'], 'Not run: the user denied this.');
    assert.ok(!JSON.stringify(bodies()).includes('APP-TEXT'));
    assert.equal(result.calls[0]?.outcome, 'denied');
  });

  for (const [label, path, reason] of [
    ['../outside.txt', '../outside.txt', /outside the workspace/],
    ['an absolute path', 'ABS', /outside the workspace: absolute paths/],
    ['.env', '.env', /excluded by predictionGuard\.workspaceToolsExclude/],
  ] as const) {
    it(`${label} is refused without asking, and its contents never leave`, async () => {
      server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read(path === 'ABS' ? join(tmp, 'outside.txt') : path) });
      server.enqueue('/responses', { kind: 'text', text: 'ok' });
      const h = harness([]);
      await runToolLoop(question, h.deps, ask, never());
      assert.equal(h.asked.length, 0);
      assert.match(String(inputOf(1)[2]?.['output']), reason);
      const sent = JSON.stringify(bodies());
      assert.ok(!sent.includes('OUTSIDE-SECRET') && !sent.includes('ENV-SECRET'));
    });
  }

  it('Allow for this chat: later calls run without asking, and the choice is handed back', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'list_files', arguments: '{"glob":null}' });
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py') });
    server.enqueue('/responses', { kind: 'text', text: 'done' });
    const h = harness(['allowChat']);
    const result = await runToolLoop(question, h.deps, ask, never());
    assert.equal(h.asked.length, 1);
    assert.equal(result.status === 'done' && result.allowedForChat, true);
    assert.match(String(inputOf(2)[4]?.['output']), /APP-TEXT/);
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py') });
    const again = harness([]);
    await runToolLoop(question, again.deps, { ...ask, allowedForChat: true }, never());
    assert.equal(again.asked.length, 0);
  });

  it('"allow" mode runs calls at once and still lists them', async () => {
    server.enqueue('/responses', {
      kind: 'functionCall',
      name: 'read_file',
      arguments: read('app.py'),
      more: [{ name: 'get_problems', arguments: '{"path":null}' }],
    });
    const h = harness([]);
    const result = await runToolLoop(question, h.deps, { ...ask, mode: 'allow' }, never());
    assert.equal(h.asked.length, 0);
    assert.deepEqual(
      result.calls.map((c) => [c.name, c.outcome]),
      [
        ['read_file', 'ran'],
        ['get_problems', 'ran'],
      ],
    );
    assert.equal(inputOf(1).length, 5);
  });

  it("stops after 8 rounds with a message; the 8th round's calls are not run", async () => {
    server.setDefault('/responses', { kind: 'functionCall', name: 'list_files', arguments: '{"glob":null}' });
    const result = await runToolLoop(question, harness([]).deps, { ...ask, mode: 'allow' }, never());
    assert.equal(server.requests().length, 8);
    assert.equal(result.status, 'done');
    assert.equal(result.calls.length, 7);
    assert.match(result.status === 'done' ? (result.limit ?? '') : '', /^Stopped after 8 rounds of tool calls/);
  });

  it('attack: one answer with 40 calls runs 16 after one Allow; the rest are answered "not run" and the user is told', async () => {
    const more = Array.from({ length: 39 }, () => ({ name: 'read_file', arguments: read('app.py') }));
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py'), more });
    server.enqueue('/responses', { kind: 'text', text: 'done' });
    const h = harness(['allowChat']);
    const result = await runToolLoop(question, h.deps, ask, never());
    assert.equal(h.asked.length, 1);
    assert.deepEqual(
      result.calls.map((c) => c.outcome),
      [...Array<string>(16).fill('ran'), ...Array<string>(24).fill('skipped')],
    );
    const outputs = inputOf(1).filter((item) => item['type'] === 'function_call_output');
    assert.equal(outputs.length, 40);
    assert.equal(outputs[16]?.['output'], 'Not run: the limit of 16 calls per round was reached.');
    assert.equal(server.requests()[1]?.validationError, undefined);
    assert.equal(result.status === 'done' && result.limit, 'The model asked for more than 16 tool calls in one round; the rest were not run.');
  });

  it('attack: tool output past 256 KB in one round is not sent back nor stored, and the user is told', async () => {
    const more = Array.from({ length: 5 }, () => ({ name: 'read_file', arguments: read('wide.txt') }));
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('wide.txt'), more });
    server.enqueue('/responses', { kind: 'text', text: 'done' });
    const result = await runToolLoop(question, harness([]).deps, { ...ask, mode: 'allow' }, never());
    const sent = inputOf(1)
      .filter((item) => item['type'] === 'function_call_output')
      .map((item) => String(item['output']));
    assert.ok(sent.reduce((sum, output) => sum + Buffer.byteLength(output), 0) <= 256 * 1024);
    assert.equal(sent[5], "Not sent: this round's tool output passed the limit of 256 KB; ask for less at a time.");
    assert.equal(result.calls[5]?.output, sent[5]);
    assert.equal(result.status === 'done' && result.limit, 'Tool output past 256 KB in one round was not sent to the model.');
  });

  it('max_tool_calls: calls past the limit are not run, and the last request asks for no tools', async () => {
    server.enqueue('/responses', {
      kind: 'functionCall',
      name: 'list_files',
      arguments: '{"glob":null}',
      more: [{ name: 'read_file', arguments: read('app.py') }],
    });
    server.enqueue('/responses', { kind: 'text', text: 'fine' });
    const result = await runToolLoop(question, harness([]).deps, { ...ask, mode: 'allow', maxToolCalls: 1 }, never());
    assert.deepEqual(
      result.calls.map((c) => c.outcome),
      ['ran', 'skipped'],
    );
    assert.equal(inputOf(1)[4]?.['output'], 'Not run: the limit of 1 tool calls (max_tool_calls) was reached.');
    assert.equal(bodies()[1]?.['tool_choice'], 'none');
  });

  it('Stop while the consent card waits: cancelled at once, nothing more is sent', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py') });
    const stop = new AbortController();
    const h = harness([], { consentHangs: true });
    const running = runToolLoop(question, h.deps, ask, stop.signal);
    while (h.asked.length === 0) await new Promise((r) => setImmediate(r));
    stop.abort();
    assert.equal((await running).status, 'cancelled');
    assert.equal(server.requests().length, 1);
  });

  it('Stop during a later request: cancelled, the server sees the request abandoned', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py') });
    server.enqueue('/responses', { kind: 'hang' });
    const stop = new AbortController();
    const h = harness(['allow']);
    const running = runToolLoop(question, h.deps, ask, stop.signal);
    while (server.requests().length < 2) await new Promise((r) => setTimeout(r, 5));
    stop.abort();
    assert.equal((await running).status, 'cancelled');
    while (!server.requests()[1]?.aborted) await new Promise((r) => setTimeout(r, 5));
    assert.equal(server.requests().length, 2);
  });

  it('a safeguard block in a later round ends the loop as that failure', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py') });
    server.enqueue('/responses', { kind: 'safeguard', message: 'pii detected' });
    const result = await runToolLoop(question, harness(['allow']).deps, ask, never());
    assert.equal(result.status, 'error');
    assert.match(result.status === 'error' ? result.failure : '', /PII/i);
    assert.equal(result.calls.length, 1);
  });

  it('the documented forced-call shape is taken as the call; its result goes back as conversation items', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py'), shape: 'documented' });
    server.enqueue('/responses', { kind: 'text', text: 'It prints APP-TEXT.' });
    const toolChoice = { type: 'function', name: 'read_file' };
    const result = await runToolLoop(question, harness(['allow'], { toolChoice }).deps, { ...ask, forcedTool: forcedWorkspaceTool(toolChoice) }, never());
    assert.equal(result.status === 'done' && result.answer.text, 'It prints APP-TEXT.');
    assert.deepEqual(bodies()[0]?.['tool_choice'], toolChoice);
    assert.equal(bodies()[1]?.['tool_choice'], 'auto');
    assert.deepEqual(inputOf(1).slice(1), [
      { type: 'message', role: 'assistant', content: read('app.py') },
      {
        type: 'message',
        role: 'user',
        content: `Result of the read_file call with arguments ${read('app.py')}:\n\napp.py, lines 1–1 of 1:\nprint("APP-TEXT")`,
      },
    ]);
  });

  it('JSON-looking text is an answer, not a call, when no tool was forced', async () => {
    server.enqueue('/responses', { kind: 'text', text: read('app.py') });
    const h = harness([]);
    const result = await runToolLoop(question, h.deps, ask, never());
    assert.equal(result.status === 'done' && result.answer.text, read('app.py'));
    assert.equal(server.requests().length, 1);
    assert.equal(h.asked.length, 0);
    assert.equal(forcedWorkspaceTool('required'), undefined);
    assert.equal(forcedWorkspaceTool({ type: 'function', name: 'get_weather' }), undefined);
  });

  it('a user-configured function takes the typed result, or says it was declined', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'get_weather', arguments: '{"city":"Oslo"}' });
    server.enqueue('/responses', { kind: 'text', text: 'Cold.' });
    const h = harness([], { typed: '-3 °C, snow' });
    const typed = await runToolLoop(question, h.deps, ask, never());
    assert.equal(h.typedFor[0]?.description, 'call your function `get_weather` with `{"city":"Oslo"}`');
    assert.equal(inputOf(1)[2]?.['output'], '-3 °C, snow');
    assert.equal(typed.calls[0]?.outcome, 'typed');
    server.reset();
    server.enqueue('/responses', { kind: 'functionCall', name: 'get_weather', arguments: '{"city":"Oslo"}' });
    await runToolLoop(question, harness([], { typed: undefined }).deps, ask, never());
    assert.equal(inputOf(1)[2]?.['output'], 'Not run: the user declined to answer this call.');
  });

  it('with the workspace tools off, a call to one is refused unread and unasked; a forced shape is plain text', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py') });
    server.enqueue('/responses', { kind: 'text', text: 'ok' });
    const h = harness([]);
    await runToolLoop(question, h.deps, { ...ask, mode: 'off' }, never());
    assert.equal(h.asked.length, 0);
    assert.match(String(inputOf(1)[2]?.['output']), /^Refused: workspace tools are off/);
    assert.ok(!JSON.stringify(bodies()).includes('APP-TEXT'));
    server.reset();
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read('app.py'), shape: 'documented' });
    const documented = await runToolLoop(question, harness([]).deps, { ...ask, mode: 'off', forcedTool: 'read_file' }, never());
    assert.equal(documented.status === 'done' && documented.answer.text, read('app.py'));
    assert.equal(server.requests().length, 1);
  });

  it('a call to a tool nobody offered is refused in words', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'delete_everything', arguments: '{}' });
    const result = await runToolLoop(question, harness([]).deps, ask, never());
    assert.equal(inputOf(1)[2]?.['output'], 'Refused: there is no tool named delete_everything.');
    assert.equal(result.calls[0]?.outcome, 'refused');
  });
});
