// The stand-in's standalone checks (POST /PII, /injection, /toxicity, /factuality): validated against
// safety.yaml, answered in its documented shapes, scriptable, recorded.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type StandIn, FORBIDDEN, startStandIn } from '../server/standInServer';
import { StandInControl } from '../server/controlClient';
import { createSafetyValidators, safetyRequestExamples } from '../server/specValidator';

type Json = Record<string, unknown>;
let server: StandIn;

async function post(path: string, body: unknown, token: string | null = server.token): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const res = await fetch(server.baseUrl + path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Json };
}

const firstCheck = (a: { json: Json }): Json => (a.json['checks'] as Json[])[0] as Json;
const TEXT = 'My email is frodo@predictionguard.com and my number is 954-123-4567.';

before(async () => {
  server = await startStandIn({ token: 'test-token' });
});
after(() => server.close());
beforeEach(() => server.reset());

describe('safety checks: contract', () => {
  it('accepts every request example of safety.yaml', () => {
    const validators = createSafetyValidators();
    const examples = Object.entries(safetyRequestExamples());
    assert.ok(examples.length >= 6, 'the examples are found');
    for (const [name, example] of examples) {
      const path = name.split(' ')[0] as keyof typeof validators;
      assert.equal(validators[path](example), undefined, name);
    }
  });

  it('answers 400 naming the field for bodies safety.yaml rejects, and 403 without the key', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['/PII', { prompt: 'x' }, /required fields are missing: replace/],
      ['/PII', { prompt: 'x', replace: true, replace_method: 'blur' }, /replace_method must be one of/],
      ['/PII', { prompt: 3, replace: false }, /prompt must be/],
      ['/injection', { prompt: 'x' }, /required fields are missing: detect/],
      ['/toxicity', { prompt: 'x' }, /required fields are missing: text/],
      ['/factuality', { text: 'x' }, /required fields are missing: reference/],
      ['/factuality', '', /request body is empty/],
    ];
    for (const [path, body, pattern] of cases) {
      const a = await post(path, body);
      assert.equal(a.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.match(String(a.json['error']), pattern);
    }
    assert.deepEqual(await post('/toxicity', { text: 'x' }, 'wrong'), { status: 403, json: { error: FORBIDDEN } });
    assert.equal((await post('/pii', { prompt: 'x', replace: false })).status, 404, 'the path is /PII');
  });
});

describe('safety checks: answers', () => {
  it('/PII detect finds the documented entities at their documented offsets by default', async () => {
    const a = await post('/PII', { prompt: TEXT, replace: false });
    assert.equal(a.status, 200);
    assert.equal(a.json['object'], 'pii_check');
    assert.deepEqual(firstCheck(a)['pii_type_and_positions'], [
      { start: 12, end: 37, type: 'EMAIL_ADDRESS' },
      { start: 55, end: 67, type: 'PHONE_NUMBER' },
    ]);
  });

  it('/PII counts offsets in code points, as the Python server does (an emoji before the entity, CRLF)', async () => {
    server.enqueue('/PII', { kind: 'pii', find: [{ type: 'EMAIL_ADDRESS', text: 'a@b.io' }], list: 'pii_types_and_positions' });
    const a = await post('/PII', { prompt: '🙂\r\nmail a@b.io', replace: false });
    assert.deepEqual(firstCheck(a)['pii_types_and_positions'], [{ start: 8, end: 14, type: 'EMAIL_ADDRESS' }]);
  });

  it('/PII ignores the types in entity_list, answers "prompt" and no list when nothing is found', async () => {
    const a = await post('/PII', { prompt: TEXT, replace: false, entity_list: ['EMAIL_ADDRESS', 'PHONE_NUMBER'] });
    assert.deepEqual(firstCheck(a), { index: 0, prompt: TEXT, status: 'success' });
  });

  it('/PII replace answers new_prompt per method (the documented mask and entity-list examples)', async () => {
    const mask = await post('/PII', { prompt: TEXT, replace: true, replace_method: 'mask' });
    assert.equal(firstCheck(mask)['new_prompt'], 'My email is * and my number is *.');
    const kept = await post('/PII', { prompt: TEXT, replace: true, replace_method: 'category', entity_list: ['PHONE_NUMBER'] });
    assert.equal(firstCheck(kept)['new_prompt'], 'My email is <EMAIL_ADDRESS> and my number is 954-123-4567.');
    server.enqueue('/PII', { kind: 'pii', find: [], replaced: 'scripted text' });
    assert.equal(firstCheck(await post('/PII', { prompt: 'x', replace: true }))['new_prompt'], 'scripted text');
  });

  it('a scripted finding that is not in the prompt is a loud 500', async () => {
    server.enqueue('/PII', { kind: 'pii', find: [{ type: 'PERSON', text: 'Bilbo' }] });
    const a = await post('/PII', { prompt: 'Frodo', replace: false });
    assert.equal(a.status, 500);
    assert.match(String(a.json['error']), /Bilbo/);
  });

  it('/injection, /toxicity and /factuality answer their documented shapes with scripted or built-in numbers', async () => {
    const control = new StandInControl(server.controlUrl);
    await control.enqueue('/injection', { kind: 'score', value: 0.92 });
    await control.enqueue('/factuality', { kind: 'score', value: 0.31 });
    const injection = await post('/injection', { prompt: 'x', detect: true });
    assert.equal(injection.json['object'], 'injection_check');
    assert.deepEqual(firstCheck(injection), { index: 0, probability: 0.92, status: 'success' });
    const toxicity = await post('/toxicity', { text: 'I will hurt someone' });
    assert.equal(toxicity.json['object'], 'toxicity.check');
    assert.equal(firstCheck(toxicity)['score'], 0.71);
    const factuality = await post('/factuality', { reference: 'r', text: 't' });
    assert.equal(factuality.json['object'], 'factuality.check');
    assert.deepEqual(firstCheck(factuality), { index: 0, score: 0.31 });
    assert.deepEqual(
      (await control.requests()).map((r) => [r.path, r.body, r.answeredStatus]),
      [
        ['/injection', { prompt: 'x', detect: true }, 200],
        ['/toxicity', { text: 'I will hurt someone' }, 200],
        ['/factuality', { reference: 'r', text: 't' }, 200],
      ],
    );
  });

  it('errors and delays script the checks as they do /responses; behaviours that do not fit are refused', async () => {
    server.enqueue('/toxicity', { kind: 'error', status: 400, error: 'text too long' });
    assert.deepEqual(await post('/toxicity', { text: 'x' }), { status: 400, json: { error: 'text too long' } });
    assert.throws(() => server.enqueue('/toxicity', { kind: 'pii', find: [] }), /only applies to \/PII/);
    assert.throws(() => server.enqueue('/PII', { kind: 'score', value: 0.5 }), /only applies to \/injection/);
    assert.throws(() => server.enqueue('/PII', { kind: 'text', text: 'x' }), /only applies to \/responses/);
  });
});
