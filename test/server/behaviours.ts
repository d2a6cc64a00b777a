/**
 * The scripting contract of the stand-in Prediction Guard server: what the next answer on a path is,
 * and what a recorded request looks like. Shared by the server, its HTTP control port and
 * `controlClient.ts`, so this module must import nothing but zod.
 */
import * as z from 'zod';

const delayMs = z.number().int().min(0).max(600_000).optional();
const httpStatus = z.number().int().min(100).max(599);

/** Where a streamed answer ends: its final event, or a fault after `afterDeltas` text deltas. */
export const STREAM_ENDINGS = ['completed', 'incomplete', 'stall', 'cut', 'error', 'failed'] as const;

/**
 * How a text answer streams when the request asks for `stream: true` (OpenAI's event format):
 * `response.created`, `response.in_progress`, `response.output_item.added`, `response.content_part.added`,
 * `response.output_text.delta` × chunks, `…done` events, then `response.completed`.
 */
export const StreamScriptSchema = z.object({
  /** Text deltas the answer is cut into (default: one per word). */
  chunks: z.number().int().min(1).max(10_000).optional(),
  /** Wait before each event after the first (default 0). */
  eventDelayMs: delayMs,
  /** "completed" (default), "incomplete" (`response.incomplete`), or a fault: "stall" (stop sending, keep the
   * connection open), "cut" (close the connection), "error" (an `error` event), "failed" (`response.failed`). */
  end: z.enum(STREAM_ENDINGS).optional(),
  /** For a fault: how many deltas go out before it (default: half of them). */
  afterDeltas: z.number().int().min(0).optional(),
  /** The message of an `error` / `response.failed` event. */
  errorMessage: z.string().optional(),
  /** The code of an `error` / `response.failed` event (default "server_error"). */
  errorCode: z.string().optional(),
  /** Unknown event types sent between the deltas (a client must ignore them). */
  extraEvents: z.boolean().optional(),
  /** Hold the stream after this many deltas until the control port's POST /release (the rest then follows). */
  pauseAfterDeltas: z.number().int().min(1).optional(),
});
export type StreamScript = z.infer<typeof StreamScriptSchema>;

export const TextBehaviourSchema = z.object({
  kind: z.literal('text'),
  text: z.string(),
  /** When the request asks for a stream: how it streams; false answers one JSON body anyway (a server ignoring `stream`). */
  stream: z.union([z.literal(false), StreamScriptSchema]).optional(),
  /** "documented": content is one object (spec examples); "openai": content is a list; "object-output": output is one object. */
  shape: z.enum(['documented', 'openai', 'object-output']).optional(),
  status: z.enum(['completed', 'incomplete']).optional(),
  /** false leaves `usage` out of the answer. */
  usage: z.boolean().optional(),
  delayMs,
});

export const SafeguardBehaviourSchema = z.object({
  kind: z.literal('safeguard'),
  message: z.enum(['pii detected', 'prompt injection detected', 'failed toxicity check', 'failed factuality check']),
  delayMs,
});

export const ErrorBehaviourSchema = z.object({
  kind: z.literal('error'),
  status: httpStatus,
  error: z.string(),
  /** "predictionguard" (default): `{"error": "text"}`; "openai": `{"error": {"message", "type", "code"}}`. */
  shape: z.enum(['predictionguard', 'openai']).optional(),
  /** The OpenAI object's `type` (default "invalid_request_error") and `code` (default: the status). */
  errorType: z.string().optional(),
  code: z.union([z.string(), z.number()]).optional(),
  delayMs,
});

/** A server that does not stream: a request with `stream: true` gets 400 naming `stream`; one without, a text answer. */
export const RefuseStreamBehaviourSchema = z.object({
  kind: z.literal('refuseStream'),
  text: z.string().optional(),
  /** The 400's body shape (default "openai"). */
  shape: z.enum(['predictionguard', 'openai']).optional(),
  delayMs,
});

