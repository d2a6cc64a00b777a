// One chat request: body → answer, or the error as the chat shows it. Pure: the client is passed in,
// so this runs in plain Node against the stand-in server.
import { PredictionGuardError } from '../api/errors';
import { buildRequest, safeguardsBody, type ApiParameters, type McpAuthorizations, type SafeguardSettings } from '../api/parameters';
import { type ParsedAnswer } from '../api/parseResponse';
import { type MessageItem, type ResponsesRequest } from '../api/requestSchema';
import { type Answer, type TurnError } from './conversation';

export interface ResponsesClient {
  createResponse(body: ResponsesRequest, signal?: AbortSignal): Promise<ParsedAnswer>;
}

export type TurnResult =
  | { readonly status: 'done'; readonly answer: Answer }
  | { readonly status: 'error'; readonly error: TurnError }
  | { readonly status: 'cancelled' };

/** The safeguards a request runs with, for the answer's footer: ["PII: block", "toxicity"]. */
export function safeguardLabels(settings: SafeguardSettings): string[] {
  const body = safeguardsBody(settings);
  if (!body) return [];
  const labels: string[] = [];
  if (body.pii) labels.push(`PII: ${body.pii}${body.pii_replace_method ? ` (${body.pii_replace_method})` : ''}`);
  if (body.block_prompt_injection) labels.push('prompt injection');
  if (body.toxicity) labels.push('toxicity');
  if (body.factuality) labels.push('factuality');
  return labels;
}

const SAFEGUARD_NAMES: Readonly<Record<string, string>> = {
  'predictionGuard.safeguards.pii': 'PII',
  'predictionGuard.safeguards.blockPromptInjection': 'Prompt injection',
  'predictionGuard.safeguards.toxicity': 'Toxicity',
  'predictionGuard.safeguards.factuality': 'Factuality',
};

/** For a safeguard block: which safeguard, and the setting that controls it. */
export function safeguardOf(error: TurnError): { name: string; setting: string } | undefined {
  if (error.kind !== 'safeguard') return undefined;
  for (const action of error.actions) {
    if (action.kind === 'openSetting' && SAFEGUARD_NAMES[action.setting]) return { name: SAFEGUARD_NAMES[action.setting] ?? '', setting: action.setting };
  }
  return undefined;
}

export function turnError(error: unknown): TurnError {
  if (error instanceof PredictionGuardError) return { kind: error.kind, message: error.message, actions: [...error.actions] };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unexpected', message: `Prediction Guard: unexpected error: ${message}`, actions: [{ kind: 'showLog' }] };
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

export interface TurnOptions {
  /** Each MCP server's stored authorization (from `connect`). */
  readonly mcpAuthorizations?: McpAuthorizations;
  readonly now?: () => number;
}

/** Sends the conversation and waits for the answer; never throws. */
export async function runTurn(
  client: ResponsesClient,
  params: ApiParameters,
  input: MessageItem[],
  signal: AbortSignal,
  options: TurnOptions = {},
): Promise<TurnResult> {
  const now = options.now ?? Date.now;
  const started = now();
  try {
    const body = buildRequest(params, input, options.mcpAuthorizations);
    const parsed = await client.createResponse(body, signal);
    if (signal.aborted) return { status: 'cancelled' };
    return { status: 'done', answer: toAnswer(parsed, params.model, now() - started) };
  } catch (error) {
    if (signal.aborted || (error instanceof PredictionGuardError && error.kind === 'cancelled')) return { status: 'cancelled' };
    return { status: 'error', error: turnError(error) };
  }
}
