// The chat history's conversations in files of the workspace storage folder, the index and current
// id in workspace state: what each holds after a turn, reading them back, moving the conversations
// earlier versions kept in workspace state, and writes of one file that overlap.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Turn } from '../../src/chat/conversation';
import { CONVERSATION_KEY_PREFIX, CURRENT_KEY, ConversationStore, INDEX_KEY, conversationKey, indexedIds } from '../../src/chat/conversationStore';
import { FileBackedHistory, historyFileName, type HistoryFolder } from '../../src/chat/historyFiles';
import { MapState } from './helpers/mapState';

/** A real folder (node:fs), written whole through a temporary file as the extension's adapter does. */
function diskFolder(root: string): HistoryFolder {
  let n = 0;
  return {
    read: (name) => readFile(join(root, name), 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error))),
    async write(name, text) {
      await mkdir(root, { recursive: true });
      const temporary = join(root, `${name}.${++n}.tmp`);
      await writeFile(temporary, text);
      await rename(temporary, join(root, name));
    },
    remove: (name) => rm(join(root, name), { force: true }),
  };
}

function tempDir(): { root: string; [Symbol.dispose](): void } {
  const root = mkdtempSync(join(tmpdir(), 'pg-history-'));
  return { root, [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }) };
}

function turn(id: string, prompt: string, answer: string): Turn {
  return {
    id,
    prompt,
    attachments: [],
    status: 'done',
    startedAt: 1,
    safeguards: [],
    answer: { text: answer, model: 'm', ms: 5, incomplete: false, toolCalls: [] },
  };
}

async function open(root: string, state: MapState): Promise<ConversationStore> {
  const storage = await FileBackedHistory.open(diskFolder(root), state, CONVERSATION_KEY_PREFIX, indexedIds(state));
  let n = 0;
  return new ConversationStore(storage, { newId: () => `c${++n}` });
}

