// Limits on the chat history kept on disk: a size cap per conversation (over it, the oldest turns
// go and a note turn says so), a size cap for the whole history (the least recently used
// conversations go), and a retention in days (older conversations go). Pure.
import * as l10n from '../core/l10n';
import { type Conversation, type Turn } from './conversation';

export const MAX_CONVERSATION_BYTES = 2 * 1024 * 1024;
export const MAX_HISTORY_BYTES = 50 * 1024 * 1024;
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
export const CAP_NOTE_ID = 'history-cap-note';

/** The size a conversation takes in its file. */
export function conversationBytes(conversation: Conversation): number {
  return Buffer.byteLength(JSON.stringify(conversation), 'utf8');
}

function capNote(dropped: number, at: number): Turn {
  const text = l10n.t(
    'Earlier messages of this chat were not kept ({0} removed): a chat is kept up to {1} MB, its latest messages first.',
    dropped,
    MAX_CONVERSATION_BYTES / (1024 * 1024),
  );
  return {
    id: CAP_NOTE_ID,
    prompt: '',
    attachments: [],
    status: 'done',
    startedAt: at,
    safeguards: [],
    answer: { text, model: '', ms: 0, incomplete: false, toolCalls: [] },
  };
}

/** The conversation within `maxBytes`: its latest turns (always the last one), after a note of how many went. */
export function capConversation(conversation: Conversation, maxBytes = MAX_CONVERSATION_BYTES): Conversation {
  if (conversationBytes(conversation) <= maxBytes) return conversation;
  const earlier = conversation.turns.find((t) => t.id === CAP_NOTE_ID);
  const before = earlier ? Number(/\((\d+)/.exec(earlier.answer?.text ?? '')?.[1] ?? 0) : 0;
  const turns = conversation.turns.filter((t) => t.id !== CAP_NOTE_ID);
  let keep = turns.length;
  // The note's own size is small; keep as many of the latest turns as fit beside it.
  const overhead = conversationBytes({ ...conversation, turns: [capNote(turns.length + before, 0)] });
  let bytes = overhead;
  for (let i = turns.length - 1; i >= 0; i--) {
    const size = Buffer.byteLength(JSON.stringify(turns[i]), 'utf8') + 1;
    if (bytes + size > maxBytes && i < turns.length - 1) break;
    bytes += size;
    keep = turns.length - i;
  }
  const kept = turns.slice(turns.length - keep);
  const dropped = turns.length - kept.length + before;
  return { ...conversation, turns: [capNote(dropped, kept[0]?.startedAt ?? conversation.createdAt), ...kept] };
}

/**
 * Of `conversations` (most recently used first), those kept: none older than `retentionDays`
 * (0 keeps them whatever their age), and no more than `maxBytes` in all (the most recent always).
 */
export function withinHistoryCaps(
  conversations: readonly Conversation[],
  now: number,
  retentionDays: number,
  size: (conversation: Conversation) => number,
  maxBytes = MAX_HISTORY_BYTES,
): Conversation[] {
  const oldest = retentionDays > 0 ? now - retentionDays * DAY_MS : -Infinity;
  const kept: Conversation[] = [];
  let total = 0;
  for (const conversation of conversations) {
    if (conversation.updatedAt < oldest) continue;
    total += size(conversation);
    if (kept.length > 0 && total > maxBytes) break;
    kept.push(conversation);
  }
  return kept;
}
