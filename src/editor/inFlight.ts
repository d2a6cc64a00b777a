// Requests running per target, so the same selection is not sent twice at once (a double press
// would otherwise insert the answer twice).

export class InFlightTargets {
  private readonly running = new Set<string>();

  /** Claims `key`; false when a request for it is already running. */
  claim(key: string): boolean {
    if (this.running.has(key)) return false;
    this.running.add(key);
    return true;
  }

  release(key: string): void {
    this.running.delete(key);
  }
}

export function targetKey(uri: string, startOffset: number, endOffset: number): string {
  return `${uri}#${startOffset}-${endOffset}`;
}
