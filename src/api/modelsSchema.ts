// GET /models/{capability} and GET /mcp_servers, as documented in models.yaml and mcp.yaml.
import * as z from 'zod';

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

export const ModelInfoSchema = z
  .object({
    id: z.string().min(1),
    object: z.string().optional(),
    created: z.number().optional(),
    owned_by: z.string().optional(),
    description: z.string().optional(),
    max_context_length: z.number().int().optional(),
    prompt_format: z.string().optional(),
    capabilities: z.record(z.string(), z.boolean()).optional(),
  })
  .passthrough();
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

export const ModelListSchema = z.object({ object: z.string().optional(), data: z.array(ModelInfoSchema) }).passthrough();

export const McpServerInfoSchema = z
  .object({
    server_label: z.string().min(1),
    object: z.string().optional(),
    created: z.number().optional(),
    owned_by: z.string().optional(),
    server_description: z.string().optional(),
    available_tools: z.array(z.string()).optional(),
  })
  .passthrough();
export type McpServerInfo = z.infer<typeof McpServerInfoSchema>;

export const McpServerListSchema = z.object({ object: z.string().optional(), data: z.array(McpServerInfoSchema) }).passthrough();

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
