// GET /models/{capability} and GET /mcp_servers, as documented in models.yaml and mcp.yaml.
import * as z from 'zod/mini';
import '../util/zodEnglish';

export const MODEL_CAPABILITIES = [
  'chat-completion',
  'chat-with-image',
  'completion',
  'embedding',
  'embedding-with-image',
  'tokenize',
  'detokenize',
  'rerank',
  'tool_calling',
  'reasoning',
] as const;
export type ModelCapability = (typeof MODEL_CAPABILITIES)[number];

export const ModelInfoSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  object: z.optional(z.string()),
  created: z.optional(z.number()),
  owned_by: z.optional(z.string()),
  description: z.optional(z.string()),
  max_context_length: z.optional(z.number().check(z.int())),
  prompt_format: z.optional(z.string()),
  capabilities: z.optional(z.record(z.string(), z.boolean())),
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

export const ModelListSchema = z.looseObject({ object: z.optional(z.string()), data: z.array(ModelInfoSchema) });

export const McpServerInfoSchema = z.looseObject({
  server_label: z.string().check(z.minLength(1)),
  object: z.optional(z.string()),
  created: z.optional(z.number()),
  owned_by: z.optional(z.string()),
  server_description: z.optional(z.string()),
  available_tools: z.optional(z.array(z.string())),
});
export type McpServerInfo = z.infer<typeof McpServerInfoSchema>;

export const McpServerListSchema = z.looseObject({ object: z.optional(z.string()), data: z.array(McpServerInfoSchema) });

/** A short human description of a model, for pickers: "128k context · tools, reasoning". */
export function describeModel(model: ModelInfo): string {
  const parts: string[] = [];
  if (model.max_context_length) {
    const k = model.max_context_length / 1000;
    parts.push(`${Number.isInteger(k) ? k : k.toFixed(1)}k context`);
  }
  const caps = Object.entries(model.capabilities ?? {})
    .filter(([name, on]) => on && ['tool_calling', 'reasoning', 'chat_with_image'].includes(name))
    .map(([name]) => ({ tool_calling: 'tools', reasoning: 'reasoning', chat_with_image: 'vision' })[name] ?? name);
  if (caps.length) parts.push(caps.join(', '));
  return parts.join(' · ');
}
