// The text a code block becomes in the editor: at the place's indentation, on its own lines. Pure.
import { leadingWhitespace, reindent } from '../core/indentation';
import { indentTargetFor } from '../core/placementText';

/** Code for a cursor at `character` of `line`: on its own lines, at the line's indentation, around text already there. */
export function insertionText(line: string, character: number, code: string): string {
  const before = line.slice(0, character);
  const after = line.slice(character);
  const lineIndent = leadingWhitespace(line);
  if (before.trim() !== '') {
    // After code on the line: start on a new line at the line's indentation.
    return `\n${reindent(code, { baseIndent: lineIndent, firstLineIndented: false })}${after.trim() ? `\n${lineIndent}` : ''}`;
  }
  const target = indentTargetFor(line, character);
  const body = reindent(code, target);
  if (after.trim() === '') return body;
  // Before code on the line: that code moves to the next line, keeping its indentation.
  return `${body}\n${target.firstLineIndented ? target.baseIndent : ''}`;
}

/** Code replacing a selection that starts at `character` of `line`; a selection of whole lines keeps its final line break. */
export function replacementText(line: string, character: number, originalText: string, code: string): string {
  const text = reindent(code, indentTargetFor(line, character));
  return /\r?\n$/.test(originalText) ? `${text}\n` : text;
}
