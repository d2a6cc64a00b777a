// The pinned range an answer goes into, while the user keeps typing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shiftRange, shiftRangeThrough, type OffsetRange, type TextChange } from '../../src/core/anchoring';

const RANGE: OffsetRange = { start: 100, end: 150 };
const insert = (offset: number, length: number): TextChange => ({ offset, removedLength: 0, insertedLength: length });
const remove = (offset: number, length: number): TextChange => ({ offset, removedLength: length, insertedLength: 0 });
const replace = (offset: number, removed: number, inserted: number): TextChange => ({ offset, removedLength: removed, insertedLength: inserted });

describe('shiftRange: edits before the range move it', () => {
  it('an insertion before it moves it forward', () => {
    assert.deepEqual(shiftRange(RANGE, insert(10, 7)), { start: 107, end: 157 });
  });

  it('a deletion before it moves it back', () => {
    assert.deepEqual(shiftRange(RANGE, remove(20, 30)), { start: 70, end: 120 });
  });

  it('a replacement before it moves it by the difference', () => {
    assert.deepEqual(shiftRange(RANGE, replace(0, 5, 12)), { start: 107, end: 157 });
    assert.deepEqual(shiftRange(RANGE, replace(0, 12, 5)), { start: 93, end: 143 });
  });

  it('an edit ending one character before it still moves it', () => {
    assert.deepEqual(shiftRange(RANGE, replace(90, 9, 0)), { start: 91, end: 141 });
  });
});

describe('shiftRange: edits after the range leave it', () => {
  it('an insertion or deletion after it changes nothing', () => {
    assert.deepEqual(shiftRange(RANGE, insert(151, 40)), RANGE);
    assert.deepEqual(shiftRange(RANGE, remove(200, 30)), RANGE);
  });
});

describe('shiftRange: edits that touch the range give it up', () => {
  for (const [name, change] of [
    ['typing inside it', insert(120, 1)],
    ['deleting inside it', remove(110, 5)],
    ['a deletion overlapping its start', remove(90, 20)],
    ['a deletion overlapping its end', remove(140, 20)],
    ['a replacement covering all of it', replace(50, 200, 3)],
    ['typing right at its start', insert(100, 1)],
    ['typing right at its end', insert(150, 1)],
    ['a deletion ending right at its start', remove(95, 5)],
    ['a deletion starting right at its end', remove(150, 5)],
  ] as const) {
    it(`${name}: undefined`, () => {
      assert.equal(shiftRange(RANGE, change), undefined);
    });
  }

  it('an empty range (a cursor) is touched by typing at it', () => {
    assert.equal(shiftRange({ start: 40, end: 40 }, insert(40, 1)), undefined);
    assert.deepEqual(shiftRange({ start: 40, end: 40 }, insert(39, 1)), { start: 41, end: 41 });
  });
});

describe('shiftRangeThrough: sequences of changes, each in the document the previous one left', () => {
  it('edits before and after accumulate', () => {
    const changes = [insert(0, 10), remove(300, 50), replace(5, 2, 6), insert(170, 3)];
    assert.deepEqual(shiftRangeThrough(RANGE, changes), { start: 114, end: 164 });
  });

  it('each change is measured against the moved range', () => {
    // After the first insertion the range is 110–160: a change at 105 is before it, at 155 inside it.
    assert.deepEqual(shiftRangeThrough(RANGE, [insert(0, 10), insert(105, 1)]), { start: 111, end: 161 });
    assert.equal(shiftRangeThrough(RANGE, [insert(0, 10), insert(155, 1)]), undefined);
  });

  it('once touched, the range stays given up', () => {
    assert.equal(shiftRangeThrough(RANGE, [insert(120, 1), remove(120, 1), insert(0, 5)]), undefined);
  });

  it('no changes: the range as it was', () => {
    assert.deepEqual(shiftRangeThrough(RANGE, []), RANGE);
  });
});
