// The extension's default keybindings do not take a key VS Code 1.100 already binds by default
// (test/fixtures/keybindings: every default key of code-server 4.100.3 on Linux, from "Preferences:
// Open Default Keyboard Shortcuts (JSON)"), nor one another.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { keybindings: { command: string; key: string; mac?: string; when?: string }[] };
};
const defaults = new Set(
  readFileSync(join(root, 'test', 'fixtures', 'keybindings', 'vscode-1.100-linux.txt'), 'utf8')
    .split('\n')
    .filter(Boolean),
);

describe('keybindings', () => {
  it('the defaults list is the real one (it holds well-known VS Code keys)', () => {
    for (const key of ['ctrl+shift+p', 'ctrl+p', 'ctrl+alt+up', 'ctrl+k ctrl+s']) assert.ok(defaults.has(key), key);
  });

  it('Add Selection to Chat and Focus Chat have keys', () => {
    const commands = manifest.contributes.keybindings.map((k) => k.command);
    assert.ok(commands.includes('predictionGuard.addSelectionToChat'));
    assert.ok(commands.includes('predictionGuard.focusChat'));
  });

  it('no key of ours is a VS Code default (but one known, scoped overlap) or used twice', () => {
    const ours = manifest.contributes.keybindings.map((k) => k.key);
    // In the browser (code-server) only, Ctrl+Alt+N is New Untitled File; Reject Change takes it only while a review is shown.
    const scoped = manifest.contributes.keybindings.filter((k) => k.key === 'ctrl+alt+n');
    assert.deepEqual(
      scoped.map((k) => [k.command, k.when]),
      [['predictionGuard.rejectChange', 'predictionGuard.reviewing']],
    );
    for (const key of ours.filter((k) => k !== 'ctrl+alt+n')) assert.ok(!defaults.has(key), `${key} is already a VS Code default`);
    assert.equal(new Set(ours).size, ours.length, `a key is used twice: ${ours.join(', ')}`);
  });
});
