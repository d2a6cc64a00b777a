// The chat view's protocol: the webview can only ask for named things, with bounded values; what the
// extension sends always parses on the webview side.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PartialMessageSchema, ToHostSchema, ToWebviewSchema, type FactualityView, type StateMessage } from '../../src/webview/protocol/chat';
import { ANSWER_VIEW_MAX, SentTurns, stateMessage } from '../../src/chat/viewModel';
import { type Answer, type Conversation, type Turn } from '../../src/chat/conversation';

describe('ToHost (webview → extension)', () => {
  it('accepts the messages the webview sends', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'send', text: 'Hello' },
      { type: 'stop' },
      { type: 'codeAction', turnId: 't1', block: 0, code: 'echo hi', action: 'insert' },
      { type: 'openLink', url: 'https://example.com' },
      { type: 'changeSafeguard', turnId: 't1' },
    ]) {
      assert.equal(ToHostSchema.safeParse(message).success, true, JSON.stringify(message));
    }
  });

  it('refuses anything else: unknown types, a command to run, bad values, missing fields', () => {
    for (const message of [
      { type: 'runCommand', command: 'workbench.action.terminal.sendSequence' },
      { type: 'codeAction', turnId: 't1', block: -1, code: 'x', action: 'insert' },
      { type: 'codeAction', turnId: 't1', block: 0, action: 'insert' },
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

  it('attack: the page refuses a partial over the cap', () => {
    const oversize = { type: 'partial', turnId: 't1', text: 'a'.repeat(ANSWER_VIEW_MAX + 1) };
    assert.equal(PartialMessageSchema.safeParse(oversize).success, false);
    assert.equal(ToWebviewSchema.safeParse(oversize).success, false);
    assert.equal(PartialMessageSchema.safeParse({ ...oversize, text: 'a'.repeat(ANSWER_VIEW_MAX) }).success, true);
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

describe('a state carries only the turns the page lacks', () => {
  const done = (i: number): Turn => ({
    id: `t${i}`,
    prompt: `Question ${i}`,
    attachments: [],
    status: 'done',
    startedAt: 1,
    safeguards: [],
    answer: { text: `Answer ${i}`, model: 'm', ms: 5, incomplete: false, toolCalls: [] },
  });
  const conversationOf = (turns: Turn[], id = 'c1'): Conversation => ({ id, title: 'Q', createdAt: 1, updatedAt: 2, turns });
  const state = (conversation: Conversation, sent: SentTurns, running?: string, factuality?: (id: string) => FactualityView | undefined) =>
    stateMessage({ conversations: [], current: conversation, running, attachments: [], model: 'm', hasApiKey: true, safeguards: [], factuality }, sent);
  const sentIds = (message: StateMessage): string[] => message.current.turns.map((t) => t.id);

  it('a 200-turn conversation is sent whole once; a new turn then sends that turn alone, and its answer only it', () => {
    const sent = new SentTurns();
    const turns = Array.from({ length: 200 }, (_, i) => done(i));
    const first = state(conversationOf(turns), sent);
    assert.equal(first.current.turns.length, 200);
    assert.equal(ToWebviewSchema.safeParse(first).success, true);
    const pending: Turn = { ...done(200), status: 'pending', answer: undefined };
    const asked = state(conversationOf([...turns, pending]), sent, 't200');
    assert.deepEqual(sentIds(asked), ['t200']);
    assert.equal(asked.current.turnIds.length, 201);
    assert.equal(asked.current.turnIds[200], 't200');
    const last = done(200);
    const answered = state(conversationOf([...turns, last]), sent);
    assert.deepEqual(sentIds(answered), ['t200']);
    assert.ok(JSON.stringify(answered).length < JSON.stringify(first).length / 20, 'the answered state is a small fraction of the whole');
    assert.deepEqual(sentIds(state(conversationOf([...turns, last]), sent)), [], 'nothing changed: no turn is sent');
  });

  it('the running turn is sent with each state (its notice changes while the stored turn does not)', () => {
    const sent = new SentTurns();
    const pending: Turn = { ...done(1), status: 'pending', answer: undefined };
    const conversation = conversationOf([done(0), pending]);
    state(conversation, sent, 't1');
    assert.deepEqual(sentIds(state(conversation, sent, 't1')), ['t1']);
  });

  it('a factuality badge changing sends that turn again', () => {
    const sent = new SentTurns();
    const conversation = conversationOf([done(0), done(1)]);
    state(conversation, sent);
    const badge = state(conversation, sent, undefined, (id) => (id === 't0' ? { status: 'checking' } : undefined));
    assert.deepEqual(sentIds(badge), ['t0']);
    assert.deepEqual(badge.current.turns[0]?.factuality, { status: 'checking' });
  });

  it('another conversation, or a page loaded anew (reset), gets every turn', () => {
    const sent = new SentTurns();
    const conversation = conversationOf([done(0), done(1)]);
    state(conversation, sent);
    assert.deepEqual(sentIds(state(conversationOf([done(5)], 'c2'), sent)), ['t5']);
    assert.deepEqual(sentIds(state(conversation, sent)), ['t0', 't1'], 'back to the first: the page drew the other one meanwhile');
    sent.reset();
    assert.deepEqual(sentIds(state(conversation, sent)), ['t0', 't1']);
  });
});
