// One chat turn through the session: input → answer, or the failure as the chat shows it. Pure: the
// session's `send` is passed in, so a turn's flow (errors, cancel, retries) runs in plain Node.
import { type McpConsentMemory } from '../core/mcpConsent';
import { type ParsedAnswer } from '../api/parseResponse';
import { type MessageItem } from '../api/requestSchema';
import { safeguardLabels } from '../api/safeguards';
import { retryText } from '../session/failure';
import { type SendRequest, type SendResult } from '../session/types';
import { type CallRecord } from '../tools/loop';
import { sendWithTools, type ToolHooks, type ToolSendOptions } from '../tools/sessionLoop';
import { type Answer, type ToolCall, type TurnError } from './conversation';

export type TurnResult =
  | { readonly status: 'done'; readonly answer: Answer; readonly allowedForChat?: boolean }
  | { readonly status: 'error'; readonly error: TurnError }
  | { readonly status: 'cancelled' };

/** The workspace tools for a turn: the hooks that run and ask about calls, and the settings they start from. */
export interface TurnTools {
  readonly hooks: ToolHooks;
  readonly options: ToolSendOptions;
}

export interface TurnDeps {
  send(request: SendRequest): Promise<SendResult>;
}

export interface TurnCallbacks {
  /** A retry wait, in words, to show on the pending turn. */
  readonly onNotice?: (notice: string) => void;
  /** The safeguards the request runs with, once the settings are read ("PII: block"). */
  readonly onSafeguards?: (labels: string[]) => void;
  /** The answer's text so far, while it streams in. */
  readonly onPartial?: (textSoFar: string) => void;
  /** The conversation's MCP consent: asked once per chat. */
  readonly mcpConsent?: McpConsentMemory;
}

/** A call the loop answered, as it stays listed on the answer. */
export function callView(record: CallRecord): ToolCall {
  const { name, arguments: args, output, description, outcome, bytes, ms } = record;
  return { kind: 'function', name, arguments: args, output, description, outcome, bytes, ms };
}

function toAnswer(parsed: ParsedAnswer, model: string, ms: number): Answer {
  const usage = parsed.usage;
  return {
    text: parsed.text,
    model: parsed.model || model,
    ms,
    usage: usage ? { input: usage.input_tokens, output: usage.output_tokens, total: usage.total_tokens } : undefined,
    incomplete: parsed.incomplete,
    refusal: parsed.refusal,
    toolCalls: [
      ...parsed.functionCalls.map((call) => ({ kind: 'function' as const, name: call.name, arguments: call.arguments })),
      ...parsed.mcpCalls.map((call) => ({
        kind: 'mcp' as const,
        name: call.name ?? 'tool',
        server: call.serverLabel,
        arguments: call.arguments ?? '',
        output: call.output,
        error: call.error,
      })),
    ],
    responseId: parsed.id,
  };
}

/**
 * Sends the conversation and waits for the answer; never throws. With `tools`, the tool loop runs:
 * the calls it answered are listed on the answer (before the final answer's MCP calls and any calls
 * left unanswered at a limit).
 */
/** The answer with the MCP consent notice, when one is due, after any limit. */
function withNotice(answer: Answer, consent: McpConsentMemory | undefined): Answer {
  const notice = consent?.takeNotice();
  return notice ? { ...answer, limit: answer.limit ? `${answer.limit} ${notice}` : notice } : answer;
}

export async function runTurn(
  deps: TurnDeps,
  input: MessageItem[],
  signal: AbortSignal,
  callbacks: TurnCallbacks = {},
  tools?: TurnTools,
): Promise<TurnResult> {
  const request = {
    label: 'Chat',
    input,
    signal,
    onRetry: (notice: Parameters<NonNullable<SendRequest['onRetry']>>[0]) => callbacks.onNotice?.(retryText(notice)),
    onModel: (_model: string, settings: Parameters<NonNullable<SendRequest['onModel']>>[1]) =>
      callbacks.onSafeguards?.(safeguardLabels(settings.params.safeguards)),
    onDelta: callbacks.onPartial,
    mcpConsent: callbacks.mcpConsent,
  };
  if (tools) {
    const looped = await sendWithTools((r) => deps.send(r), request, tools.hooks, tools.options);
    switch (looped.status) {
      case 'done': {
        const answer = toAnswer({ ...looped.answer, mcpCalls: looped.mcpCalls }, looped.model, looped.ms);
        const toolCalls = [...looped.calls.map(callView), ...answer.toolCalls];
        const full = { ...answer, toolCalls, ...(looped.limit ? { limit: looped.limit } : {}) };
        return { status: 'done', answer: withNotice(full, callbacks.mcpConsent), allowedForChat: looped.allowedForChat };
      }
      case 'cancelled':
        return { status: 'cancelled' };
      case 'error':
        return { status: 'error', error: { ...looped.failure, actions: [...looped.failure.actions] } };
      default: {
        const never: never = looped;
        return never;
      }
    }
  }
  const result = await deps.send(request);
  switch (result.status) {
    case 'done':
      return { status: 'done', answer: withNotice(toAnswer(result.answer, result.model, result.ms), callbacks.mcpConsent) };
    case 'cancelled':
      return { status: 'cancelled' };
    case 'error':
      return { status: 'error', error: { ...result.failure, actions: [...result.failure.actions] } };
    default: {
      const never: never = result;
      return never;
    }
  }
}
