// Which turns of a conversation the chat page builds at once and which a moment later. A page opened
// on a long conversation builds the last turns, enough to fill a tall screen, before its first frame;
// the turns above follow in slices, nearest the shown end first. Pure.

/** Turns built before a conversation's first frame: the last ones, more than a tall screen shows. */
export const FIRST_FRAME_TURNS = 12;

/** What the page holds of a turn: its element (`built`), or its view still to build (`waiting`). */
export interface TurnHolding {
  built(id: string): boolean;
  waiting(id: string): boolean;
}

export interface TurnPlan {
  /** Ids to build now (or keep, or build again when their view changed), in order. */
  readonly now: readonly string[];
  /** Ids whose elements wait to be built later, nearest the end first. */
  readonly later: readonly string[];
}

/**
 * The plan for a state's turns (`ids`, in order; `received`: the views the state carries). Undefined
 * when a turn is neither received, built nor waiting: the page missed a state. The last `firstFrame`
 * turns and those already built are built now; any other one waits.
 */
export function planTurns(ids: readonly string[], received: ReadonlySet<string>, holding: TurnHolding, firstFrame = FIRST_FRAME_TURNS): TurnPlan | undefined {
  const now: string[] = [];
  const later: string[] = [];
  for (const [index, id] of ids.entries()) {
    const built = holding.built(id);
    if (!built && !received.has(id) && !holding.waiting(id)) return undefined;
    if (built || index >= ids.length - firstFrame) now.push(id);
    else later.push(id);
  }
  return { now, later: later.reverse() };
}

/** The waiting turns of `ids` in the order they are built: nearest the end first. */
export function buildOrder(ids: readonly string[], waiting: (id: string) => boolean): string[] {
  return ids.filter(waiting).reverse();
}
