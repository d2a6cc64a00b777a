// Runs one fault through the real PredictionGuardClient against loopback servers only, and counts
// what leaked: the sentinel token in errors, log lines, retry notices or requests to another server.
import { createServer as createNetServer } from 'node:net';
import { PredictionGuardClient, type ModelList, type RetryNotice } from '../../src/api/client';
import type { ModelInfo } from '../../src/api/modelsSchema';
import type { ParsedAnswer } from '../../src/api/parseResponse';
import { startStandIn, type StandIn } from '../server/standInServer';
import { listenLoopback, startRawServer, startRecording, trackStandIn, type Tracked } from './servers';
import type { Fault, FaultContext, FaultResult, Injection, Outcome, RecordingServer, RunHandle } from './types';

/** Contains a "/" as base64 keys do, so escaped echoes ("\/") are exercised too. */
export const SENTINEL_TOKEN = 'pg-sentinel/Zq8x4Kt2Rw9vLm3N7yB';
export const REQUEST = { model: 'gpt-oss-120b', input: 'Explain this code.' };
/** What the attacker answers: a valid response, so following a redirect would "succeed". */
export const ATTACKER_ANSWER = {
  id: 'resp_attacker',
  object: 'response',
  status: 'completed',
  output: [{ type: 'message', content: { type: 'output_text', text: 'from the attacker' } }],
};

const DEFAULT_GUARD_MS = 8000;
const SETTLE_MS = 1000;

export interface FaultRig {
  readonly token: string;
  readonly standIn: StandIn;
  readonly attacker: RecordingServer & { reset(): void };
  close(): Promise<void>;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `promise` at most `ms`, leaving no timer behind; true when it settled in time. */
async function settlesWithin(promise: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  if (promise === undefined) return true;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await delay(5);
  }
  return true;
}

function occurrences(text: string, needle: string): number {
  return needle ? text.split(needle).length - 1 : 0;
}

export async function createRig(token: string = SENTINEL_TOKEN): Promise<FaultRig> {
  const standIn = await startStandIn({ token });
  const attacker = await startRecording((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ATTACKER_ANSWER));
  });
  return {
    token,
    standIn,
    attacker: { baseUrl: attacker.baseUrl, requests: attacker.requests, reset: () => void attacker.requests.splice(0) },
    close: async () => void (await Promise.all([standIn.close(), attacker.close()])),
  };
}

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/** The sentinel's occurrences in what the user or the log could see. */
function leaksInOutcome(error: unknown, logLines: readonly string[], notices: readonly RetryNotice[], token: string): number {
  let seen = 0;
  if (error instanceof Error) {
    seen += occurrences(error.message, token);
    const actions = (error as { actions?: unknown }).actions;
    if (actions !== undefined) seen += occurrences(JSON.stringify(actions), token);
  } else if (error !== undefined) {
    seen += occurrences(String(error), token);
  }
  for (const line of logLines) seen += occurrences(line, token);
  for (const notice of notices) seen += occurrences(JSON.stringify(notice), token);
  return seen;
}

export async function runFault(fault: Fault, rig: FaultRig): Promise<FaultResult> {
  rig.standIn.reset();
  rig.attacker.reset();
  const extras: Tracked[] = [];
  const standIns = new Map<string, StandIn>([[rig.standIn.baseUrl, rig.standIn]]);
  const ctx: FaultContext = {
    token: rig.token,
    standIn: rig.standIn,
    attacker: rig.attacker,
    startHttp: async (handler) => {
      const server = await startRecording(handler);
      extras.push(server);
      return server;
    },
    startRaw: async (onRequest) => {
      const server = await startRawServer(onRequest);
      extras.push(server);
      return server;
    },
    startStandIn: async (token) => {
      const standIn = await startStandIn({ token });
      extras.push(trackStandIn(standIn));
      standIns.set(standIn.baseUrl, standIn);
      return standIn;
    },
    closedPortUrl: async () => {
      const server = createNetServer();
      const url = await listenLoopback(server);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return url;
    },
  };
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const started = Date.now();
  try {
    const injection = await fault.inject(ctx);
    const { harnessProblems, ...outcome } = await callClient(injection, rig, standIns);
    const attacker: Tracked = {
      baseUrl: rig.attacker.baseUrl,
      dump: () => rig.attacker.requests.map((r) => JSON.stringify(r)),
      count: () => rig.attacker.requests.length,
      close: async () => undefined,
    };
    const servers: Tracked[] = [trackStandIn(rig.standIn), attacker, ...extras];
    const base = originOf(outcome.baseUrl);
    const others = servers.filter((s) => originOf(s.baseUrl) !== base);
    const baseServer = servers.find((s) => originOf(s.baseUrl) === base);
    const full: Outcome = { ...outcome, baseRequestCount: baseServer?.count() ?? 0 };
    const problems = [...harnessProblems, ...fault.expect(full)];
    if (!full.settled) problems.unshift(`the call was still pending after ${full.elapsedMs} ms (a hanging promise)`);
    for (const reason of unhandled) problems.push(`unhandled rejection: ${String(reason)}`);
    const tokenLeaks =
      leaksInOutcome(full.error, full.logLines, full.notices, rig.token) +
      others.reduce((sum, s) => sum + s.dump().reduce((n, text) => n + occurrences(text, rig.token), 0), 0);
    const remoteFetches = others.reduce((sum, s) => sum + s.count(), 0);
    // Handled: the outcome matched. Leaks and fetches are figures of their own (both fail the run).
    const handled = problems.length === 0;
    if (tokenLeaks > 0) problems.push(`the token leaked ${tokenLeaks} time(s)`);
    if (remoteFetches > 0) problems.push(`${remoteFetches} request(s) reached a server other than the base URL`);
    return { name: fault.name, injected: 1, handled, tokenLeaks, remoteFetches, elapsedMs: Date.now() - started, problems, knownBug: fault.knownBug };
  } catch (error) {
    return {
      name: fault.name,
      injected: 1,
      handled: false,
      tokenLeaks: 0,
      remoteFetches: 0,
      elapsedMs: Date.now() - started,
      problems: [`the harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`],
    };
  } finally {
    await Promise.all(extras.map((s) => s.close()));
    process.off('unhandledRejection', onUnhandled);
  }
}

