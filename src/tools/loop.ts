// The tool loop: send, run the function calls the answer holds (after the user's consent), send the
// conversation with each call and its output, and repeat until the model answers with text. Pure: the
// request, the tools, the consent card and the typed-result prompt are injected, so it is tested in
// plain Node against the stand-in server.
import { type ParsedAnswer } from '../api/parseResponse';
import { inert } from '../core/inertText';
import { type InputItem, type MessageItem } from '../api/requestSchema';
import { isWorkspaceTool, parseToolArguments } from './definitions';
import { describeCall } from './describe';

/** What a round's request input holds: messages, the model's `function_call` items and their outputs. */
export type LoopInputItem = InputItem;

export const MAX_ROUNDS = 8;
/** Calls run per round; the rest are answered "not run" so the conversation stays well formed. */
export const MAX_CALLS_PER_ROUND = 16;
/** UTF-8 bytes of tool output a round sends back (and stores in the chat history). */
export const MAX_ROUND_OUTPUT_BYTES = 256 * 1024;

/**
 * How `tool_choice` is sent in a round: "as-set" (the user's setting) in the first; "after-tools" in
 * later ones (a forcing choice becomes "auto", or the model could never answer); "none" for the last
 * request after max_tool_calls is used up.
 */
export type ToolChoiceStep = 'as-set' | 'after-tools' | 'none';

export interface LoopStep {
  readonly input: readonly LoopInputItem[];
  /** 1-based. */
  readonly round: number;
  readonly toolChoice: ToolChoiceStep;
}

export type SendOutcome<F> =
  { readonly status: 'done'; readonly answer: ParsedAnswer } | { readonly status: 'cancelled' } | { readonly status: 'error'; readonly failure: F };

export interface ToolCall {
  /** The answer's call_id; for a documented-shape call (which has none) one made up here. */
  readonly callId: string;
  readonly name: string;
  readonly arguments: string;
  /** "item": a function_call output item; "documented": a forced call answered as a message (Prediction Guard's example). */
  readonly shape: 'item' | 'documented';
  /** In words: "read `src/app.py`, lines 1–120". */
  readonly description: string;
  /** One of the four workspace tools (else a function the user configured, or unknown). */
  readonly workspace: boolean;
}

export type Consent = 'allow' | 'allowChat' | 'deny';

export type CallOutcome = 'ran' | 'denied' | 'refused' | 'failed' | 'typed' | 'declined' | 'skipped';

export interface CallRecord {
  readonly name: string;
  readonly arguments: string;
  readonly description: string;
  readonly outcome: CallOutcome;
  readonly output: string;
  /** UTF-8 size of the output sent back. */
  readonly bytes: number;
  readonly ms: number;
  readonly round: number;
}

export interface LoopDeps<F> {
  send(step: LoopStep, signal: AbortSignal): Promise<SendOutcome<F>>;
  /** For a workspace tool: a refusal decided before asking (outside, excluded, bad arguments), or undefined. */
  precheck(call: ToolCall): Promise<{ output: string } | undefined>;
  runTool(call: ToolCall, signal: AbortSignal): Promise<{ output: string; refused?: string }>;
  /** Shows the call (the consent card) and waits for the user's choice. Only asked in "ask" mode. */
  consent(call: ToolCall, signal: AbortSignal): Promise<Consent>;
  /** A call to a function the user configured: the result the user typed, or undefined when declined. */
  askResult(call: ToolCall, signal: AbortSignal): Promise<string | undefined>;
  /** Told when a call is about to run (in "allow" mode or after consent) and when it is done. */
  onCall?(record: CallRecord): void;
  now?(): number;
}

export interface LoopOptions {
  /**
   * "ask": each workspace call waits for consent; "allow": they run at once (and are still listed);
   * "off": they were not offered, and a call to one is refused (user functions still get typed results).
   */
  readonly mode: 'ask' | 'allow' | 'off';
  /** True when the user already chose "Allow for this chat". */
  readonly allowedForChat: boolean;
  /** `max_tool_calls` when set. */
  readonly maxToolCalls?: number;
  /** Names of the function tools the user configured (predictionGuard.tools). */
  readonly userFunctions: readonly string[];
  /** The workspace tool `tool_choice` names, if it names one: its documented-shape answer is taken as the call. */
  readonly forcedTool?: string;
  readonly maxRounds?: number;
}

