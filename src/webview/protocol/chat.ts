// The chat view's message protocol, shared by the extension and the webview bundle: one zod schema per
// message, discriminated on `type`. Both sides parse everything they receive with these schemas.
// Nothing here can carry the API key: the webview sees conversations, attachments' names and the model.
import * as z from 'zod/mini';
import '../../util/zodEnglish';
import { ConversationSummarySchema, TURN_STATUSES, ToolCallSchema, UsageSchema } from '../../chat/conversation';

export { TURN_STATUSES, TOOL_CALL_OUTCOMES } from '../../chat/conversation';

const Id = z.string().check(z.minLength(1), z.maxLength(100));
const Text = z.string().check(z.maxLength(200_000));

/**
 * An answer longer than this is shown shortened: a complete one with "Open full answer in editor", one
 * still streaming with a note that it is cut (the protocol's limit on any other text is 200,000 characters;
 * a long answer must never make a message unsendable, nor a runaway stream post megabytes per redraw).
 */
export const ANSWER_VIEW_MAX = 100_000;
const AnswerText = z.string().check(z.maxLength(ANSWER_VIEW_MAX));

// ---- What the webview shows --------------------------------------------------------------------

export const AttachmentViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('selection'),
    id: Id,
    file: z.string().check(z.maxLength(2000)),
    language: z.string().check(z.maxLength(100)),
    startLine: z.number().check(z.int(), z.gte(1)),
    endLine: z.number().check(z.int(), z.gte(1)),
  }),
  z.object({ kind: z.literal('image'), id: Id, name: z.string().check(z.maxLength(500)), bytes: z.number().check(z.int(), z.gte(0)) }),
]);
export type AttachmentView = z.infer<typeof AttachmentViewSchema>;

/** A tool call as the view lists it: the stored call, its description bounded. */
export const ToolCallViewSchema = z.extend(ToolCallSchema, { description: z.optional(z.string().check(z.maxLength(2000))) });
export type ToolCallView = z.infer<typeof ToolCallViewSchema>;

export const UsageViewSchema = UsageSchema;

export const AnswerViewSchema = z.object({
  text: AnswerText,
  model: z.string(),
  ms: z.number().check(z.gte(0)),
  usage: z.optional(UsageViewSchema),
  incomplete: z.boolean(),
  refusal: z.optional(z.string()),
  toolCalls: z.array(ToolCallViewSchema),
  /** Set when the tool loop stopped at a limit (rounds, max_tool_calls) rather than at the model's answer. */
  limit: z.optional(z.string().check(z.maxLength(2000))),
  /** Set when `text` is only the start of a longer answer: the whole one opens in an editor ("openFullAnswer"). */
  truncated: z.optional(z.object({ shown: z.number().check(z.int(), z.gte(0)), total: z.number().check(z.int(), z.gte(0)) })),
});
export type AnswerView = z.infer<typeof AnswerViewSchema>;

export const TurnErrorViewSchema = z.object({
  kind: z.string(),
  message: z.string(),
  /** Set when a safeguard blocked the request: which one, and the setting that controls it. */
  safeguard: z.optional(z.object({ name: z.string(), setting: z.string() })),
  /** Follow-ups ("Set API Key", "Open Setting", "Show Log"); the webview sends back their index. */
  actions: z.array(z.object({ label: z.string() })),
});
export type TurnErrorView = z.infer<typeof TurnErrorViewSchema>;

/** The answer's factuality check (POST /factuality), shown as a badge: the score and a word. */
export const FactualityViewSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('checking') }),
  z.object({ status: z.literal('done'), score: z.number().check(z.gte(0), z.lte(1)), level: z.enum(['low', 'medium', 'high']) }),
  z.object({ status: z.literal('error'), message: z.string().check(z.maxLength(2000)) }),
]);
export type FactualityView = z.infer<typeof FactualityViewSchema>;

export const TurnViewSchema = z.object({
  id: Id,
  prompt: Text,
  attachments: z.array(AttachmentViewSchema),
  status: z.enum(TURN_STATUSES),
  startedAt: z.number(),
  /** While pending: a retry wait in words ("rate limited (429), retrying in 2 s (1 of 2)"). */
  notice: z.optional(z.string().check(z.maxLength(500))),
  /** The safeguards that were on for this request, e.g. "PII: block". */
  safeguards: z.array(z.string()),
  answer: z.optional(AnswerViewSchema),
  error: z.optional(TurnErrorViewSchema),
  /** While the turn runs: the tool calls made so far (listed under "Waiting for the answer"). */
  progress: z.optional(z.array(ToolCallViewSchema).check(z.maxLength(100))),
  /** Set once the user asked for a factuality check of the answer. */
  factuality: z.optional(FactualityViewSchema),
});
export type TurnView = z.infer<typeof TurnViewSchema>;

/** A conversation in the history list (the same summary the store keeps, with the view's bounds on the id). */
export const ConversationSummaryViewSchema = z.extend(ConversationSummarySchema, { id: Id });
export type ConversationSummaryView = z.infer<typeof ConversationSummaryViewSchema>;

/**
 * What the running turn waits on from the user: consent for a workspace tool call (Allow / Allow for
 * this chat / Deny), or the result of a call to a function the user configured (typed, or declined).
 */
