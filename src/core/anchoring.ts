// Where an answer may go, in document offsets: the range pinned when the request started, moved
// along by the user's edits before it, and given up when an edit touches it.

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface TextChange {
  /** Offset of the replaced text, in the document before this change. */
  readonly offset: number;
  readonly removedLength: number;
  readonly insertedLength: number;
}

/**
 * The pinned range after `change`, or `undefined` when the change touched it (an edit inside it,
 * overlapping it, or typing right at either edge of it).
 */
export function shiftRange(range: OffsetRange, change: TextChange): OffsetRange | undefined {
  const changeEnd = change.offset + change.removedLength;
  const delta = change.insertedLength - change.removedLength;
  if (changeEnd < range.start) return { start: range.start + delta, end: range.end + delta };
  if (change.offset > range.end) return range;
  // An empty selection's "range" is a point: an insertion exactly there changes what the user sees.
  return undefined;
}

export function shiftRangeThrough(range: OffsetRange, changes: readonly TextChange[]): OffsetRange | undefined {
  let current: OffsetRange | undefined = range;
  for (const change of changes) {
    if (!current) return undefined;
    current = shiftRange(current, change);
  }
  return current;
}