/** An OpenAI-compatible server's models: GET /models/{capability} answers 404, GET /models the ids only. */
export const OpenAiModelsBehaviourSchema = z.object({ kind: z.literal('openaiModels'), delayMs });

export const RawBehaviourSchema = z.object({
  kind: z.literal('raw'),
  status: httpStatus,
  body: z.string(),
  /** The body is sent this many times over (a huge answer without a huge script: 1 KiB × 51,200 = 50 MiB). */
  repeat: z.number().int().min(1).max(1_000_000).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  delayMs,
});

export const RedirectBehaviourSchema = z.object({
  kind: z.literal('redirect'),
  status: z.union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)]),
  location: z.string(),
  delayMs,
});

export const HangBehaviourSchema = z.object({ kind: z.literal('hang') });

export const StallBehaviourSchema = z.object({
  kind: z.literal('stall'),
  /** How many bytes of a documented 200 body are sent before stalling (default 16). */
  afterBytes: z.number().int().min(0).optional(),
  delayMs,
});

export const McpBehaviourSchema = z.object({
  kind: z.literal('mcp'),
  serverLabel: z.string(),
  name: z.string(),
  /** The tool arguments as the JSON string the API returns. */
  arguments: z.string(),
  output: z.string(),
  text: z.string(),
  /** The call item's `type`; default: the server label without "_mcp_server", plus "_mcp_call" (as the spec example). */
  itemType: z.string().optional(),
  delayMs,
});

export const FunctionCallBehaviourSchema = z.object({
  kind: z.literal('functionCall'),
  name: z.string(),
  /** The function arguments as a JSON string. */
  arguments: z.string(),
  /** More calls in the same answer (parallel calls), after the first. */
  more: z.array(z.object({ name: z.string(), arguments: z.string() })).optional(),
  /**
   * "item" (default): `function_call` output items with call_id (OpenAI-compatible servers).
   * "documented": the spec's "Function Call" example: `output` is one message object whose text is
   * the arguments JSON, with no call_id (what Prediction Guard answers when tool_choice names a function).
   */
  shape: z.enum(['item', 'documented']).optional(),
  delayMs,
});

/** What POST /PII finds: each `text` is looked up in the prompt and reported at its code-point offsets. */
export const PiiBehaviourSchema = z.object({
  kind: z.literal('pii'),
  find: z.array(
    z.object({
      type: z.string().min(1),
      text: z.string().min(1),
      /** Which match of `text` in the prompt (0: the first). */
      occurrence: z.number().int().min(0).optional(),
    }),
  ),
  /** The replace answer's `new_prompt`; default: each entity found replaced per `replace_method`. */
  replaced: z.string().optional(),
  /** The spelling of the list in the answer (default the schema's, `pii_type_and_positions`); "none" leaves it out. */
  list: z.enum(['pii_type_and_positions', 'pii_types_and_positions', 'none']).optional(),
  delayMs,
});

/** The number POST /injection (probability), /toxicity or /factuality (score) answers. */
export const ScoreBehaviourSchema = z.object({ kind: z.literal('score'), value: z.number().min(0).max(1), delayMs });

export const BehaviourSchema = z.discriminatedUnion('kind', [
  TextBehaviourSchema,
  SafeguardBehaviourSchema,
  ErrorBehaviourSchema,
  RawBehaviourSchema,
  RedirectBehaviourSchema,
  HangBehaviourSchema,
  StallBehaviourSchema,
  McpBehaviourSchema,
  FunctionCallBehaviourSchema,
  RefuseStreamBehaviourSchema,
  OpenAiModelsBehaviourSchema,
  PiiBehaviourSchema,
  ScoreBehaviourSchema,
]);

export type Behaviour = z.infer<typeof BehaviourSchema>;
export type TextBehaviour = z.infer<typeof TextBehaviourSchema>;
export type McpBehaviour = z.infer<typeof McpBehaviourSchema>;
export type FunctionCallBehaviour = z.infer<typeof FunctionCallBehaviourSchema>;
export type ErrorBehaviour = z.infer<typeof ErrorBehaviourSchema>;
export type PiiBehaviour = z.infer<typeof PiiBehaviourSchema>;
export type ScoreBehaviour = z.infer<typeof ScoreBehaviourSchema>;

