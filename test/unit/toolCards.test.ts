// The chat's tool loop UI: consent card and result prompt post the right messages (parsed by the
// protocol), the call list shows tool, words, outcome, size and time, and the export includes calls.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import type * as ToolCards from '../../media/chat/toolCards';
import { exportMarkdown } from '../../src/chat/exportMarkdown';
import { type Conversation } from '../../src/chat/conversation';
import { StateMessageSchema, ToHostSchema, type ToHost, type ToolCallView } from '../../src/webview/protocol/chat';

// Loaded after a DOM exists (the module builds elements at call time, but imports `document` users).
let cards: typeof ToolCards;
before(async () => {
  const { window } = new JSDOM('<!doctype html><body></body>');
  Object.assign(globalThis, { document: window.document, Node: window.Node, HTMLElement: window.HTMLElement });
  cards = await import('../../media/chat/toolCards');
});

function click(root: HTMLElement, text: string): void {
  const button = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
  assert.ok(button, `no button "${text}"`);
  button.dispatchEvent(new (button.ownerDocument.defaultView as unknown as typeof globalThis).MouseEvent('click'));
}

const consent = {
  kind: 'consent' as const,
  requestId: 'r1',
  turnId: 't1',
  tool: 'read_file',
  description: 'read `src/app.py`, lines 1–120',
  arguments: '{"path":"src/app.py","start_line":1,"end_line":120}',
};

describe('consent card', () => {
  it('says what the model wants in words, with the path as code, and posts each choice', () => {
    const posted: ToHost[] = [];
    const card = cards.consentCard(consent, (m) => posted.push(ToHostSchema.parse(m)));
    assert.equal(card.querySelector('.pg-tool-card-what')?.textContent, 'Read src/app.py, lines 1–120');
    assert.equal(card.querySelector('.pg-tool-card-what code')?.textContent, 'src/app.py');
    for (const label of ['Allow', 'Allow for this chat', 'Deny']) click(card, label);
    assert.deepEqual(posted, [
      { type: 'toolConsent', requestId: 'r1', choice: 'allow' },
      { type: 'toolConsent', requestId: 'r1', choice: 'allowChat' },
      { type: 'toolConsent', requestId: 'r1', choice: 'deny' },
    ]);
  });

  it('model text in a description never becomes markup', () => {
    const card = cards.consentCard({ ...consent, description: 'read `<img src=x onerror=alert(1)>`' }, () => undefined);
    assert.equal(card.querySelector('img'), null);
    assert.equal(card.querySelector('code')?.textContent, '<img src=x onerror=alert(1)>');
  });

  it('a user function: type a result or decline', () => {
    const posted: ToHost[] = [];
    const prompt = cards.resultPrompt(
      { ...consent, kind: 'result', tool: 'get_weather', description: 'call your function `get_weather` with `{"city":"Oslo"}`', arguments: '{"city":"Oslo"}' },
      (m) => posted.push(ToHostSchema.parse(m)),
    );
    (prompt.querySelector('textarea') as HTMLTextAreaElement).value = '-3 °C';
    click(prompt, 'Send result');
    click(prompt, 'Decline');
    assert.deepEqual(posted, [
      { type: 'toolResult', requestId: 'r1', result: '-3 °C' },
      { type: 'toolResult', requestId: 'r1', result: null },
    ]);
  });

  it('the state message carries a waiting request; old states without one still parse', () => {
    const state = {
      type: 'state',
      conversations: [],
      current: { id: 'c', title: 't', turnIds: [], turns: [] },
      running: 't1',
      attachments: [],
      settings: { model: 'm', safeguards: [] },
      hasApiKey: true,
    };
    assert.ok(StateMessageSchema.safeParse(state).success);
    assert.equal(StateMessageSchema.parse({ ...state, toolRequest: consent }).toolRequest?.kind, 'consent');
    assert.ok(!ToHostSchema.safeParse({ type: 'toolConsent', requestId: 'r1', choice: 'always' }).success);
  });
});

const call: ToolCallView = {
  kind: 'function',
  name: 'read_file',
  arguments: '{"path":"src/app.py"}',
  output: 'src/app.py, lines 1–2 of 2:\n```\nx',
  description: 'read `src/app.py`',
  outcome: 'ran',
  bytes: 2048,
  ms: 1500,
};

describe('call list and export', () => {
  it('each call: tool, words, outcome, size, time; collapsed', () => {
    const entry = cards.toolCallEntry(call);
    assert.equal(entry.tagName, 'DETAILS');
    assert.equal(entry.hasAttribute('open'), false);
    assert.equal(entry.querySelector('summary')?.textContent, ' Tool read_file: read src/app.py (ran · 2 KB · 1.5 s)');
  });

  it('the Markdown export lists calls with words, outcome, size, time and output, and the limit note', () => {
    const conversation: Conversation = {
      id: 'c',
      title: 'T',
      createdAt: 0,
      updatedAt: 0,
      turns: [
        {
          id: 't',
          prompt: 'q',
          attachments: [],
          status: 'done',
          startedAt: 0,
          safeguards: [],
          answer: { text: 'A', model: 'm', ms: 10, incomplete: false, toolCalls: [call], limit: 'Stopped after 8 rounds of tool calls.' },
        },
      ],
    };
    const md = exportMarkdown(conversation, new Date(0));
    // Plain Markdown, no raw HTML: the whole export is made inert (see markdownNeutralize.test.ts).
    assert.match(md, /\*\*Tool call:\*\* `read_file` — read `src\/app\.py` \(ran, 2048 bytes, 1\.5 s\)/);
    assert.doesNotMatch(md, /<details>|<summary>/);
    assert.match(md, /Output:\n\n````\nsrc\/app\.py, lines 1–2 of 2:\n```\nx\n````/);
    assert.match(md, /_Stopped after 8 rounds of tool calls\._/);
  });
});