export type LoopResult<F> =
  | {
      readonly status: 'done';
      readonly answer: ParsedAnswer;
      readonly calls: readonly CallRecord[];
      readonly rounds: number;
      readonly allowedForChat: boolean;
      /** Set when the loop stopped at a limit rather than at the model's answer, or a round's cap (calls, output size) was hit. */
      readonly limit?: string;
    }
  | { readonly status: 'cancelled'; readonly calls: readonly CallRecord[] }
  | { readonly status: 'error'; readonly failure: F; readonly calls: readonly CallRecord[]; readonly rounds: number };

export const DENIED = 'the user denied this';
export const DECLINED = 'the user declined to answer this call';

/** The workspace tool a `tool_choice` setting names ({ type: "function", name }), if any. */
export function forcedWorkspaceTool(toolChoice: unknown): string | undefined {
  if (typeof toolChoice !== 'object' || toolChoice === null) return undefined;
  const { type, name } = toolChoice as { type?: unknown; name?: unknown };
  return type === 'function' && typeof name === 'string' && isWorkspaceTool(name) ? name : undefined;
}

/** The `tool_choice` to send for a step, given the user's setting. */
export function toolChoiceFor(step: ToolChoiceStep, setting: unknown): unknown {
  if (step === 'none') return 'none';
  if (step === 'after-tools' && setting !== null && setting !== undefined && setting !== 'none' && setting !== 'auto') return 'auto';
  return setting ?? undefined;
}

class Cancelled extends Error {}

/** Resolves with `promise`, or rejects with Cancelled the moment `signal` aborts (whatever the promise does). */
function orAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A documented-shape forced call: the answer's text is the forced tool's arguments as a JSON object. */
function documentedCall(answer: ParsedAnswer, forcedTool: string | undefined, round: number, mode: LoopOptions['mode']): ToolCall | undefined {
  if (round !== 1 || mode === 'off' || !forcedTool || !isWorkspaceTool(forcedTool) || answer.functionCalls.length > 0) return undefined;
  const text = answer.text.trim();
  if (!text.startsWith('{') || !parseToolArguments(forcedTool, text).ok) return undefined;
  return {
    callId: `documented_${round}`,
    name: forcedTool,
    arguments: text,
    shape: 'documented',
    description: describeCall(forcedTool, text),
    workspace: true,
  };
}

function callsOf(answer: ParsedAnswer, round: number): ToolCall[] {
  return answer.functionCalls.map((c, i) => ({
    callId: c.callId ?? `call_${round}_${i + 1}`,
    name: c.name,
    arguments: c.arguments,
    shape: 'item' as const,
    description: describeCall(c.name, c.arguments),
    workspace: isWorkspaceTool(c.name),
  }));
}

/** The items that carry a call and its result into the next request. */
function itemsFor(call: ToolCall, output: string): LoopInputItem[] {
  if (call.shape === 'item') {
    return [
      { type: 'function_call', call_id: call.callId, name: call.name, arguments: call.arguments },
      { type: 'function_call_output', call_id: call.callId, output },
    ];
  }
  return [
    { role: 'assistant', content: call.arguments },
    { role: 'user', content: `Result of the ${call.name} call with arguments ${call.arguments}:\n\n${output}` },
  ];
}

const bytesOf = (text: string): number => new TextEncoder().encode(text).length;

