// The extension's settings as one typed, immutable snapshot. Pure: values are read through a
// `lookup` function, so the mapping is unit-tested without VS Code.
import * as z from 'zod/mini';
import '../util/zodEnglish';
import { ApiParametersSchema, SafeguardSettingsSchema, type ApiParameters } from '../api/parameters';
import { ToolExcludesSchema, WorkspaceToolModeSchema, type WorkspaceToolSettings } from '../tools/toolSettings';
import { STREAM_MODES, type StreamMode } from '../api/streamSupport';
import { type ApprovalKey } from './settingLookup';

export const SECTION = 'predictionGuard';
export const DEFAULT_BASE_URL = 'https://api.predictionguard.com';

/** Gateway headers: valid HTTP header names and values; `Authorization` is refused (the key is set by the extension). */
export const RequestHeadersSchema = z
  .record(
    z.string().check(z.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid HTTP header name')),
    z.string().check(z.regex(/^[^\r\n]*$/, 'a header value cannot contain line breaks')),
  )
  .check(
    z.refine((headers) => !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization'), {
      message: 'predictionGuard.requestHeaders cannot set Authorization: the API key is sent by the extension',
    }),
  );

export const PLACEMENTS = ['auto', 'replace', 'insertBelow', 'newDocument'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** How an answer that changes an existing document is applied: shown as a diff to accept first, or written directly. */
export const REVIEW_MODES = ['diff', 'apply'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

/** Where a custom prompt's answer goes (`markdown`: opened as Markdown beside the editor). */
export const PROMPT_PLACEMENTS = ['auto', 'replace', 'insertBelow', 'newDocument', 'markdown'] as const;

export const CustomPromptSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'a prompt needs a name')),
  prompt: z.string().check(z.trim(), z.minLength(1, 'a prompt needs its text')),
  placement: z.optional(z.enum(PROMPT_PLACEMENTS)),
});
export type CustomPrompt = z.infer<typeof CustomPromptSchema>;
/** Where a workspace's values of the approval settings stand (instructions, tools, review…): the status bar shows it. */
export interface WorkspaceUse {
  /** Approved workspace values in use. */
  readonly applied: readonly ApprovalKey[];
  /** Workspace values not decided on yet (not in use). */
  readonly pending: readonly ApprovalKey[];
  /** Workspace values the user chose to ignore. */
  readonly ignored: readonly ApprovalKey[];
}

export const NO_WORKSPACE_VALUES: WorkspaceUse = { applied: [], pending: [], ignored: [] };

export interface Settings {
  readonly baseUrl: string;
  readonly requestTimeoutSeconds: number;
  /** Retries of a rate-limited or failed (408/409/429/5xx) request. */
  readonly maxRetries: number;
  /** Extra HTTP headers for gateways (never Authorization). */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly placement: Placement;
  /** `diff`: changes to a document open as a diff to accept or reject; `apply`: written directly. */
  readonly review: ReviewMode;
  /** Custom prompts; a user's prompt named like a built-in command replaces its prompt text (a workspace's never does). */
  readonly prompts: readonly CustomPrompt[];
  readonly params: ApiParameters;
  /** How many earlier chat turns go with each new chat message (`chat.maxTurns`). */
  readonly chatMaxTurns: number;
  /** Keep chats between sessions (`chat.keepHistory`); false: nothing is written to storage. */
  readonly chatKeepHistory: boolean;
  /** How many chats are kept per workspace (`chat.maxConversations`). */
  readonly chatMaxConversations: number;
  /** Chats unused for longer are removed (`chat.historyRetentionDays`); 0 keeps them whatever their age. */
  readonly chatHistoryRetentionDays: number;
  /** The read-only workspace tools the model may call (`workspaceTools`, `workspaceToolsExclude`). */
  readonly workspaceTools: WorkspaceToolSettings;
  /** Streamed answers: "auto" (where the server streams), "on", "off". */
  readonly stream: StreamMode;
  /** Which workspace values of the approval settings are in use, waiting, or ignored. */
  readonly workspace: WorkspaceUse;
}

export interface SettingsReadResult {
  readonly settings: Settings;
  /** Settings whose value was invalid and replaced by the default: "predictionGuard.temperature: …". */
  readonly problems: readonly string[];
}

