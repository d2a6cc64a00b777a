// What the server receives: the POST /responses body built from the user's parameters.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiParametersSchema, buildRequest, safeguardsBody, type ApiParameters, type SafeguardSettings } from '../../src/api/parameters';
import { ResponsesRequestSchema } from '../../src/api/requestSchema';

const DEFAULTS: ApiParameters = ApiParametersSchema.parse({});
const params = (overrides: Partial<ApiParameters> = {}): ApiParameters => ({ ...DEFAULTS, model: 'gpt-oss-120b', ...overrides });
const safeguards = (overrides: Partial<SafeguardSettings>): SafeguardSettings => ({ ...DEFAULTS.safeguards, ...overrides });

const WEATHER_TOOL = {
  type: 'function' as const,
  name: 'get_current_weather',
  description: 'Get the current weather in a given location',
  strict: false,
  parameters: { type: 'object', properties: { location: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['location'] },
};

// The request examples of responses.yaml; `reasoning_effort: "medium"` is sent as `reasoning: { effort }`.
const BASIC_EXAMPLE = {
  model: '{{TEXT_MODEL}}',
  input: 'Tell me a joke.',
  safeguards: { pii: 'replace', pii_replace_method: 'random', factuality: true, toxicity: true },
};
const IMAGE_INPUT_EXAMPLE = {
  model: '{{VISION_MODEL}}',
  input: [
    {
      role: 'user',
      content: [
        { type: 'input_text', text: 'What is in this image?' },
        { type: 'input_image', image_url: 'data:image/jpeg;base64,<DATA>', detail: 'auto' },
      ],
    },
  ],
  max_output_tokens: 1000,
  temperature: 1.0,
  top_p: 1.0,
  safeguards: { pii: 'replace', pii_replace_method: 'random', factuality: true, toxicity: true },
};
const MCP_CALL_EXAMPLE = {
  model: '{{TEXT_MODEL}}',
  input: 'Please use the test_mcp_tool to send this word: prediction.',
  max_tool_calls: 3,
  reasoning: { effort: 'medium' },
  tool_choice: 'auto',
  tools: [
    {
      type: 'mcp',
      server_label: 'test_mcp_server',
      server_url: 'http://localhost:9000/mcp',
      server_description: 'MCP server for testing MCP functionality',
      allowed_tools: ['test_mcp_tool'],
    },
  ],
};
const FUNCTION_CALL_EXAMPLE = {
  model: '{{TEXT_MODEL}}',
  input: 'How do you feel about the world in general?',
  max_output_tokens: 1000,
  max_tool_calls: 3,
  parallel_tool_calls: false,
  reasoning: { effort: 'medium' },
  temperature: 1.0,
  tool_choice: { type: 'function', name: 'get_current_weather' },
  tools: [WEATHER_TOOL],
  top_p: 1.0,
  safeguards: { pii: 'replace', pii_replace_method: 'random', factuality: true, toxicity: true },
};

describe('buildRequest: unset values are not sent', () => {
  it('a default ApiParameters with a model gives exactly { model, input }', () => {
    assert.deepEqual(buildRequest(params(), 'Tell me a joke.'), { model: 'gpt-oss-120b', input: 'Tell me a joke.' });
  });

  it('blank instructions are not sent; set instructions are sent verbatim', () => {
    assert.equal('instructions' in buildRequest(params({ instructions: '  \n ' }), 'x'), false);
    assert.equal(buildRequest(params({ instructions: 'Answer in French.' }), 'x').instructions, 'Answer in French.');
  });

  it('zero and false are values, not "unset"', () => {
    const body = buildRequest(params({ temperature: 0, topP: 0, parallelToolCalls: false }), 'x');
    assert.equal(body.temperature, 0);
    assert.equal(body.top_p, 0);
    assert.equal(body.parallel_tool_calls, false);
  });
});

describe('buildRequest: each field maps to its snake_case name', () => {
  it('maps every parameter', () => {
    const body = buildRequest(
      params({
        temperature: 0.7,
        topP: 0.9,
        maxOutputTokens: 512,
        reasoningEffort: 'high',
        toolChoice: 'required',
        maxToolCalls: 4,
        parallelToolCalls: true,
        tools: [WEATHER_TOOL, { type: 'mcp', server_label: 'test_mcp_server', allowed_tools: ['test_mcp_tool'] }],
      }),
      'x',
    );
    assert.deepEqual(body, {
      model: 'gpt-oss-120b',
      input: 'x',
      temperature: 0.7,
      top_p: 0.9,
      max_output_tokens: 512,
      reasoning: { effort: 'high' },
      tool_choice: 'required',
      max_tool_calls: 4,
      parallel_tool_calls: true,
      tools: [WEATHER_TOOL, { type: 'mcp', server_label: 'test_mcp_server', allowed_tools: ['test_mcp_tool'] }],
    });
  });

  it('a named tool choice is sent as the documented object', () => {
    const body = buildRequest(params({ toolChoice: { type: 'function', name: 'get_current_weather' } }), 'x');
    assert.deepEqual(body.tool_choice, { type: 'function', name: 'get_current_weather' });
  });

  it('parameters equivalent to the documented Function Call example give exactly that body', () => {
    const body = buildRequest(
      params({
        maxOutputTokens: 1000,
        maxToolCalls: 3,
        parallelToolCalls: false,
        reasoningEffort: 'medium',
        temperature: 1.0,
        topP: 1.0,
        toolChoice: { type: 'function', name: 'get_current_weather' },
        tools: [WEATHER_TOOL],
        safeguards: safeguards({ pii: 'replace', piiReplaceMethod: 'random', factuality: true, toxicity: true }),
      }),
      'How do you feel about the world in general?',
    );
    assert.deepEqual(body, { ...FUNCTION_CALL_EXAMPLE, model: 'gpt-oss-120b' });
  });
});

describe('safeguards', () => {
  it('all off: no safeguards key at all', () => {
    assert.equal(safeguardsBody(DEFAULTS.safeguards), undefined);
    assert.equal('safeguards' in buildRequest(params(), 'x'), false);
  });

  it('PII replace sends the method and the entity list', () => {
    const body = buildRequest(params({ safeguards: safeguards({ pii: 'replace', piiReplaceMethod: 'mask', entityList: ['PERSON', 'URL'] }) }), 'x');
    assert.deepEqual(body.safeguards, { pii: 'replace', pii_replace_method: 'mask', entity_list: ['PERSON', 'URL'] });
  });

  it('PII replace without a method leaves the method to the server', () => {
    assert.deepEqual(safeguardsBody(safeguards({ pii: 'replace' })), { pii: 'replace' });
  });

  it('PII block drops pii_replace_method', () => {
    assert.deepEqual(safeguardsBody(safeguards({ pii: 'block', piiReplaceMethod: 'fake' })), { pii: 'block' });
  });

  it('PII off drops the entity list (and the method)', () => {
    assert.equal(safeguardsBody(safeguards({ pii: 'off', piiReplaceMethod: 'fake', entityList: ['PERSON'] })), undefined);
    assert.deepEqual(safeguardsBody(safeguards({ pii: 'off', entityList: ['PERSON'], toxicity: true })), { toxicity: true });
  });

  it('boolean safeguards are sent only when true, each under its own name', () => {
    assert.deepEqual(safeguardsBody(safeguards({ blockPromptInjection: true })), { block_prompt_injection: true });
    assert.deepEqual(safeguardsBody(safeguards({ factuality: true })), { factuality: true });
    assert.deepEqual(safeguardsBody(safeguards({ toxicity: true })), { toxicity: true });
    assert.equal(safeguardsBody(safeguards({ blockPromptInjection: false, factuality: false, toxicity: false })), undefined);
  });
});

describe('out-of-range values are refused, not sent', () => {
  for (const [name, overrides] of [
    ['temperature 2.5', { temperature: 2.5 }],
    ['temperature -0.1', { temperature: -0.1 }],
    ['top_p 1.5', { topP: 1.5 }],
    ['top_p -1', { topP: -1 }],
  ] as const) {
    it(`throws on ${name}`, () => {
      assert.throws(() => buildRequest(params(overrides), 'x'));
    });
  }

  it('the range ends are accepted', () => {
    assert.doesNotThrow(() => buildRequest(params({ temperature: 2, topP: 1 }), 'x'));
  });
});

describe('ResponsesRequestSchema accepts the documented request examples', () => {
  for (const [name, example] of Object.entries({
    Basic: BASIC_EXAMPLE,
    'Image Input': IMAGE_INPUT_EXAMPLE,
    'MCP Call': MCP_CALL_EXAMPLE,
    'Function Call': FUNCTION_CALL_EXAMPLE,
  })) {
    it(`${name}: validates and keeps every field`, () => {
      const parsed = ResponsesRequestSchema.safeParse(example);
      assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues));
      assert.deepEqual(parsed.data, example);
    });
  }
});

describe('image input', () => {
  const withImage = (imageUrl: string) => [
    {
      role: 'user' as const,
      content: [
        { type: 'input_text' as const, text: 'What is in this image?' },
        { type: 'input_image' as const, image_url: imageUrl, detail: 'auto' as const },
      ],
    },
  ];

  it('an input_image given as a base64 data URL is sent', () => {
    const input = withImage('data:image/png;base64,iVBORw0KGgo=');
    assert.deepEqual(
      buildRequest(params(), input).input,
      input.map((item) => ({ type: 'message', ...item })),
    );
  });

  it('an input_image that is a web address is rejected', () => {
    assert.equal(ResponsesRequestSchema.safeParse({ model: 'm', input: withImage('https://example.com/cat.jpg') }).success, false);
    assert.throws(() => buildRequest(params(), withImage('https://example.com/cat.jpg')));
  });
});
