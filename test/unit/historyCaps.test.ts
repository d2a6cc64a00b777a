// Limits on the kept chat history: per conversation (latest turns kept, with a note), for the whole
// history (least recently used dropped), and the retention in days.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type Conversation, type Turn } from '../../src/chat/conversation';
import { ConversationStore, conversationKey } from '../../src/chat/conversationStore';
import { MapState } from './helpers/mapState';
import { CAP_NOTE_ID, MAX_CONVERSATION_BYTES, capConversation, conversationBytes, withinHistoryCaps } from '../../src/chat/historyCaps';

function turn(id: string, answer: string): Turn {
  return {
    id,
    prompt: `Q ${id}`,
    attachments: [],
    status: 'done',
    startedAt: 1,
    safeguards: [],
    answer: { text: answer, model: 'm', ms: 1, incomplete: false, toolCalls: [] },
  };
}

const DAY = 24 * 60 * 60 * 1000;

function conversation(id: string, updatedAt: number, turns: Turn[] = [turn('t', 'A')]): Conversation {
  return { id, title: id, createdAt: updatedAt, updatedAt, turns };
}

describe('history caps', () => {
  it('attack: a chat over the size cap keeps its latest turns on disk and says how many went', async () => {
    const storage = new MapState();
    let t = 1_000;
    let n = 0;
    const store = new ConversationStore(storage, { now: () => (t += 10), newId: () => `c${++n}` });
    const big = 'x'.repeat(400 * 1024);
    let id = '';
    for (let i = 0; i < 8; i++) id = store.addTurn(turn(`t${i}`, big)).id;
    await store.flush();
    const stored = storage.get(conversationKey(id)) as Conversation;
    assert.ok(conversationBytes(stored) <= MAX_CONVERSATION_BYTES);
    assert.equal(stored.turns[0]?.id, CAP_NOTE_ID);
    assert.match(stored.turns[0]?.answer?.text ?? '', /Earlier messages of this chat were not kept \(\d+ removed\)/);
    assert.equal(stored.turns.at(-1)?.id, 't7');
    // What the chat shows is what is kept.
    assert.equal(store.current().turns[0]?.id, CAP_NOTE_ID);
  });

  it('counts the turns removed across several cuts', () => {
    const big = 'y'.repeat(100);
    let c = conversation('a', 1, [turn('1', big), turn('2', big), turn('3', big)]);
    c = capConversation(c, 700);
    const first = Number(/\((\d+)/.exec(c.turns[0]?.answer?.text ?? '')?.[1]);
    c = capConversation({ ...c, turns: [...c.turns, turn('4', big), turn('5', big)] }, 700);
    const second = Number(/\((\d+)/.exec(c.turns[0]?.answer?.text ?? '')?.[1]);
    assert.ok(first >= 1 && second > first, `${first} then ${second}`);
    assert.equal(c.turns.at(-1)?.id, '5');
  });

  it('drops conversations unused for longer than the retention, and keeps them all with 0', () => {
    const now = 100 * DAY;
    const list = [conversation('new', now - DAY), conversation('old', now - 40 * DAY)];
    assert.deepEqual(
      withinHistoryCaps(list, now, 30, conversationBytes).map((c) => c.id),
      ['new'],
    );
    assert.equal(withinHistoryCaps(list, now, 0, conversationBytes).length, 2);
  });

  it('drops the least recently used conversations beyond the history cap, never the latest', () => {
    const list = [conversation('a', 3), conversation('b', 2), conversation('c', 1)];
    assert.deepEqual(
      withinHistoryCaps(list, 3, 0, () => 40, 100).map((c) => c.id),
      ['a', 'b'],
    );
    assert.deepEqual(
      withinHistoryCaps(list, 3, 0, () => 500, 100).map((c) => c.id),
      ['a'],
    );
  });

  it('a store opened with a retention removes the old conversations from storage', async () => {
    const storage = new MapState();
    let t = 1_000;
    let n = 0;
    const first = new ConversationStore(storage, { now: () => t, newId: () => `c${++n}` });
    first.addTurn(turn('t1', 'A'));
    await first.flush();
    t += 31 * DAY;
    const later = new ConversationStore(storage, { now: () => t, newId: () => `c${++n}`, policy: () => ({ keep: true, max: 100, retentionDays: 30 }) });
    await later.flush();
    assert.deepEqual(later.list(), []);
    assert.equal(storage.get(conversationKey('c1')), undefined);
  });
});
