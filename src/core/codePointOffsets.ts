// Server offsets → editor positions. The Prediction Guard checks count Unicode code points (the server
// is Python; `end` is exclusive); VS Code counts UTF-16 code units, so every character outside the
// Basic Multilingual Plane (an emoji, 𝑥) before an offset shifts it by one. Line breaks are counted as
// they are in the text sent: CRLF is two characters on both sides. Pure.

/** A line/character position relative to the start of the text (character in UTF-16 code units). */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/** Converts code-point offsets into one text to UTF-16 offsets and positions. Built once per text. */
export class CodePointIndex {
  /** UTF-16 index of each astral (surrogate pair) character, in order. */
  private readonly astral: number[] = [];
  /** UTF-16 index of each line start after the first. */
  private readonly lineStarts: number[] = [];
  /** The text's length in code points. */
  readonly codePoints: number;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astral.push(i);
          i++;
          continue;
        }
      }
      if (unit === 0x0a) this.lineStarts.push(i + 1);
      else if (unit === 0x0d && text.charCodeAt(i + 1) !== 0x0a) this.lineStarts.push(i + 1);
    }
    this.codePoints = text.length - this.astral.length;
  }

  /** The UTF-16 offset of code-point offset `cp`; undefined when it is outside the text. */
  utf16(cp: number): number | undefined {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.codePoints) return undefined;
    // Each astral character before the target adds one code unit: the n-th astral character (0-based)
    // at UTF-16 index a sits at code point a - n.
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.astral[mid] as number) - mid < cp) low = mid + 1;
      else high = mid;
    }
    return cp + low;
  }

  /** The line/character of UTF-16 offset `offset` (0 ≤ offset ≤ length). */
  position(offset: number): TextPosition {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid + 1;
      else high = mid;
    }
    const lineStart = low === 0 ? 0 : (this.lineStarts[low - 1] as number);
    return { line: low, character: offset - lineStart };
  }

  /** The range of code points [start, end); undefined when it does not lie within the text. */
  range(start: number, end: number): TextRange | undefined {
    if (end < start) return undefined;
    const from = this.utf16(start);
    const to = this.utf16(end);
    if (from === undefined || to === undefined) return undefined;
    return { start: this.position(from), end: this.position(to) };
  }

  /** The characters of code points [start, end), for messages and tests. */
  slice(start: number, end: number): string | undefined {
    const from = this.utf16(start);
    const to = this.utf16(end);
    return from === undefined || to === undefined || to < from ? undefined : this.text.slice(from, to);
  }
}

/** `relative`, a position in a text that starts at `origin` in the document, as a document position. */
export function offsetFrom(origin: TextPosition, relative: TextPosition): TextPosition {
  return relative.line === 0
    ? { line: origin.line, character: origin.character + relative.character }
    : { line: origin.line + relative.line, character: relative.character };
}
