import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ApiParametersSchema, type ApiParameters } from '../../src/api/parameters';
import {
  changedKeys,
  formDiffers,
  formFromParams,
  FormDraftSchema,
  namedToolChoices,
  paramsFromForm,
  sameParams,
  type FormDraft,
} from '../../media/parameters/formModel';
import { newFunctionDraft, newMcpDraft, parseHeaders } from '../../media/parameters/toolsModel';
import { contextText, modelLabel, reasoningAvailability } from '../../media/parameters/models';

const defaults = ApiParametersSchema.parse({});
const form = (edit: (f: FormDraft) => void = () => undefined): FormDraft => {
  const f = formFromParams(defaults);
  edit(f);
  return f;
};

const full: ApiParameters = ApiParametersSchema.parse({
  model: 'gpt-oss-120b',
  instructions: 'Be brief.',
  temperature: 0.7,
  topP: 0.9,
  maxOutputTokens: 2048,
  reasoningEffort: 'high',
  tools: [
    {
      type: 'function',
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      strict: true,
    },
    { type: 'mcp', server_label: 'docs', allowed_tools: ['search'] },
    { type: 'mcp', server_label: 'mine', server_url: 'https://mcp.example/mcp', headers: { 'X-Team': 'a b' }, allowed_tools: ['x', 'y'] },
  ],
  toolChoice: { type: 'function', name: 'get_weather' },
  maxToolCalls: 3,
  parallelToolCalls: false,
  safeguards: { pii: 'replace', piiReplaceMethod: 'mask', entityList: ['PERSON', 'URL'], blockPromptInjection: true, factuality: true, toxicity: false },
});

