// What the webview is told: the stored conversation mapped to the protocol's view types. Pure.
// Selection text and image bytes stay in the extension; the webview gets names and line ranges.
import { type AttachmentView, type StateMessage, type TurnErrorView, type TurnView } from '../webview/protocol/chat';
import { type Attachment, type Conversation, type Turn, type TurnError } from './conversation';
import { type ConversationSummary } from './conversationStore';
import { safeguardOf } from './turnRunner';

const ACTION_LABELS = { setApiKey: 'Set API Key', openSetting: 'Open Setting', showLog: 'Show Log' } as const;

export function attachmentView(attachment: Attachment): AttachmentView {
  if (attachment.kind === 'image') return { kind: 'image', id: attachment.id, name: attachment.name, bytes: attachment.bytes };
  const { id, file, language, startLine, endLine } = attachment;
  return { kind: 'selection', id, file, language, startLine, endLine };
}

export function errorView(error: TurnError): TurnErrorView {
  return {
    kind: error.kind,
    message: error.message,
    safeguard: safeguardOf(error),
    actions: error.actions.map((action) => ({ label: ACTION_LABELS[action.kind] })),
  };
}

export function turnView(turn: Turn): TurnView {
  return {
    id: turn.id,
    prompt: turn.prompt,
    attachments: turn.attachments.map(attachmentView),
    status: turn.status,
    startedAt: turn.startedAt,
    safeguards: turn.safeguards,
    answer: turn.answer
      ? {
          text: turn.answer.text,
          model: turn.answer.model,
          ms: turn.answer.ms,
          usage: turn.answer.usage,
          incomplete: turn.answer.incomplete,
          refusal: turn.answer.refusal,
          toolCalls: turn.answer.toolCalls,
        }
      : undefined,
    error: turn.error ? errorView(turn.error) : undefined,
  };
}

export interface ViewInput {
  readonly conversations: readonly ConversationSummary[];
  readonly current: Conversation;
  readonly running: string | undefined;
  readonly attachments: readonly Attachment[];
  readonly model: string;
  readonly safeguards: readonly string[];
}

export function stateMessage(input: ViewInput): StateMessage {
  return {
    type: 'state',
    conversations: input.conversations.map(({ id, title, updatedAt, turns }) => ({ id, title, updatedAt, turns })),
    current: { id: input.current.id, title: input.current.title, turns: input.current.turns.map(turnView) },
    running: input.running ?? null,
    attachments: input.attachments.map(attachmentView),
    settings: { model: input.model, safeguards: [...input.safeguards] },
  };
}
