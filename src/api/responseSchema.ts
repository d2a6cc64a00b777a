// The POST /responses answer. Accepts the documented shape (an output item's `content` as one
// object; `output` as one object or a list) and the OpenAI shape (`content` as a list of parts).
import * as z from 'zod';

const ContentPartSchema = z.object({ type: z.string().optional(), text: z.string().optional(), refusal: z.string().optional() }).passthrough();

export const OutputItemSchema = z
  .object({
    type: z.string().optional(),
    id: z.string().optional(),
    status: z.string().optional(),
    role: z.string().optional(),
    content: z.union([z.string(), ContentPartSchema, z.array(ContentPartSchema)]).nullish(),
    name: z.string().optional(),
    call_id: z.string().optional(),
    arguments: z.string().optional(),
    server_label: z.string().optional(),
    output: z.string().nullish(),
    error: z.string().nullish(),
  })
  .passthrough();
export type OutputItem = z.infer<typeof OutputItemSchema>;

export const UsageSchema = z
  .object({
    input_tokens: z.number().int().nonnegative().optional(),
    output_tokens: z.number().int().nonnegative().optional(),
    total_tokens: z.number().int().nonnegative().optional(),
    input_tokens_details: z.object({ cached_tokens: z.number().optional() }).passthrough().optional(),
    output_tokens_details: z.object({ reasoning_tokens: z.number().optional() }).passthrough().optional(),
  })
  .passthrough();
export type Usage = z.infer<typeof UsageSchema>;

export const ResponsesResponseSchema = z
  .object({
    id: z.string().optional(),
    object: z.string().optional(),
    created_at: z.number().optional(),
    status: z.string().optional(),
    model: z.string().optional(),
    output: z.union([OutputItemSchema, z.array(OutputItemSchema)]),
    usage: UsageSchema.nullish(),
  })
  .passthrough();
export type ResponsesResponse = z.infer<typeof ResponsesResponseSchema>;

/**
 * An error answer: Prediction Guard's `{"error": "text"}`, or the OpenAI object
 * `{"error": {"message", "type", "code"}}` that OpenAI-compatible servers send.
 */
export const ErrorBodySchema = z
  .object({
    error: z.union([
      z.string(),
      z
        .object({
          message: z.string(),
          type: z.string().nullish(),
          code: z.union([z.string(), z.number()]).nullish(),
        })
        .passthrough(),
    ]),
  })
  .passthrough();
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The server's explanation in an error body of either shape; undefined when the body is neither. */
export function serverErrorMessage(json: unknown): string | undefined {
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { error } = parsed.data;
  return typeof error === 'string' ? error : error.message;
}
