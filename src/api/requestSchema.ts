// The POST /responses request body, as documented in the vendor's responses.yaml.
// Pure: no `vscode` import. Shared by the client, the settings reader and (later) the webviews.
import * as z from 'zod';

export const REASONING_EFFORTS = ['low', 'medium', 'high'] as const;
export const PII_MODES = ['block', 'replace'] as const;
export const PII_REPLACE_METHODS = ['random', 'fake', 'category', 'mask'] as const;
export const TOOL_CHOICE_MODES = ['none', 'auto', 'required'] as const;

export const ContentPartSchema = z.union([
  z.object({ type: z.literal('input_text'), text: z.string() }),
  z.object({ type: z.literal('output_text'), text: z.string() }),
  z.object({
    type: z.literal('input_image'),
    image_url: z.string().regex(/^data:image\/[a-z0-9.+-]+;base64,/i, 'must be a base64 data URL'),
    detail: z.enum(['auto', 'low', 'high']).optional(),
  }),
]);
export type ContentPart = z.infer<typeof ContentPartSchema>;

/**
 * A role item. `type: "message"` is what we send (`buildRequest` adds it): the spec lists `type` on
 * input items and OpenAI-compatible servers cannot tell an assistant item without it from other
 * items ("Cannot determine type of 'item'"). Accepted without it, as the spec's examples send it.
 */
export const MessageItemSchema = z.object({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(ContentPartSchema)]),
});
export type MessageItem = z.infer<typeof MessageItemSchema>;

/** A tool call the model made, sent back in a later request's input (`call_id`, `name`, `arguments` as in the output). */
export const FunctionCallItemSchema = z.object({
  type: z.literal('function_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  /** The arguments as the JSON string the model produced. */
  arguments: z.string(),
  id: z.string().optional(),
  status: z.string().optional(),
});
export type FunctionCallItem = z.infer<typeof FunctionCallItemSchema>;

/** The result of a function call, answering the call with the same `call_id`. */
export const FunctionCallOutputItemSchema = z.object({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  output: z.string(),
});
export type FunctionCallOutputItem = z.infer<typeof FunctionCallOutputItemSchema>;

/** One item of a list `input`: a role message, a function call, or a function call's output. */
export const InputItemSchema = z.union([MessageItemSchema, FunctionCallItemSchema, FunctionCallOutputItemSchema]);
export type InputItem = z.infer<typeof InputItemSchema>;

/** A role item with its `type` set, so the server never has to guess what the item is. */
export type TypedMessageItem = MessageItem & { readonly type: 'message' };

/** The same input with `"type": "message"` on every role item (other items and string input unchanged). */
export function typedInput(input: string | readonly InputItem[]): string | InputItem[] {
  if (typeof input === 'string') return input;
  return input.map((item) => ('role' in item && item.type === undefined ? { type: 'message' as const, ...item } : item));
}

const JSON_SCHEMA_TYPES = ['object', 'string', 'number', 'integer', 'boolean', 'array', 'null'] as const;

/** A JSON Schema node, checked structurally (types, properties, items, required, combinators). */
export const JsonSchemaNodeSchema: z.ZodType<Record<string, unknown>> = z.lazy(() =>
  z
    .object({
      type: z.union([z.enum(JSON_SCHEMA_TYPES), z.array(z.enum(JSON_SCHEMA_TYPES)).min(1)]).optional(),
      description: z.string().optional(),
      title: z.string().optional(),
      enum: z.array(z.unknown()).min(1).optional(),
      properties: z.record(z.string(), JsonSchemaNodeSchema).optional(),
      items: z.union([JsonSchemaNodeSchema, z.array(JsonSchemaNodeSchema)]).optional(),
      required: z.array(z.string()).optional(),
      additionalProperties: z.union([z.boolean(), JsonSchemaNodeSchema]).optional(),
      anyOf: z.array(JsonSchemaNodeSchema).optional(),
      oneOf: z.array(JsonSchemaNodeSchema).optional(),
      allOf: z.array(JsonSchemaNodeSchema).optional(),
    })
    .passthrough(),
);

/** A function's `parameters`: a JSON Schema of type "object" whose `required` names its own properties. */
export const FunctionParametersSchema = JsonSchemaNodeSchema.superRefine((schema, ctx) => {
  if (schema.type !== 'object') ctx.addIssue({ code: 'custom', message: 'must be a JSON Schema with "type": "object"' });
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  for (const name of (schema.required as string[] | undefined) ?? []) {
    if (!properties.includes(name)) ctx.addIssue({ code: 'custom', message: `"required" names "${name}", which is not in "properties"` });
  }
});

export const FunctionToolSchema = z.object({
  type: z.literal('function'),
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (1–64)'),
  description: z.string().optional(),
  parameters: FunctionParametersSchema.optional(),
  strict: z.boolean().optional(),
});
export type FunctionTool = z.infer<typeof FunctionToolSchema>;

export const McpToolSchema = z.object({
  type: z.literal('mcp'),
  server_label: z.string().min(1),
  server_url: z.string().url().optional(),
  server_description: z.string().optional(),
  initials: z.string().optional(),
  authorization: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  allowed_tools: z.array(z.string()).optional(),
});
export type McpTool = z.infer<typeof McpToolSchema>;

export const ToolSchema = z.discriminatedUnion('type', [FunctionToolSchema, McpToolSchema]);
export type Tool = z.infer<typeof ToolSchema>;

const NamedToolSchema = z.object({
  type: z.string().min(1),
  name: z.string().min(1).optional(),
  server_label: z.string().min(1).optional(),
});

export const ToolChoiceSchema = z.union([
  z.enum(TOOL_CHOICE_MODES),
  NamedToolSchema.extend({
    mode: z.string().optional(),
    tools: z.array(NamedToolSchema).optional(),
  }),
]);
export type ToolChoice = z.infer<typeof ToolChoiceSchema>;

export const SafeguardsSchema = z.object({
  block_prompt_injection: z.boolean().optional(),
  pii: z.enum(PII_MODES).optional(),
  pii_replace_method: z.enum(PII_REPLACE_METHODS).optional(),
  entity_list: z.array(z.string().min(1)).optional(),
  factuality: z.boolean().optional(),
  toxicity: z.boolean().optional(),
});
export type Safeguards = z.infer<typeof SafeguardsSchema>;

export const ResponsesRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(InputItemSchema).min(1)]),
  instructions: z.string().optional(),
  max_output_tokens: z.number().int().positive().optional(),
  max_tool_calls: z.number().int().positive().optional(),
  parallel_tool_calls: z.boolean().optional(),
  reasoning: z.object({ effort: z.enum(REASONING_EFFORTS) }).optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  tool_choice: ToolChoiceSchema.optional(),
  tools: z.array(ToolSchema).optional(),
  safeguards: SafeguardsSchema.optional(),
  /** Server-Sent Events instead of one JSON answer; set by the client (see `StreamMode`), never by settings. */
  stream: z.boolean().optional(),
});
export type ResponsesRequest = z.infer<typeof ResponsesRequestSchema>;
