// The workspace tools' settings (pure): whether the model may call them and what they never touch.
import * as z from 'zod';

export const WORKSPACE_TOOL_MODES = ['ask', 'allow', 'off'] as const;
export type WorkspaceToolMode = (typeof WORKSPACE_TOOL_MODES)[number];

/** Never read, listed or searched (with whatever `files.exclude` hides added at call time). */
export const DEFAULT_TOOL_EXCLUDES: readonly string[] = [
  '**/.env',
  '**/.env.*',
  '**/*.pem',
  '**/*.key',
  '**/id_rsa*',
  '**/.git/**',
  '**/node_modules/**',
  '**/.vscode/**',
];

export const WorkspaceToolModeSchema = z.enum(WORKSPACE_TOOL_MODES).default('ask');
export const ToolExcludesSchema = z
  .array(z.string().trim().min(1).max(500))
  .max(500)
  .default([...DEFAULT_TOOL_EXCLUDES]);

export interface WorkspaceToolSettings {
  /** `off` in Restricted Mode whatever the setting says (see settingLookup). */
  readonly mode: WorkspaceToolMode;
  /** `predictionGuard.workspaceTools.exclude`: the user's list plus any a trusted workspace adds. */
  readonly exclude: readonly string[];
}
