// Whether to ask a server for a streamed answer (pure). `predictionGuard.stream` chooses: "on" always,
// "off" never, "auto" (default) until the server shows it does not stream — a 400 naming `stream`, or
// one JSON answer instead of events — which is remembered per base URL for the session.

export const STREAM_MODES = ['auto', 'on', 'off'] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

/** What the session learnt about each base URL's streaming; one object held for the session. */
export class StreamSupport {
  private readonly known = new Map<string, boolean>();

  /** true: it streamed; false: it refused or ignored `stream`; undefined: not tried yet. */
  get(baseUrl: string): boolean | undefined {
    return this.known.get(baseUrl);
  }

  remember(baseUrl: string, streams: boolean): void {
    this.known.set(baseUrl, streams);
  }

  /** Whether a request in `mode` to `baseUrl` asks for a stream. */
  wants(mode: StreamMode, baseUrl: string): boolean {
    if (mode === 'on') return true;
    if (mode === 'off') return false;
    return this.known.get(baseUrl) !== false;
  }

  forget(): void {
    this.known.clear();
  }
}
