// The workspace tools' settings (pure): whether the model may call them and what they never touch.
import * as z from 'zod/mini';
import '../util/zodEnglish';

export const WORKSPACE_TOOL_MODES = ['ask', 'allow', 'off'] as const;
export type WorkspaceToolMode = (typeof WORKSPACE_TOOL_MODES)[number];

/** Never read, listed or searched (with whatever `files.exclude` hides added at call time). */
export const DEFAULT_TOOL_EXCLUDES: readonly string[] = [
  '**/.env',
  '**/.env.*',
  '**/*.pem',
  '**/*.key',
  '**/id_rsa*',
  '**/id_ed25519*',
  '**/id_ecdsa*',
  '**/.npmrc',
  '**/.netrc',
  '**/.pypirc',
  '**/.git-credentials',
  '**/*.p12',
  '**/*.pfx',
  '**/.aws/**',
  '**/*.tfstate*',
  '**/*.tfvars',
  '**/.envrc',
  '**/credentials.json',
  '**/secrets.*',
  '**/.git/**',
  '**/node_modules/**',
  '**/.vscode/**',
];

export const WorkspaceToolModeSchema = z._default(z.enum(WORKSPACE_TOOL_MODES), 'ask');
export const ToolExcludesSchema = z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))).check(z.maxLength(500)), [
  ...DEFAULT_TOOL_EXCLUDES,
]);

export interface WorkspaceToolSettings {
  /** `off` in Restricted Mode whatever the setting says (see settingLookup). */
  readonly mode: WorkspaceToolMode;
  /** `predictionGuard.workspaceToolsExclude`: the user's list plus any a trusted workspace adds. */
  readonly exclude: readonly string[];
}
