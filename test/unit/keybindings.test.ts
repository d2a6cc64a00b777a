// The extension's default keybindings do not take a key VS Code already binds by default, on either
// VS Code the host tests run on (test/fixtures/keybindings: every default key of code-server 4.100.3
// and 4.139.1 on Linux, from `vscode://defaultsettings/keybindings.json`, the document "Preferences:
// Open Default Keyboard Shortcuts (JSON)" shows), nor one another.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { keybindings: { command: string; key: string; mac?: string; when?: string }[] };
};
const versions = ['1.100', '1.139'];
const defaultsOf = new Map(
  versions.map((version) => [
    version,
    new Set(
      readFileSync(join(root, 'test', 'fixtures', 'keybindings', `vscode-${version}-linux.txt`), 'utf8')
        .split('\n')
        .filter(Boolean),
    ),
  ]),
);

describe('keybindings', () => {
  for (const [version, defaults] of defaultsOf) {
    it(`the VS Code ${version} defaults list is the real one (it holds well-known VS Code keys)`, () => {
      for (const key of ['ctrl+shift+p', 'ctrl+p', 'ctrl+alt+up', 'ctrl+k ctrl+s']) assert.ok(defaults.has(key), key);
    });
  }

  it('Add Selection to Chat and Focus Chat have keys', () => {
    const commands = manifest.contributes.keybindings.map((k) => k.command);
    assert.ok(commands.includes('predictionGuard.addSelectionToChat'));
    assert.ok(commands.includes('predictionGuard.focusChat'));
  });

  for (const [version, defaults] of defaultsOf) {
    it(`no key of ours is a VS Code ${version} default (but known overlaps scoped to a review) or used twice`, () => {
      const ours = manifest.contributes.keybindings.map((k) => k.key);
      // Known overlaps, ours taken only while a review is shown: in the browser (code-server) only,
      // Ctrl+Alt+N is New Untitled File; from 1.139, Ctrl+Alt+Y accepts VS Code's own Chat edits
      // (chatEditor.action.acceptAllEdits, only while that Chat has modified the editor).
      const scopedTo: Record<string, string> = { 'ctrl+alt+n': 'predictionGuard.rejectChange', 'ctrl+alt+y': 'predictionGuard.acceptChange' };
      const overlaps = version === '1.100' ? ['ctrl+alt+n'] : ['ctrl+alt+n', 'ctrl+alt+y'];
      for (const key of overlaps) {
        const bound = manifest.contributes.keybindings.filter((k) => k.key === key);
        assert.deepEqual(
          bound.map((k) => [k.command, k.when]),
          [[scopedTo[key], 'predictionGuard.reviewing']],
          key,
        );
      }
      for (const key of overlaps) assert.ok(defaults.has(key), `${key} is no longer a VS Code ${version} default: drop the exception`);
      for (const key of ours.filter((k) => !overlaps.includes(k))) assert.ok(!defaults.has(key), `${key} is already a VS Code ${version} default`);
      assert.equal(new Set(ours).size, ours.length, `a key is used twice: ${ours.join(', ')}`);
    });
  }
});