export async function runToolLoop<F>(
  initial: string | readonly MessageItem[],
  deps: LoopDeps<F>,
  options: LoopOptions,
  signal: AbortSignal,
): Promise<LoopResult<F>> {
  const now = deps.now ?? Date.now;
  const maxRounds = Math.min(options.maxRounds ?? MAX_ROUNDS, MAX_ROUNDS);
  const input: LoopInputItem[] = typeof initial === 'string' ? [{ role: 'user', content: initial }] : [...initial];
  const calls: CallRecord[] = [];
  let allowedForChat = options.allowedForChat;
  let callsMade = 0;
  let toolChoice: ToolChoiceStep = 'as-set';
  let roundBytes = 0;
  const capsHit = new Set<string>();
  const withCaps = (limit?: string): { limit?: string } => {
    const all = [...capsHit, ...(limit ? [limit] : [])];
    return all.length > 0 ? { limit: all.join(' ') } : {};
  };

  const record = (call: ToolCall, outcome: CallOutcome, full: string, started: number, round: number): string => {
    let output = full;
    if (roundBytes + bytesOf(output) > MAX_ROUND_OUTPUT_BYTES) {
      output = `Not sent: this round's tool output passed the limit of ${MAX_ROUND_OUTPUT_BYTES / 1024} KB; ask for less at a time.`;
      capsHit.add(`Tool output past ${MAX_ROUND_OUTPUT_BYTES / 1024} KB in one round was not sent to the model.`);
    }
    roundBytes += bytesOf(output);
    const entry: CallRecord = {
      name: call.name,
      arguments: call.arguments,
      description: call.description,
      outcome,
      output,
      bytes: bytesOf(output),
      ms: now() - started,
      round,
    };
    calls.push(entry);
    deps.onCall?.(entry);
    return output;
  };

  const answerCall = async (call: ToolCall, round: number, index: number): Promise<string> => {
    const started = now();
    if (index >= MAX_CALLS_PER_ROUND) {
      capsHit.add(`The model asked for more than ${MAX_CALLS_PER_ROUND} tool calls in one round; the rest were not run.`);
      return record(call, 'skipped', `Not run: the limit of ${MAX_CALLS_PER_ROUND} calls per round was reached.`, started, round);
    }
    if (options.maxToolCalls !== undefined && callsMade >= options.maxToolCalls) {
      return record(call, 'skipped', `Not run: the limit of ${options.maxToolCalls} tool calls (max_tool_calls) was reached.`, started, round);
    }
    callsMade++;
    if (!call.workspace) {
      if (!options.userFunctions.includes(call.name)) return record(call, 'refused', `Refused: there is no tool named ${call.name}.`, started, round);
      const typed = await orAbort(deps.askResult(call, signal), signal);
      return typed === undefined ? record(call, 'declined', `Not run: ${DECLINED}.`, started, round) : record(call, 'typed', typed, started, round);
    }
    if (options.mode === 'off')
      return record(
        call,
        'refused',
        `Refused: workspace tools are off (predictionGuard.workspaceTools), so there is no tool named ${call.name}.`,
        started,
        round,
      );
    const refusal = await orAbort(deps.precheck(call), signal);
    if (refusal) return record(call, 'refused', refusal.output, started, round);
    if (options.mode === 'ask' && !allowedForChat) {
      const choice = await orAbort(deps.consent(call, signal), signal);
      if (choice === 'deny') return record(call, 'denied', `Not run: ${DENIED}.`, started, round);
      if (choice === 'allowChat') allowedForChat = true;
    }
    const result = await orAbort(deps.runTool(call, signal), signal);
    return record(call, result.refused ? (result.refused === 'failed' ? 'failed' : 'refused') : 'ran', result.output, started, round);
  };

  try {
    for (let round = 1; ; round++) {
      const sent = await orAbort(deps.send({ input: [...input], round, toolChoice }, signal), signal);
      if (sent.status === 'cancelled') return { status: 'cancelled', calls };
      if (sent.status === 'error') return { status: 'error', failure: sent.failure, calls, rounds: round };
      const answer = sent.answer;
      const documented = documentedCall(answer, options.forcedTool, round, options.mode);
      const pending = documented ? [documented] : callsOf(answer, round);
      if (pending.length === 0) return { status: 'done', answer, calls, rounds: round, allowedForChat, ...withCaps() };
      if (toolChoice === 'none') {
        const limit = `The limit of ${options.maxToolCalls ?? 0} tool calls (max_tool_calls) was reached; the model's further calls were not run.`;
        return { status: 'done', answer, calls, rounds: round, allowedForChat, ...withCaps(limit) };
      }
      if (round >= maxRounds) {
        const limit = `Stopped after ${maxRounds} rounds of tool calls: the model asked for more (${pending.map((c) => inert(c.name)).join(', ')}), which were not run.`;
        return { status: 'done', answer, calls, rounds: round, allowedForChat, ...withCaps(limit) };
      }
      roundBytes = 0;
      for (const [index, call] of pending.entries()) input.push(...itemsFor(call, await answerCall(call, round, index)));
      toolChoice = options.maxToolCalls !== undefined && callsMade >= options.maxToolCalls ? 'none' : 'after-tools';
    }
  } catch (error) {
    if (error instanceof Cancelled || signal.aborted) return { status: 'cancelled', calls };
    throw error;
  }
}
