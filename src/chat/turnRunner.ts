// One chat turn through the session: input → answer, or the failure as the chat shows it. Pure: the
// session's `send` is passed in, so a turn's flow (errors, cancel, retries) runs in plain Node.
import { type ParsedAnswer } from '../api/parseResponse';
import { type MessageItem } from '../api/requestSchema';
import { safeguardLabels } from '../api/safeguards';
import { retryText } from '../session/failure';
import { type SendRequest, type SendResult } from '../session/types';
import { type Answer, type TurnError } from './conversation';

export type TurnResult =
  { readonly status: 'done'; readonly answer: Answer } | { readonly status: 'error'; readonly error: TurnError } | { readonly status: 'cancelled' };

export interface TurnDeps {
  send(request: SendRequest): Promise<SendResult>;
}

export interface TurnCallbacks {
  /** A retry wait, in words, to show on the pending turn. */
  readonly onNotice?: (notice: string) => void;
  /** The safeguards the request runs with, once the settings are read ("PII: block"). */
  readonly onSafeguards?: (labels: string[]) => void;
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

/** Sends the conversation and waits for the answer; never throws. */
export async function runTurn(deps: TurnDeps, input: MessageItem[], signal: AbortSignal, callbacks: TurnCallbacks = {}): Promise<TurnResult> {
  const result = await deps.send({
    label: 'Chat',
    input,
    signal,
    onRetry: (notice) => callbacks.onNotice?.(retryText(notice)),
    onModel: (_model, settings) => callbacks.onSafeguards?.(safeguardLabels(settings.params.safeguards)),
  });
  switch (result.status) {
    case 'done':
      return { status: 'done', answer: toAnswer(result.answer, result.model, result.ms) };
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