/** The standalone checks of safety.yaml. */
export const SAFETY_PATHS = ['/PII', '/injection', '/toxicity', '/factuality'] as const;
export type SafetyPath = (typeof SAFETY_PATHS)[number];
/** The paths whose answers can be scripted (a request path is matched by its first segment). */
export const SCRIPTABLE_PATHS = ['/responses', '/models', '/mcp_servers', '/mcp_tools', ...SAFETY_PATHS] as const;
export type ScriptablePath = (typeof SCRIPTABLE_PATHS)[number];

/** Kinds that build a Responses API answer, so only make sense on /responses. */
export const RESPONSES_ONLY_KINDS: ReadonlySet<Behaviour['kind']> = new Set(['text', 'mcp', 'functionCall', 'refuseStream']);

/** Kinds that only make sense on /models. */
export const MODELS_ONLY_KINDS: ReadonlySet<Behaviour['kind']> = new Set(['openaiModels']);

/** "/models/reasoning?x=1" → "/models"; undefined when the path is not scriptable. */
export function scriptablePathOf(path: string): ScriptablePath | undefined {
  const first = '/' + (path.split('?')[0] ?? '').split('/').filter((s) => s !== '')[0];
  return SCRIPTABLE_PATHS.find((p) => p === first);
}

export const ControlCommandSchema = z.object({ path: z.string(), behaviour: BehaviourSchema }).superRefine((cmd, ctx) => {
  const key = scriptablePathOf(cmd.path);
  if (key === undefined) {
    ctx.addIssue({ code: 'custom', path: ['path'], message: `path must start with one of ${SCRIPTABLE_PATHS.join(', ')}` });
  } else if (key !== '/responses' && RESPONSES_ONLY_KINDS.has(cmd.behaviour.kind)) {
    ctx.addIssue({ code: 'custom', path: ['behaviour', 'kind'], message: `behaviour "${cmd.behaviour.kind}" only applies to /responses` });
  } else if (key !== '/models' && MODELS_ONLY_KINDS.has(cmd.behaviour.kind)) {
    ctx.addIssue({ code: 'custom', path: ['behaviour', 'kind'], message: `behaviour "${cmd.behaviour.kind}" only applies to /models` });
  } else if (key !== '/PII' && cmd.behaviour.kind === 'pii') {
    ctx.addIssue({ code: 'custom', path: ['behaviour', 'kind'], message: 'behaviour "pii" only applies to /PII' });
  } else if (!(['/injection', '/toxicity', '/factuality'] as string[]).includes(key) && cmd.behaviour.kind === 'score') {
    ctx.addIssue({ code: 'custom', path: ['behaviour', 'kind'], message: 'behaviour "score" only applies to /injection, /toxicity and /factuality' });
  }
});
export type ControlCommand = z.infer<typeof ControlCommandSchema>;

export interface RecordedRequest {
  /** 1, 2, 3 … in arrival order. */
  id: number;
  method: string;
  /** The request target as sent, query string included. */
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON; the raw text when it is not JSON; null when there is no body. */
  body: unknown;
  /** Date.now() when the request arrived. */
  receivedAt: number;
  /** performance.timeOrigin + performance.now() when the last byte of the body arrived (sub-millisecond, for the bench). */
  bodyReceivedAt?: number;
  answeredStatus?: number;
  /** The client went away before the answer was complete. */
  aborted?: boolean;
  /** Why the request was rejected with 400 before any scripted behaviour ran. */
  validationError?: string;
  /** A scripted stream is held at `pauseAfterDeltas` (true), or was and has been resumed (false). */
  paused?: boolean;
}

/** Turns a zod error into one line: "behaviour.kind: ... ; path: ...". */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
