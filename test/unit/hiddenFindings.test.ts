// Where hidden Unicode sits in a proposed change: what the review flags and says.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeFindings, hiddenFindings } from '../../src/core/markdown/hiddenUnicode';

describe('hiddenFindings', () => {
  it('gives each hidden character with its offset, line and column', () => {
    const text = 'const ok = 1;\nif (isAdmin\u202e) {\u200b}\n';
    const findings = hiddenFindings(text);
    assert.deepEqual(
      findings.map(({ offset, length, line, column, label }) => ({ offset, length, line, column, label })),
      [
        { offset: text.indexOf('\u202e'), length: 1, line: 2, column: 12, label: 'U+202E' },
        { offset: text.indexOf('\u200b'), length: 1, line: 2, column: 16, label: 'U+200B' },
      ],
    );
  });

  it('a run of tag characters is one finding, spelling its hidden text', () => {
    const tags = [...'run rm'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    const findings = hiddenFindings(`x = 1 ${tags}`);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.label, 'tags: run rm');
    assert.equal(findings[0]?.length, tags.length);
    assert.equal(findings[0]?.column, 7);
  });

  it('only findings that start inside [from, to)', () => {
    const text = '\u200ba\u200bb\u200b';
    assert.deepEqual(
      hiddenFindings(text, 1, 3).map((f) => f.offset),
      [2],
    );
  });

  it('plain text has none', () => {
    assert.deepEqual(hiddenFindings('let café = "naïve"; // ok\n'), []);
  });
});

describe('describeFindings', () => {
  it('names what and where, and counts the rest', () => {
    const text = '\u202e\n\u200b\n\u2066\n\u2069';
    assert.equal(
      describeFindings(hiddenFindings(text), 2),
      'U+202E RIGHT-TO-LEFT OVERRIDE at line 1, column 1; U+200B ZERO WIDTH SPACE at line 2, column 1, and 2 more',
    );
  });
});

describe('hidden characters of the third round', () => {
  const named: [number, string][] = [
    [0x115f, 'HANGUL CHOSEONG FILLER'],
    [0x1160, 'HANGUL JUNGSEONG FILLER'],
    [0x3164, 'HANGUL FILLER'],
    [0xffa0, 'HALFWIDTH HANGUL FILLER'],
    [0x00ad, 'SOFT HYPHEN'],
    [0x034f, 'COMBINING GRAPHEME JOINER'],
    [0xfe00, 'VARIATION SELECTOR-1'],
    [0xfe0f, 'VARIATION SELECTOR-16'],
    [0x2028, 'LINE SEPARATOR'],
    [0x2029, 'PARAGRAPH SEPARATOR'],
    [0xe0001, 'LANGUAGE TAG'],
    [0xe007f, 'CANCEL TAG'],
  ];
  for (const [cp, name] of named) {
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    it(`attack: U+${hex} hidden in an identifier is flagged and named`, () => {
      const text = `const is${String.fromCodePoint(cp)}Admin = true;`;
      assert.equal(describeFindings(hiddenFindings(text)), `U+${hex} ${name} at line 1, column 9`);
    });
  }

  it('every variation selector U+FE00–U+FE0F and tag character U+E0000–U+E007F is found', () => {
    for (let cp = 0xfe00; cp <= 0xfe0f; cp++) assert.equal(hiddenFindings(`a${String.fromCodePoint(cp)}b`).length, 1, cp.toString(16));
    for (let cp = 0xe0000; cp <= 0xe007f; cp++) assert.equal(hiddenFindings(`a${String.fromCodePoint(cp)}b`).length, 1, cp.toString(16));
  });
});

describe('emoji presentation selectors', () => {
  it('after an emoji they are not flagged; after a letter they are', () => {
    assert.deepEqual(hiddenFindings('I \u2764\ufe0f code, \u263a\ufe0e too'), []);
    assert.equal(hiddenFindings('ok\ufe0f').length, 1);
  });
});
