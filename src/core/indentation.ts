// Fitting generated code into the place it goes: the selection's indentation and line endings.

/** The leading whitespace of a line. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

function commonPrefix(a: string, b: string): string {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return a.slice(0, k);
}

/** The indentation all non-blank `lines` share; undefined when every line is blank. */
function commonIndent(lines: readonly string[]): string | undefined {
  return lines
    .filter((l) => l.trim().length > 0)
    .map((l) => leadingWhitespace(l))
    .reduce<string | undefined>((common, indent) => (common === undefined ? indent : commonPrefix(common, indent)), undefined);
}

function stripIndent(line: string, indent: string): string {
  return line.startsWith(indent) ? line.slice(indent.length) : line.trimStart();
}

/** Removes the indentation all non-blank lines share. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const common = commonIndent(lines);
  return common ? lines.map((l) => stripIndent(l, common)).join('\n') : text;
}

export interface IndentTarget {
  /** The indentation of the first line of the place the code goes. */
  readonly baseIndent: string;
  /**
   * True when the text before the place on its first line is already the indentation (the selection
   * starts after the leading whitespace), so the first line must not get it twice.
   */
  readonly firstLineIndented: boolean;
}

/**
 * Dedents `code` and re-indents it at `target.baseIndent`, keeping its relative indentation.
 * When the first line continues text already on the line (`firstLineIndented`), the first line of an
 * answer may or may not repeat the indentation: the shared indentation is then taken from the other
 * lines (and the first line's own, if it has one), so an answer that echoes the selection comes back
 * unchanged.
 */
export function reindent(code: string, target: IndentTarget): string {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  let common: string;
  if (target.firstLineIndented) {
    const rest = commonIndent(lines.slice(1)) ?? '';
    const first = lines[0] ?? '';
    common = first.trim() && leadingWhitespace(first) ? commonPrefix(leadingWhitespace(first), rest) : rest;
  } else {
    common = commonIndent(lines) ?? '';
  }
  return lines
    .map((line, index) => {
      if (line.trim().length === 0) return '';
      if (index === 0 && target.firstLineIndented) return line.trimStart();
      return target.baseIndent + stripIndent(line, common);
    })
    .join('\n');
}

/** Converts `\n` line endings to the document's. */
export function withEol(text: string, eol: '\n' | '\r\n'): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return eol === '\n' ? normalised : normalised.replace(/\n/g, '\r\n');
}
