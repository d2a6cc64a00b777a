// The standalone checks of the Prediction Guard API (safety.yaml): POST /PII, /injection, /toxicity,
// /factuality. One zod schema per request and answer; the HTTP exchange (retries, timeout, redaction,
// error messages) is the client's `postJson`. Pure: no `vscode` import.
import * as z from 'zod/mini';
import '../util/zodEnglish';
import { type OnRetry } from './client';
import { PredictionGuardError } from './errors';
import { PII_REPLACE_METHODS } from './requestSchema';

export type PiiReplaceMethod = (typeof PII_REPLACE_METHODS)[number];

/** What the checks need of the client: `PredictionGuardClient` is one. */
export interface SafetyTransport {
  postJson<T>(path: string, body: unknown, schema: z.ZodMiniType<T>, signal?: AbortSignal, onRetry?: OnRetry): Promise<T>;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly onRetry?: OnRetry;
}

// ---- Requests ----------------------------------------------------------------------------------

export const PiiRequestSchema = z.object({
  prompt: z.string(),
  replace: z.boolean(),
  replace_method: z.optional(z.enum(PII_REPLACE_METHODS)),
  /** Entity types the check ignores. */
  entity_list: z.optional(z.array(z.string())),
});
export type PiiRequest = z.infer<typeof PiiRequestSchema>;

export const InjectionRequestSchema = z.object({ prompt: z.string(), detect: z.literal(true) });
export type InjectionRequest = z.infer<typeof InjectionRequestSchema>;

export const ToxicityRequestSchema = z.object({ text: z.string() });
export type ToxicityRequest = z.infer<typeof ToxicityRequestSchema>;

export const FactualityRequestSchema = z.object({ reference: z.string(), text: z.string() });
export type FactualityRequest = z.infer<typeof FactualityRequestSchema>;

// ---- Answers -----------------------------------------------------------------------------------

/** Offsets in Unicode code points into the prompt sent; `end` is exclusive. */
export const PiiEntitySchema = z
  .object({ start: z.number().check(z.int(), z.gte(0)), end: z.number().check(z.int(), z.gte(0)), type: z.string().check(z.minLength(1)) })
  .check(z.refine((e) => e.end >= e.start, { message: 'end is before start' }));
export type PiiEntity = z.infer<typeof PiiEntitySchema>;

const PiiCheckSchema = z.object({
  index: z.optional(z.number().check(z.int())),
  /** Returned when there is no PII. */
  prompt: z.optional(z.string()),
  new_prompt: z.optional(z.string()),
  /** The schema's spelling… */
  pii_type_and_positions: z.nullish(z.array(PiiEntitySchema)),
  /** …and the documented example's. */
  pii_types_and_positions: z.nullish(z.array(PiiEntitySchema)),
  status: z.optional(z.string()),
});

const envelope = <T extends z.ZodMiniType>(check: T) =>
  z.object({
    id: z.optional(z.string()),
    object: z.optional(z.string()),
    created: z.optional(z.number()),
    checks: z.array(check).check(z.minLength(1, 'no checks in the answer')),
  });

export const PiiResponseSchema = envelope(PiiCheckSchema);
export const InjectionResponseSchema = envelope(
  z.object({ index: z.optional(z.number().check(z.int())), probability: z.number(), status: z.optional(z.string()) }),
);
export const ToxicityResponseSchema = envelope(z.object({ index: z.optional(z.number().check(z.int())), score: z.number() }));
export const FactualityResponseSchema = envelope(z.object({ index: z.optional(z.number().check(z.int())), score: z.number() }));
export type PiiResponse = z.infer<typeof PiiResponseSchema>;
/** A replace answer must say what the model would see. */
export const PiiReplaceResponseSchema = PiiResponseSchema.check(
  z.refine((a) => a.checks[0]?.new_prompt !== undefined || a.checks[0]?.prompt !== undefined, {
    message: 'checks[0] has neither new_prompt nor prompt',
    path: ['checks', 0],
  }),
);

// ---- Calls -------------------------------------------------------------------------------------

