// What the user sees from a /responses answer: its text, tool calls, refusal, usage and status.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResponsesResponseSchema } from '../../src/api/responseSchema';
import { parseAnswer, type ParsedAnswer } from '../../src/api/parseResponse';

function answer(json: unknown): ParsedAnswer {
  const parsed = ResponsesResponseSchema.safeParse(json);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues));
  return parseAnswer(parsed.data);
}

const message = (...texts: string[]) => ({
  type: 'message',
  id: `msg_${texts.length}`,
  status: 'completed',
  role: 'assistant',
  content: texts.map((text) => ({ type: 'output_text', text, annotations: [] })),
});

// The response examples of responses.yaml, as documented.
const BASIC = {
  id: 'resp_1196c27e58374675881efa613574ea7a',
  object: 'response',
  created_at: 1727890629,
  status: 'completed',
  model: '{{TEXT_MODEL}}',
  output: [{ content: { type: 'output_text', text: 'Why did the scarecrow win an award?\n\nBecause he was outstanding in his field!' } }],
};
const IMAGE_INPUT = {
  id: 'resp_402db7e4851449b68751983978cfa84d',
  object: 'response',
  created_at: 1727890364,
  status: 'completed',
  model: '{{VISION_MODEL}}',
  output: [
    {
      content: {
        type: 'output_text',
        text: 'No, there is no deer in this picture. The image features a man wearing a hat and glasses, smiling for the camera.',
      },
    },
  ],
};
const MCP_CALL = {
  id: 'resp_6588e9a6048c41d2ba97db4ba206cc16',
  object: 'response',
  created_at: 1771948029,
  max_tool_calls: 3,
  model: '{{TEXT_MODEL}}',
  output: [
    {
      type: 'test_mcp_call',
      call_id: 'mcp_e8cbf821b68e42e299d395c6795eb04b',
      status: 'completed',
      name: 'test_mcp_tool',
      arguments: '{"message": "prediction"}',
      server_label: 'test_mcp_server',
      output: 'If this is present, the tool call has been run, so make a joke about a prediction',
    },
    {
      type: 'message',
      status: 'completed',
      role: 'assistant',
      content: {
        text: "If this is present, it seems like we're predicting something. What do you predict will happen next? I bet it'll be unexpected!",
        type: 'output_text',
      },
    },
  ],
};
const FUNCTION_CALL = {
  id: 'resp_a4f6c81c89e0488f9cca7bd11e20ffb5',
  object: 'response',
  created_at: 1727890629,
  status: 'completed',
  max_tool_calls: 3,
  model: '{{TEXT_MODEL}}',
  output: {
    type: 'message',
    id: 'msg_d99d53d495e141e2948c48853e13e67b',
    status: 'completed',
    role: 'assistant',
    content: { text: '{"location":"celsius"}', type: 'output_text' },
  },
  tool_choice: { type: 'function', name: 'get_current_weather' },
  tools: [
    {
      type: 'function',
      name: 'get_current_weather',
      description: 'Get the current weather in a given location',
      strict: false,
      parameters: {
        type: 'object',
        properties: { location: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
        required: ['location'],
      },
    },
  ],
};

describe('the documented response examples', () => {
  it('Basic: the joke is the answer text', () => {
    const a = answer(BASIC);
    assert.equal(a.text, 'Why did the scarecrow win an award?\n\nBecause he was outstanding in his field!');
    assert.equal(a.id, 'resp_1196c27e58374675881efa613574ea7a');
    assert.equal(a.model, '{{TEXT_MODEL}}');
    assert.equal(a.incomplete, false);
    assert.equal(a.refusal, undefined);
    assert.deepEqual([a.functionCalls, a.mcpCalls], [[], []]);
  });

  it('Image Input: the description is the answer text', () => {
    assert.equal(answer(IMAGE_INPUT).text, 'No, there is no deer in this picture. The image features a man wearing a hat and glasses, smiling for the camera.');
  });

  it('MCP Call: the test_mcp_call item is an MCP call, the message is the text', () => {
    const a = answer(MCP_CALL);
    assert.equal(a.text, "If this is present, it seems like we're predicting something. What do you predict will happen next? I bet it'll be unexpected!");
    assert.equal(a.mcpCalls.length, 1);
    const [call] = a.mcpCalls;
    assert.equal(call?.serverLabel, 'test_mcp_server');
    assert.equal(call?.name, 'test_mcp_tool');
    assert.equal(call?.arguments, '{"message": "prediction"}');
    assert.equal(call?.output, 'If this is present, the tool call has been run, so make a joke about a prediction');
    assert.equal(call?.error, undefined);
    assert.deepEqual(a.functionCalls, []);
  });

  it('Function Call: `output` as one object still gives its text', () => {
    const a = answer(FUNCTION_CALL);
    assert.equal(a.text, '{"location":"celsius"}');
    assert.equal(a.id, 'resp_a4f6c81c89e0488f9cca7bd11e20ffb5');
    assert.deepEqual(a.mcpCalls, []);
  });
});

describe('the OpenAI shape', () => {
  it('content as a list of output_text parts', () => {
    assert.equal(answer({ id: 'resp_1', status: 'completed', output: [message('Hello.')] }).text, 'Hello.');
  });

  it('several parts and several message items are joined with a blank line', () => {
    const a = answer({ status: 'completed', output: [message('First.', 'Second.'), message('Third.')] });
    assert.equal(a.text, 'First.\n\nSecond.\n\nThird.');
  });

  it('a function_call item is a function call, not text', () => {
    const a = answer({
      status: 'completed',
      output: [
        {
          type: 'function_call',
          id: 'fc_1',
          call_id: 'call_42',
          name: 'get_current_weather',
          arguments: '{"location":"celsius"}',
          status: 'completed',
        },
      ],
    });
    assert.deepEqual(a.functionCalls, [{ callId: 'call_42', name: 'get_current_weather', arguments: '{"location":"celsius"}' }]);
    assert.equal(a.text, '');
  });

  it('an mcp_call item with an error reports the error', () => {
    const a = answer({ output: [{ type: 'mcp_call', server_label: 's', name: 't', arguments: '{}', error: 'tool crashed', output: null }] });
    assert.equal(a.mcpCalls[0]?.error, 'tool crashed');
    assert.equal(a.mcpCalls[0]?.output, undefined);
  });

  it('a refusal part is the refusal, not answer text', () => {
    const a = answer({
      status: 'completed',
      output: [{ type: 'message', role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }] }],
    });
    assert.equal(a.refusal, 'I cannot help with that.');
    assert.equal(a.text, '');
  });

  it('a reasoning item is not shown as the answer', () => {
    const a = answer({
      status: 'completed',
      output: [
        {
          type: 'reasoning',
          id: 'rs_1',
          summary: [{ type: 'summary_text', text: 'The user wants a joke.' }],
          content: [{ type: 'reasoning_text', text: 'Thinking about scarecrows…' }],
        },
        message('The answer.'),
      ],
    });
    assert.equal(a.text, 'The answer.');
  });
});

