// What the webview is told: the stored conversation mapped to the protocol's view types. Pure.
// Selection text and image bytes stay in the extension; the webview gets names and line ranges.
import {
  ANSWER_VIEW_MAX,
  type AnswerView,
  type AttachmentView,
  type FactualityView,
  type PartialMessage,
  type StateMessage,
  type ToolCallView,
  type ToolRequestView,
  type TurnErrorView,
  type TurnView,
} from '../webview/protocol/chat';
import { type Answer, type Attachment, type Conversation, type Turn, type TurnError } from './conversation';
import { SAFEGUARD_NAMES, SAFEGUARDS, type SafeguardName } from '../api/safeguards';
import { actionLabel } from '../session/failure';
import { type ConversationSummary } from './conversation';

/** The safeguard that blocked a turn; for turns stored before the name was kept, from its setting. */
export function safeguardOf(error: TurnError): SafeguardName | undefined {
  if (error.kind !== 'safeguard') return undefined;
  if (error.safeguard) return error.safeguard;
  const settings = error.actions.flatMap((a) => (a.kind === 'openSetting' ? [a.setting] : []));
  return SAFEGUARD_NAMES.find((name) => settings.includes(SAFEGUARDS[name].setting));
}

export function attachmentView(attachment: Attachment): AttachmentView {
  if (attachment.kind === 'image') return { kind: 'image', id: attachment.id, name: attachment.name, bytes: attachment.bytes };
  const { id, file, language, startLine, endLine } = attachment;
  return { kind: 'selection', id, file, language, startLine, endLine };
}

export function errorView(error: TurnError): TurnErrorView {
  const safeguard = safeguardOf(error);
  return {
    kind: error.kind,
    message: error.message,
    safeguard: safeguard ? { name: SAFEGUARDS[safeguard].label, setting: SAFEGUARDS[safeguard].setting } : undefined,
    actions: error.actions.map((action) => ({ label: actionLabel(action.kind) })),
  };
}

export { ANSWER_VIEW_MAX };
/** The protocol's limit on a prompt (a stored one is never longer: the composer sends at most this). */
const PROMPT_VIEW_MAX = 200_000;
/** Tool call arguments and outputs shown in the chat are cut to this many characters. */
export const TOOL_TEXT_VIEW_MAX = 20_000;

/** At most `max` characters of `text`, never ending in half a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function clipOptional(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : clipText(text, max);
}

function toolCallView(call: ToolCallView): ToolCallView {
  return {
    ...call,
    arguments: clipText(call.arguments, TOOL_TEXT_VIEW_MAX),
    output: clipOptional(call.output, TOOL_TEXT_VIEW_MAX),
    error: clipOptional(call.error, TOOL_TEXT_VIEW_MAX),
  };
}

export function answerView(answer: Answer): AnswerView {
  const text = clipText(answer.text, ANSWER_VIEW_MAX);
  return {
    text,
    model: answer.model,
    ms: answer.ms,
    usage: answer.usage,
    incomplete: answer.incomplete,
    refusal: clipOptional(answer.refusal, TOOL_TEXT_VIEW_MAX),
    toolCalls: answer.toolCalls.map(toolCallView),
    limit: clipOptional(answer.limit, 2000),
    ...(text.length < answer.text.length ? { truncated: { shown: text.length, total: answer.text.length } } : {}),
  };
}

/** The running turn's answer so far for the page: past ANSWER_VIEW_MAX only its start, with its length. */
export function partialMessage(turnId: string, textSoFar: string): PartialMessage {
  const text = clipText(textSoFar, ANSWER_VIEW_MAX);
  return { type: 'partial', turnId, text, ...(text.length < textSoFar.length ? { total: textSoFar.length } : {}) };
}

export function turnView(turn: Turn, notice?: string, progress?: readonly ToolCallView[]): TurnView {
  return {
    id: turn.id,
    ...(notice && turn.status === 'pending' ? { notice } : {}),
    ...(progress?.length && turn.status === 'pending' ? { progress: progress.slice(-100).map(toolCallView) } : {}),
    prompt: clipText(turn.prompt, PROMPT_VIEW_MAX),
    attachments: turn.attachments.map(attachmentView),
    status: turn.status,
    startedAt: turn.startedAt,
    safeguards: turn.safeguards,
    answer: turn.answer ? answerView(turn.answer) : undefined,
    error: turn.error ? errorView(turn.error) : undefined,
  };
}

export interface ViewInput {
  readonly conversations: readonly ConversationSummary[];
  readonly current: Conversation;
  readonly running: string | undefined;
  /** A retry wait on the running turn, in words. */
  readonly notice?: string;
  /** The running turn's tool calls so far. */
  readonly progress?: readonly ToolCallView[];
  /** The consent card or result prompt the running turn waits on. */
  readonly toolRequest?: ToolRequestView;
  readonly attachments: readonly Attachment[];
  readonly model: string;
  readonly hasApiKey: boolean;
  readonly safeguards: readonly string[];
  /** The factuality badge of a turn, when the user asked for one (kept in memory, not stored). */
  readonly factuality?: (turnId: string) => FactualityView | undefined;
}

function withFactuality(view: TurnView, factuality: FactualityView | undefined): TurnView {
  return factuality ? { ...view, factuality } : view;
}

/**
 * What the page was sent of the conversation it shows: per turn, the stored turn (turns are replaced,
 * never changed in place) and its factuality badge. The running turn is never recorded: it is sent
 * with each state (its notice and tool calls change while the stored turn does not).
 */
export class SentTurns {
  private conversationId: string | undefined;
  private readonly sent = new Map<string, { readonly turn: Turn; readonly factuality: string }>();

  /** The page loaded anew (or is gone): it has nothing. */
  reset(): void {
    this.conversationId = undefined;
    this.sent.clear();
  }

  /** Whether `turn` must be sent; records it as sent. */
  needs(conversationId: string, turn: Turn, running: boolean, factuality: FactualityView | undefined): boolean {
    if (conversationId !== this.conversationId) {
      this.reset();
      this.conversationId = conversationId;
    }
    if (running) {
      this.sent.delete(turn.id);
      return true;
    }
    const key = factuality ? JSON.stringify(factuality) : '';
    const previous = this.sent.get(turn.id);
    if (previous?.turn === turn && previous.factuality === key) return false;
    this.sent.set(turn.id, { turn, factuality: key });
    return true;
  }
}

/** The state for the page; with `sent`, only the turns it lacks or that changed carry their view. */
export function stateMessage(input: ViewInput, sent?: SentTurns): StateMessage {
  const { current } = input;
  const turns: TurnView[] = [];
  for (const turn of current.turns) {
    const running = turn.id === input.running;
    const factuality = input.factuality?.(turn.id);
    if (sent && !sent.needs(current.id, turn, running, factuality)) continue;
    turns.push(withFactuality(running ? turnView(turn, input.notice, input.progress) : turnView(turn), factuality));
  }
  return {
    type: 'state',
    conversations: input.conversations.map(({ id, title, updatedAt, turns }) => ({ id, title, updatedAt, turns })),
    current: { id: current.id, title: current.title, turnIds: current.turns.map((t) => t.id), turns },
    running: input.running ?? null,
    attachments: input.attachments.map(attachmentView),
    settings: { model: input.model, safeguards: [...input.safeguards] },
    toolRequest: input.toolRequest ?? null,
    hasApiKey: input.hasApiKey,
  };
}