export interface PiiOptions {
  /** Entity types to ignore (the user's `safeguards.entityList`); sent only when non-empty. */
  readonly entityList?: readonly string[];
}

export function piiDetectRequest(text: string, options: PiiOptions = {}): PiiRequest {
  return PiiRequestSchema.parse({ prompt: text, replace: false, ...entityList(options) });
}

export function piiReplaceRequest(text: string, method: PiiReplaceMethod | null, options: PiiOptions = {}): PiiRequest {
  return PiiRequestSchema.parse({ prompt: text, replace: true, ...(method ? { replace_method: method } : {}), ...entityList(options) });
}

function entityList(options: PiiOptions): { entity_list?: string[] } {
  return options.entityList && options.entityList.length > 0 ? { entity_list: [...options.entityList] } : {};
}

/** The entities of the first check, from whichever list the server sent, by start then end; none when there is no list. */
export function piiEntities(answer: PiiResponse): PiiEntity[] {
  const check = answer.checks[0];
  const list = [...(check?.pii_type_and_positions ?? []), ...(check?.pii_types_and_positions ?? [])];
  const seen = new Set<string>();
  return list
    .filter((e) => {
      const key = `${e.start}:${e.end}:${e.type}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

export async function detectPii(transport: SafetyTransport, text: string, options: PiiOptions & CallOptions = {}): Promise<PiiEntity[]> {
  const answer = await call(transport, '/PII', piiDetectRequest(text, options), PiiResponseSchema, options);
  return piiEntities(answer);
}

/** The text as the model would see it with PII replaced: `new_prompt`, or the prompt itself when nothing was found. */
export async function replacePii(
  transport: SafetyTransport,
  text: string,
  method: PiiReplaceMethod | null,
  options: PiiOptions & CallOptions = {},
): Promise<string> {
  const answer = await call(transport, '/PII', piiReplaceRequest(text, method, options), PiiReplaceResponseSchema, options);
  const check = answer.checks[0];
  return check?.new_prompt ?? check?.prompt ?? '';
}

/** The probability (0–1) that `text` is a prompt injection. */
export async function checkInjection(transport: SafetyTransport, text: string, options: CallOptions = {}): Promise<number> {
  const answer = await call(transport, '/injection', InjectionRequestSchema.parse({ prompt: text, detect: true }), InjectionResponseSchema, options);
  return answer.checks[0]?.probability ?? 0;
}

/** The toxicity score (0–1) of `text`. */
export async function checkToxicity(transport: SafetyTransport, text: string, options: CallOptions = {}): Promise<number> {
  const answer = await call(transport, '/toxicity', ToxicityRequestSchema.parse({ text }), ToxicityResponseSchema, options);
  return answer.checks[0]?.score ?? 0;
}

/** The factuality score (0–1) of `text` against `reference`. */
export async function checkFactuality(transport: SafetyTransport, request: FactualityRequest, options: CallOptions = {}): Promise<number> {
  const answer = await call(transport, '/factuality', FactualityRequestSchema.parse(request), FactualityResponseSchema, options);
  return answer.checks[0]?.score ?? 0;
}

async function call<T>(transport: SafetyTransport, path: string, body: unknown, schema: z.ZodMiniType<T>, options: CallOptions): Promise<T> {
  try {
    return await transport.postJson(path, body, schema, options.signal, options.onRetry);
  } catch (error) {
    throw asCheckError(error);
  }
}

/**
 * The client reads a 400 whose words mention a safeguard ("toxicity", "PII detected"…) as a request
 * blocked by that safeguard; from a check endpoint it is the server refusing the check, so it is shown
 * as such, with the server's words.
 */
export function asCheckError(error: unknown): unknown {
  if (!(error instanceof PredictionGuardError) || error.kind !== 'safeguard') return error;
  const said = /the server said “(.*)”\./s.exec(error.message)?.[1] ?? error.message;
  return new PredictionGuardError('badRequest', `Prediction Guard rejected the check (400): ${said}`, [{ kind: 'showLog' }], error.status);
}
