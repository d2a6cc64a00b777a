/**
 * Streamed answers of POST /responses (`stream: true`) in OpenAI's Server-Sent Events format:
 * the events of a text answer, cut short by the scripted fault when there is one.
 */
import { hexId } from './answers';
import type { StreamScript } from './behaviours';

type JsonObject = Record<string, unknown>;

export interface SseEvent {
  readonly event: string;
  readonly data: JsonObject;
}

/** What happens after the events: the stream ends, stalls with the connection open, or is cut. */
export type StreamEnd = 'end' | 'stall' | 'cut';

export interface StreamPlan {
  readonly events: readonly SseEvent[];
  readonly then: StreamEnd;
  /** Hold the stream once this many events are out, until released. */
  readonly pauseAfterEvents?: number;
}

/** "event: …\ndata: …\n\n". */
export function sseFrame(e: SseEvent): string {
  return `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** The text in `chunks` pieces, or one piece per word (with its following space). */
export function splitText(text: string, chunks?: number): string[] {
  if (text === '') return [];
  if (chunks === undefined) return text.match(/\S+\s*|\s+/g) ?? [text];
  const size = Math.ceil(text.length / chunks);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

class Sequence {
  private n = 0;
  event(type: string, fields: JsonObject): SseEvent {
    return { event: type, data: { type, sequence_number: this.n++, ...fields } };
  }
}

function inProgress(final: JsonObject): JsonObject {
  const { usage: _usage, ...rest } = final;
  return { ...rest, status: 'in_progress', output: [] };
}

/** A message answer (`final` is its complete JSON response) streamed per `script`. */
export function textStream(final: JsonObject, text: string, script: StreamScript = {}): StreamPlan {
  const seq = new Sequence();
  const output = Array.isArray(final['output']) ? (final['output'] as JsonObject[]) : [final['output'] as JsonObject];
  const item = output[0] ?? {};
  const itemId = typeof item['id'] === 'string' ? item['id'] : hexId('msg');
  const where = { item_id: itemId, output_index: 0, content_index: 0 };
  const pieces = splitText(text, script.chunks);
  const end = script.end ?? 'completed';
  const isFault = end === 'stall' || end === 'cut' || end === 'error' || end === 'failed';
  const sent = isFault ? Math.min(script.afterDeltas ?? Math.floor(pieces.length / 2), pieces.length) : pieces.length;

  const events: SseEvent[] = [
    seq.event('response.created', { response: inProgress(final) }),
    seq.event('response.in_progress', { response: inProgress(final) }),
    seq.event('response.output_item.added', { output_index: 0, item: { id: itemId, type: 'message', status: 'in_progress', role: 'assistant', content: [] } }),
    seq.event('response.content_part.added', { item_id: itemId, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } }),
  ];
  let pauseAfterEvents: number | undefined;
  pieces.slice(0, sent).forEach((delta, i) => {
    events.push(seq.event('response.output_text.delta', { ...where, delta, logprobs: [] }));
    if (script.extraEvents && i === 0) events.push(seq.event('response.future_feature.delta', { ...where, delta: 'NOT PART OF THE ANSWER' }));
    if (script.pauseAfterDeltas === i + 1) pauseAfterEvents = events.length;
  });
  const plan = (then: StreamEnd): StreamPlan => ({ events, then, ...(pauseAfterEvents === undefined ? {} : { pauseAfterEvents }) });
  const failure = { code: script.errorCode ?? 'server_error', message: script.errorMessage ?? 'The model failed while answering.' };
  switch (end) {
    case 'stall':
      return plan('stall');
    case 'cut':
      return plan('cut');
    case 'error':
      events.push(seq.event('error', { ...failure, param: null }));
      return plan('end');
    case 'failed':
      events.push(seq.event('response.failed', { response: { ...inProgress(final), status: 'failed', error: failure } }));
      return plan('end');
    case 'completed':
    case 'incomplete': {
      const itemStatus = end === 'incomplete' ? 'incomplete' : 'completed';
      const doneItem = { id: itemId, type: 'message', status: itemStatus, role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] };
      events.push(
        seq.event('response.output_text.done', { ...where, text }),
        seq.event('response.content_part.done', { ...where, part: { type: 'output_text', text, annotations: [] } }),
        seq.event('response.output_item.done', { output_index: 0, item: doneItem }),
      );
      const response =
        end === 'incomplete'
          ? { ...final, status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [doneItem] }
          : { ...final, output: [doneItem] };
      events.push(seq.event(`response.${end}`, { response }));
      return plan('end');
    }
  }
}

/** An answer without text deltas (tool calls): created, in progress, then completed with the whole response. */
export function wholeStream(final: JsonObject): StreamPlan {
  const seq = new Sequence();
  return {
    events: [
      seq.event('response.created', { response: inProgress(final) }),
      seq.event('response.in_progress', { response: inProgress(final) }),
      seq.event('response.completed', { response: final }),
    ],
    then: 'end',
  };
}
