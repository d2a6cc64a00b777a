// Characters that change how text reads without being seen: bidirectional controls (Trojan Source),
// zero-width characters and Unicode tag characters (text smuggled past the reader). Pure.

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
  0xe0001: 'LANGUAGE TAG',
  0xe007f: 'CANCEL TAG',
};

/**
 * One hidden character, or a run of tag characters (which spell out hidden ASCII text). A text or
 * emoji presentation selector (U+FE0E, U+FE0F) right after a character that has an emoji form
 * (❤️) is how emoji are written, and is not flagged; anywhere else it is.
 */
const HIDDEN =
  /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]|\u034f|[\ufe00-\ufe0d]|(?<!\p{Emoji})[\ufe0e\ufe0f]|(?:\u{e0000}|[\u{e0001}-\u{e007f}])+|[\u{e0100}-\u{e01ef}]/gu;

export interface HiddenRun {
  /** What a reader is shown instead: "U+202E" or, for tag characters, the text they spell. */
  readonly label: string;
  /** A longer description for a tooltip or screen reader. */
  readonly description: string;
}

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function describeHidden(run: string): HiddenRun {
  const first = run.codePointAt(0) ?? 0;
  if (first >= 0xe0000 && first <= 0xe007f) {
    const spelled = [...run]
      .map((c) => (c.codePointAt(0) ?? 0) - 0xe0000)
      .filter((n) => n >= 0x20 && n < 0x7f)
      .map((n) => String.fromCharCode(n))
      .join('');
    if (!spelled) return { label: codePoint(first), description: `Hidden Unicode: ${codePoint(first)} ${NAMES[first] ?? 'TAG'}` };
    return { label: `tags: ${spelled}`, description: `Hidden Unicode tag characters spelling “${spelled}”` };
  }
  const selector = first >= 0xe0100 ? first - 0xe0100 + 17 : first >= 0xfe00 && first <= 0xfe0f ? first - 0xfe00 + 1 : 0;
  if (selector) return { label: codePoint(first), description: `Hidden Unicode: ${codePoint(first)} VARIATION SELECTOR-${selector}` };
  return { label: codePoint(first), description: `Hidden Unicode: ${codePoint(first)} ${NAMES[first] ?? ''}`.trim() };
}

/** True when `text` holds any hidden character. */
export function hasHiddenUnicode(text: string): boolean {
  return text.search(HIDDEN) !== -1;
}

/** The hidden characters (runs) of `text`, in order, for a warning. */
export function hiddenRuns(text: string): HiddenRun[] {
  return [...text.matchAll(HIDDEN)].map((m) => describeHidden(m[0]));
}

/**
 * Replaces each hidden character in `text` using `mark`. Used on the escaped text of the rendered
 * HTML (so `mark` may return markup) and on attribute values (where `mark` must return plain text).
 */
export function replaceHidden(text: string, mark: (run: HiddenRun) => string): string {
  return text.replace(HIDDEN, (run) => mark(describeHidden(run)));
}

/** One hidden character (or run of tag characters) in a text, with where it is. */
export interface HiddenFinding extends HiddenRun {
  /** Offset in the text (UTF-16 code units) and length of the run. */
  readonly offset: number;
  readonly length: number;
  /** 1-based line and column (column in UTF-16 code units, as editors count). */
  readonly line: number;
  readonly column: number;
}

/** Every hidden run of `text` that starts within `[from, to)`, with its position. */
export function hiddenFindings(text: string, from = 0, to = text.length): HiddenFinding[] {
  const findings: HiddenFinding[] = [];
  for (const match of text.matchAll(HIDDEN)) {
    const offset = match.index;
    if (offset < from || offset >= to) continue;
    const before = text.slice(0, offset);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    findings.push({ ...describeHidden(match[0]), offset, length: match[0].length, line, column });
  }
  return findings;
}

/** "U+202E RIGHT-TO-LEFT OVERRIDE at line 3, column 7; …" — at most `max` listed. */
export function describeFindings(findings: readonly HiddenFinding[], max = 3): string {
  const listed = findings.slice(0, max).map((f) => `${f.description.replace(/^Hidden Unicode:? ?/, '')} at line ${f.line}, column ${f.column}`);
  const more = findings.length > max ? `, and ${findings.length - max} more` : '';
  return `${listed.join('; ')}${more}`;
}