describe('parameters form: raw field text ↔ ApiParameters', () => {
  it('round-trips every field, so a fresh form has no unsaved changes', () => {
    assert.deepEqual(paramsFromForm(formFromParams(full)), { values: full, errors: {} });
    assert.deepEqual(paramsFromForm(form()), { values: defaults, errors: {} });
    assert.equal(formDiffers(paramsFromForm(formFromParams(full)), full), false);
  });

  it('a form draft survives the webview state (JSON) and parses on restore', () => {
    const restored = FormDraftSchema.safeParse(JSON.parse(JSON.stringify(formFromParams(full))));
    assert.ok(restored.success);
    assert.deepEqual(paramsFromForm(restored.data).values, full);
    assert.equal(FormDraftSchema.safeParse({ model: 3 }).success, false);
  });

  it('number fields: empty is "not set", ranges come from the shared schema, text is refused', () => {
    const cases: [keyof FormDraft, string, string | null][] = [
      ['temperature', '3', 'Temperature must be at most 2.'],
      ['temperature', '-0.1', 'Temperature must be at least 0.'],
      ['temperature', 'warm', 'Temperature must be a number.'],
      ['temperature', ' 1.5 ', null],
      ['topP', '1.01', 'Top p must be at most 1.'],
      ['maxOutputTokens', '0', 'Max output tokens must be greater than 0.'],
      ['maxOutputTokens', '12.5', 'Max output tokens must be a whole number.'],
      ['maxToolCalls', '0x10', 'Max tool calls must be a number.'],
      ['maxToolCalls', '', null],
    ];
    for (const [key, text, message] of cases) {
      const result = paramsFromForm(form((f) => Object.assign(f, { [key]: text })));
      assert.equal(result.errors[key] ?? null, message, `${key} = ${JSON.stringify(text)}`);
      assert.equal(result.values === undefined, message !== null, 'invalid values are never produced');
    }
    assert.equal(paramsFromForm(form((f) => (f.temperature = ' 1.5 '))).values?.temperature, 1.5);
  });

  it('function tools: the shared name rule, JSON that parses, and a JSON Schema object', () => {
    const withTool = (edit: (t: ReturnType<typeof newFunctionDraft>) => void) =>
      paramsFromForm(
        form((f) => {
          const tool = newFunctionDraft();
          tool.name = 'ok_name';
          edit(tool);
          f.tools.push(tool);
        }),
      );
    assert.match(withTool((t) => (t.name = 'has space')).errors['tools.0.name'] ?? '', /letters, digits, _ and - only/);
    assert.equal(withTool((t) => (t.name = '')).errors['tools.0.name'], 'A function tool needs a name.');
    assert.match(withTool((t) => (t.parameters = '{"type": "object",')).errors['tools.0.parameters'] ?? '', /^Parameters are not valid JSON/);
    assert.match(withTool((t) => (t.parameters = '{"type": "string"}')).errors['tools.0.parameters'] ?? '', /"type": "object"/);
    assert.match(
      withTool((t) => (t.parameters = '{"type":"object","properties":{"a":{"type":"strin"}}}')).errors['tools.0.parameters'] ?? '',
      /at “properties\.a\.type”/,
    );
    const ok = withTool((t) => (t.parameters = ''));
    assert.deepEqual(ok.values?.tools, [{ type: 'function', name: 'ok_name' }]);
    const twice = paramsFromForm(form((f) => f.tools.push({ ...newFunctionDraft(), name: 'a' }, { ...newFunctionDraft(), name: 'a' })));
    assert.equal(twice.errors['tools.1.name'], 'Another function tool is named “a”.');
  });

  it('MCP servers: label, http(s) URL for custom ones, allowed tools, headers without secrets', () => {
    const custom = newMcpDraft(true, 'srv');
    assert.equal(paramsFromForm(form((f) => f.tools.push(custom))).errors['tools.0.server_url'], 'A custom MCP server needs its URL.');
    custom.serverUrl = 'file:///etc/passwd';
    assert.match(paramsFromForm(form((f) => f.tools.push(custom))).errors['tools.0.server_url'] ?? '', /http/);
    custom.serverUrl = 'https://mcp.example/';
    custom.allowedToolsText = 'a, b,, c';
    custom.headers = 'X-One: 1\n\nX-Two:two words';
    assert.deepEqual(paramsFromForm(form((f) => f.tools.push(custom))).values?.tools, [
      { type: 'mcp', server_label: 'srv', server_url: 'https://mcp.example/', headers: { 'X-One': '1', 'X-Two': 'two words' }, allowed_tools: ['a', 'b', 'c'] },
    ]);
    assert.match(parseHeaders('Authorization: Bearer x').error ?? '', /secret storage/);
    assert.match(parseHeaders('no colon here').error ?? '', /line 1/);
    const deployment = newMcpDraft(false, 'docs');
    deployment.allowedTools = [];
    assert.equal(paramsFromForm(form((f) => f.tools.push(deployment))).errors['tools.0.allowed_tools'], 'Check at least one tool, or remove this server.');
    deployment.allowedTools = null;
    assert.deepEqual(paramsFromForm(form((f) => f.tools.push(deployment))).values?.tools, [{ type: 'mcp', server_label: 'docs' }]);
    assert.equal(paramsFromForm(form((f) => f.tools.push(newMcpDraft(false)))).errors['tools.0.server_label'], 'An MCP server needs a server label.');
  });

  it('tool choice: modes, a named tool that must exist, and a setting the form cannot express kept as is', () => {
    assert.equal(paramsFromForm(form((f) => (f.toolChoice = 'auto'))).values?.toolChoice, 'auto');
    assert.match(paramsFromForm(form((f) => (f.toolChoice = 'required'))).errors.toolChoice ?? '', /needs at least one tool/);
    assert.match(paramsFromForm(form((f) => (f.toolChoice = 'function:gone'))).errors.toolChoice ?? '', /“gone”/);
    const other = ApiParametersSchema.parse({ toolChoice: { type: 'allowed_tools', mode: 'auto', tools: [{ type: 'function', name: 'x' }] } });
    const f = formFromParams(other);
    assert.equal(f.toolChoice, 'other');
    assert.deepEqual(paramsFromForm(f).values?.toolChoice, other.toolChoice);
    assert.deepEqual(
      namedToolChoices(formFromParams(full)).map((o) => o.label),
      ['Function: get_weather', 'MCP server: docs', 'MCP server: mine'],
    );
  });

  it('safeguards: entity list as a comma list; the replace method kept while PII is not "replace"', () => {
    const values = paramsFromForm(
      form((f) => {
        f.pii = 'block';
        f.piiReplaceMethod = 'fake';
        f.entityList = ' PERSON ,, URL ';
        f.blockPromptInjection = true;
      }),
    ).values;
    assert.deepEqual(values?.safeguards, {
      pii: 'block',
      piiReplaceMethod: 'fake',
      entityList: ['PERSON', 'URL'],
      blockPromptInjection: true,
      factuality: false,
      toxicity: false,
    });
  });

  it('unsaved changes: compares values, not text; an invalid form always differs', () => {
    assert.equal(formDiffers(paramsFromForm(form((f) => (f.temperature = '0.50'))), { ...defaults, temperature: 0.5 }), false);
    assert.equal(formDiffers(paramsFromForm(form((f) => (f.temperature = '3'))), defaults), true);
    assert.equal(
      sameParams({ ...defaults, tools: [{ type: 'function', name: 'n', strict: false }] }, { ...defaults, tools: [{ type: 'function', name: 'n' }] }),
      true,
    );
    const changed = changedKeys(
      form((f) => {
        f.topP = '0.5';
        f.pii = 'block';
        f.tools.push(newFunctionDraft());
      }),
      form(),
    );
    assert.deepEqual([...changed].sort(), ['safeguards.pii', 'tools', 'topP']);
  });
});

describe('parameters form: models', () => {
  const models = {
    status: 'ready' as const,
    items: [
      { id: 'gpt-oss-120b', maxContextLength: 131072, capabilities: ['chat_completion', 'tool_calling', 'reasoning'] },
      { id: 'plain', capabilities: ['chat-completion'] },
    ],
  };
  it('describes each model with its context length and capabilities', () => {
    assert.equal(modelLabel(models.items[0]!), 'gpt-oss-120b — 128k context · chat, tools, reasoning');
    assert.equal(modelLabel(models.items[1]!), 'plain — chat');
    assert.equal(contextText(128000), '128k');
  });
  it('offers reasoning effort only for a model with the reasoning capability, and says why not', () => {
    assert.deepEqual(reasoningAvailability('gpt-oss-120b', models), { enabled: true });
    assert.equal(reasoningAvailability('plain', models).reason, 'plain does not list the reasoning capability.');
    assert.match(reasoningAvailability('', models).reason ?? '', /Choose a model first/);
    assert.match(reasoningAvailability('other', models).reason ?? '', /not in the deployment's model list/);
  });
});