describe('the chat history in files', () => {
  it('a conversation goes to its own file; workspace state keeps only the index and the current id; a new window reads it back', async () => {
    using dir = tempDir();
    const state = new MapState();
    const store = await open(dir.root, state);
    for (let i = 0; i < 30; i++) store.addTurn(turn(`t${i}`, `Question ${i}`, `Answer ${i}`));
    await store.flush();
    const id = store.current().id;
    assert.deepEqual(readdirSync(dir.root), [historyFileName(conversationKey(id), CONVERSATION_KEY_PREFIX)]);
    assert.deepEqual([...state.values.keys()].sort(), [CURRENT_KEY, INDEX_KEY].sort(), 'no conversation in workspace state');
    assert.ok(JSON.stringify([...state.values.values()]).length < 200, 'workspace state stays small');

    const reopened = await open(dir.root, state);
    assert.equal(reopened.current().id, id);
    assert.deepEqual(
      reopened.current().turns.map((t) => t.answer?.text),
      Array.from({ length: 30 }, (_, i) => `Answer ${i}`),
    );
  });

  it('conversations an earlier version kept in workspace state are read, moved to files, and removed from the state', async () => {
    using dir = tempDir();
    const state = new MapState();
    const old = new ConversationStore(state, { newId: () => 'old1' });
    old.addTurn(turn('t1', 'Kept question', 'Kept answer'));
    await old.flush();
    assert.deepEqual(state.conversationKeys(), [conversationKey('old1')]);

    const store = await open(dir.root, state);
    assert.equal(store.current().turns[0]?.answer?.text, 'Kept answer');
    await store.flush();
    await waitFor(() => state.conversationKeys().length === 0);
    const file = JSON.parse(readFileSync(join(dir.root, 'conversation-old1.json'), 'utf8')) as { turns: Turn[] };
    assert.equal(file.turns[0]?.prompt, 'Kept question');
    // And a third window reads it from the file alone.
    const again = await open(dir.root, state);
    assert.equal(again.current().turns[0]?.prompt, 'Kept question');
  });

  it('a move cut short (file written, state copy still there): the file wins and the copy is removed', async () => {
    using dir = tempDir();
    const state = new MapState();
    await state.update(INDEX_KEY, { version: 2, ids: ['c9'] });
    await state.update(CURRENT_KEY, 'c9');
    const conversation = (answer: string) => ({ id: 'c9', title: 'T', createdAt: 1, updatedAt: 2, turns: [turn('t1', 'Q', answer)] });
    await state.update(conversationKey('c9'), conversation('older, in state'));
    writeFileSync(join(dir.root, 'conversation-c9.json'), JSON.stringify(conversation('newer, in the file')));
    const store = await open(dir.root, state);
    assert.equal(store.current().turns[0]?.answer?.text, 'newer, in the file');
    await waitFor(() => state.conversationKeys().length === 0);
  });

  it('a file that does not parse: the copy in workspace state is used; with none the conversation is left out and the rest load', async () => {
    using dir = tempDir();
    const state = new MapState();
    const conversation = (id: string) => ({ id, title: id, createdAt: 1, updatedAt: 2, turns: [turn('t1', `Q ${id}`, `A ${id}`)] });
    await state.update(INDEX_KEY, { version: 2, ids: ['a', 'b', 'c'] });
    await state.update(CURRENT_KEY, 'c');
    await state.update(conversationKey('a'), conversation('a'));
    writeFileSync(join(dir.root, 'conversation-a.json'), '{"id": "a", "tur');
    writeFileSync(join(dir.root, 'conversation-b.json'), 'not json');
    writeFileSync(join(dir.root, 'conversation-c.json'), JSON.stringify(conversation('c')));
    const store = await open(dir.root, state);
    assert.deepEqual(
      store
        .list()
        .map((c) => c.id)
        .sort(),
      ['a', 'c'],
    );
    assert.equal(store.get('a')?.turns[0]?.answer?.text, 'A a');
  });

  it('writes of one file that overlap end with the last value in the file, each update resolving', async () => {
    const files = new Map<string, string>();
    const started: string[] = [];
    let release: (() => void) | undefined;
    const folder: HistoryFolder = {
      read: (name) => Promise.resolve(files.get(name)),
      write: async (name, text) => {
        started.push(text);
        if (started.length === 1) await new Promise<void>((resolve) => (release = resolve));
        files.set(name, text);
      },
      remove: (name) => Promise.resolve(void files.delete(name)),
    };
    const history = await FileBackedHistory.open(folder, new MapState(), CONVERSATION_KEY_PREFIX, []);
    const key = conversationKey('x');
    const first = history.update(key, { v: 1 });
    await waitFor(() => release !== undefined); // the first write is under way
    const second = history.update(key, { v: 2 });
    const third = history.update(key, { v: 3 });
    assert.deepEqual(history.get(key), { v: 3 }, 'reads see the latest value at once');
    release?.();
    await Promise.all([first, second, third]);
    assert.deepEqual(started, ['{"v":1}', '{"v":3}'], 'the value overtaken while waiting is never written');
    assert.equal(files.get(historyFileName(key, CONVERSATION_KEY_PREFIX)), '{"v":3}');
  });

  it('a write that fails is reported to the store, and the next change writes again', async () => {
    let fail = true;
    const files = new Map<string, string>();
    const folder: HistoryFolder = {
      read: (name) => Promise.resolve(files.get(name)),
      write: (name, text) => {
        if (fail) return Promise.reject(new Error('ENOSPC: no space left on device'));
        files.set(name, text);
        return Promise.resolve();
      },
      remove: (name) => Promise.resolve(void files.delete(name)),
    };
    const errors: string[] = [];
    const storage = await FileBackedHistory.open(folder, new MapState(), CONVERSATION_KEY_PREFIX, []);
    const store = new ConversationStore(storage, { newId: () => 'c1', onWriteError: (error) => errors.push(String(error)) });
    store.addTurn(turn('t1', 'Q1', 'A1'));
    await store.flush();
    assert.deepEqual(errors, ['Error: ENOSPC: no space left on device']);
    fail = false;
    store.addTurn(turn('t2', 'Q2', 'A2'));
    await store.flush();
    const written = JSON.parse(files.get('conversation-c1.json') ?? '{}') as { turns: Turn[] };
    assert.deepEqual(
      written.turns.map((t) => t.prompt),
      ['Q1', 'Q2'],
    );
  });

  it('deleting a conversation and clearing all remove their files', async () => {
    using dir = tempDir();
    const state = new MapState();
    const store = await open(dir.root, state);
    store.addTurn(turn('t1', 'First', 'A'));
    store.newConversation();
    store.addTurn(turn('t2', 'Second', 'B'));
    await store.flush();
    assert.equal(readdirSync(dir.root).length, 2);
    store.delete('c1');
    await store.flush();
    assert.deepEqual(readdirSync(dir.root), ['conversation-c2.json']);
    store.clearAll();
    await store.flush();
    assert.deepEqual(readdirSync(dir.root), []);
  });

  it('an id that is not a plain id gets a hashed file name inside the folder', () => {
    const name = historyFileName(conversationKey('../../settings'), CONVERSATION_KEY_PREFIX);
    assert.match(name, /^conversation-h-[0-9a-f]{40}\.json$/);
    assert.equal(historyFileName(conversationKey('3f2a-b9'), CONVERSATION_KEY_PREFIX), 'conversation-3f2a-b9.json');
  });
});

/** Waits for background work (the move's state removal) by yielding to the event loop, not by time. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(condition(), 'the condition never held');
}
