import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ApiParametersSchema } from '../../src/api/parameters';
import { applyPreset, BUILT_IN_PRESETS, deletePreset, parsePresets, renamePreset, savePreset } from '../../src/core/presets';

const base = ApiParametersSchema.parse({ model: 'm1' });

describe('presets', () => {
  it('offers “Strict privacy” and “Creative” until the user has a list of their own', () => {
    assert.deepEqual(
      parsePresets(undefined).map((p) => p.name),
      ['Strict privacy', 'Creative'],
    );
    assert.deepEqual(parsePresets([]), []);
    const strict = BUILT_IN_PRESETS[0]!;
    assert.equal(strict.values.safeguards.pii, 'block');
    assert.equal(strict.values.safeguards.blockPromptInjection, true);
  });

  it('drops stored entries that are not presets', () => {
    const kept = parsePresets([{ name: 'ok', values: base }, { name: '', values: base }, { name: 'bad', values: { temperature: 9 } }, 'junk']);
    assert.deepEqual(
      kept.map((p) => p.name),
      ['ok'],
    );
  });

  it('save adds or replaces by name (case-insensitive) and keeps the list sorted', () => {
    let result = savePreset([], 'Zed', base);
    assert.ok(result.ok);
    result = savePreset(result.presets, 'alpha', { ...base, temperature: 0.5 });
    assert.ok(result.ok);
    result = savePreset(result.presets, 'ZED', { ...base, temperature: 1 });
    assert.ok(result.ok);
    assert.deepEqual(
      result.presets.map((p) => [p.name, p.values.temperature]),
      [
        ['alpha', 0.5],
        ['ZED', 1],
      ],
    );
    assert.deepEqual(savePreset([], '   ', base), { ok: false, error: 'A preset needs a name.' });
  });

  it('rename refuses a name in use and unknown presets; delete removes', () => {
    const saved = savePreset(savePreset([], 'a', base).ok ? [{ name: 'a', values: base }] : [], 'b', base);
    assert.ok(saved.ok);
    assert.deepEqual(renamePreset(saved.presets, 'a', 'B'), { ok: false, error: 'A preset named “B” exists already.' });
    assert.equal(renamePreset(saved.presets, 'nope', 'c').ok, false);
    const renamed = renamePreset(saved.presets, 'a', 'c');
    assert.ok(renamed.ok);
    assert.deepEqual(
      renamed.presets.map((p) => p.name),
      ['b', 'c'],
    );
    const deleted = deletePreset(renamed.presets, 'b');
    assert.ok(deleted.ok);
    assert.deepEqual(
      deleted.presets.map((p) => p.name),
      ['c'],
    );
  });

  it('apply keeps the current model unless the preset names one', () => {
    const creative = BUILT_IN_PRESETS[1]!;
    assert.equal(applyPreset(base, creative).model, 'm1');
    assert.equal(applyPreset(base, creative).temperature, 1.2);
    assert.equal(applyPreset(base, { name: 'x', values: { ...base, model: 'm2' } }).model, 'm2');
  });
});
