// Issue 20 item 6: MCP tools run on the server with no approval field in Prediction Guard's API, so
// the extension asks once per conversation before a request offers an MCP server. The pure rules,
// and what the stand-in server received through the real pipeline and a chat turn.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResponsesRequestSchema, type ResponsesRequest } from '../../src/api/requestSchema';
import { runTurn } from '../../src/chat/turnRunner';
import { runTaskFlow } from '../../src/commands/taskFlow';
import { consentQuestion, McpConsentMemory, offeredMcpServers, withoutMcp, type AskMcpConsent, type McpConsentAnswer } from '../../src/core/mcpConsent';
import { startStandIn, type StandIn } from '../server/standInServer';
import { testPipeline } from './helpers/testPipeline';

const TOKEN = 'pg-sentinel-token-mcp-consent';
const DOCS = { type: 'mcp' as const, server_label: 'docs', server_url: 'https://mcp.corp.example/sse', allowed_tools: ['search'] };
const GATEWAY = { type: 'mcp' as const, server_label: 'gw' };
const FN = { type: 'function' as const, name: 'get_weather' };
const body = (tools: ResponsesRequest['tools'], extra: Partial<ResponsesRequest> = {}): ResponsesRequest => ({ model: 'm', input: 'hi', tools, ...extra });

/** An asker that answers `answers` in turn and records what it was asked. */
function asker(...answers: McpConsentAnswer[]): AskMcpConsent & { readonly asked: string[] } {
  const asked: string[] = [];
  const ask = (question: { message: string; detail: string }): Promise<McpConsentAnswer> => {
    asked.push(`${question.message}\n${question.detail}`);
    return Promise.resolve(answers.length ? answers.shift() : undefined);
  };
  return Object.assign(ask, { asked });
}

const signal = new AbortController().signal;

