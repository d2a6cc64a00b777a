// Settings ↔ parameters panel mapping: what a save writes, and that it reads back the same.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApiParametersSchema, type ApiParameters } from '../../src/api/parameters';
import { DEFAULT_PARAMETERS, PARAMETER_SETTING_KEYS, parameterSettingValues, settingWrites } from '../../src/config/parameterSettings';
import { readSettings } from '../../src/config/settingsSchema';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};
const props = pkg.contributes.configuration.properties;

const edited: ApiParameters = ApiParametersSchema.parse({
  model: 'gpt-oss-120b',
  temperature: 0.4,
  topP: 0.8,
  tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }],
  toolChoice: 'auto',
  safeguards: { pii: 'replace', piiReplaceMethod: 'mask', blockPromptInjection: true },
});

describe('parameter settings mapping', () => {
  it('every parameter key is a contributed setting whose default is the parameters’ default', () => {
    const defaults = parameterSettingValues(DEFAULT_PARAMETERS);
    for (const key of PARAMETER_SETTING_KEYS) {
      const contributed = props[`predictionGuard.${key}`];
      assert.ok(contributed, `predictionGuard.${key} is contributed`);
      assert.deepEqual(contributed.default ?? null, defaults[key] ?? null, `default of ${key}`);
    }
  });

  it('a save writes only what changed, and the settings read back as the saved values', () => {
    const writes = settingWrites(DEFAULT_PARAMETERS, edited);
    assert.deepEqual(writes.map((w) => w.key).sort(), [
      'model',
      'safeguards.blockPromptInjection',
      'safeguards.pii',
      'safeguards.piiReplaceMethod',
      'temperature',
      'toolChoice',
      'tools',
      'topP',
    ]);
    const store = new Map(writes.map((w) => [w.key as string, w.value]));
    const { settings, problems } = readSettings((key) => store.get(key) ?? props[`predictionGuard.${key}`]?.default);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.params, edited);
  });

  it('setting a value back to its default removes it instead of writing the default', () => {
    const writes = settingWrites(edited, { ...edited, temperature: null, safeguards: { ...edited.safeguards, blockPromptInjection: false } });
    assert.deepEqual(writes, [
      { key: 'temperature', value: undefined },
      { key: 'safeguards.blockPromptInjection', value: undefined },
    ]);
  });

  it('saving unchanged values writes nothing', () => {
    assert.deepEqual(settingWrites(edited, structuredClone(edited)), []);
  });

  it('an MCP authorization never becomes part of a setting', () => {
    const parsed = ApiParametersSchema.parse({
      tools: [{ type: 'mcp', server_label: 'docs', server_url: 'https://mcp.example/mcp', authorization: 'Bearer secret-value' }],
    });
    assert.equal(JSON.stringify(parameterSettingValues(parsed).tools).includes('secret-value'), false);
  });
});