export const ToolRequestViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('consent'),
    requestId: Id,
    turnId: Id,
    tool: z.string().check(z.maxLength(100)),
    description: z.string().check(z.maxLength(2000)),
    arguments: z.string().check(z.maxLength(20_000)),
  }),
  z.object({
    kind: z.literal('result'),
    requestId: Id,
    turnId: Id,
    tool: z.string().check(z.maxLength(100)),
    description: z.string().check(z.maxLength(2000)),
    arguments: z.string().check(z.maxLength(20_000)),
  }),
]);
export type ToolRequestView = z.infer<typeof ToolRequestViewSchema>;

export const TOOL_CONSENTS = ['allow', 'allowChat', 'deny'] as const;

// ---- Extension → webview -----------------------------------------------------------------------

export const StateMessageSchema = z.object({
  type: z.literal('state'),
  conversations: z.array(ConversationSummaryViewSchema),
  /**
   * The conversation shown: `turnIds` lists all its turns in order; `turns` holds the views of those the
   * page has not been sent yet or that changed (all of them when it was opened or the page loaded), so a
   * new turn in a long conversation costs the same as in a short one.
   */
  current: z.object({ id: Id, title: z.string(), turnIds: z.array(Id), turns: z.array(TurnViewSchema) }),
  /** The turn whose request is running, if any. */
  running: z.nullable(Id),
  /** Attachments for the next message. */
  attachments: z.array(AttachmentViewSchema),
  /** The model and safeguards the next message will use. */
  settings: z.object({ model: z.string(), safeguards: z.array(z.string()) }),
  /** Whether an API key is stored (never the key): without one the welcome view offers Set API Key. */
  hasApiKey: z.boolean(),
  /** A tool call waiting for the user, if any (absent: none). */
  toolRequest: z.optional(z.nullable(ToolRequestViewSchema)),
});
export type StateMessage = z.infer<typeof StateMessageSchema>;

/**
 * The running turn's answer so far, while it streams in (sent throttled; the complete answer comes in a
 * `state`). Past ANSWER_VIEW_MAX characters it carries only the start, and `total` says how long it is.
 */
export const PartialMessageSchema = z.object({
  type: z.literal('partial'),
  turnId: Id,
  text: AnswerText,
  total: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type PartialMessage = z.infer<typeof PartialMessageSchema>;

export const ToWebviewSchema = z.discriminatedUnion('type', [StateMessageSchema, PartialMessageSchema, z.object({ type: z.literal('focusComposer') })]);
export type ToWebview = z.infer<typeof ToWebviewSchema>;

// ---- Webview → extension -----------------------------------------------------------------------

export const CODE_ACTIONS = ['copy', 'insert', 'replace', 'newFile'] as const;
export type CodeActionKind = (typeof CODE_ACTIONS)[number];

export const SETUP_STEPS = ['setApiKey', 'selectModel', 'walkthrough'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const ToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('send'), text: Text }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('retry'), turnId: Id }),
  z.object({ type: z.literal('addSelection') }),
  z.object({ type: z.literal('attachImage') }),
  z.object({ type: z.literal('removeAttachment'), id: Id }),
  /** A link in an answer was clicked: the extension checks it and asks before opening it. */
  z.object({ type: z.literal('openLink'), url: z.string().check(z.minLength(1), z.maxLength(8000)) }),
  /** A code block's action: `block` is its id, `code` the text the webview showed for it (the host acts only when it matches its own). */
  z.object({ type: z.literal('codeAction'), turnId: Id, block: z.number().check(z.int(), z.gte(0)), code: Text, action: z.enum(CODE_ACTIONS) }),
  /** One of a failed turn's follow-ups, by index; the extension knows what each one does. */
  z.object({ type: z.literal('errorAction'), turnId: Id, index: z.number().check(z.int(), z.gte(0)) }),
  /** "Open full answer in editor" on an answer shown shortened: the extension opens the stored answer. */
  z.object({ type: z.literal('openFullAnswer'), turnId: Id }),
  /** "Check factuality" on an answer: the extension checks it against its question and code. */
  z.object({ type: z.literal('checkFactuality'), turnId: Id }),
  /** "Change setting" on a safeguard decision. */
  z.object({ type: z.literal('changeSafeguard'), turnId: Id }),
  z.object({ type: z.literal('newChat') }),
  z.object({ type: z.literal('switchConversation'), id: Id }),
  z.object({ type: z.literal('renameConversation'), id: Id }),
  z.object({ type: z.literal('deleteConversation'), id: Id }),
  /** The user's answer to a consent card; `requestId` must be the pending request's. */
  z.object({ type: z.literal('toolConsent'), requestId: Id, choice: z.enum(TOOL_CONSENTS) }),
  /** The typed result of a user function call; null: declined. */
  z.object({ type: z.literal('toolResult'), requestId: Id, result: z.nullable(z.string().check(z.maxLength(100_000))) }),
  /** The welcome view's buttons: Set API Key, Choose a model, Get Started (the walkthrough). */
  z.object({ type: z.literal('setup'), step: z.enum(SETUP_STEPS) }),
]);
export type ToHost = z.infer<typeof ToHostSchema>;

/** What the webview keeps across hide/show (the draft): parsed when restored. */
export const ChatWebviewStateSchema = z.object({ draft: z.string().check(z.maxLength(200_000)) });
export type ChatWebviewState = z.infer<typeof ChatWebviewStateSchema>;