describe('status and usage', () => {
  it('status "incomplete" marks the answer as cut short, and keeps its text', () => {
    const a = answer({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [message('Partial')] });
    assert.equal(a.incomplete, true);
    assert.equal(a.text, 'Partial');
    assert.equal(answer({ status: 'completed', output: [message('Full')] }).incomplete, false);
  });

  it('usage is extracted', () => {
    const usage = {
      input_tokens: 12,
      input_tokens_details: { cached_tokens: 2 },
      output_tokens: 30,
      output_tokens_details: { reasoning_tokens: 8 },
      total_tokens: 42,
    };
    assert.deepEqual(answer({ status: 'completed', output: [message('x')], usage }).usage, usage);
    assert.equal(answer(BASIC).usage, undefined);
  });
});

describe('bodies that are not an answer', () => {
  it('a body without `output` fails to parse', () => {
    assert.equal(ResponsesResponseSchema.safeParse({ id: 'resp_1', object: 'response', status: 'completed' }).success, false);
    assert.equal(ResponsesResponseSchema.safeParse({ error: 'required fields are missing' }).success, false);
    assert.equal(ResponsesResponseSchema.safeParse({ choices: [{ message: { content: 'hi' } }] }).success, false);
  });

  it('output that is neither an item nor a list of items fails to parse', () => {
    assert.equal(ResponsesResponseSchema.safeParse({ output: 'Hello' }).success, false);
    assert.equal(ResponsesResponseSchema.safeParse({ output: [{ content: 42 }] }).success, false);
  });
});
