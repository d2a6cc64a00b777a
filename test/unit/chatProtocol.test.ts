// The chat view's protocol: the webview can only ask for named things, with bounded values; what the
// extension sends always parses on the webview side.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ToHostSchema, ToWebviewSchema } from '../../src/webview/protocol/chat';
import { ANSWER_VIEW_MAX, stateMessage } from '../../src/chat/viewModel';
import { type Answer, type Conversation } from '../../src/chat/conversation';

describe('ToHost (webview → extension)', () => {
  it('accepts the messages the webview sends', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'send', text: 'Hello' },
      { type: 'stop' },
      { type: 'codeAction', turnId: 't1', block: 0, action: 'insert' },
      { type: 'openLink', url: 'https://example.com' },
      { type: 'changeSafeguard', turnId: 't1' },
    ]) {
      assert.equal(ToHostSchema.safeParse(message).success, true, JSON.stringify(message));
    }
  });

  it('refuses anything else: unknown types, a command to run, bad values, missing fields', () => {
    for (const message of [
      { type: 'runCommand', command: 'workbench.action.terminal.sendSequence' },
      { type: 'codeAction', turnId: 't1', block: -1, action: 'insert' },
      { type: 'codeAction', turnId: 't1', block: 0, action: 'delete' },
      { type: 'openLink', url: '' },
      { type: 'openLink', url: `https://x.example/${'a'.repeat(9000)}` },
      { type: 'send' },
      { type: 'retry', turnId: '' },
      'ready',
      null,
    ]) {
      assert.equal(ToHostSchema.safeParse(message).success, false, JSON.stringify(message));
    }
  });
});

describe('ToWebview (extension → webview)', () => {
  it('the state message built from a conversation parses, and carries no selection text', () => {
    const conversation: Conversation = {
      id: 'c1',
      title: 'Q',
      createdAt: 1,
      updatedAt: 2,
      turns: [
        {
          id: 't1',
          prompt: 'Q',
          attachments: [
            { kind: 'selection', id: 's1', file: 'src/a.ts', language: 'typescript', startLine: 1, endLine: 2, text: 'const SECRET_SELECTION = 1;' },
          ],
          status: 'error',
          startedAt: 1,
          safeguards: ['PII: block'],
          error: { kind: 'safeguard', message: 'Blocked by the PII safeguard', actions: [{ kind: 'openSetting', setting: 'predictionGuard.safeguards.pii' }] },
        },
      ],
    };
    const message = stateMessage({
      conversations: [],
      current: conversation,
      running: undefined,
      attachments: [],
      model: 'm',
      hasApiKey: false,
      safeguards: [],
    });
    assert.equal(message.hasApiKey, false, 'the webview is told there is no key (and never the key)');
    const parsed = ToWebviewSchema.safeParse(message);
    assert.equal(parsed.success, true);
    const turn = message.current.turns[0];
    assert.deepEqual(turn?.attachments, [{ kind: 'selection', id: 's1', file: 'src/a.ts', language: 'typescript', startLine: 1, endLine: 2 }]);
    assert.deepEqual(turn?.error?.safeguard, { name: 'PII', setting: 'predictionGuard.safeguards.pii' });
    assert.deepEqual(turn?.error?.actions, [{ label: 'Open Setting' }]);
    assert.ok(!JSON.stringify(message).includes('SECRET_SELECTION'));
  });
});

describe('an answer longer than the chat message limit', () => {
  const answered = (text: string, extra: Partial<Answer> = {}): Conversation => ({
    id: 'c1',
    title: 'Q',
    createdAt: 1,
    updatedAt: 2,
    turns: [
      {
        id: 't1',
        prompt: 'Write it all',
        attachments: [],
        status: 'done',
        startedAt: 1,
        safeguards: [],
        answer: { text, model: 'm', ms: 5, incomplete: false, toolCalls: [], ...extra },
      },
    ],
  });
  const state = (conversation: Conversation) =>
    stateMessage({ conversations: [], current: conversation, running: undefined, attachments: [], model: 'm', hasApiKey: true, safeguards: [] });

  it('a 300,000-character answer: the state still parses, with the start of the answer and its full length', () => {
    const text = `# Start\n${'a'.repeat(300_000)}`;
    const message = state(answered(text));
    assert.equal(ToWebviewSchema.safeParse(message).success, true);
    const answer = message.current.turns[0]?.answer;
    assert.equal(answer?.text.length, ANSWER_VIEW_MAX);
    assert.ok(answer?.text.startsWith('# Start\n'));
    assert.deepEqual(answer?.truncated, { shown: ANSWER_VIEW_MAX, total: text.length });
    // Without the cut, the same state is refused by the schema (what froze the chat).
    const uncut = { ...message, current: { ...message.current, turns: [{ ...message.current.turns[0], answer: { ...answer, text } }] } };
    assert.equal(ToWebviewSchema.safeParse(uncut).success, false);
  });

  it('an answer within the limit is shown whole, not marked as cut', () => {
    const answer = state(answered('short')).current.turns[0]?.answer;
    assert.equal(answer?.text, 'short');
    assert.equal(answer?.truncated, undefined);
  });

  it('the cut never splits a surrogate pair, and huge tool outputs and refusals are cut too', () => {
    const text = `${'a'.repeat(ANSWER_VIEW_MAX - 1)}😀tail`;
    const big = 'o'.repeat(500_000);
    const message = state(answered(text, { refusal: big, toolCalls: [{ kind: 'mcp', name: 'q', arguments: big, output: big }] }));
    assert.equal(ToWebviewSchema.safeParse(message).success, true);
    const answer = message.current.turns[0]?.answer;
    assert.equal(answer?.text, 'a'.repeat(ANSWER_VIEW_MAX - 1));
    assert.ok((answer?.toolCalls[0]?.output?.length ?? 0) < 200_000);
    assert.ok((answer?.refusal?.length ?? 0) < 200_000);
  });

  it('"openFullAnswer" from the webview parses with a turn id, and not without', () => {
    assert.equal(ToHostSchema.safeParse({ type: 'openFullAnswer', turnId: 't1' }).success, true);
    assert.equal(ToHostSchema.safeParse({ type: 'openFullAnswer' }).success, false);
  });
});
