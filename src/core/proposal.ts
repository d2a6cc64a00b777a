// The text a reviewed change proposes, worked out on plain strings: where an answer goes in a
// document (replace the selection, or insert below it), the proposed document, and which part of a
// (possibly hand-edited) proposal differs from the document. Pure.
import { extractCode } from './fencedCode';
import { hasHiddenUnicode } from './markdown/hiddenUnicode';
import { editText, indentTargetFor } from './placementText';

/** Replace `[start, end)` of a text with `text` (offsets in UTF-16 code units). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface AnswerTarget {
  /** The whole document. */
  readonly documentText: string;
  readonly eol: '\n' | '\r\n';
  /** The pinned selection, as offsets into `documentText`. */
  readonly start: number;
  readonly end: number;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineTextAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  const next = text.indexOf('\n', start);
  return text.slice(start, next === -1 ? text.length : next).replace(/\r$/, '');
}

/**
 * The edit that puts `answer` at `target`: `replace` swaps the selection for it (at the selection's
 * indentation, keeping a final line break); `insertBelow` adds it on the lines after the selection.
 */
export function answerEdit(kind: 'replace' | 'insertBelow', answer: string, answerIsCode: boolean, target: AnswerTarget): TextEdit {
  const { documentText: doc, eol, start, end } = target;
  const startLine = lineTextAt(doc, start);
  if (kind === 'replace') {
    const text = editText(answer, answerIsCode, {
      indent: indentTargetFor(startLine, start - lineStart(doc, start)),
      eol,
      endsWithNewline: /\r?\n$/.test(doc.slice(start, end)),
    });
    return { start, end, text };
  }
  const text = editText(answer, answerIsCode, { indent: indentTargetFor(startLine, 0), eol, endsWithNewline: false });
  // A selection of whole lines ends at the start of the next line: the answer goes right there.
  if (end > start && doc[end - 1] === '\n') return { start: end, end, text: text + eol };
  const nextBreak = doc.indexOf('\n', end);
  if (nextBreak !== -1) return { start: nextBreak + 1, end: nextBreak + 1, text: text + eol };
  return { start: doc.length, end: doc.length, text: eol + text };
}

/** The document with `edit` applied. */
export function applyTextEdit(documentText: string, edit: TextEdit): string {
  return documentText.slice(0, edit.start) + edit.text + documentText.slice(edit.end);
}

/** The part of `before` that `after` changes: `[start, endBefore)` of `before` became `[start, endAfter)` of `after`. */
export interface ChangedRegion {
  readonly start: number;
  readonly endBefore: number;
  readonly endAfter: number;
}

/** The one region between the longest common prefix and suffix of the two texts. */
export function changedRegion(before: string, after: string): ChangedRegion {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair or a CRLF.
  if (start > 0 && /[\uD800-\uDBFF\r]/.test(before[start - 1] ?? '')) start--;
  let suffix = 0;
  while (suffix < limit - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && /[\uDC00-\uDFFF\n]/.test(before[before.length - suffix] ?? '')) suffix--;
  return { start, endBefore: before.length - suffix, endAfter: after.length - suffix };
}

export interface ReviewedEdit {
  readonly edit: TextEdit;
  /** Every difference lies inside the span, and the edit covers exactly the span. */
  readonly withinSpan: boolean;
}

/**
 * The edit that turns the document as it was when the review opened (`original`) into the reviewed
 * proposal (`proposal`, with the user's edits in it). `span` is the part of `original` the review
 * is about (the selection and where the answer goes). When every difference lies inside `span`, the
 * edit covers exactly `span` (`withinSpan`), so it can be applied to wherever that span is now.
 */
export function reviewedEdit(original: string, proposal: string, span: { start: number; end: number }): ReviewedEdit {
  const region = changedRegion(original, proposal);
  const tail = original.length - span.end;
  const unchanged = original === proposal;
  if (unchanged || (region.start >= span.start && region.endBefore <= span.end)) {
    return { withinSpan: true, edit: { start: span.start, end: span.end, text: proposal.slice(span.start, proposal.length - tail) } };
  }
  return { withinSpan: false, edit: { start: region.start, end: region.endBefore, text: proposal.slice(region.start, region.endAfter) } };
}

/**
 * Why an answer must be reviewed even when `review` is `apply`: nothing is cut or hidden without the
 * user seeing it. Empty: it may be applied directly.
 */
export function reviewReasons(answer: string, answerIsCode: boolean, insertedText: string): string[] {
  const reasons: string[] = [];
  const blocks = answerIsCode ? extractCode(answer).blocks : 0;
  if (blocks > 1) reasons.push(`the answer has ${blocks} code blocks`);
  if (hasHiddenUnicode(insertedText)) reasons.push('it contains hidden Unicode characters');
  return reasons;
}
