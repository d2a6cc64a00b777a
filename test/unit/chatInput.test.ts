// A conversation → the `input` the server receives: earlier answered turns as user/assistant pairs,
// bounded by chat.maxTurns, selections as labelled code blocks, images as input_image parts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiParametersSchema, buildRequest } from '../../src/api/parameters';
import { type SelectionAttachment, type Turn } from '../../src/chat/conversation';
import { conversationInput, userText } from '../../src/chat/conversationInput';

let next = 0;
function turn(prompt: string, answer?: string, extra: Partial<Turn> = {}): Turn {
  next++;
  return {
    id: `t${next}`,
    prompt,
    attachments: [],
    status: answer === undefined ? 'pending' : 'done',
    startedAt: next,
    safeguards: [],
    answer: answer === undefined ? undefined : { text: answer, model: 'm', ms: 1, incomplete: false, toolCalls: [] },
    ...extra,
  };
}

const selection: SelectionAttachment = {
  kind: 'selection',
  id: 's1',
  file: 'src/sample.ts',
  language: 'typescript',
  startLine: 8,
  endLine: 16,
  text: 'export function orderTotal(order: Order): number {\n  return 0;\n}',
};

describe('conversationInput', () => {
  it('a first message is one user item', () => {
    assert.deepEqual(conversationInput([], turn('What is an Order?'), 10), [{ type: 'message', role: 'user', content: 'What is an Order?' }]);
  });

  it('every item says "type": "message", so a server need not guess an assistant item from its fields', () => {
    const input = conversationInput([turn('q1', 'a1')], turn('q2'), 10);
    assert.deepEqual(
      input.map((i) => [i.type, i.role]),
      [
        ['message', 'user'],
        ['message', 'assistant'],
        ['message', 'user'],
      ],
    );
  });

  it('a second message carries the first question and its answer as an assistant item', () => {
    const first = turn('Explain orderTotal', 'It sums the items.');
    const input = conversationInput([first], turn('And the coupon?'), 10);
    assert.deepEqual(input, [
      { type: 'message', role: 'user', content: 'Explain orderTotal' },
      { type: 'message', role: 'assistant', content: 'It sums the items.' },
      { type: 'message', role: 'user', content: 'And the coupon?' },
    ]);
  });

  it('sends at most maxTurns earlier turns, the most recent ones', () => {
    const earlier = [turn('q1', 'a1'), turn('q2', 'a2'), turn('q3', 'a3')];
    const input = conversationInput(earlier, turn('q4'), 2);
    assert.deepEqual(
      input.map((i) => i.content),
      ['q2', 'a2', 'q3', 'a3', 'q4'],
    );
  });

  it('maxTurns 0 sends only the new message', () => {
    assert.deepEqual(conversationInput([turn('q1', 'a1')], turn('q2'), 0), [{ type: 'message', role: 'user', content: 'q2' }]);
  });

  it('leaves out earlier turns that failed, were stopped or have no text', () => {
    const earlier = [
      turn('ok', 'fine'),
      turn('blocked', undefined, { status: 'error', error: { kind: 'safeguard', message: 'pii', actions: [] } }),
      turn('stopped', undefined, { status: 'cancelled' }),
      turn('tools only', ''),
    ];
    assert.deepEqual(
      conversationInput(earlier, turn('next'), 10).map((i) => i.content),
      ['ok', 'fine', 'next'],
    );
  });

  it('a selection chip becomes a labelled code block after the question', () => {
    const text = userText('Is this right?', [selection]);
    assert.equal(
      text,
      'Is this right?\n\nCode from `src/sample.ts` (typescript, lines 8–16):\n\n```typescript\nexport function orderTotal(order: Order): number {\n  return 0;\n}\n```',
    );
  });

  it('the fence is longer than any backtick run in the selection', () => {
    const text = userText('', [{ ...selection, startLine: 3, endLine: 3, text: 'const md = "```js";' }]);
    assert.equal(text, 'Code from `src/sample.ts` (typescript, line 3):\n\n````typescript\nconst md = "```js";\n````');
  });

  it('an image becomes an input_image part with its data URL; the body passes the request schema', () => {
    const dataUrl = 'data:image/png;base64,iVBORw0KGgo=';
    const withImage = turn('What is in this picture?', undefined, {
      attachments: [{ kind: 'image', id: 'i1', name: 'chart.png', mime: 'image/png', bytes: 8 }],
    });
    const input = conversationInput([], withImage, 10, (id) => (id === 'i1' ? dataUrl : undefined));
    assert.deepEqual(input, [
      {
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_text', text: 'What is in this picture?' },
          { type: 'input_image', image_url: dataUrl, detail: 'auto' },
        ],
      },
    ]);
    const body = buildRequest(ApiParametersSchema.parse({ model: 'vision-model' }), input);
    assert.deepEqual(body.input, input);
  });

  it('an earlier image whose bytes are gone (after a reload) is mentioned instead of sent', () => {
    const earlier = turn('Look', 'A chart.', { attachments: [{ kind: 'image', id: 'gone', name: 'chart.png', mime: 'image/png', bytes: 8 }] });
    const [first] = conversationInput([earlier], turn('More?'), 10);
    assert.deepEqual(first, {
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'Look\n\n(An image, chart.png, was attached here; it is no longer available.)' }],
    });
  });
});
