// The POST /responses request body, as documented in the vendor's responses.yaml.
// Pure: no `vscode` import. Shared by the client, the settings reader and (later) the webviews.
import * as z from 'zod/mini';
import '../util/zodEnglish';

export const REASONING_EFFORTS = ['low', 'medium', 'high'] as const;
export const PII_MODES = ['block', 'replace'] as const;
export const PII_REPLACE_METHODS = ['random', 'fake', 'category', 'mask'] as const;
export const TOOL_CHOICE_MODES = ['none', 'auto', 'required'] as const;

export const ContentPartSchema = z.union([
  z.object({ type: z.literal('input_text'), text: z.string() }),
  z.object({ type: z.literal('output_text'), text: z.string() }),
  z.object({
    type: z.literal('input_image'),
    image_url: z.string().check(z.regex(/^data:image\/[a-z0-9.+-]+;base64,/i, 'must be a base64 data URL')),
    detail: z.optional(z.enum(['auto', 'low', 'high'])),
  }),
]);
export type ContentPart = z.infer<typeof ContentPartSchema>;

/**
 * A role item. `type: "message"` is what we send (`buildRequest` adds it): the spec lists `type` on
 * input items and OpenAI-compatible servers cannot tell an assistant item without it from other
 * items ("Cannot determine type of 'item'"). Accepted without it, as the spec's examples send it.
 */
export const MessageItemSchema = z.object({
  type: z.optional(z.literal('message')),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(ContentPartSchema)]),
});
export type MessageItem = z.infer<typeof MessageItemSchema>;

/** A tool call the model made, sent back in a later request's input (`call_id`, `name`, `arguments` as in the output). */
export const FunctionCallItemSchema = z.object({
  type: z.literal('function_call'),
  call_id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** The arguments as the JSON string the model produced. */
  arguments: z.string(),
  id: z.optional(z.string()),
  status: z.optional(z.string()),
});
export type FunctionCallItem = z.infer<typeof FunctionCallItemSchema>;

/** The result of a function call, answering the call with the same `call_id`. */
export const FunctionCallOutputItemSchema = z.object({
  type: z.literal('function_call_output'),
  call_id: z.string().check(z.minLength(1)),
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
export const JsonSchemaNodeSchema: z.ZodMiniType<Record<string, unknown>> = z.lazy(() =>
  z.looseObject({
    type: z.optional(z.union([z.enum(JSON_SCHEMA_TYPES), z.array(z.enum(JSON_SCHEMA_TYPES)).check(z.minLength(1))])),
    description: z.optional(z.string()),
    title: z.optional(z.string()),
    enum: z.optional(z.array(z.unknown()).check(z.minLength(1))),
    properties: z.optional(z.record(z.string(), JsonSchemaNodeSchema)),
    items: z.optional(z.union([JsonSchemaNodeSchema, z.array(JsonSchemaNodeSchema)])),
    required: z.optional(z.array(z.string())),
    additionalProperties: z.optional(z.union([z.boolean(), JsonSchemaNodeSchema])),
    anyOf: z.optional(z.array(JsonSchemaNodeSchema)),
    oneOf: z.optional(z.array(JsonSchemaNodeSchema)),
    allOf: z.optional(z.array(JsonSchemaNodeSchema)),
  }),
);

/** A function's `parameters`: a JSON Schema of type "object" whose `required` names its own properties. */
export const FunctionParametersSchema = JsonSchemaNodeSchema.check(
  z.superRefine((schema, ctx) => {
    if (schema.type !== 'object') ctx.addIssue({ code: 'custom', message: 'must be a JSON Schema with "type": "object"' });
    const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!properties.includes(name)) ctx.addIssue({ code: 'custom', message: `"required" names "${name}", which is not in "properties"` });
    }
  }),
);

export const FunctionToolSchema = z.object({
  type: z.literal('function'),
  name: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (1–64)')),
  description: z.optional(z.string()),
  parameters: z.optional(FunctionParametersSchema),
  strict: z.optional(z.boolean()),
});
export type FunctionTool = z.infer<typeof FunctionToolSchema>;

export const McpToolSchema = z.object({
  type: z.literal('mcp'),
  server_label: z.string().check(z.minLength(1)),
  server_url: z.optional(z.url()),
  server_description: z.optional(z.string()),
  initials: z.optional(z.string()),
  authorization: z.optional(z.string()),
  headers: z.optional(z.record(z.string(), z.string())),
  allowed_tools: z.optional(z.array(z.string())),
});
export type McpTool = z.infer<typeof McpToolSchema>;

export const ToolSchema = z.discriminatedUnion('type', [FunctionToolSchema, McpToolSchema]);
export type Tool = z.infer<typeof ToolSchema>;

const NamedToolSchema = z.object({
  type: z.string().check(z.minLength(1)),
  name: z.optional(z.string().check(z.minLength(1))),
  server_label: z.optional(z.string().check(z.minLength(1))),
});

export const ToolChoiceSchema = z.union([
  z.enum(TOOL_CHOICE_MODES),
  z.extend(NamedToolSchema, {
    mode: z.optional(z.string()),
    tools: z.optional(z.array(NamedToolSchema)),
  }),
]);
export type ToolChoice = z.infer<typeof ToolChoiceSchema>;

export const SafeguardsSchema = z.object({
  block_prompt_injection: z.optional(z.boolean()),
  pii: z.optional(z.enum(PII_MODES)),
  pii_replace_method: z.optional(z.enum(PII_REPLACE_METHODS)),
  entity_list: z.optional(z.array(z.string().check(z.minLength(1)))),
  factuality: z.optional(z.boolean()),
  toxicity: z.optional(z.boolean()),
});
export type Safeguards = z.infer<typeof SafeguardsSchema>;

export const ResponsesRequestSchema = z.object({
  model: z.string().check(z.minLength(1)),
  input: z.union([z.string(), z.array(InputItemSchema).check(z.minLength(1))]),
  instructions: z.optional(z.string()),
  max_output_tokens: z.optional(z.number().check(z.int(), z.positive())),
  max_tool_calls: z.optional(z.number().check(z.int(), z.positive())),
  parallel_tool_calls: z.optional(z.boolean()),
  reasoning: z.optional(z.object({ effort: z.enum(REASONING_EFFORTS) })),
  temperature: z.optional(z.number().check(z.gte(0), z.lte(2))),
  top_p: z.optional(z.number().check(z.gte(0), z.lte(1))),
  tool_choice: z.optional(ToolChoiceSchema),
  tools: z.optional(z.array(ToolSchema)),
  safeguards: z.optional(SafeguardsSchema),
  /** Server-Sent Events instead of one JSON answer; set by the client (see `StreamMode`), never by settings. */
  stream: z.optional(z.boolean()),
});
export type ResponsesRequest = z.infer<typeof ResponsesRequestSchema>;
