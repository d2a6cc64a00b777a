// Turns a validated /responses answer into what the editor needs: the answer text, tool calls, usage.
import { type OutputItem, type ResponsesResponse, type Usage } from './responseSchema';

export interface FunctionCall {
  readonly callId?: string;
  readonly name: string;
  readonly arguments: string;
}

export interface McpCall {
  readonly serverLabel?: string;
  readonly name?: string;
  readonly arguments?: string;
  readonly output?: string;
  readonly error?: string;
}

export interface ParsedAnswer {
  readonly id?: string;
  readonly model?: string;
  readonly status?: string;
  /** The assistant's text, message items joined with blank lines; '' when there is none. */
  readonly text: string;
  /** A refusal the model gave instead of an answer, if any. */
  readonly refusal?: string;
  readonly functionCalls: readonly FunctionCall[];
  readonly mcpCalls: readonly McpCall[];
  readonly usage?: Usage;
  /** True when the server says the answer was cut short (status "incomplete"). */
  readonly incomplete: boolean;
  /** True when the answer arrived as a stream of events. */
  readonly streamed?: boolean;
}

const TEXT_PART_TYPES = new Set(['output_text', 'text', undefined]);

function isMcpCall(item: OutputItem): boolean {
  return item.type === 'mcp_call' || (item.type?.endsWith('_mcp_call') ?? false);
}

function isMessage(item: OutputItem): boolean {
  return item.type === 'message' || (item.type === undefined && item.content !== undefined && item.content !== null);
}

function partsOf(content: OutputItem['content']): { text: string[]; refusal: string[] } {
  const text: string[] = [];
  const refusal: string[] = [];
  if (content === undefined || content === null) return { text, refusal };
  if (typeof content === 'string') return { text: [content], refusal };
  for (const part of Array.isArray(content) ? content : [content]) {
    if (part.type === 'refusal' && part.refusal !== undefined) refusal.push(part.refusal);
    else if (TEXT_PART_TYPES.has(part.type) && part.text !== undefined) text.push(part.text);
  }
  return { text, refusal };
}

export function parseAnswer(response: ResponsesResponse): ParsedAnswer {
  const items = Array.isArray(response.output) ? response.output : [response.output];
  const texts: string[] = [];
  const refusals: string[] = [];
  const functionCalls: FunctionCall[] = [];
  const mcpCalls: McpCall[] = [];
  for (const item of items) {
    if (item.type === 'function_call' && item.name) {
      functionCalls.push({ callId: item.call_id, name: item.name, arguments: item.arguments ?? '' });
    } else if (isMcpCall(item)) {
      mcpCalls.push({
        serverLabel: item.server_label,
        name: item.name,
        arguments: item.arguments,
        output: item.output ?? undefined,
        error: item.error ?? undefined,
      });
    } else if (isMessage(item)) {
      const { text, refusal } = partsOf(item.content);
      texts.push(...text);
      refusals.push(...refusal);
    }
  }
  return {
    id: response.id,
    model: response.model,
    status: response.status,
    text: texts.join('\n\n'),
    refusal: refusals.length ? refusals.join('\n') : undefined,
    functionCalls,
    mcpCalls,
    usage: response.usage ?? undefined,
    incomplete: response.status === 'incomplete',
  };
}
