// Check results mark ranges of a document; an edit inside or at the edge of a mark removes it, an edit
// before it moves it. Offsets are the document's (UTF-16 units). Pure.

export interface Mark {
  readonly start: number;
  readonly end: number;
}

export interface TextChange {
  /** Offset of the replaced range in the document before the change. */
  readonly offset: number;
  /** Length of the replaced range. */
  readonly length: number;
  /** Length of the inserted text. */
  readonly insertedLength: number;
}

/**
 * The marks after `changes` (all relative to the document before them, as VS Code reports one event),
 * or undefined for a mark the changes touched.
 */
export function adjustMarks<T extends Mark>(marks: readonly T[], changes: readonly TextChange[]): Array<T | undefined> {
  return marks.map((mark) => {
    let delta = 0;
    for (const change of changes) {
      if (change.offset + change.length < mark.start) delta += change.insertedLength - change.length;
      else if (change.offset <= mark.end) return undefined;
    }
    return { ...mark, start: mark.start + delta, end: mark.end + delta };
  });
}
