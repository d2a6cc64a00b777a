// The webview side of the channel: typed posts to the extension, parsed messages from it.
import type * as z from 'zod/mini';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class Host<ToHost extends { type: string }, ToWebview extends { type: string }> {
  private readonly api = acquireVsCodeApi();

  constructor(
    private readonly inbound: z.ZodMiniType<ToWebview>,
    onMessage: (message: ToWebview) => void,
  ) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = this.inbound.safeParse(event.data);
      if (parsed.success) onMessage(parsed.data);
      else console.warn('Dropped an invalid message from the extension', parsed.error.issues[0]?.message);
    });
  }

  post(message: ToHost): void {
    this.api.postMessage(message);
  }

  /** Restored webview state, parsed: undefined when absent or not of the expected shape. */
  state<S>(schema: z.ZodMiniType<S>): S | undefined {
    const parsed = schema.safeParse(this.api.getState());
    return parsed.success ? parsed.data : undefined;
  }

  saveState(state: unknown): void {
    this.api.setState(state);
  }
}
