/**
 * A stand-in for the Prediction Guard API that follows the vendor's published contract
 * (test/server/spec/*.yaml): POST /responses, GET /models[/{capability}], GET /mcp_servers, GET /mcp_tools,
 * and the standalone checks POST /PII, /injection, /toxicity, /factuality (safety.yaml).
 * A request with `stream: true` is answered with Server-Sent Events in OpenAI's format (streamAnswers.ts).
 * Answers are scripted per path (see behaviours.ts); every request is recorded.
 * A separate control port (controlServer.ts) lets another process script it.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import {
  type Behaviour,
  type ErrorBehaviour,
  type RecordedRequest,
  type SafetyPath,
  type ScriptablePath,
  type TextBehaviour,
  SAFETY_PATHS,
} from './behaviours';
import { functionCallAnswer, mcpAnswer, textAnswer } from './answers';
import { CAPABILITY_PATHS, MCP_SERVERS_ANSWER, MCP_TOOLS_ANSWER, MODELS, modelsAnswer } from './fixtures';
import { sseFrame, textStream, wholeStream, type StreamPlan } from './streamAnswers';
import { closeServer, listen, lowerCaseHeaders, parseBody, readBody, sendJson } from './httpUtil';
import { createResponsesValidator, createSafetyValidators, type RequestValidator } from './specValidator';
import { ScriptMismatch, piiAnswer, scoreAnswer } from './safetyAnswers';
import { Recorder, Script } from './script';
import { createControlServer } from './controlServer';

export type { Behaviour, RecordedRequest } from './behaviours';

export interface StandInOptions {
  /** The API key clients must send as "Authorization: Bearer <token>"; random by default. */
  token?: string;
  /** API port; 0 (default) picks a free one. */
  port?: number;
  /** Control port; 0 (default) picks a free one. */
  controlPort?: number;
}

export interface StandIn {
  baseUrl: string;
  controlUrl: string;
  token: string;
  requests(): RecordedRequest[];
  /** Resolves once `condition` holds for the recorded requests (checked on each new or aborted one); rejects after `timeoutMs`. */
  waitForRequests(condition: (requests: RecordedRequest[]) => boolean, what: string, timeoutMs?: number): Promise<RecordedRequest[]>;
  enqueue(path: string, behaviour: Behaviour): void;
  setDefault(path: string, behaviour: Behaviour): void;
  /** Sends now every answer held back by `delayMs`, and lets streams held at `pauseAfterDeltas` go on. */
  release(): void;
  /** Clears queued behaviours, defaults and recordings. */
  reset(): void;
  /** Stops both servers and ends every open connection, hanging ones included. */
  close(): Promise<void>;
}

export const FORBIDDEN = 'api understands the request but refuses to authorize it';
export const DEFAULT_TEXT = 'Stand-in answer.';
/** What a server that does not stream says to `stream: true` (llama.cpp-like wording). */
export const STREAM_REFUSAL = "'stream' is not supported by this server";

type Route = { key: ScriptablePath; method: 'GET' | 'POST'; capability?: string };

interface Exchange {
  res: ServerResponse;
  entry: RecordedRequest;
  route: Route;
  /** The validated JSON body of a POST; {} elsewhere. */
  request: Record<string, unknown>;
  signal: AbortSignal;
  /** Set when the stand-in itself closes the connection (a scripted cut), so it is not recorded as the client's abort. */
  closing: { byServer: boolean };
  /** Aborted when a test releases held answers (control POST /release). */
  released: AbortSignal;
}

