// A selection command's flow once its input is gathered: send through the session, then decide where
// the answer goes. Pure: the session's `send`, the placement and the notifications are passed in, so
// the flow (errors, cancel, retries, empty and cut-short answers) is unit-tested in plain Node.
import { PredictionGuardError } from '../api/errors';
import { type ParsedAnswer } from '../api/parseResponse';
import { type MessageItem } from '../api/requestSchema';
import { destinationFor } from '../core/placementText';
import { TASKS, type Destination, type RunnableTask } from '../core/tasks';
import { failureOf, retryText } from '../session/failure';
import { type Failure, type SendRequest, type SendResult } from '../session/types';
import { sendWithTools, type ToolHooks, type ToolSendOptions } from '../tools/sessionLoop';
import * as l10n from '../core/l10n';
import { inert } from '../core/inertText';
import { McpConsentMemory } from '../core/mcpConsent';

export interface TaskFlowDeps<P> {
  send(request: SendRequest): Promise<SendResult>;
  /** Puts the answer text at `destination`. */
  place(destination: Destination, text: string): Promise<P>;
  /** Told of a retry wait, in words ("rate limited (429), retrying in 2 s (1 of 2)"), and of the model once known. */
  progress(message: string): void;
  warn(message: string): void;
  showFailure(failure: Failure): void;
  info(line: string): void;
  /** Told the answer text once it is known to be usable, before it is placed (kept for “Check Factuality of Last Answer”). */
  answered?(text: string): void;
}

export interface TaskFlowRequest {
  readonly task: RunnableTask;
  /** Where the answer goes when the prompt says so (a custom prompt's `placement`); else the placement setting. */
  readonly destination?: Destination;
  readonly input: MessageItem[];
  readonly signal: AbortSignal;
  /** Ask About Selection: the workspace tools' loop (consent by dialog). Absent: one plain request. */
  readonly tools?: { readonly hooks: ToolHooks; readonly options: ToolSendOptions };
  /** This run's MCP consent (each command run is its own conversation); default: a new one. */
  readonly mcpConsent?: McpConsentMemory;
}

export type TaskFlowResult<P> =
  { readonly status: 'placed'; readonly placement: P } | { readonly status: 'cancelled' } | { readonly status: 'failed'; readonly failure: Failure };

export const incompleteWarning = (): string =>
  l10n.t('The answer was cut short (status “incomplete”, perhaps by Max output tokens), so it was opened in a new document instead of changing your code.');

function emptyAnswer(answer: ParsedAnswer): Failure {
  if (answer.refusal) return failureOf(new PredictionGuardError('badResponse', l10n.t('The model declined: {0}', inert(answer.refusal))));
  const calls = answer.functionCalls.length + answer.mcpCalls.length;
  return failureOf(
    new PredictionGuardError(
      'badResponse',
      calls
        ? l10n.t('The model answered with {0} tool call(s) and no text, so there is nothing to insert. Check the tools in your settings.', calls)
        : answer.id
          ? l10n.t("The model's answer ({0}) has no text, so nothing was inserted. Try again.", answer.id)
          : l10n.t("The model's answer has no text, so nothing was inserted. Try again."),
      [{ kind: 'showLog' }],
    ),
  );
}

export async function runTaskFlow<P>(deps: TaskFlowDeps<P>, request: TaskFlowRequest): Promise<TaskFlowResult<P>> {
  const spec = TASKS[request.task];
  const mcpConsent = request.mcpConsent ?? new McpConsentMemory();
  const sendRequest = {
    label: spec.title,
    input: request.input,
    signal: request.signal,
    onRetry: (notice: Parameters<NonNullable<SendRequest['onRetry']>>[0]) => deps.progress(retryText(notice)),
    onModel: (model: string) => deps.progress(`with ${inert(model)}`),
    mcpConsent,
  };
  const result = request.tools
    ? await sendWithTools((r) => deps.send(r), sendRequest, request.tools.hooks, request.tools.options)
    : await deps.send(sendRequest);
  const notice = mcpConsent.takeNotice();
  if (notice) deps.warn(notice);
  if (result.status === 'done' && 'limit' in result && typeof result.limit === 'string') deps.warn(result.limit);
  switch (result.status) {
    case 'cancelled':
      deps.info(`${spec.title}: cancelled; nothing was changed.`);
      return { status: 'cancelled' };
    case 'error':
      deps.showFailure(result.failure);
      return { status: 'failed', failure: result.failure };
    case 'done':
      break;
    default: {
      const never: never = result;
      return never;
    }
  }
  const { answer, settings } = result;
  if (!answer.text.trim()) {
    const failure = emptyAnswer(answer);
    deps.showFailure(failure);
    return { status: 'failed', failure };
  }
  deps.answered?.(answer.text);
  let destination = request.destination ?? destinationFor(request.task, settings.placement);
  if (answer.incomplete && (destination === 'replace' || destination === 'insertBelow')) {
    destination = 'newDocument';
    deps.warn(incompleteWarning());
  }
  return { status: 'placed', placement: await deps.place(destination, answer.text) };
}
