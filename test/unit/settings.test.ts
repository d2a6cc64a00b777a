// The settings snapshot: package.json's contributed settings read through a lookup, as VS Code would.
import { describe, it } from 'node:test';
import { STREAM_MODES } from '../../src/api/streamSupport';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BASE_URL, PLACEMENTS, REVIEW_MODES, SECTION, SETTING_KEYS, readSettings } from '../../src/config/settingsSchema';
import { ApiParametersSchema, PII_SETTINGS, buildRequest } from '../../src/api/parameters';
import { PII_REPLACE_METHODS, REASONING_EFFORTS } from '../../src/api/requestSchema';

interface Contributed {
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
}
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Contributed> } };
};
const PROPERTIES = pkg.contributes.configuration.properties;
const prop = (key: string): Contributed => PROPERTIES[`${SECTION}.${key}`] ?? assert.fail(`${SECTION}.${key} is not in package.json`);

/** What VS Code returns with nothing set: each contributed default. `overrides` are the user's values. */
const lookupWith =
  (overrides: Record<string, unknown> = {}) =>
  (key: string): unknown =>
    key in overrides ? overrides[key] : PROPERTIES[`${SECTION}.${key}`]?.default;

describe('readSettings with nothing set', () => {
  it('gives the defaults, with no problems', () => {
    const { settings, problems } = readSettings(lookupWith());
    assert.deepEqual(problems, []);
    assert.equal(settings.baseUrl, 'https://api.predictionguard.com');
    assert.equal(settings.baseUrl, DEFAULT_BASE_URL);
    assert.equal(settings.placement, 'auto');
    assert.equal(settings.review, 'diff', 'changes are reviewed unless the user chose otherwise');
    assert.deepEqual(settings.prompts, []);
    assert.equal(settings.requestTimeoutSeconds, 120);
    assert.equal(settings.stream, 'auto');
    assert.deepEqual(settings.params, ApiParametersSchema.parse({}));
    assert.equal(settings.params.safeguards.pii, 'off');
  });

  it('so a request sends only model and input', () => {
    const { settings } = readSettings(lookupWith());
    assert.deepEqual(buildRequest({ ...settings.params, model: 'gpt-oss-120b' }, 'hi'), { model: 'gpt-oss-120b', input: 'hi' });
  });

  it('a lookup that knows nothing (undefined everywhere) gives the same defaults', () => {
    assert.deepEqual(
      readSettings(() => undefined),
      readSettings(lookupWith()),
    );
  });
});

describe('readSettings with values set', () => {
  it('valid values map through to the snapshot and its parameters', () => {
    const tools = [{ type: 'mcp', server_label: 'test_mcp_server', allowed_tools: ['test_mcp_tool'] }];
    const { settings, problems } = readSettings(
      lookupWith({
        baseUrl: 'https://pg.internal.example',
        requestTimeoutSeconds: 30,
        placement: 'insertBelow',
        model: 'gpt-oss-120b',
        instructions: 'Answer briefly.',
        temperature: 0.2,
        topP: 0.9,
        maxOutputTokens: 800,
        reasoningEffort: 'low',
        tools,
        toolChoice: 'auto',
        maxToolCalls: 2,
        parallelToolCalls: false,
        'safeguards.pii': 'replace',
        'safeguards.piiReplaceMethod': 'category',
        'safeguards.entityList': ['PERSON'],
        'safeguards.blockPromptInjection': true,
        'safeguards.factuality': true,
        'safeguards.toxicity': true,
      }),
    );
    assert.deepEqual(problems, []);
    assert.equal(settings.baseUrl, 'https://pg.internal.example');
    assert.equal(settings.requestTimeoutSeconds, 30);
    assert.equal(settings.placement, 'insertBelow');
    assert.deepEqual(buildRequest(settings.params, 'hi'), {
      model: 'gpt-oss-120b',
      input: 'hi',
      instructions: 'Answer briefly.',
      temperature: 0.2,
      top_p: 0.9,
      max_output_tokens: 800,
      reasoning: { effort: 'low' },
      tools,
      tool_choice: 'auto',
      max_tool_calls: 2,
      parallel_tool_calls: false,
      safeguards: { pii: 'replace', pii_replace_method: 'category', entity_list: ['PERSON'], block_prompt_injection: true, factuality: true, toxicity: true },
    });
  });

  it('every value the Settings editor offers for an enum setting is accepted', () => {
    const enums: Record<string, readonly unknown[]> = {
      placement: PLACEMENTS,
      stream: STREAM_MODES,
      review: REVIEW_MODES,
      reasoningEffort: [...REASONING_EFFORTS, null],
      'safeguards.pii': PII_SETTINGS,
      'safeguards.piiReplaceMethod': [...PII_REPLACE_METHODS, null],
    };
    for (const [key, values] of Object.entries(enums)) {
      assert.deepEqual(new Set(prop(key).enum), new Set(values), `${key}: package.json enum`);
      for (const value of values) assert.deepEqual(readSettings(lookupWith({ [key]: value })).problems, [], `${key} = ${String(value)}`);
    }
    for (const mode of STREAM_MODES) assert.equal(readSettings(lookupWith({ stream: mode })).settings.stream, mode);
  });
});

