// The webviews' translator (media/shared/l10n.ts): English with `{0}` placeholders filled as
// vscode.l10n.t fills them, a bundle from the host used once it parses, and a malformed one dropped.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { t, useBundle } from '../../media/shared/l10n';
import { MAX_BUNDLE_MESSAGES } from '../../src/webview/protocol/l10nBundle';
import { english } from '../../src/core/l10n';

describe('webview l10n.t', () => {
  afterEach(() => useBundle(undefined));

  it('without a bundle, reads the English message with its placeholders filled', () => {
    assert.equal(useBundle(undefined), false);
    assert.equal(
      t('Saved to {0}, but these still differ: {1}.', 'User settings', 'Temperature, Top p'),
      'Saved to User settings, but these still differ: Temperature, Top p.',
    );
    assert.equal(t('{0} · {1} messages', '10:04', 3), '10:04 · 3 messages');
    assert.equal(t('Retry'), 'Retry');
  });

  it('fills placeholders as vscode.l10n.t does (and as the host’s English formatter does)', () => {
    for (const [message, args] of [
      ['{1} before {0}', ['a', 'b']],
      ['left {1} as is', ['x']],
      ['{0}{0} twice', [7]],
      ['no placeholders', ['unused']],
      ['{0} is {1}', [true, 0]],
    ] as const) {
      assert.equal(t(message, ...args), english(message, ...args), message);
    }
  });

  it('uses the bundle’s translation, with the same placeholders, once the host sends one', () => {
    const bundle = { 'Saved to {0}': 'Gespeichert in {0}', 'Check factuality': 'Faktentreue prüfen', '{0} · {1} messages': '{1} Nachrichten · {0}' };
    assert.equal(useBundle(JSON.stringify(bundle)), true);
    assert.equal(t('Saved to {0}', 'Benutzereinstellungen'), 'Gespeichert in Benutzereinstellungen');
    assert.equal(t('Check factuality'), 'Faktentreue prüfen');
    assert.equal(t('{0} · {1} messages', '10:04', 3), '3 Nachrichten · 10:04');
    assert.equal(t('Retry'), 'Retry', 'a message the bundle lacks stays English');
  });

  it('drops a bundle that is not JSON, not a record of strings, or too big: the page reads English', () => {
    const tooMany = Object.fromEntries(Array.from({ length: MAX_BUNDLE_MESSAGES + 1 }, (_, i) => [`m${i}`, `x${i}`]));
    for (const bad of ['{not json', '["Retry"]', JSON.stringify({ Retry: 42 }), JSON.stringify({ Retry: 'x'.repeat(5000) }), JSON.stringify(tooMany)]) {
      useBundle(JSON.stringify({ Retry: 'Erneut versuchen' }));
      assert.equal(t('Retry'), 'Erneut versuchen');
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        assert.equal(useBundle(bad), false, bad.slice(0, 40));
      } finally {
        console.warn = warn;
      }
      assert.equal(t('Retry'), 'Retry', bad.slice(0, 40));
    }
  });
});
