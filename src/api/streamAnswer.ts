// Builds one answer from a stream's events (pure; fed by the client's SSE reader). Text deltas are
// told as they arrive; the answer itself comes from the final `response.completed` (or
// `response.incomplete`) event's response, or from the deltas when that response has no text.
// An `error` or `response.failed` event ends it with that error; a stream that stops before a final
// event gives no answer at all.
import { type PredictionGuardError, badResponseError, streamEndedError, streamFailureError } from './errors';
import { parseAnswer, type ParsedAnswer } from './parseResponse';
import { ResponsesResponseSchema } from './responseSchema';
import { parseStreamEvent, type LifecycleEvent, type StreamEvent } from './streamSchema';

/** The text so far, each time a delta arrives. */
export type OnDelta = (textSoFar: string) => void;

export class StreamAnswer {
  private text = '';
  private lastPart: string | undefined;
  private final: ParsedAnswer | undefined;
  private failure: PredictionGuardError | undefined;
  /** Events taken, ignored ones included. */
  events = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly onDelta?: OnDelta,
  ) {}

  /** The stream has said its last word (an answer or an error); later events are not taken. */
  get finished(): boolean {
    return this.final !== undefined || this.failure !== undefined;
  }

  get textSoFar(): string {
    return this.text;
  }

  /** One SSE message. Throws a badResponse error when a known event has the wrong shape. */
  take(eventName: string | undefined, data: string): void {
    if (this.finished) return;
    this.events++;
    const parsed = parseStreamEvent(eventName, data);
    if (parsed.kind === 'ignored') return;
    if (parsed.kind === 'invalid') throw badResponseError(`its “${parsed.type}” event is not valid (${parsed.detail})`, this.baseUrl);
    this.apply(parsed.event);
  }

  /** The answer once the stream has ended; throws the stream's error, or that it ended too early. */
  result(): ParsedAnswer {
    if (this.failure) throw this.failure;
    if (this.final) return this.final;
    throw streamEndedError(this.baseUrl);
  }

  private apply(event: StreamEvent): void {
    switch (event.type) {
      case 'response.output_text.delta': {
        const part = `${event.output_index ?? ''}/${event.item_id ?? ''}/${event.content_index ?? ''}`;
        if (this.lastPart !== undefined && part !== this.lastPart && this.text.length > 0 && event.delta.length > 0) this.text += '\n\n';
        this.lastPart = part;
        if (event.delta.length === 0) return;
        this.text += event.delta;
        this.onDelta?.(this.text);
        return;
      }
      case 'response.completed':
        this.final = this.answerOf(event, false);
        return;
      case 'response.incomplete':
        this.final = this.answerOf(event, true);
        return;
      case 'response.failed':
        this.failure = streamFailureError(event.response.error?.message ?? undefined, event.response.error?.code ?? undefined, this.baseUrl);
        return;
      case 'error':
        this.failure = streamFailureError(event.message ?? event.error?.message ?? undefined, event.code ?? event.error?.code ?? undefined, this.baseUrl);
        return;
      default:
        return;
    }
  }

  private answerOf(event: LifecycleEvent, incomplete: boolean): ParsedAnswer {
    const parsed = ResponsesResponseSchema.safeParse(event.response);
    const fromResponse = parsed.success ? parseAnswer(parsed.data) : undefined;
    const hasContent =
      fromResponse !== undefined &&
      (fromResponse.text.length > 0 || fromResponse.functionCalls.length > 0 || fromResponse.mcpCalls.length > 0 || fromResponse.refusal !== undefined);
    if (fromResponse && (hasContent || this.text.length === 0)) return { ...fromResponse, incomplete: incomplete || fromResponse.incomplete, streamed: true };
    const response = event.response as { id?: unknown; model?: unknown; status?: unknown };
    return {
      id: typeof response.id === 'string' ? response.id : fromResponse?.id,
      model: typeof response.model === 'string' ? response.model : fromResponse?.model,
      status: typeof response.status === 'string' ? response.status : incomplete ? 'incomplete' : 'completed',
      text: this.text,
      functionCalls: [],
      mcpCalls: [],
      usage: fromResponse?.usage,
      incomplete,
      streamed: true,
    };
  }
}