describe('custom prompts', () => {
  it('are read with their name, text and placement', () => {
    const prompts = [
      { name: 'Add type hints', prompt: 'Add type hints to this code.', placement: 'replace' },
      { name: 'Explain Selection', prompt: 'Explain it to a beginner.' },
    ];
    const { settings, problems } = readSettings(lookupWith({ prompts }));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.prompts, prompts);
  });
});

describe('invalid values', () => {
  for (const [key, value, check] of [
    ['temperature', 5, (s) => s.params.temperature === null],
    ['placement', 'sideways', (s) => s.placement === 'auto'],
    ['stream', 'sometimes', (s) => s.stream === 'auto'],
    ['review', 'never', (s) => s.review === 'diff'],
    ['prompts', [{ name: 'Add type hints' }], (s) => s.prompts.length === 0],
    ['safeguards.pii', 'maybe', (s) => s.params.safeguards.pii === 'off'],
    ['maxOutputTokens', 0, (s) => s.params.maxOutputTokens === null],
    ['requestTimeoutSeconds', -5, (s) => s.requestTimeoutSeconds === 120],
  ] as const satisfies readonly (readonly [string, unknown, (s: ReturnType<typeof readSettings>['settings']) => boolean])[]) {
    it(`${key} = ${JSON.stringify(value)} falls back to the default and is reported by its full name`, () => {
      const { settings, problems } = readSettings(lookupWith({ [key]: value }));
      assert.ok(check(settings), JSON.stringify(settings));
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.ok(problems[0]?.startsWith(`predictionGuard.${key}:`), problems[0]);
    });
  }

  it('several invalid values are each reported, and the valid ones still apply', () => {
    const { settings, problems } = readSettings(lookupWith({ temperature: 5, placement: 'sideways', 'safeguards.pii': 'maybe', topP: 0.5 }));
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), [
      'predictionGuard.placement',
      'predictionGuard.safeguards.pii',
      'predictionGuard.temperature',
    ]);
    assert.equal(settings.params.topP, 0.5);
  });
});

describe('SETTING_KEYS and package.json', () => {
  const contributed = Object.keys(PROPERTIES).map((name) => name.slice(`${SECTION}.`.length));

  it('every contributed setting is read', () => {
    assert.deepEqual(
      contributed.filter((key) => !SETTING_KEYS.includes(key)),
      [],
    );
  });

  it('every setting read is contributed', () => {
    assert.deepEqual(
      SETTING_KEYS.filter((key) => !contributed.includes(key)),
      [],
    );
  });

  it('every contributed setting is in the predictionGuard section', () => {
    assert.deepEqual(
      Object.keys(PROPERTIES).filter((name) => !name.startsWith(`${SECTION}.`)),
      [],
    );
  });

  // VS Code keeps settings as a tree split at the dots: a setting named under another setting's name
  // (a.b and a.b.c) is dropped with "Ignoring a.b.c as a.b is …", so the user's value never arrives.
  it('no setting is named under another setting', () => {
    const names = Object.keys(PROPERTIES);
    assert.deepEqual(
      names.flatMap((outer) => names.filter((inner) => inner.startsWith(`${outer}.`)).map((inner) => `${inner} is under ${outer}`)),
      [],
    );
  });
});
