import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ApiParametersSchema } from '../../src/api/parameters';
import { FunctionParametersSchema } from '../../src/api/requestSchema';
import { curlCommand, previewRequest, SECRET_PLACEHOLDER, SELECTION_PLACEHOLDER } from '../../src/core/requestPreview';

const params = ApiParametersSchema.parse({
  model: 'gpt-oss-120b',
  temperature: 0.3,
  tools: [{ type: 'mcp', server_label: 'docs', server_url: 'https://mcp.example/mcp' }],
  safeguards: { pii: 'replace', piiReplaceMethod: 'mask' },
});

describe('request preview', () => {
  it('is the body a selection command sends, with the selection as a placeholder', () => {
    const body = previewRequest(params);
    assert.equal(body.model, 'gpt-oss-120b');
    assert.equal(body.temperature, 0.3);
    assert.deepEqual(body.safeguards, { pii: 'replace', pii_replace_method: 'mask' });
    assert.ok(JSON.stringify(body.input).includes(SELECTION_PLACEHOLDER));
    assert.equal('top_p' in body, false, 'unset values are not in the preview either');
  });

  it('shows that an MCP authorization is stored without showing it', () => {
    assert.equal(previewRequest(params, ['docs']).tools?.[0] && 'authorization' in previewRequest(params, ['docs']).tools![0]!, true);
    assert.ok(JSON.stringify(previewRequest(params, ['docs'])).includes(SECRET_PLACEHOLDER));
    assert.ok(!JSON.stringify(previewRequest(params, [])).includes('authorization'));
  });

  it('cURL reads the key from an environment variable and quotes the body for the shell', () => {
    const curl = curlCommand('https://pg.example/', previewRequest({ ...params, instructions: "it's fine" }));
    assert.ok(curl.startsWith("curl 'https://pg.example/responses'"));
    assert.ok(curl.includes('Authorization: Bearer $PREDICTIONGUARD_API_KEY'));
    assert.ok(curl.includes(`it'\\''s fine`), 'single quotes are escaped for the shell');
  });
});

describe('function tool parameters (JSON Schema object check)', () => {
  it('accepts the documented example and nested schemas', () => {
    const documented = { type: 'object', properties: { location: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['location'] };
    assert.ok(FunctionParametersSchema.safeParse(documented).success);
    assert.ok(
      FunctionParametersSchema.safeParse({ type: 'object', properties: { list: { type: 'array', items: { type: 'object', properties: {} } } } }).success,
    );
  });

  it('refuses what is not a JSON Schema object', () => {
    const messages = (value: unknown) => {
      const parsed = FunctionParametersSchema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    assert.ok(messages({ type: 'string' }).some((m) => m.includes('"type": "object"')));
    assert.ok(messages({ type: 'object', properties: {}, required: ['x'] }).some((m) => m.includes('"x"')));
    assert.notDeepEqual(messages({ type: 'object', properties: { a: { type: 'strin' } } }), []);
    assert.notDeepEqual(messages({ type: 'object', properties: { a: 5 } }), []);
    assert.notDeepEqual(messages([]), []);
  });
});