/** Each setting key (relative to `predictionGuard.`) and the schema its value must satisfy. */
export const PARAM_KEYS = {
  model: ApiParametersSchema.shape.model,
  instructions: ApiParametersSchema.shape.instructions,
  temperature: ApiParametersSchema.shape.temperature,
  topP: ApiParametersSchema.shape.topP,
  maxOutputTokens: ApiParametersSchema.shape.maxOutputTokens,
  reasoningEffort: ApiParametersSchema.shape.reasoningEffort,
  tools: ApiParametersSchema.shape.tools,
  toolChoice: ApiParametersSchema.shape.toolChoice,
  maxToolCalls: ApiParametersSchema.shape.maxToolCalls,
  parallelToolCalls: ApiParametersSchema.shape.parallelToolCalls,
} as const;

const SAFEGUARD_KEYS = SafeguardSettingsSchema.shape;

/** The schemas of the other settings a trusted workspace may set once the user allows it (and of `model`). */
export const GUARDED_KEYS = {
  model: PARAM_KEYS.model,
  placement: z._default(z.enum(PLACEMENTS), 'auto'),
  review: z._default(z.enum(REVIEW_MODES), 'diff'),
  prompts: z._default(z.array(CustomPromptSchema), []),
  'chat.keepHistory': z._default(z.boolean(), true),
  'chat.maxConversations': z._default(z.number().check(z.int(), z.gte(1), z.lte(1000)), 100),
} as const;

/** Every key this snapshot reads, relative to `predictionGuard.`. */
export const SETTING_KEYS: readonly string[] = [
  'baseUrl',
  'requestTimeoutSeconds',
  'maxRetries',
  'requestHeaders',
  'placement',
  'review',
  'prompts',
  'chat.maxTurns',
  'chat.keepHistory',
  'chat.maxConversations',
  'chat.historyRetentionDays',
  'workspaceTools',
  'workspaceToolsExclude',
  'stream',
  ...Object.keys(PARAM_KEYS),
  ...Object.keys(SAFEGUARD_KEYS).map((k) => `safeguards.${k}`),
];

/** `lookup(key)` returns the effective value of `predictionGuard.<key>`, or undefined when unset. */
export type Lookup = (key: string) => unknown;

export function readSettings(lookup: Lookup, workspace: WorkspaceUse = NO_WORKSPACE_VALUES): SettingsReadResult {
  const problems: string[] = [];
  const field = <T>(key: string, schema: z.ZodMiniType<T>): T => {
    const raw = lookup(key);
    const parsed = schema.safeParse(raw === undefined ? undefined : raw);
    if (parsed.success) return parsed.data;
    problems.push(`${SECTION}.${key}: ${parsed.error.issues[0]?.message ?? 'invalid value'}; using the default`);
    return schema.parse(undefined);
  };

  const params = Object.fromEntries(Object.entries(PARAM_KEYS).map(([key, schema]) => [key, field(key, schema as z.ZodMiniType<unknown>)]));
  const safeguards = Object.fromEntries(
    Object.entries(SAFEGUARD_KEYS).map(([key, schema]) => [key, field(`safeguards.${key}`, schema as z.ZodMiniType<unknown>)]),
  );

  const settings: Settings = {
    baseUrl: field('baseUrl', z._default(z.string().check(z.trim(), z.minLength(1)), DEFAULT_BASE_URL)),
    requestTimeoutSeconds: field('requestTimeoutSeconds', z._default(z.number().check(z.gte(1), z.lte(3600)), 120)),
    maxRetries: field('maxRetries', z._default(z.number().check(z.int(), z.gte(0), z.lte(10)), 2)),
    requestHeaders: field('requestHeaders', z._default(RequestHeadersSchema, {})),
    placement: field('placement', GUARDED_KEYS.placement),
    review: field('review', GUARDED_KEYS.review),
    prompts: field('prompts', GUARDED_KEYS.prompts),
    params: ApiParametersSchema.parse({ ...params, safeguards }),
    chatMaxTurns: field('chat.maxTurns', z._default(z.number().check(z.int(), z.gte(0), z.lte(100)), 10)),
    chatKeepHistory: field('chat.keepHistory', GUARDED_KEYS['chat.keepHistory']),
    chatMaxConversations: field('chat.maxConversations', GUARDED_KEYS['chat.maxConversations']),
    chatHistoryRetentionDays: field('chat.historyRetentionDays', z._default(z.number().check(z.int(), z.gte(0), z.lte(36500)), 30)),
    workspaceTools: {
      mode: field('workspaceTools', WorkspaceToolModeSchema),
      exclude: field('workspaceToolsExclude', ToolExcludesSchema),
    },
    stream: field('stream', z._default(z.enum(STREAM_MODES), 'auto')),
    workspace,
  };
  return { settings, problems };
}
