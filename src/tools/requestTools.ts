// Which tools a chat or Ask About Selection request offers: the workspace tools (unless off) next to
// the function and MCP tools the user configured. Pure.
import { type Tool } from '../api/requestSchema';
import { WORKSPACE_TOOLS, isWorkspaceTool } from './definitions';
import { type WorkspaceToolSettings } from './toolSettings';

export interface OfferedTools {
  readonly tools: readonly Tool[];
  /** The user's function tools by name: their calls get a typed result. */
  readonly userFunctions: readonly string[];
  /** A user tool dropped because it has a workspace tool's name: "predictionGuard.tools: …". */
  readonly problems: readonly string[];
}

export function offeredTools(userTools: readonly Tool[], workspace: WorkspaceToolSettings): OfferedTools {
  const problems: string[] = [];
  const kept = userTools.filter((tool) => {
    if (workspace.mode !== 'off' && tool.type === 'function' && isWorkspaceTool(tool.name)) {
      problems.push(`predictionGuard.tools: a function named ${tool.name} is left out; that name is a workspace tool's`);
      return false;
    }
    return true;
  });
  const ours = workspace.mode === 'off' ? [] : WORKSPACE_TOOLS;
  return {
    tools: [...kept, ...ours],
    userFunctions: kept.filter((t) => t.type === 'function').map((t) => (t.type === 'function' ? t.name : '')),
    problems,
  };
}
