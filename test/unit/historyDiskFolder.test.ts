// The chat history's folder on disk: readable by the user only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskHistoryFolder } from '../../src/chat/historyDiskFolder';

function tempDir(): { root: string; [Symbol.dispose](): void } {
  const root = mkdtempSync(join(tmpdir(), 'pg-history-disk-'));
  return { root, [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }) };
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('history folder on disk', { skip: process.platform === 'win32' }, () => {
  it('attack: writes conversation files readable by the user only, in a folder only the user can open', async () => {
    using dir = tempDir();
    const root = join(dir.root, 'chat');
    const folder = diskHistoryFolder(root);
    await folder.write('conversation-a.json', '{"turns":[]}');
    await folder.write('conversation-a.json', '{"turns":[1]}');
    assert.equal(mode(root), 0o700);
    assert.equal(mode(join(root, 'conversation-a.json')), 0o600);
    assert.equal(await folder.read('conversation-a.json'), '{"turns":[1]}');
    assert.deepEqual(readdirSync(root), ['conversation-a.json']);
  });

  it('makes a folder an earlier version left open private', async () => {
    using dir = tempDir();
    const root = join(dir.root, 'chat');
    mkdirSync(root, { mode: 0o755 });
    await diskHistoryFolder(root).write('conversation-b.json', '{}');
    assert.equal(mode(root), 0o700);
  });

  it('reads a missing file as undefined and removes without error', async () => {
    using dir = tempDir();
    const folder = diskHistoryFolder(dir.root);
    assert.equal(await folder.read('none.json'), undefined);
    await folder.remove('none.json');
  });
});