type CallResult = Omit<Outcome, 'baseRequestCount'> & { readonly harnessProblems: readonly string[] };

async function callClient(injection: Injection, rig: FaultRig, standIns: ReadonlyMap<string, StandIn>): Promise<CallResult> {
  const baseUrl = injection.baseUrl ?? rig.standIn.baseUrl;
  const timeoutSeconds = injection.client?.timeoutSeconds ?? 1;
  const maxRetries = injection.client?.maxRetries ?? 2;
  const logLines: string[] = [];
  const harnessProblems: string[] = [];
  const notices: RetryNotice[] = [];
  const controller = new AbortController();
  if (injection.abortBeforeCall) controller.abort();
  const started = Date.now();
  let abortedAtMs: number | undefined;
  let settled = false;
  let elapsedMs = 0;
  let answer: ParsedAnswer | undefined;
  let models: ModelInfo[] | undefined;
  let modelList: ModelList | undefined;
  const deltas: string[] = [];
  let error: unknown;
  const call = (async () => {
    const client = new PredictionGuardClient({ baseUrl, token: rig.token, timeoutSeconds, maxRetries, ...injection.client }, (line) => logLines.push(line));
    if (injection.call === 'listModels') models = await client.listModels('chat-completion', controller.signal);
    else if (injection.call === 'listModelsFor') modelList = await client.listModelsFor('chat-completion', controller.signal);
    else {
      answer = await client.createResponse(REQUEST, {
        signal: controller.signal,
        onRetry: (notice) => notices.push(notice),
        stream: injection.stream ?? 'off',
        onDelta: (text) => deltas.push(text),
      });
    }
  })()
    .catch((e: unknown) => void (error = e))
    .finally(() => {
      settled = true;
      elapsedMs = Date.now() - started;
    });
  const handle: RunHandle = {
    notices,
    deltas,
    abort: () => {
      abortedAtMs ??= Date.now() - started;
      controller.abort();
    },
    until: (check, ms = 3000) => until(() => settled || check(), ms).then(() => check()),
  };
  const during = injection.during?.(handle).catch((e: unknown) => void harnessProblems.push(`the fault's own step failed: ${String(e)}`));
  if (!(await settlesWithin(call, injection.guardMs ?? DEFAULT_GUARD_MS))) {
    elapsedMs = Date.now() - started;
    controller.abort();
    await settlesWithin(call, 1000);
  }
  await settlesWithin(during, 1000);
  const standIn = standIns.get(originOf(baseUrl));
  const settle = injection.settleUntil ?? ((rs) => rs.every((r) => r.aborted === true || r.answeredStatus !== undefined));
  if (standIn) await until(() => settle(standIn.requests()), SETTLE_MS);
  return {
    token: rig.token,
    baseUrl,
    timeoutSeconds,
    maxRetries,
    settled: settled && elapsedMs <= (injection.guardMs ?? DEFAULT_GUARD_MS),
    answer,
    models,
    modelList,
    deltas,
    error,
    elapsedMs,
    abortedAtMs,
    notices,
    logLines,
    requests: standIn?.requests() ?? [],
    attackerRequests: [...rig.attacker.requests],
    harnessProblems,
  };
}
