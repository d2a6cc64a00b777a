import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attackLine, reliabilityMarkdown } from '../host/faultSummary';

const totals = { injected: 3, handled: 3, editsLost: 0, tokenLeaks: 0, scriptsRun: 0, remoteFetches: 0 };
const attacks = { tried: 4, refused: 3, commandsRun: 1, unreviewedEdits: 0, remoteFetches: 2 };

test('the attacks line says what was tried, refused, run, written unseen and fetched', () => {
  assert.equal(attackLine(attacks), 'attacks: 4 tried, 3 refused, 1 commands run, 0 unreviewed edits, 2 remote fetches');
});

test('the reliability report lists the attack cases of the host run and of the pure core', () => {
  const md = reliabilityMarkdown(
    {
      totals,
      attacks,
      hostAttacks: ['a canary link in the model name runs nothing'],
      unitAttacks: ['a cross-line code span'],
      ui: [],
      suite: [],
      client: [],
      hostilePayloads: 0,
    },
    new Date('2026-12-08T00:00:00Z'),
  );
  assert.match(md, /^attacks: 4 tried, 3 refused, 1 commands run, 0 unreviewed edits, 2 remote fetches$/m);
  assert.match(md, /### In the real VS Code \(1\)\n\n- a canary link in the model name runs nothing/);
  assert.match(md, /### In plain Node, the pure core \(1\)\n\n- a cross-line code span/);
});
