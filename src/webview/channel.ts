// A typed, validated message channel to one webview. Every inbound message is parsed with the
// webview's zod schema (invalid or unknown ones are dropped and logged); outbound messages are
// type-checked and queued until the webview says it is ready, so none is lost while it loads.
import type * as vscode from 'vscode';
import type * as z from 'zod/mini';

export interface ChannelLog {
  warn(message: string): void;
}

export class WebviewChannel<In extends { type: string }, Out extends { type: string }> implements vscode.Disposable {
  private ready = false;
  private queue: Out[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly webview: vscode.Webview,
    inbound: z.ZodMiniType<In>,
    private readonly onMessage: (message: In) => void | Promise<void>,
    private readonly log: ChannelLog,
    private readonly name: string,
  ) {
    this.subscription = webview.onDidReceiveMessage((raw: unknown) => {
      const parsed = inbound.safeParse(raw);
      if (!parsed.success) {
        const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type).slice(0, 40) : typeof raw;
        this.log.warn(`${this.name}: dropped an invalid message from the webview (${type}): ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        return;
      }
      if (parsed.data.type === 'ready') this.flush();
      void Promise.resolve(this.onMessage(parsed.data)).catch((error: unknown) =>
        this.log.warn(`${this.name}: handling ${parsed.data.type} failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
  }

  post(message: Out): void {
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.webview.postMessage(message);
  }

  /** The webview was re-rendered (new HTML): wait for its next `ready`. */
  reset(): void {
    this.ready = false;
  }

  private flush(): void {
    this.ready = true;
    const pending = this.queue;
    this.queue = [];
    for (const message of pending) void this.webview.postMessage(message);
  }

  dispose(): void {
    this.subscription.dispose();
    this.queue = [];
  }
}