function routeOf(pathname: string): Route | undefined {
  if (pathname === '/responses') return { key: '/responses', method: 'POST' };
  if (pathname === '/models') return { key: '/models', method: 'GET' };
  if (pathname === '/mcp_servers') return { key: '/mcp_servers', method: 'GET' };
  if (pathname === '/mcp_tools') return { key: '/mcp_tools', method: 'GET' };
  const check = SAFETY_PATHS.find((p) => p === pathname);
  if (check !== undefined) return { key: check, method: 'POST' };
  const capability = /^\/models\/([^/]+)$/.exec(pathname)?.[1];
  return capability === undefined ? undefined : { key: '/models', method: 'GET', capability: decodeURIComponent(capability) };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves when `signal` aborts (never otherwise; holds no timer). */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function reply(ex: Exchange, status: number, body: unknown, headers?: Record<string, string>): void {
  ex.entry.answeredStatus = status;
  sendJson(ex.res, status, body, headers);
}

/** The documented answer of the route when nothing is scripted. */
function builtInBody(ex: Exchange): unknown {
  switch (ex.route.key) {
    case '/responses':
      return textAnswer(ex.request, { kind: 'text', text: DEFAULT_TEXT });
    case '/models':
      return modelsAnswer(ex.route.capability);
    case '/mcp_servers':
      return MCP_SERVERS_ANSWER;
    case '/mcp_tools':
      return MCP_TOOLS_ANSWER;
    case '/PII':
      return piiAnswer(ex.request, undefined);
    case '/injection':
    case '/toxicity':
    case '/factuality':
      return scoreAnswer(ex.route.key, ex.request, undefined);
  }
}

function stall(ex: Exchange, afterBytes: number | undefined): void {
  const text = JSON.stringify(builtInBody(ex));
  ex.entry.answeredStatus = 200;
  ex.res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  ex.res.write(text.slice(0, Math.min(afterBytes ?? 16, text.length - 1)));
}

const wantsStream = (ex: Exchange): boolean => ex.request['stream'] === true;

/** Writes the plan's events (waiting `eventDelayMs` before each after the first), then ends, stalls or cuts. */
async function sendStream(ex: Exchange, plan: StreamPlan, eventDelayMs = 0): Promise<void> {
  ex.entry.answeredStatus = 200;
  ex.res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const [i, event] of plan.events.entries()) {
    if (i > 0 && i === plan.pauseAfterEvents) {
      ex.entry.paused = true;
      await aborted(AbortSignal.any([ex.signal, ex.released]));
      ex.entry.paused = false;
    }
    if (i > 0 && eventDelayMs > 0) await sleep(eventDelayMs, ex.signal);
    if (ex.signal.aborted) return;
    ex.res.write(sseFrame(event));
  }
  if (plan.then === 'end') return void ex.res.end();
  if (plan.then === 'cut') {
    // Once what was written has left, close the connection without ending the chunked body.
    ex.closing.byServer = true;
    await new Promise<void>((resolve) => ex.res.write('', () => resolve()));
    ex.res.socket?.end();
  }
  // 'stall': nothing more is sent; the connection stays open until the client gives up.
}

/** A text answer: streamed when the request asks for it (unless scripted not to), else one JSON body. */
/** Writes `body` `times` times, waiting for the socket to drain; stops when the client goes away. */
async function sendRepeated(res: ServerResponse, body: string, times: number): Promise<void> {
  const chunk = Buffer.from(body);
  for (let i = 0; i < times; i++) {
    if (res.destroyed) return;
    if (!res.write(chunk)) {
      await new Promise<void>((resume) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resume();
        };
        res.once('drain', done);
        res.once('close', done);
      });
    }
  }
  if (!res.destroyed) res.end();
}

function sendText(ex: Exchange, b: TextBehaviour): Promise<void> | void {
  const body = textAnswer(ex.request, b);
  if (!wantsStream(ex) || b.stream === false) return reply(ex, 200, body);
  const script = b.stream ?? {};
  const end = script.end ?? (b.status === 'incomplete' ? 'incomplete' : 'completed');
  return sendStream(ex, textStream(body, b.text, { ...script, end }), script.eventDelayMs);
}

/** An answer without text deltas, streamed as created → completed when asked. */
function sendWhole(ex: Exchange, body: Record<string, unknown>): Promise<void> | void {
  return wantsStream(ex) ? sendStream(ex, wholeStream(body)) : reply(ex, 200, body);
}

function errorBody(b: Pick<ErrorBehaviour, 'status' | 'error' | 'shape' | 'errorType' | 'code'>): unknown {
  if (b.shape !== 'openai') return { error: b.error };
  return { error: { code: b.code ?? b.status, message: b.error, type: b.errorType ?? 'invalid_request_error' } };
}

/** GET /models as an OpenAI-compatible server answers it: 404 on a capability path, ids only on /models. */
function openAiModels(ex: Exchange): void {
  if (ex.route.capability !== undefined) return reply(ex, 404, { error: { code: 404, message: 'File Not Found', type: 'not_found_error' } });
  return reply(ex, 200, { object: 'list', data: MODELS.map(({ id, created, owned_by }) => ({ id, object: 'model', created, owned_by })) });
}

async function play(ex: Exchange, b: Behaviour | undefined): Promise<void> {
  if (b === undefined) return ex.route.key === '/responses' ? sendText(ex, { kind: 'text', text: DEFAULT_TEXT }) : reply(ex, 200, builtInBody(ex));
  if ('delayMs' in b && b.delayMs !== undefined && b.delayMs > 0) await sleep(b.delayMs, AbortSignal.any([ex.signal, ex.released]));
  if (ex.signal.aborted) return;
  switch (b.kind) {
    case 'text':
      return sendText(ex, b);
    case 'mcp':
      return sendWhole(ex, mcpAnswer(ex.request, b));
    case 'functionCall':
      return sendWhole(ex, functionCallAnswer(ex.request, b));
    case 'safeguard':
      return reply(ex, 400, { error: b.message });
    case 'error':
      return reply(ex, b.status, errorBody(b));
    case 'refuseStream':
      if (wantsStream(ex)) return reply(ex, 400, errorBody({ status: 400, error: STREAM_REFUSAL, shape: b.shape ?? 'openai' }));
      return sendText(ex, { kind: 'text', text: b.text ?? DEFAULT_TEXT });
    case 'openaiModels':
      return openAiModels(ex);
    case 'raw':
      ex.entry.answeredStatus = b.status;
      ex.res.writeHead(b.status, b.headers ?? {});
      if (b.repeat !== undefined && b.repeat > 1) return sendRepeated(ex.res, b.body, b.repeat);
      return void ex.res.end(b.body);
    case 'redirect':
      ex.entry.answeredStatus = b.status;
      ex.res.writeHead(b.status, { location: b.location, 'content-length': 0 });
      return void ex.res.end();
    case 'hang':
      return;
    case 'stall':
      return stall(ex, b.afterBytes);
    case 'pii':
      try {
        return reply(ex, 200, piiAnswer(ex.request, b));
      } catch (error) {
        if (error instanceof ScriptMismatch) return reply(ex, 500, { error: error.message });
        throw error;
      }
    case 'score':
      if (ex.route.key === '/injection' || ex.route.key === '/toxicity' || ex.route.key === '/factuality')
        return reply(ex, 200, scoreAnswer(ex.route.key, ex.request, b.value));
      return reply(ex, 500, { error: 'stand-in: a score behaviour on a path without a score' });
  }
}

