// A chat conversation as it is kept in workspace storage. Pure. Parsed with zod on load, so a
// damaged or older store never breaks the view: what does not parse is dropped.
import * as z from 'zod/mini';
import '../util/zodEnglish';
import * as l10n from '../core/l10n';
import { SAFEGUARD_NAMES } from '../api/safeguards';

export const TURN_STATUSES = ['pending', 'done', 'error', 'cancelled'] as const;
export const TOOL_CALL_OUTCOMES = ['ran', 'denied', 'refused', 'failed', 'typed', 'declined', 'skipped'] as const;

/** A tool call listed on an answer: an MCP call the server made, or a call the extension answered. */
export const ToolCallSchema = z.object({
  kind: z.enum(['function', 'mcp']),
  name: z.string(),
  server: z.optional(z.string()),
  arguments: z.string(),
  output: z.optional(z.string()),
  error: z.optional(z.string()),
  /** Calls the extension answered (workspace tools, user functions): the call in words… */
  description: z.optional(z.string()),
  /** …what became of it, the size of the output sent back and how long it took. */
  outcome: z.optional(z.enum(TOOL_CALL_OUTCOMES)),
  bytes: z.optional(z.number().check(z.int(), z.gte(0))),
  ms: z.optional(z.number().check(z.gte(0))),
});
export type ToolCall = z.infer<typeof ToolCallSchema>;

export const UsageSchema = z.object({
  input: z.optional(z.number()),
  output: z.optional(z.number()),
  total: z.optional(z.number()),
});

export const SelectionAttachmentSchema = z.object({
  kind: z.literal('selection'),
  id: z.string().check(z.minLength(1)),
  /** Workspace-relative file name. */
  file: z.string(),
  language: z.string(),
  startLine: z.number().check(z.int(), z.gte(1)),
  endLine: z.number().check(z.int(), z.gte(1)),
  text: z.string(),
});
export type SelectionAttachment = z.infer<typeof SelectionAttachmentSchema>;

/** An image's bytes stay in memory only (they can be megabytes); the store keeps its name and size. */
export const ImageAttachmentSchema = z.object({
  kind: z.literal('image'),
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  mime: z.string(),
  bytes: z.number().check(z.int(), z.gte(0)),
});
export type ImageAttachment = z.infer<typeof ImageAttachmentSchema>;

export const AttachmentSchema = z.discriminatedUnion('kind', [SelectionAttachmentSchema, ImageAttachmentSchema]);
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AnswerSchema = z.object({
  text: z.string(),
  model: z.string(),
  ms: z.number().check(z.gte(0)),
  usage: z.optional(UsageSchema),
  incomplete: z.boolean(),
  refusal: z.optional(z.string()),
  toolCalls: z.array(ToolCallSchema),
  /** The tool loop stopped at a limit (rounds, max_tool_calls): what the user is told. */
  limit: z.optional(z.string()),
  responseId: z.optional(z.string()),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const ErrorActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setApiKey') }),
  z.object({ kind: z.literal('openSetting'), setting: z.string() }),
  z.object({ kind: z.literal('showLog') }),
]);

export const TurnErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  actions: z.array(ErrorActionSchema),
  /** The safeguard that blocked the request, when one did. */
  safeguard: z.optional(z.enum(SAFEGUARD_NAMES)),
});
export type TurnError = z.infer<typeof TurnErrorSchema>;

export const TurnSchema = z.object({
  id: z.string().check(z.minLength(1)),
  prompt: z.string(),
  attachments: z.array(AttachmentSchema),
  status: z.enum(TURN_STATUSES),
  startedAt: z.number(),
  safeguards: z.array(z.string()),
  answer: z.optional(AnswerSchema),
  error: z.optional(TurnErrorSchema),
});
export type Turn = z.infer<typeof TurnSchema>;

export const ConversationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  turns: z.array(TurnSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

const TITLE_LENGTH = 60;

/** "Selection from sample.ts, lines 8–16" style label of an attachment. */
export function attachmentLabel(attachment: Attachment): string {
  if (attachment.kind === 'image') return attachment.name;
  const lines = attachment.startLine === attachment.endLine ? `line ${attachment.startLine}` : `lines ${attachment.startLine}–${attachment.endLine}`;
  return `${attachment.file}, ${lines}`;
}

/** A conversation's title: its first message's first line, shortened; else what it was about. */
export function titleFrom(prompt: string, attachments: readonly Attachment[]): string {
  const line = prompt
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (line) return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line;
  const first = attachments[0];
  return first ? attachmentLabel(first) : l10n.t('New chat');
}

/** A conversation in the history list: what the index keeps, without the turns' contents. */
export const ConversationSummarySchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  updatedAt: z.number(),
  turns: z.number().check(z.int(), z.gte(0)),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;
