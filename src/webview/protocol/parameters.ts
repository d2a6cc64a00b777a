// The parameters panel's messages, both ways (zod; shared by the extension and media/parameters).
import * as z from 'zod/mini';
import '../../util/zodEnglish';
import { ApiParametersSchema } from '../../api/parameters';
import { PresetSchema } from '../../core/presets';

export const SAVE_TARGETS = ['user', 'workspace'] as const;
export const SaveTargetSchema = z.enum(SAVE_TARGETS);
export type SaveTarget = z.infer<typeof SaveTargetSchema>;

/** Where a setting's effective value comes from. */
export const SettingSourceSchema = z.enum(['default', 'user', 'workspace']);
export type SettingSource = z.infer<typeof SettingSourceSchema>;

export const ModelOptionSchema = z.object({
  id: z.string(),
  description: z.optional(z.string()),
  maxContextLength: z.optional(z.number()),
  /** Capability names the model has: chat_completion, tool_calling, reasoning, chat_with_image… */
  capabilities: z.array(z.string()),
});
export type ModelOption = z.infer<typeof ModelOptionSchema>;

export const McpServerOptionSchema = z.object({
  serverLabel: z.string(),
  description: z.optional(z.string()),
  tools: z.array(z.string()),
});
export type McpServerOption = z.infer<typeof McpServerOptionSchema>;

const listState = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    status: z.enum(['idle', 'loading', 'ready', 'error']),
    items: z.array(item),
    /** What went wrong and what to do, when status is "error". */
    error: z.optional(z.string()),
  });

export const PanelStateSchema = z.object({
  /** The parameters in effect (settings merged as VS Code merges them). */
  values: ApiParametersSchema,
  /** Setting key (relative to predictionGuard.) → where its value comes from. */
  sources: z.record(z.string(), SettingSourceSchema),
  /** False without a workspace folder or in Restricted Mode: only user settings can be written. */
  workspaceAvailable: z.boolean(),
  baseUrl: z.string(),
  hasApiKey: z.boolean(),
  models: listState(ModelOptionSchema),
  mcpServers: listState(McpServerOptionSchema),
  presets: z.array(PresetSchema),
  /** MCP server labels with an authorization value in secret storage for their current URL (never the value). */
  mcpSecrets: z.array(z.string()),
});
export type PanelState = z.infer<typeof PanelStateSchema>;

export const ParametersToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('save'), values: ApiParametersSchema, target: SaveTargetSchema }),
  z.object({ type: z.literal('refreshModels') }),
  z.object({ type: z.literal('refreshMcpServers') }),
  z.object({ type: z.literal('savePreset'), name: z.string(), values: ApiParametersSchema }),
  z.object({ type: z.literal('renamePreset'), from: z.string(), to: z.string() }),
  z.object({ type: z.literal('deletePreset'), name: z.string() }),
  z.object({ type: z.literal('copyCurl'), values: ApiParametersSchema }),
  // The value is bound to the label and URL (none: a server the gateway knows by its label).
  z.object({ type: z.literal('setMcpSecret'), serverLabel: z.string().check(z.minLength(1)), serverUrl: z.optional(z.string().check(z.minLength(1))) }),
  z.object({ type: z.literal('clearMcpSecret'), serverLabel: z.string().check(z.minLength(1)), serverUrl: z.optional(z.string().check(z.minLength(1))) }),
  z.object({ type: z.literal('setApiKey') }),
  z.object({ type: z.literal('openSettingsJson'), target: SaveTargetSchema }),
]);
export type ParametersToHost = z.infer<typeof ParametersToHostSchema>;

export const ParametersToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: PanelStateSchema }),
  /** A save is answered once: where it went, which keys changed, and the panel's state after it. */
  z.object({ type: z.literal('saved'), target: SaveTargetSchema, written: z.array(z.string()), state: PanelStateSchema }),
  /** The extension refused to save or act: field path → message, or a general message. */
  z.object({
    type: z.literal('rejected'),
    message: z.string(),
    fieldErrors: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
  z.object({ type: z.literal('notice'), message: z.string() }),
]);
export type ParametersToWebview = z.infer<typeof ParametersToWebviewSchema>;

/** The webview's own state, kept across hide/show and reload (parsed on restore). */
export const ParametersViewStateSchema = z.object({
  /** The draft as parameters, present only while every field is valid. */
  draft: z.optional(ApiParametersSchema),
  target: z.optional(SaveTargetSchema),
  /**
   * The form's raw field text, invalid values included (webview-owned: parsed on restore with
   * FormDraftSchema in media/parameters/formModel.ts; anything else is dropped).
   */
  form: z.optional(z.unknown()),
  /** The settings values the draft started from: on restore, tells whether settings changed meanwhile. */
  base: z.optional(ApiParametersSchema),
});
export type ParametersViewState = z.infer<typeof ParametersViewStateSchema>;
