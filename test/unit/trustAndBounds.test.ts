// Restricted Mode reads user settings only; connection settings never come from a workspace; a
// secret-storage call that hangs ends with a message.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { bounded, BoundedWaitError } from '../../src/core/bounded';
import { settingLookup, type Inspected } from '../../src/config/settingLookup';
import { readSettings } from '../../src/config/settingsSchema';

const inspected: Record<string, Inspected> = {
  baseUrl: { defaultValue: 'https://api.predictionguard.com', globalValue: 'https://pg.corp.example', workspaceValue: 'https://attacker.example' },
  requestHeaders: { defaultValue: {}, workspaceValue: { 'X-Exfil': '1' } },
  temperature: { defaultValue: null, globalValue: 0.2, workspaceValue: 1.5 },
  'safeguards.pii': { defaultValue: 'off', globalValue: 'block', workspaceValue: 'off' },
  model: { defaultValue: '', workspaceValue: 'ws-model' },
};
const inspect = (key: string): Inspected | undefined => inspected[key];

describe('where settings come from', () => {
  it('a trusted workspace overrides parameters but never the base URL, gateway headers or a safeguard the user turned on; its model once allowed', () => {
    assert.equal(readSettings(settingLookup(inspect, true)).settings.params.model, '');
    const { settings } = readSettings(settingLookup(inspect, true, (key) => key === 'model'));
    assert.equal(settings.baseUrl, 'https://pg.corp.example');
    assert.deepEqual(settings.requestHeaders, {});
    assert.equal(settings.params.temperature, 1.5);
    assert.equal(settings.params.safeguards.pii, 'block');
    assert.equal(settings.params.model, 'ws-model');
  });

  it('in Restricted Mode only user settings count: a workspace cannot switch a safeguard off', () => {
    const { settings } = readSettings(settingLookup(inspect, false));
    assert.equal(settings.baseUrl, 'https://pg.corp.example');
    assert.equal(settings.params.temperature, 0.2);
    assert.equal(settings.params.safeguards.pii, 'block');
    assert.equal(settings.params.model, '');
  });
});

describe('bounded waits', () => {
  it('a call that never answers fails after the bound with the given message', async () => {
    const started = Date.now();
    await assert.rejects(
      bounded(new Promise<never>(() => undefined), 50, 'secret storage did not answer'),
      (e: unknown) => e instanceof BoundedWaitError && e.message === 'secret storage did not answer',
    );
    assert.ok(Date.now() - started < 1000);
  });

  it('passes answers and failures through unchanged', async () => {
    assert.equal(await bounded(Promise.resolve('key'), 1000, 'x'), 'key');
    await assert.rejects(bounded(Promise.reject(new Error('keychain locked')), 1000, 'x'), /keychain locked/);
  });
});
