// The POST /responses answer. Accepts the documented shape (an output item's `content` as one
// object; `output` as one object or a list) and the OpenAI shape (`content` as a list of parts).
import * as z from 'zod/mini';
import '../util/zodEnglish';

const ContentPartSchema = z.looseObject({ type: z.optional(z.string()), text: z.optional(z.string()), refusal: z.optional(z.string()) });

export const OutputItemSchema = z.looseObject({
  type: z.optional(z.string()),
  id: z.optional(z.string()),
  status: z.optional(z.string()),
  role: z.optional(z.string()),
  content: z.nullish(z.union([z.string(), ContentPartSchema, z.array(ContentPartSchema)])),
  name: z.optional(z.string()),
  call_id: z.optional(z.string()),
  arguments: z.optional(z.string()),
  server_label: z.optional(z.string()),
  output: z.nullish(z.string()),
  error: z.nullish(z.string()),
});
export type OutputItem = z.infer<typeof OutputItemSchema>;

export const UsageSchema = z.looseObject({
  input_tokens: z.optional(z.number().check(z.int(), z.nonnegative())),
  output_tokens: z.optional(z.number().check(z.int(), z.nonnegative())),
  total_tokens: z.optional(z.number().check(z.int(), z.nonnegative())),
  input_tokens_details: z.optional(z.looseObject({ cached_tokens: z.optional(z.number()) })),
  output_tokens_details: z.optional(z.looseObject({ reasoning_tokens: z.optional(z.number()) })),
});
export type Usage = z.infer<typeof UsageSchema>;

export const ResponsesResponseSchema = z.looseObject({
  id: z.optional(z.string()),
  object: z.optional(z.string()),
  created_at: z.optional(z.number()),
  status: z.optional(z.string()),
  model: z.optional(z.string()),
  output: z.union([OutputItemSchema, z.array(OutputItemSchema)]),
  usage: z.nullish(UsageSchema),
});
export type ResponsesResponse = z.infer<typeof ResponsesResponseSchema>;

/**
 * An error answer: Prediction Guard's `{"error": "text"}`, or the OpenAI object
 * `{"error": {"message", "type", "code"}}` that OpenAI-compatible servers send.
 */
export const ErrorBodySchema = z.looseObject({
  error: z.union([
    z.string(),
    z.looseObject({
      message: z.string(),
      type: z.nullish(z.string()),
      code: z.nullish(z.union([z.string(), z.number()])),
    }),
  ]),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The server's explanation in an error body of either shape; undefined when the body is neither. */
export function serverErrorMessage(json: unknown): string | undefined {
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { error } = parsed.data;
  return typeof error === 'string' ? error : error.message;
}
