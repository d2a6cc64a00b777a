// A conversation → the `input` the server receives: earlier answered turns as user/assistant pairs,
// bounded by chat.maxTurns, selections as labelled code blocks, images as input_image parts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiParametersSchema, buildRequest } from '../../src/api/parameters';
import { type SelectionAttachment, type Turn } from '../../src/chat/conversation';
import { conversationInput, userText } from '../../src/chat/conversationInput';
import { ImageMemory } from '../../src/chat/imageMemory';

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

  it('an earlier image is never sent again, even while its bytes are in memory: a note says it was there', () => {
    const dataUrl = 'data:image/png;base64,iVBORw0KGgo=';
    const earlier = turn('Look', 'A chart.', { attachments: [{ kind: 'image', id: 'i1', name: 'chart.png', mime: 'image/png', bytes: 8 }] });
    const input = conversationInput([earlier], turn('More?'), 10, () => dataUrl);
    assert.deepEqual(input[0], {
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_text', text: 'Look\n\n(An image, chart.png, was attached to this message; it is not sent again. Attach it again to ask about it.)' },
      ],
    });
    assert.ok(!JSON.stringify(input).includes(dataUrl), 'the earlier image was sent again');
  });

  it("the new message's image whose bytes are gone is mentioned instead of sent", () => {
    const again = turn('Look', undefined, { attachments: [{ kind: 'image', id: 'gone', name: 'chart.png', mime: 'image/png', bytes: 8 }] });
    const [first] = conversationInput([], again, 10);
    assert.deepEqual(first, {
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'Look\n\n(An image, chart.png, was attached here; it is no longer available.)' }],
    });
  });
});

describe('attached images are released after their turn', () => {
  const dataUrl = 'data:image/png;base64,iVBORw0KGgo=';
  const image = { kind: 'image' as const, id: 'i1', name: 'chart.png', mime: 'image/png', bytes: 8 };
  const sent = (input: unknown): boolean => JSON.stringify(input).includes(dataUrl);

  it('answered: the bytes are dropped, and the next turns carry a note, not the image', () => {
    const memory = new ImageMemory();
    memory.set('i1', dataUrl);
    const first = turn('What is in this picture?', undefined, { attachments: [image] });
    memory.sending(first.attachments);
    assert.ok(sent(conversationInput([], first, 10, (id) => memory.get(id))), 'the image did not go with its own turn');
    memory.turnEnded(first.attachments, true);
    assert.equal(memory.size, 0);
    const answered = { ...first, status: 'done' as const, answer: { text: 'A chart.', model: 'm', ms: 1, incomplete: false, toolCalls: [] } };
    for (const later of ['And the legend?', 'And the axis?']) {
      const input = conversationInput([answered], turn(later), 10, (id) => memory.get(id));
      assert.ok(!sent(input), `the image went again with “${later}”`);
      assert.match(JSON.stringify(input), /not sent again/);
    }
  });

  it('failed or stopped: kept for a Retry of that turn, released when the next message is sent', () => {
    const memory = new ImageMemory();
    memory.set('i1', dataUrl);
    const first = turn('What is in this picture?', undefined, { attachments: [image] });
    memory.sending(first.attachments);
    memory.turnEnded(first.attachments, false);
    assert.ok(sent(conversationInput([], first, 10, (id) => memory.get(id))), 'Retry lost the image');
    memory.sending([]);
    assert.equal(memory.size, 0);
  });

  it('asked again: the user attaches the image again and it goes once more', () => {
    const memory = new ImageMemory();
    memory.set('i2', dataUrl);
    const again = turn('Look again', undefined, { attachments: [{ ...image, id: 'i2' }] });
    memory.sending(again.attachments);
    assert.ok(sent(conversationInput([], again, 10, (id) => memory.get(id))));
  });
});
