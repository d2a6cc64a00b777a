import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CHANGED_DURING_DIALOG, planAccept, type AcceptSource } from '../../src/core/acceptFlow';

/** A document double: the text and version can change while the dialog is open. */
function source(state: { proposal: string; version: number; start: number }): AcceptSource<{ start: number }> {
  return {
    readProposal: () => state.proposal,
    resolve: (proposal) => ({ ok: true, range: { start: state.start }, text: proposal, version: state.version }),
  };
}

describe('accept flow', () => {
  it('applies a change without hidden characters at once, without a dialog', async () => {
    let asked = 0;
    const plan = await planAccept(source({ proposal: 'x = 1', version: 1, start: 0 }), async () => (asked++, 'keep'));
    assert.deepEqual(plan, { ok: true, range: { start: 0 }, text: 'x = 1' });
    assert.equal(asked, 0);
  });

  it('attack: a document edited while the hidden-Unicode dialog is open refuses the Accept', async () => {
    const state = { proposal: 'x = 1\u200b', version: 1, start: 0 };
    const plan = await planAccept(source(state), async () => {
      state.version = 2; // the user (or an extension) typed in the file during the dialog
      state.start = 7;
      return 'keep';
    });
    assert.deepEqual(plan, { ok: false, reason: CHANGED_DURING_DIALOG });
  });

  it('attack: a proposal edited while the dialog is open is not applied unseen', async () => {
    const state = { proposal: 'x = 1\u200b', version: 1, start: 0 };
    const plan = await planAccept(source(state), async () => {
      state.proposal = 'x = 1\u200b; evil()';
      return 'keep';
    });
    assert.equal(plan.ok, false);
  });

  it('applies the range resolved after the dialog, with the hidden characters removed when asked', async () => {
    const state = { proposal: 'x = 1\u200b', version: 1, start: 0 };
    const plan = await planAccept(source(state), async () => 'remove');
    assert.deepEqual(plan, { ok: true, range: { start: 0 }, text: 'x = 1' });
  });

  it('a dialog dismissed applies nothing', async () => {
    const plan = await planAccept(source({ proposal: '\u200b', version: 1, start: 0 }), async () => undefined);
    assert.equal(plan.ok, false);
  });
});