describe('MCP consent rules', () => {
  it('lists the MCP servers a request offers, with URL and tools when known', () => {
    assert.deepEqual(offeredMcpServers(body([FN, DOCS, GATEWAY])), [{ label: 'docs', url: DOCS.server_url, tools: ['search'] }, { label: 'gw' }]);
    assert.deepEqual(offeredMcpServers(body([FN])), []);
  });

  it('attack: a setting MCP server is not offered before consent (the question comes first)', async () => {
    const ask = asker('allow');
    const memory = new McpConsentMemory();
    let sentBeforeAsking = false;
    const gated = await memory.gate(body([DOCS]), (q, s) => ((sentBeforeAsking = ask.asked.length > 0), ask(q, s)), signal);
    assert.equal(sentBeforeAsking, false);
    assert.equal(ask.asked.length, 1);
    assert.deepEqual(gated.tools, [DOCS]);
  });

  it('Allow holds for the rest of the conversation; a new conversation asks again', async () => {
    const ask = asker('allow', 'allow');
    const memory = new McpConsentMemory();
    await memory.gate(body([DOCS]), ask, signal);
    const again = await memory.gate(body([DOCS]), ask, signal);
    assert.deepEqual(again.tools, [DOCS]);
    assert.equal(ask.asked.length, 1);
    await new McpConsentMemory().gate(body([DOCS]), ask, signal);
    assert.equal(ask.asked.length, 2);
  });

  it('attack: a server added (or re-pointed) after Allow is asked about again', async () => {
    const ask = asker('allow', undefined);
    const memory = new McpConsentMemory();
    await memory.gate(body([DOCS]), ask, signal);
    const moved = { ...DOCS, server_url: 'https://mcp.attacker.example/sse' };
    const gated = await memory.gate(body([moved]), ask, signal);
    assert.equal(ask.asked.length, 2);
    assert.ok(ask.asked[1]?.includes('mcp.attacker.example'));
    assert.equal(gated.tools, undefined);
  });

  it('attack: "Not in this chat" sends no mcp tool, for the rest of the conversation, and is said once', async () => {
    const ask = asker('notInChat');
    const memory = new McpConsentMemory();
    const first = await memory.gate(body([FN, DOCS], { tool_choice: { type: 'mcp', server_label: 'docs' } }), ask, signal);
    assert.deepEqual(first.tools, [FN]);
    assert.equal(first.tool_choice, undefined);
    assert.match(memory.takeNotice() ?? '', /MCP tools were not offered/);
    const second = await memory.gate(body([DOCS, GATEWAY]), ask, signal);
    assert.equal(second.tools, undefined);
    assert.equal(ask.asked.length, 1);
    assert.equal(memory.takeNotice(), undefined);
  });

  it('attack: a dismissed question keeps MCP tools out of that request only', async () => {
    const ask = asker(undefined, 'allow');
    const memory = new McpConsentMemory();
    assert.equal((await memory.gate(body([GATEWAY]), ask, signal)).tools, undefined);
    assert.ok(memory.takeNotice());
    assert.deepEqual((await memory.gate(body([GATEWAY]), ask, signal)).tools, [GATEWAY]);
    assert.equal(ask.asked.length, 2);
  });

  it('withoutMcp drops a tool_choice left without tools, keeps "none"', () => {
    assert.equal(withoutMcp(body([DOCS], { tool_choice: 'required' })).tool_choice, undefined);
    assert.equal(withoutMcp(body([DOCS], { tool_choice: 'none' })).tool_choice, 'none');
    assert.equal(withoutMcp(body([FN, DOCS], { tool_choice: 'required' })).tool_choice, 'required');
  });

  it("attack: the question shows server labels, URLs and tool names inert; the deployment's server by name", () => {
    const q = consentQuestion([{ label: 'docs [click](command:workbench.action.terminal.new)', url: 'https://x.example/', tools: ['a`b'] }, { label: 'gw' }]);
    assert.ok(!/\]\(command:/.test(q.detail), q.detail);
    assert.match(q.detail, /docs \\\[click\\\]\\\(command:/);
    assert.match(q.detail, /a\\`b/);
    assert.match(q.detail, /gw \(the deployment's server\); tools: any the server has/);
    assert.match(q.message, /on its own/);
  });

  it('attack: require_approval is not part of the request schema (Prediction Guard has none)', () => {
    const parsed = ResponsesRequestSchema.parse(body([{ ...DOCS, require_approval: 'never' } as never]));
    assert.ok(!JSON.stringify(parsed).includes('require_approval'), JSON.stringify(parsed));
  });
});

describe('MCP consent: what the stand-in server received', () => {
  let server: StandIn;
  before(async () => {
    server = await startStandIn({ token: TOKEN });
  });
  after(() => server.close());

  const responses = (): Array<{ tools?: Array<{ type: string; require_approval?: unknown }> }> =>
    server
      .requests()
      .filter((r) => r.path === '/responses')
      .map((r) => r.body as { tools?: Array<{ type: string }> });

  it('attack: a chat turn after "Not in this chat" sends no mcp tool and says so on the answer', async () => {
    const since = responses().length;
    const { pipeline, mcpQuestions } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN, settings: { tools: [DOCS, FN] }, mcpConsent: 'notInChat' });
    const mcpConsent = new McpConsentMemory();
    const input = [{ role: 'user' as const, content: 'hi' }];
    const first = await runTurn(pipeline, input, new AbortController().signal, { mcpConsent });
    const second = await runTurn(pipeline, input, new AbortController().signal, { mcpConsent });
    assert.equal(mcpQuestions.length, 1);
    assert.match(mcpQuestions[0]?.detail ?? '', /docs \(https:\/\/mcp\.corp\.example\/sse\); tools: search/);
    const sent = responses().slice(since);
    assert.equal(sent.length, 2);
    for (const b of sent)
      assert.deepEqual(
        b.tools?.map((t) => t.type),
        ['function'],
      );
    assert.equal(first.status, 'done');
    assert.match(first.status === 'done' ? (first.answer.limit ?? '') : '', /MCP tools were not offered/);
    assert.equal(second.status === 'done' ? second.answer.limit : 'not done', undefined);
  });

  it('attack: with Allow the MCP server is sent, and never with require_approval (Prediction Guard)', async () => {
    const since = responses().length;
    const { pipeline, mcpQuestions } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN, settings: { tools: [DOCS] } });
    await runTurn(pipeline, [{ role: 'user', content: 'hi' }], new AbortController().signal, { mcpConsent: new McpConsentMemory() });
    assert.equal(mcpQuestions.length, 1);
    const [sent] = responses().slice(since);
    assert.deepEqual(
      sent?.tools?.map((t) => t.type),
      ['mcp'],
    );
    assert.ok(!JSON.stringify(sent).includes('require_approval'));
  });

  it('a command run asks per run and warns once when MCP tools were kept out', async () => {
    const since = responses().length;
    const { pipeline, mcpQuestions } = testPipeline({ baseUrl: server.baseUrl, token: TOKEN, settings: { tools: [GATEWAY] }, mcpConsent: undefined });
    const warnings: string[] = [];
    const deps = {
      send: (r: Parameters<typeof pipeline.send>[0]) => pipeline.send(r),
      place: () => Promise.resolve('placed'),
      progress: () => undefined,
      warn: (m: string) => warnings.push(m),
      showFailure: () => undefined,
      info: () => undefined,
    };
    const request = { task: 'explain' as const, input: [{ role: 'user' as const, content: 'hi' }], signal: new AbortController().signal };
    const result = await runTaskFlow(deps, request);
    await runTaskFlow(deps, request);
    assert.equal(result.status, 'placed');
    assert.equal(mcpQuestions.length, 2);
    for (const b of responses().slice(since)) assert.equal(b.tools, undefined);
    assert.equal(warnings.filter((w) => /MCP tools were not offered/.test(w)).length, 2);
  });
});
