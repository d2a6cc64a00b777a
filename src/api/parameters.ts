// The user's request parameters, in the extension's own (camelCase) terms, and how they become the
// API's snake_case body. Only what the user set is sent: unset values are omitted, safeguards that
// are off are left out.
import * as z from 'zod/mini';
import '../util/zodEnglish';
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
  pii: z._default(z.enum(PII_SETTINGS), 'off'),
  piiReplaceMethod: z._default(z.nullable(z.enum(PII_REPLACE_METHODS)), null),
  entityList: z._default(z.array(z.string().check(z.trim(), z.minLength(1))), []),
  blockPromptInjection: z._default(z.boolean(), false),
  factuality: z._default(z.boolean(), false),
  toxicity: z._default(z.boolean(), false),
});
export type SafeguardSettings = z.infer<typeof SafeguardSettingsSchema>;

/** True for a loopback host: the only place plain http: may go. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Why `url` cannot be a custom MCP server's URL, or undefined when it can: https:, or http: on loopback only. */
export function mcpServerUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'server_url must be a full https:// URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return undefined;
  if (parsed.protocol === 'http:') return `server_url must use https:// (plain http:// only for localhost): ${url}`;
  return `server_url must be an https:// URL: ${url}`;
}

export const McpServerUrlSchema = z.string().check(
  z.superRefine((url, ctx) => {
    const problem = mcpServerUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

/**
 * A tool as kept in settings: an MCP server's `authorization` is a secret, so it is never part of a
 * setting (an object key with that name is dropped on read) and is added from secret storage when a
 * request is built. A custom server's URL must be https: (http: only on loopback).
 */
export const SettingsToolSchema = z.discriminatedUnion('type', [
  FunctionToolSchema,
  z.extend(z.omit(McpToolSchema, { authorization: true }), { server_url: z.optional(McpServerUrlSchema) }),
]);
export type SettingsTool = z.infer<typeof SettingsToolSchema>;

export const ApiParametersSchema = z.object({
  model: z._default(z.string().check(z.trim()), ''),
  instructions: z._default(z.string(), ''),
  temperature: z._default(z.nullable(z.number().check(z.gte(0), z.lte(2))), null),
  topP: z._default(z.nullable(z.number().check(z.gte(0), z.lte(1))), null),
  maxOutputTokens: z._default(z.nullable(z.number().check(z.int(), z.positive())), null),
  reasoningEffort: z._default(z.nullable(z.enum(REASONING_EFFORTS)), null),
  tools: z._default(z.array(SettingsToolSchema), []),
  toolChoice: z._default(z.nullable(ToolChoiceSchema), null),
  maxToolCalls: z._default(z.nullable(z.number().check(z.int(), z.positive())), null),
  parallelToolCalls: z._default(z.nullable(z.boolean()), null),
  safeguards: z._default(SafeguardSettingsSchema, SafeguardSettingsSchema.parse({})),
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

/**
 * Stored MCP authorizations, each under the binding (label AND server URL) it was saved for: see
 * `mcpBinding`. A tool gets a value only when both its label and its URL match.
 */
export type McpAuthorizations = Readonly<Record<string, string>>;

/**
 * The destination a stored MCP authorization is bound to: the server label and the normalised server
 * URL ('' for a server the gateway knows by its label, with no URL in the request).
 */
export function mcpBinding(serverLabel: string, serverUrl: string | undefined): string {
  let url = serverUrl?.trim() ?? '';
  if (url) {
    try {
      url = new URL(url).href;
    } catch {
      // Kept as written: it then matches only the identical text.
    }
  }
  return JSON.stringify([serverLabel, url]);
}

/**
 * Builds the POST /responses body. Throws a ZodError when a value is out of its documented range.
 * `mcpAuthorizations` adds each MCP server's stored authorization to its tool entry, only when it was
 * stored for that server's label and URL both. Every role item of a list input goes with
 * `"type": "message"`.
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
      const authorization = tool.type === 'mcp' ? mcpAuthorizations[mcpBinding(tool.server_label, tool.server_url)] : undefined;
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
