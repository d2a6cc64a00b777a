// A chat turn with the workspace tools, through the real Pipeline (session.send with `adjust`) against
// the stand-in server: which tools each request offers, the call's output in the next request, the
// calls listed on the answer, and nothing offered when the tools are off.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTurn, type TurnTools } from '../../src/chat/turnRunner';
import { type Consent } from '../../src/tools/loop';
import { WorkspaceTools } from '../../src/tools/workspaceTools';
import { startStandIn, type StandIn } from '../server/standInServer';
import { diskWorkspace } from './helpers/diskWorkspace';
import { testPipeline, testSettings } from './helpers/testPipeline';

type Json = Record<string, unknown>;
const TOKEN = 'tok-chat-tools';
let server: StandIn;
let tmp = '';

before(async () => {
  server = await startStandIn({ token: TOKEN });
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'pg-chat-tools-')));
  writeFileSync(join(tmp, 'app.py'), 'print("APP-TEXT")\n');
});
after(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => server.reset());

function bodies(): Json[] {
  return server
    .requests()
    .filter((r) => r.path === '/responses')
    .map((r) => {
      assert.equal(r.validationError, undefined, `the stand-in rejected the body: ${r.validationError}`);
      return r.body as Json;
    });
}

const toolNames = (body: Json): string[] => ((body['tools'] as Json[] | undefined) ?? []).map((t) => String(t['name'] ?? t['server_label']));

function tools(settings: Record<string, unknown>, consents: Consent[], allowedForChat = false): TurnTools & { asked: string[] } {
  const workspace = new WorkspaceTools(diskWorkspace([{ name: 'ws', fsRoot: tmp }]), testSettings(server.baseUrl, settings).workspaceTools.exclude);
  const asked: string[] = [];
  return {
    asked,
    hooks: {
      precheck: (c) => workspace.precheck(c.name, c.arguments),
      runTool: (c, s) => workspace.run(c.name, c.arguments, s),
      consent: (c) => {
        asked.push(c.description);
        return Promise.resolve(consents.shift() ?? 'deny');
      },
      askResult: () => Promise.resolve(undefined),
    },
    options: { settings: testSettings(server.baseUrl, settings), allowedForChat },
  };
}

describe('a chat turn with the workspace tools (session.send + adjust)', () => {
  it('Allow: the next request carries the function_call_output with the file text; the call is listed on the answer', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: '{"path":"app.py","start_line":null,"end_line":null}' });
    server.enqueue('/responses', { kind: 'text', text: 'It prints APP-TEXT.' });
    const t = tools({}, ['allow']);
    const result = await runTurn(
      testPipeline({ baseUrl: server.baseUrl, token: TOKEN }).pipeline,
      [{ role: 'user', content: 'What does app.py print?' }],
      new AbortController().signal,
      {},
      t,
    );
    assert.equal(result.status, 'done');
    assert.ok(result.status === 'done');
    assert.equal(result.answer.text, 'It prints APP-TEXT.');
    assert.deepEqual(t.asked, ['read `app.py`']);
    const [first, second] = bodies();
    assert.ok(first && second);
    assert.deepEqual(toolNames(first), ['read_file', 'list_files', 'search_text', 'get_problems']);
    const outputs = (second['input'] as Json[]).filter((i) => i['type'] === 'function_call_output');
    assert.equal(outputs.length, 1);
    assert.match(String(outputs[0]?.['output']), /APP-TEXT/);
    assert.equal(result.answer.toolCalls.length, 1);
    assert.equal(result.answer.toolCalls[0]?.outcome, 'ran');
    assert.equal(result.answer.toolCalls[0]?.name, 'read_file');
  });

  it('off: no workspace tool is offered and a call to one is refused unread', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: '{"path":"app.py","start_line":null,"end_line":null}' });
    server.enqueue('/responses', { kind: 'text', text: 'Done.' });
    const t = tools({ workspaceTools: 'off' }, ['allow']);
    const result = await runTurn(
      testPipeline({ baseUrl: server.baseUrl, token: TOKEN }).pipeline,
      [{ role: 'user', content: 'Read it' }],
      new AbortController().signal,
      {},
      t,
    );
    assert.equal(result.status, 'done');
    assert.deepEqual(t.asked, []);
    const [first, second] = bodies();
    assert.ok(first && second);
    assert.equal(first['tools'], undefined);
    assert.ok(!JSON.stringify(second).includes('APP-TEXT'), 'the file text is sent nowhere');
  });

  it('a forced workspace tool: the first round forces it, later rounds send "auto"', async () => {
    server.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: '{"path":"app.py","start_line":null,"end_line":null}' });
    server.enqueue('/responses', { kind: 'text', text: 'Done.' });
    const settings = { toolChoice: { type: 'function', name: 'read_file' } };
    const t = tools(settings, [], true);
    const result = await runTurn(
      testPipeline({ baseUrl: server.baseUrl, token: TOKEN, settings }).pipeline,
      [{ role: 'user', content: 'Read it' }],
      new AbortController().signal,
      {},
      t,
    );
    assert.equal(result.status, 'done');
    assert.deepEqual(t.asked, [], 'allowed for this chat: not asked');
    const [first, second] = bodies();
    assert.deepEqual(first?.['tool_choice'], { type: 'function', name: 'read_file' });
    assert.equal(second?.['tool_choice'], 'auto');
  });
});
