// The tool loop over the Session's `send`: each round is one `send` whose body gets the workspace tools
// (next to the user's function and MCP tools) and the round's `tool_choice`. Shared by the chat and Ask
// About Selection. Pure: `send` and the tool hooks (run, consent card or dialog, typed result) are
// passed in, so it runs in plain Node against the stand-in server.
import { type McpCall, type ParsedAnswer } from '../api/parseResponse';
import { type MessageItem, type ResponsesRequest, type ToolChoice } from '../api/requestSchema';
import { type Settings } from '../config/settingsSchema';
import { type Failure, type SendRequest, type SendResult } from '../session/types';
import { WORKSPACE_TOOLS, isWorkspaceTool } from './definitions';
import { forcedWorkspaceTool, runToolLoop, toolChoiceFor, type CallRecord, type LoopDeps, type ToolChoiceStep } from './loop';
import { offeredTools } from './requestTools';
import { type WorkspaceToolMode } from './toolSettings';

/** What runs, shows and asks about the calls: the loop's deps without `send`. */
export type ToolHooks = Omit<LoopDeps<Failure>, 'send' | 'now'>;

export interface ToolSendRequest extends Omit<SendRequest, 'input' | 'adjust'> {
  readonly input: string | readonly MessageItem[];
}

export interface ToolSendOptions {
  /** The settings as the turn starts: which tools are offered, the mode, max_tool_calls, tool_choice. */
  readonly settings: Pick<Settings, 'params' | 'workspaceTools'>;
  /** True once the user chose "Allow for this chat" (or "for this session"). */
  readonly allowedForChat: boolean;
  readonly warn?: (line: string) => void;
  readonly now?: () => number;
}

export type ToolSendResult =
  | {
      readonly status: 'done';
      readonly answer: ParsedAnswer;
      readonly model: string;
      /** The whole loop, every round and call. */
      readonly ms: number;
      readonly settings: Settings;
      readonly calls: readonly CallRecord[];
      /** MCP calls the server made in every round (the final answer's and earlier ones). */
      readonly mcpCalls: readonly McpCall[];
      readonly allowedForChat: boolean;
      readonly limit?: string;
    }
  | { readonly status: 'cancelled'; readonly calls: readonly CallRecord[] }
  | { readonly status: 'error'; readonly failure: Failure; readonly calls: readonly CallRecord[] };

/**
 * The request body for one round: the user's tools as built (MCP authorizations included) without any
 * function that takes a workspace tool's name, plus the workspace tools unless they are off; and the
 * round's `tool_choice` (left out when unset).
 */
export function bodyForRound(body: ResponsesRequest, mode: WorkspaceToolMode, step: ToolChoiceStep, setting: unknown): ResponsesRequest {
  const kept = (body.tools ?? []).filter((tool) => mode === 'off' || !(tool.type === 'function' && isWorkspaceTool(tool.name)));
  const tools = [...kept, ...(mode === 'off' ? [] : WORKSPACE_TOOLS)];
  const next: ResponsesRequest = { ...body };
  if (tools.length > 0) next.tools = tools;
  else delete next.tools;
  const choice = toolChoiceFor(step, setting) as ToolChoice | undefined;
  if (choice === undefined) delete next.tool_choice;
  else next.tool_choice = choice;
  return next;
}

export async function sendWithTools(
  send: (request: SendRequest) => Promise<SendResult>,
  request: ToolSendRequest,
  hooks: ToolHooks,
  options: ToolSendOptions,
): Promise<ToolSendResult> {
  const now = options.now ?? Date.now;
  const { params, workspaceTools } = options.settings;
  const offered = offeredTools(params.tools, workspaceTools);
  for (const problem of offered.problems) options.warn?.(problem);
  const started = now();
  const mcpCalls: McpCall[] = [];
  let last: { model: string; settings: Settings } | undefined;
  const result = await runToolLoop<Failure>(
    request.input,
    {
      ...hooks,
      now,
      async send(step, signal) {
        const sent = await send({
          ...request,
          input: step.input,
          signal,
          adjust: (p, body) => bodyForRound(body, workspaceTools.mode, step.toolChoice, p.toolChoice ?? undefined),
        });
        if (sent.status !== 'done') return sent;
        mcpCalls.push(...sent.answer.mcpCalls);
        last = { model: sent.model, settings: sent.settings };
        return { status: 'done', answer: sent.answer };
      },
    },
    {
      mode: workspaceTools.mode,
      allowedForChat: options.allowedForChat,
      maxToolCalls: params.maxToolCalls ?? undefined,
      userFunctions: offered.userFunctions,
      forcedTool: forcedWorkspaceTool(params.toolChoice),
    },
    request.signal,
  );
  if (result.status !== 'done') return result;
  if (!last) return { status: 'cancelled', calls: result.calls };
  return {
    status: 'done',
    answer: result.answer,
    model: last.model,
    ms: now() - started,
    settings: last.settings,
    calls: result.calls,
    mcpCalls,
    allowedForChat: result.allowedForChat,
    ...(result.limit ? { limit: result.limit } : {}),
  };
}
