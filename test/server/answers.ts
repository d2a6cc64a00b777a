/** Builds 200 answers of POST /responses in the shapes responses.yaml shows. */
import { randomBytes } from 'node:crypto';
import type { FunctionCallBehaviour, McpBehaviour, TextBehaviour } from './behaviours';

type JsonObject = Record<string, unknown>;

/** Request fields the answer echoes back when the request set them (as the spec's examples do). */
const ECHOED_FIELDS = ['instructions', 'max_output_tokens', 'max_tool_calls', 'temperature', 'top_p', 'tool_choice', 'tools'] as const;

export function hexId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('hex')}`;
}

function estimateTokens(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.max(1, Math.ceil(text.length / 4));
}

function usage(request: JsonObject, outputText: string): JsonObject {
  const input_tokens = estimateTokens(request['input']) + estimateTokens(request['instructions'] ?? '');
  const output_tokens = estimateTokens(outputText);
  return {
    input_tokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input_tokens + output_tokens,
  };
}

function envelope(request: JsonObject, status?: string): JsonObject {
  const out: JsonObject = { id: hexId('resp'), object: 'response', created_at: Math.floor(Date.now() / 1000) };
  if (status !== undefined) out['status'] = status;
  out['model'] = typeof request['model'] === 'string' ? request['model'] : '';
  for (const field of ECHOED_FIELDS) if (request[field] !== undefined) out[field] = request[field];
  return out;
}

function messageItem(text: string, status: string, contentAsList: boolean): JsonObject {
  const content = contentAsList ? [{ type: 'output_text', text, annotations: [] }] : { type: 'output_text', text };
  return { type: 'message', id: hexId('msg'), status, role: 'assistant', content };
}

export function textAnswer(request: JsonObject, b: TextBehaviour): JsonObject {
  const status = b.status ?? 'completed';
  const shape = b.shape ?? 'documented';
  const item = messageItem(b.text, status, shape === 'openai');
  const out = envelope(request, status);
  out['output'] = shape === 'object-output' ? item : [item];
  if (b.usage !== false) out['usage'] = usage(request, b.text);
  return out;
}

/** The "MCP Call" example: a "<server>_mcp_call" item then a message item, no ids, no status, no usage. */
export function mcpAnswer(request: JsonObject, b: McpBehaviour): JsonObject {
  const out = envelope(request);
  out['output'] = [
    {
      type: b.itemType ?? `${b.serverLabel.replace(/_mcp_server$/, '')}_mcp_call`,
      call_id: hexId('mcp'),
      status: 'completed',
      name: b.name,
      arguments: b.arguments,
      server_label: b.serverLabel,
      output: b.output,
    },
    { type: 'message', status: 'completed', role: 'assistant', content: { text: b.text, type: 'output_text' } },
  ];
  return out;
}

export function functionCallAnswer(request: JsonObject, b: FunctionCallBehaviour): JsonObject {
  const out = envelope(request, 'completed');
  if (b.shape === 'documented') {
    out['output'] = { type: 'message', id: hexId('msg'), status: 'completed', role: 'assistant', content: { text: b.arguments, type: 'output_text' } };
    return out;
  }
  const calls = [{ name: b.name, arguments: b.arguments }, ...(b.more ?? [])];
  out['output'] = calls.map((c) => ({
    type: 'function_call',
    id: hexId('fc'),
    call_id: hexId('call'),
    name: c.name,
    arguments: c.arguments,
    status: 'completed',
  }));
  out['usage'] = usage(request, calls.map((c) => c.arguments).join(''));
  return out;
}
