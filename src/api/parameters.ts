// The user's request parameters, in the extension's own (camelCase) terms, and how they become the
// API's snake_case body. Only what the user set is sent: unset values are omitted, safeguards that
// are off are left out.
import * as z from 'zod';
import {
  FunctionToolSchema,
  McpToolSchema,
  PII_REPLACE_METHODS,
  REASONING_EFFORTS,
  ResponsesRequestSchema,
  ToolChoiceSchema,
  typedInput,
  type InputItem,
  type ResponsesRequest,
  type Safeguards,
} from './requestSchema';

export const PII_SETTINGS = ['off', 'block', 'replace'] as const;

export const SafeguardSettingsSchema = z.object({
  pii: z.enum(PII_SETTINGS).default('off'),
  piiReplaceMethod: z.enum(PII_REPLACE_METHODS).nullable().default(null),
  entityList: z.array(z.string().trim().min(1)).default([]),
  blockPromptInjection: z.boolean().default(false),
  factuality: z.boolean().default(false),
  toxicity: z.boolean().default(false),
});
export type SafeguardSettings = z.infer<typeof SafeguardSettingsSchema>;

/**
 * A tool as kept in settings: an MCP server's `authorization` is a secret, so it is never part of a
 * setting (an object key with that name is dropped on read) and is added from secret storage when a
 * request is built.
 */
export const SettingsToolSchema = z.discriminatedUnion('type', [FunctionToolSchema, McpToolSchema.omit({ authorization: true })]);
export type SettingsTool = z.infer<typeof SettingsToolSchema>;

export const ApiParametersSchema = z.object({
  model: z.string().trim().default(''),
  instructions: z.string().default(''),
  temperature: z.number().min(0).max(2).nullable().default(null),
  topP: z.number().min(0).max(1).nullable().default(null),
  maxOutputTokens: z.number().int().positive().nullable().default(null),
  reasoningEffort: z.enum(REASONING_EFFORTS).nullable().default(null),
  tools: z.array(SettingsToolSchema).default([]),
  toolChoice: ToolChoiceSchema.nullable().default(null),
  maxToolCalls: z.number().int().positive().nullable().default(null),
  parallelToolCalls: z.boolean().nullable().default(null),
  safeguards: SafeguardSettingsSchema.default(SafeguardSettingsSchema.parse({})),
});
export type ApiParameters = z.infer<typeof ApiParametersSchema>;

export function safeguardsBody(s: SafeguardSettings): Safeguards | undefined {
  const body: Safeguards = {};
  if (s.pii !== 'off') {
    body.pii = s.pii;
    if (s.pii === 'replace' && s.piiReplaceMethod) body.pii_replace_method = s.piiReplaceMethod;
    if (s.entityList.length) body.entity_list = [...s.entityList];
  }
  if (s.blockPromptInjection) body.block_prompt_injection = true;
  if (s.factuality) body.factuality = true;
  if (s.toxicity) body.toxicity = true;
  return Object.keys(body).length ? body : undefined;
}

/** MCP server labels → the authorization value kept for them in secret storage. */
export type McpAuthorizations = Readonly<Record<string, string>>;

/**
 * Builds the POST /responses body. Throws a ZodError when a value is out of its documented range.
 * `mcpAuthorizations` adds each MCP server's stored authorization to its tool entry. Every role item
 * of a list input goes with `"type": "message"`.
 */
export function buildRequest(params: ApiParameters, input: string | readonly InputItem[], mcpAuthorizations: McpAuthorizations = {}): ResponsesRequest {
  const body: ResponsesRequest = { model: params.model, input: typedInput(input) };
  if (params.instructions.trim()) body.instructions = params.instructions;
  if (params.temperature !== null) body.temperature = params.temperature;
  if (params.topP !== null) body.top_p = params.topP;
  if (params.maxOutputTokens !== null) body.max_output_tokens = params.maxOutputTokens;
  if (params.reasoningEffort !== null) body.reasoning = { effort: params.reasoningEffort };
  if (params.tools.length) {
    body.tools = params.tools.map((tool) => {
      const authorization = tool.type === 'mcp' ? mcpAuthorizations[tool.server_label] : undefined;
      return authorization ? { ...tool, authorization } : tool;
    });
  }
  if (params.toolChoice !== null) body.tool_choice = params.toolChoice;
  if (params.maxToolCalls !== null) body.max_tool_calls = params.maxToolCalls;
  if (params.parallelToolCalls !== null) body.parallel_tool_calls = params.parallelToolCalls;
  const safeguards = safeguardsBody(params.safeguards);
  if (safeguards) body.safeguards = safeguards;
  return ResponsesRequestSchema.parse(body);
}
