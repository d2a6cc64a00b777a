// The API key is bound to the origin of its base URL: another host gets it only after the user allows it.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { KeyBinding, ORIGINS_KEY, originOf, type OriginChoice, type SecretsLike } from '../../src/secrets/keyBinding';

/** A SecretStorage double: a map. */
function secretsDouble(initial: Record<string, string> = {}): SecretsLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => Promise.resolve(data.get(key)),
    store: (key, value) => Promise.resolve(void data.set(key, value)),
    delete: (key) => Promise.resolve(void data.delete(key)),
  };
}

const asker = (answer: OriginChoice) => {
  const asked: string[] = [];
  return { asked, ask: (origin: string) => Promise.resolve((asked.push(origin), answer)) };
};

describe('API key bound to its base URL', () => {
  it('a key of an earlier version (no origin recorded) binds to the base URL of its first use', async () => {
    const secrets = secretsDouble();
    const binding = new KeyBinding(secrets);
    const { asked, ask } = asker(undefined);
    assert.equal(await binding.decide('https://api.predictionguard.com/v1', ask), 'send');
    assert.deepEqual(await binding.origins(), ['https://api.predictionguard.com']);
    assert.deepEqual(asked, []);
  });

  it('the same origin (another path) gets the key without asking', async () => {
    const binding = new KeyBinding(secretsDouble({ [ORIGINS_KEY]: '["https://pg.example.com"]' }));
    assert.equal(await binding.allowedWithoutAsking('https://pg.example.com/other/'), true);
  });

  it('attack: a base URL on another host does not get the key unless the user allows it', async () => {
    const secrets = secretsDouble({ [ORIGINS_KEY]: '["https://api.predictionguard.com"]' });
    const binding = new KeyBinding(secrets);
    assert.equal(await binding.allowedWithoutAsking('https://evil.example'), false);
    const dismissed = asker(undefined);
    assert.equal(await binding.decide('https://evil.example/v1', dismissed.ask), 'refused');
    assert.deepEqual(dismissed.asked, ['https://evil.example']);
    assert.equal(await binding.decide('http://api.predictionguard.com', asker('allow').ask), 'send');
    assert.deepEqual(await binding.origins(), ['https://api.predictionguard.com', 'http://api.predictionguard.com']);
  });

  it('"Set a key for this host" leaves the old binding for the caller to replace', async () => {
    const binding = new KeyBinding(secretsDouble({ [ORIGINS_KEY]: '["https://a.example"]' }));
    assert.equal(await binding.decide('https://b.example', asker('setKey').ask), 'setKey');
    assert.deepEqual(await binding.origins(), ['https://a.example']);
    await binding.bindOnly('https://b.example/v1');
    assert.deepEqual(await binding.origins(), ['https://b.example']);
    assert.equal(await binding.allowedWithoutAsking('https://a.example'), false);
  });

  it('originOf keeps scheme, host and port', () => {
    assert.equal(originOf('https://Host.example:8443/v1/'), 'https://host.example:8443');
  });
});
