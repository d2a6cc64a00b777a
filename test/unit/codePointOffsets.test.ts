// Server offsets (code points, end exclusive) mapped to editor positions (UTF-16 units, lines).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex, offsetFrom } from '../../src/core/codePointOffsets';

/** What a Python server would report for the first `needle`: code-point offsets, end exclusive. */
function pythonSpan(text: string, needle: string): [number, number] {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return [start, start + Array.from(needle).length];
}

describe('code-point offsets', () => {
  it('maps the documented example: frodo@predictionguard.com at 12..37', () => {
    const text = 'My email is frodo@predictionguard.com and my number is 954-123-4567.';
    const index = new CodePointIndex(text);
    assert.equal(index.slice(12, 37), 'frodo@predictionguard.com');
    assert.equal(index.slice(55, 67), '954-123-4567');
    assert.deepEqual(index.range(12, 37), { start: { line: 0, character: 12 }, end: { line: 0, character: 37 } });
  });

  it('shifts by one UTF-16 unit for each emoji before the entity', () => {
    const text = '👋🏽 hi 🙂 mail frodo@example.com now';
    const [start, end] = pythonSpan(text, 'frodo@example.com');
    assert.equal(start, 13, 'the server counts each emoji as one');
    const index = new CodePointIndex(text);
    assert.equal(index.utf16(start), text.indexOf('frodo'));
    assert.equal(index.slice(start, end), 'frodo@example.com');
    assert.deepEqual(index.range(start, end), { start: { line: 0, character: 16 }, end: { line: 0, character: 33 } });
  });

  it('counts CRLF as two characters and puts the entity on the right line', () => {
    const text = 'const a = 1;\r\n\t// 🎉 contact\r\n\tfrodo@example.com\r\n';
    const [start, end] = pythonSpan(text, 'frodo@example.com');
    const index = new CodePointIndex(text);
    assert.equal(index.slice(start, end), 'frodo@example.com');
    // A tab is one character: the entity starts at character 1 of line 2.
    assert.deepEqual(index.range(start, end), { start: { line: 2, character: 1 }, end: { line: 2, character: 18 } });
  });

  it('handles lone CR and LF line ends, and an entity spanning lines', () => {
    const text = 'a\rb\nc 😀 d\r\ne';
    const index = new CodePointIndex(text);
    const [start] = pythonSpan(text, 'd');
    const [, end] = pythonSpan(text, 'e');
    assert.deepEqual(index.range(start, end), { start: { line: 2, character: 5 }, end: { line: 3, character: 1 } });
    assert.deepEqual(index.range(0, 1), { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.deepEqual(index.range(2, 3), { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  });

  it('accepts an offset at the very end and refuses offsets outside the text', () => {
    const text = 'x🙂y';
    const index = new CodePointIndex(text);
    assert.equal(index.codePoints, 3);
    assert.equal(index.utf16(3), 4);
    assert.equal(index.utf16(4), undefined);
    assert.equal(index.utf16(-1), undefined);
    assert.equal(index.utf16(1.5), undefined);
    assert.equal(index.range(2, 1), undefined);
    assert.equal(index.range(0, 9), undefined);
  });

  it('agrees with Array.from on every offset of a mixed text', () => {
    const text = 'a😀b\r\n𝑥\tc🏳️‍🌈d';
    const points = Array.from(text);
    const index = new CodePointIndex(text);
    for (let cp = 0; cp <= points.length; cp++) assert.equal(index.utf16(cp), points.slice(0, cp).join('').length, `offset ${cp}`);
  });

  it('places a selection-relative position in the document', () => {
    assert.deepEqual(offsetFrom({ line: 4, character: 6 }, { line: 0, character: 3 }), { line: 4, character: 9 });
    assert.deepEqual(offsetFrom({ line: 4, character: 6 }, { line: 2, character: 3 }), { line: 6, character: 3 });
  });
});
