// The running turn's answer so far, on its way to the chat page (pure; the clock is injected). It is
// redrawn at most once per interval, and only the start of a runaway answer goes (`partialMessage`).
// While the page is away (loading, or hidden: a hidden view's page is unloaded) nothing is posted, so
// no partial piles up in the channel's queue: only the latest text is kept, and the page gets it once,
// after the state that answers its `ready`.
import { type PartialMessage } from '../webview/protocol/chat';
import { SYSTEM_CLOCK, Throttle, type ThrottleClock } from '../core/throttle';
import { partialMessage } from './viewModel';

/** How often a streaming answer is redrawn at most: fast enough to read along, slow enough not to redraw per token. */
export const PARTIAL_INTERVAL_MS = 80;

export class PartialFeed {
  private latest: { readonly turnId: string; readonly text: string } | undefined;
  private shown = false;
  private readonly throttle: Throttle<void>;

  constructor(
    private readonly post: (message: PartialMessage) => void,
    clock: ThrottleClock = SYSTEM_CLOCK,
  ) {
    this.throttle = new Throttle(PARTIAL_INTERVAL_MS, () => this.send(), clock);
  }

  /** Whether the page is there to take messages (it said `ready` and has not gone since). */
  get pageShown(): boolean {
    return this.shown;
  }

  /** The page said `ready`: from now on it is posted to (`resend` gives it the text so far). */
  pageReady(): void {
    this.shown = true;
  }

  /** The page is gone or not loaded yet: nothing is posted until its next `ready`. */
  pageAway(): void {
    this.shown = false;
    this.throttle.cancel();
  }

  /** More of the running turn's answer arrived. */
  push(turnId: string, textSoFar: string): void {
    this.latest = { turnId, text: textSoFar };
    if (this.shown) this.throttle.push();
  }

  /** The page was just sent the state (the pending turn drawn anew): it gets the text so far at once. */
  resend(): void {
    this.throttle.cancel();
    this.send();
  }

  /** The turn ended or was stopped: nothing more of it is posted. */
  end(): void {
    this.throttle.cancel();
    this.latest = undefined;
  }

  private send(): void {
    if (this.shown && this.latest) this.post(partialMessage(this.latest.turnId, this.latest.text));
  }
}
