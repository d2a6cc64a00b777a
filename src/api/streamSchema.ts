// The Server-Sent Events of a streamed POST /responses, as OpenAI-compatible servers send them
// (`response.created`, `response.output_text.delta`…, `response.completed`, `error`). One zod schema
// per event the client acts on; every other event type is ignored.
import * as z from 'zod/mini';
import '../util/zodEnglish';

const ErrorDetailSchema = z.looseObject({ message: z.nullish(z.string()), code: z.nullish(z.union([z.string(), z.number()])) });

export const TextDeltaEventSchema = z.looseObject({
  type: z.literal('response.output_text.delta'),
  delta: z.string(),
  item_id: z.optional(z.string()),
  output_index: z.optional(z.number().check(z.int())),
  content_index: z.optional(z.number().check(z.int())),
});

/** The response object as a lifecycle event carries it; checked fully (ResponsesResponseSchema) only at the end. */
const EventResponseSchema = z.looseObject({ error: z.nullish(ErrorDetailSchema) });

export const LifecycleEventSchema = z.looseObject({
  type: z.enum(['response.created', 'response.in_progress', 'response.completed', 'response.incomplete', 'response.failed']),
  response: EventResponseSchema,
});

/** OpenAI sends `message`/`code` at the top; some gateways nest them in `error`. */
export const ErrorEventSchema = z.looseObject({
  type: z.literal('error'),
  message: z.nullish(z.string()),
  code: z.nullish(z.union([z.string(), z.number()])),
  error: z.nullish(ErrorDetailSchema),
});

export type TextDeltaEvent = z.infer<typeof TextDeltaEventSchema>;
export type LifecycleEvent = z.infer<typeof LifecycleEventSchema>;
export type ErrorEvent = z.infer<typeof ErrorEventSchema>;

export type StreamEvent = TextDeltaEvent | LifecycleEvent | ErrorEvent;

const SCHEMAS: Readonly<Record<string, z.ZodMiniType<StreamEvent>>> = {
  'response.output_text.delta': TextDeltaEventSchema,
  'response.created': LifecycleEventSchema,
  'response.in_progress': LifecycleEventSchema,
  'response.completed': LifecycleEventSchema,
  'response.incomplete': LifecycleEventSchema,
  'response.failed': LifecycleEventSchema,
  error: ErrorEventSchema,
};

export type ParsedEvent =
  | { readonly kind: 'event'; readonly event: StreamEvent }
  | { readonly kind: 'ignored'; readonly type: string }
  | { readonly kind: 'invalid'; readonly type: string; readonly detail: string };

/**
 * One SSE message → the event it carries. The type is the data's `type`, else the SSE `event:` name.
 * `[DONE]` and unknown types are ignored; a known type of the wrong shape, or data that is not JSON, is invalid.
 */
export function parseStreamEvent(eventName: string | undefined, data: string): ParsedEvent {
  if (data.trim() === '[DONE]') return { kind: 'ignored', type: '[DONE]' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'invalid', type: eventName ?? 'message', detail: 'its data is not JSON' };
  }
  const named = typeof (json as { type?: unknown } | null)?.type === 'string' ? (json as { type: string }).type : undefined;
  const type = named ?? eventName ?? 'message';
  const schema = SCHEMAS[type];
  if (schema === undefined) return { kind: 'ignored', type };
  const withType = named === undefined && json !== null && typeof json === 'object' ? { ...json, type } : json;
  const parsed = schema.safeParse(withType);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', type, detail: issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'unexpected shape' };
  }
  return { kind: 'event', event: parsed.data };
}
