// A long conversation opened in the chat: its last turns are built at once and the turns above a
// moment later, nearest the shown end first; a state arriving meanwhile ends in exactly its turns.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { buildOrder, FIRST_FRAME_TURNS, planTurns } from '../../src/core/turnBuildPlan';
import type * as TurnListModule from '../../media/chat/turnList';
import type { TurnView } from '../../src/webview/protocol/chat';

const ids = (count: number, from = 0): string[] => Array.from({ length: count }, (_, i) => `t${from + i}`);
const none = { built: () => false, waiting: () => false };

describe('planTurns', () => {
  it('builds the last turns of a conversation just opened now and the others later, nearest the end first', () => {
    const all = ids(200);
    const plan = planTurns(all, new Set(all), none);
    assert.deepEqual(plan?.now, all.slice(200 - FIRST_FRAME_TURNS));
    assert.deepEqual(plan?.later, all.slice(0, 200 - FIRST_FRAME_TURNS).reverse());
  });

  it('builds every turn of a short conversation now', () => {
    const all = ids(5);
    assert.deepEqual(planTurns(all, new Set(all), none), { now: all, later: [] });
  });

  it('keeps built turns among those of now, and leaves waiting ones waiting', () => {
    const all = ids(30);
    const built = new Set(['t0', ...ids(FIRST_FRAME_TURNS, 30 - FIRST_FRAME_TURNS)]);
    const plan = planTurns(all, new Set(['t29']), { built: (id) => built.has(id), waiting: (id) => !built.has(id) });
    assert.deepEqual(plan?.now, ['t0', ...ids(FIRST_FRAME_TURNS, 30 - FIRST_FRAME_TURNS)]);
    assert.deepEqual(plan?.later, ids(30 - FIRST_FRAME_TURNS - 1, 1).reverse());
  });

  it('is undefined when a turn is neither received, built nor waiting (the page missed a state)', () => {
    assert.equal(planTurns(['a', 'b'], new Set(['b']), none), undefined);
    assert.ok(planTurns(['a', 'b'], new Set(['b']), { built: () => false, waiting: (id) => id === 'a' }));
  });

  it('orders the waiting turns nearest the end first', () => {
    assert.deepEqual(
      buildOrder(['a', 'b', 'c', 'd'], (id) => id !== 'c'),
      ['d', 'b', 'a'],
    );
  });
});

const turn = (id: string, prompt = `Question ${id}`): TurnView => ({ id, prompt, attachments: [], status: 'done', startedAt: 0, safeguards: [] });

describe('TurnList', () => {
  let TurnList: typeof TurnListModule.TurnList;
  before(async () => {
    const { window } = new JSDOM('<!doctype html><body></body>');
    Object.assign(globalThis, { document: window.document, Node: window.Node, HTMLElement: window.HTMLElement });
    ({ TurnList } = await import('../../media/chat/turnList'));
  });

  function list(): {
    turns: InstanceType<typeof TurnList>;
    shown: () => string[];
    runScheduled: () => number;
    builds: { id: string; eager: boolean }[];
  } {
    const transcript = document.createElement('main');
    const empty = document.createElement('p');
    empty.textContent = 'empty';
    const tasks: (() => void)[] = [];
    const builds: { id: string; eager: boolean }[] = [];
    const turns = new TurnList({
      transcript,
      empty,
      build: (view, eager) => {
        builds.push({ id: view.id, eager });
        const element = document.createElement('article');
        element.dataset.turn = view.id;
        element.textContent = view.prompt;
        return element;
      },
      finished: () => undefined,
      schedule: (task) => tasks.push(task),
    });
    const shown = (): string[] =>
      Array.from(transcript.children, (child) => (child instanceof HTMLElement ? (child.dataset.turn ?? child.textContent ?? '') : ''));
    // Runs the scheduled slices until none is left; returns how many ran.
    const runScheduled = (): number => {
      let ran = 0;
      for (let task = tasks.shift(); task; task = tasks.shift()) {
        task();
        ran++;
      }
      return ran;
    };
    return { turns, shown, runScheduled, builds };
  }

  it('shows the last turns at once and every turn, in order, once the slices ran; prompts of all from the start', () => {
    const { turns, shown, runScheduled, builds } = list();
    const all = ids(200);
    assert.equal(
      turns.show(
        all,
        all.map((id) => turn(id)),
        false,
      ),
      true,
    );
    assert.deepEqual(shown(), all.slice(200 - FIRST_FRAME_TURNS));
    assert.deepEqual(
      builds.filter((b) => b.eager).map((b) => b.id),
      all.slice(192),
    );
    assert.deepEqual(turns.prompts(['t0', 't199', 'gone']), ['Question t0', 'Question t199', '']);
    assert.ok(runScheduled() >= 1);
    assert.deepEqual(shown(), all);
    assert.equal(builds.length, 200, 'each turn built once');
  });

  it('ends in exactly the turns of a state that arrives while turns above are still waiting', () => {
    const { turns, shown, runScheduled } = list();
    const all = ids(100);
    turns.show(
      all,
      all.map((id) => turn(id)),
      false,
    );
    // A new turn, one waiting turn changed, two deleted (one waiting, one shown).
    const next = [...all.filter((id) => id !== 't3' && id !== 't95'), 't100'];
    assert.equal(turns.show(next, [turn('t100'), turn('t10', 'Changed')], true), true);
    assert.deepEqual(turns.prompts(['t10']), ['Changed']);
    runScheduled();
    assert.deepEqual(shown(), next);
    assert.equal(new Set(shown()).size, shown().length, 'no turn twice');
  });

  it('shows only the other conversation after it was opened while the first one was still being built', () => {
    const { turns, shown, runScheduled } = list();
    const first = ids(100);
    turns.show(
      first,
      first.map((id) => turn(id)),
      false,
    );
    turns.clear();
    const other = ids(3, 500);
    turns.show(
      other,
      other.map((id) => turn(id)),
      false,
    );
    runScheduled();
    assert.deepEqual(shown(), other);
  });

  it('asks again (false, nothing changed) when a turn is neither received nor held, and shows the empty note without turns', () => {
    const { turns, shown } = list();
    turns.show(['a'], [turn('a')], false);
    assert.equal(turns.show(['a', 'b'], [], true), false);
    assert.deepEqual(shown(), ['a']);
    turns.show([], [], true);
    assert.deepEqual(shown(), ['empty']);
  });
});
