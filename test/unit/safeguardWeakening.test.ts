// Which parameters-panel saves weaken a safeguard, and that such a save waits for the host's confirm.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { SafeguardSettingsSchema, type SafeguardSettings } from '../../src/api/parameters';
import { mayWeakenSafeguards, weakenedSafeguards } from '../../src/config/safeguardWeakening';

const guards = (value: Partial<SafeguardSettings>): SafeguardSettings => SafeguardSettingsSchema.parse(value);
const strong = guards({ pii: 'block', entityList: ['EMAIL'], blockPromptInjection: true, factuality: true, toxicity: true });

describe('safeguard weakening', () => {
  it('attack: turning each safeguard off or lowering PII is a weakening, named for the user', () => {
    assert.deepEqual(weakenedSafeguards(strong, guards({ pii: 'replace', entityList: ['EMAIL'] })), [
      'PII check: block → replace',
      'Prompt-injection block: on → off',
      'Factuality check: on → off',
      'Toxicity check: on → off',
    ]);
    assert.deepEqual(weakenedSafeguards(strong, { ...strong, pii: 'off' }), ['PII check: block → off']);
  });

  it('attack: a new ignored entity while PII is on weakens the PII check', () => {
    assert.deepEqual(weakenedSafeguards(strong, { ...strong, entityList: ['EMAIL', 'PHONE'] }), ['PII check ignores more entities: PHONE']);
  });

  it('strengthening, keeping or reordering is not a weakening', () => {
    const none = guards({});
    assert.deepEqual(weakenedSafeguards(none, strong), []);
    assert.deepEqual(weakenedSafeguards(strong, strong), []);
    assert.deepEqual(weakenedSafeguards(strong, { ...strong, entityList: [] }), []);
    assert.deepEqual(weakenedSafeguards(guards({ pii: 'replace', piiReplaceMethod: 'mask' }), guards({ pii: 'replace', piiReplaceMethod: 'fake' })), []);
  });

  it('attack: a weakening save goes ahead only when the host confirm answers yes', async () => {
    const asked: (readonly string[])[] = [];
    const answer = (yes: boolean) => (lost: readonly string[]) => {
      asked.push(lost);
      return Promise.resolve(yes);
    };
    const weaker = { ...strong, toxicity: false };
    assert.equal(await mayWeakenSafeguards(strong, weaker, answer(false)), false);
    assert.equal(await mayWeakenSafeguards(strong, weaker, answer(true)), true);
    assert.deepEqual(asked, [['Toxicity check: on → off'], ['Toxicity check: on → off']]);
  });

  it('a save that weakens nothing does not ask', async () => {
    let asked = false;
    const ok = await mayWeakenSafeguards(guards({}), strong, () => {
      asked = true;
      return Promise.resolve(false);
    });
    assert.equal(ok, true);
    assert.equal(asked, false);
  });
});