/** 400 message for a request the contract rejects, or undefined when it is acceptable. */
function contractError(route: Route, body: ReturnType<typeof parseBody>, validators: Validators): string | undefined {
  if (route.capability !== undefined && CAPABILITY_PATHS[route.capability] === undefined) {
    return `capability must be one of ${Object.keys(CAPABILITY_PATHS).join(', ')} (got ${JSON.stringify(route.capability)})`;
  }
  const validate = route.key === '/responses' ? validators.responses : isSafetyPath(route.key) ? validators.safety[route.key] : undefined;
  if (validate === undefined) return undefined;
  if (!body.json) return body.value === null ? 'required fields are missing: request body is empty' : 'request body is not valid JSON';
  return validate(body.value);
}

function isSafetyPath(key: ScriptablePath): key is SafetyPath {
  return (SAFETY_PATHS as readonly string[]).includes(key);
}

interface Validators {
  responses: RequestValidator;
  safety: Record<SafetyPath, RequestValidator>;
}

interface ApiContext {
  token: string;
  script: Script;
  recorder: Recorder;
  validators: Validators;
  isClosing(): boolean;
}

async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedAt = Date.now();
  const raw = await readBody(req);
  const bodyReceivedAt = performance.timeOrigin + performance.now();
  const body = parseBody(raw);
  const entry = ctx.recorder.record({
    method: req.method ?? '',
    path: req.url ?? '/',
    headers: lowerCaseHeaders(req.headers),
    body: body.value,
    receivedAt,
    bodyReceivedAt,
  });
  const aborter = new AbortController();
  const closing = { byServer: false };
  res.on('close', () => {
    if (res.writableFinished) return;
    if (!ctx.isClosing() && !closing.byServer) ctx.recorder.markAborted(entry);
    aborter.abort();
  });
  const route = routeOf(new URL(entry.path, 'http://stand-in').pathname);
  const ex: Exchange = {
    res,
    entry,
    route: route ?? { key: '/responses', method: 'POST' },
    request: {},
    signal: aborter.signal,
    closing,
    released: ctx.script.released,
  };
  if (route === undefined) return reply(ex, 404, { error: 'not found' });
  if (req.method !== route.method) return reply(ex, 405, { error: `method ${entry.method} not allowed` }, { allow: route.method });
  if (req.headers.authorization !== `Bearer ${ctx.token}`) return reply(ex, 403, { error: FORBIDDEN });
  const invalid = contractError(route, body, ctx.validators);
  if (invalid !== undefined) {
    entry.validationError = invalid;
    return reply(ex, 400, { error: invalid });
  }
  if (route.method === 'POST') ex.request = body.value as Record<string, unknown>;
  await play(ex, ctx.script.next(route.key));
}

function createApiServer(ctx: ApiContext): Server {
  return createServer((req, res) => {
    handleApi(ctx, req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, { error: `stand-in failure: ${String(error)}` });
    });
  });
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const token = options.token ?? `pg-stand-in-${randomBytes(12).toString('hex')}`;
  const script = new Script();
  const recorder = new Recorder();
  let closing = false;
  const api = createApiServer({
    token,
    script,
    recorder,
    validators: { responses: createResponsesValidator(), safety: createSafetyValidators() },
    isClosing: () => closing,
  });
  const control = createControlServer(script, recorder, token);
  const baseUrl = await listen(api, options.port ?? 0);
  const controlUrl = await listen(control, options.controlPort ?? 0).catch(async (error: unknown) => {
    await closeServer(api);
    throw error;
  });
  return {
    baseUrl,
    controlUrl,
    token,
    requests: () => recorder.all(),
    waitForRequests: (condition, what, timeoutMs) => recorder.waitFor(condition, what, timeoutMs),
    enqueue: (path, b) => script.enqueue(path, b),
    setDefault: (path, b) => script.setDefault(path, b),
    release: () => script.release(),
    reset: () => {
      script.reset();
      recorder.reset();
    },
    close: async () => {
      closing = true;
      await Promise.all([closeServer(api), closeServer(control)]);
    },
  };
}
