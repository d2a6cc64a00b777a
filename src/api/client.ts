// The HTTP client for the Prediction Guard API (and OpenAI-compatible Responses servers). Pure: the
// base URL, token and AbortSignal are passed in (requests use Node's global fetch), so it runs (and is tested) in plain Node.
import { createParser } from 'eventsource-parser';
import type * as z from 'zod/mini';
import { checkBaseUrl } from './baseUrl';
import { Deadline } from './deadline';
import {
  PredictionGuardError,
  badResponseError,
  cancelledError,
  errorForStatus,
  firstLine,
  idleTimeoutError,
  streamDeadlineError,
  networkError,
  redact,
  redactError,
  redirectError,
  streamBrokenError,
  streamRefusedError,
  timeoutError,
  tooLargeError,
} from './errors';
import { ModelListSchema, McpServerListSchema, type McpServerInfo, type ModelCapability, type ModelInfo } from './modelsSchema';
import { parseAnswer, type ParsedAnswer } from './parseResponse';
import { typedInput, type ResponsesRequest } from './requestSchema';
import { ResponsesResponseSchema, serverErrorMessage } from './responseSchema';
import { backoffMs, DEFAULT_RETRY_POLICY, retryReason, serverWaitMs, shouldRetry, wait } from './retry';
import { StreamAnswer, type OnDelta } from './streamAnswer';
import { StreamSupport, type StreamMode } from './streamSupport';

export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
/** The longest a streamed answer may take in all, whatever events keep arriving. */
export const STREAM_DEADLINE_MS = 10 * 60_000;
/** How much of a server's error text the log keeps. */
const SERVER_TEXT_LOG_MAX = 20_000;

export interface ClientOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Per attempt: a request that has not fully answered by then is abandoned. */
  readonly timeoutSeconds: number;
  /** Retries of a 408/409/429/5xx answer (default 2). */
  readonly maxRetries?: number;
  /** Extra headers for gateways; never `Authorization`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A body (or stream) larger than this is not read further (default 10 MB). */
  readonly maxResponseBytes?: number;
  /** Once a stream has started: the longest wait between two events (default 60 s). */
  readonly idleTimeoutMs?: number;
  /** The overall limit of a streamed answer (tests); STREAM_DEADLINE_MS by default. */
  readonly streamDeadlineMs?: number;
  /** What is known about each base URL's streaming; hold one for the session (default: one per client). */
  readonly streamSupport?: StreamSupport;
}

/** How one POST /responses goes. */
export interface CreateOptions {
  readonly signal?: AbortSignal;
  /** Told before each wait for a retry (only ever before the first event of a stream). */
  readonly onRetry?: OnRetry;
  /** "auto": stream unless this server has shown it does not; "on": always; "off" (default): never. */
  readonly stream?: StreamMode;
  /** The answer's text so far, each time a streamed piece arrives. */
  readonly onDelta?: OnDelta;
}

/** A model list and whether it was filtered by capability (false: the server has no capability paths). */
export interface ModelList {
  readonly models: ModelInfo[];
  readonly capabilitiesKnown: boolean;
}

export interface RequestLog {
  (line: string): void;
}

/** Told before each wait for a retry, e.g. to show "rate limited (429), retrying in 2 s". */
export interface RetryNotice {
  readonly retry: number;
  readonly maxRetries: number;
  readonly delayMs: number;
  readonly reason: string;
}
export type OnRetry = (notice: RetryNotice) => void;

/** One HTTP exchange: a whole body, or an answer read from an event stream. */
type Exchange = { readonly kind: 'body'; readonly response: Response; readonly text: string } | { readonly kind: 'stream'; readonly answer: ParsedAnswer };

/** What a 2xx answer turned out to be. */
type Outcome = { readonly kind: 'json'; readonly json: unknown } | { readonly kind: 'stream'; readonly answer: ParsedAnswer };

/** A 400 that names `stream`: the server does not take streaming requests. */
class StreamRefusal extends Error {
  constructor(readonly serverError: string) {
    super(serverError);
  }
}

interface StreamHooks {
  readonly onDelta?: OnDelta;
}

export class PredictionGuardClient {
  private readonly baseUrl: string;
  private readonly ownStreamSupport = new StreamSupport();
  /** The MCP authorizations sent so far (see `secrets`). */
  private readonly mcpSecrets = new Set<string>();

  constructor(
    private readonly options: ClientOptions,
    private readonly log: RequestLog = () => undefined,
  ) {
    const checked = checkBaseUrl(options.baseUrl);
    if (!checked.ok) {
      throw new PredictionGuardError('config', checked.reason, [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }]);
    }
    this.baseUrl = checked.url;
  }

  /**
   * POST /responses. `options.stream` decides whether the answer is streamed; either way the promise
   * resolves with the complete answer only (a stream that breaks off gives an error, never half an answer).
   * The older form `(body, signal, onRetry)` is kept.
   */
  async createResponse(body: ResponsesRequest, signalOrOptions?: AbortSignal | CreateOptions, onRetry?: OnRetry): Promise<ParsedAnswer> {
    const options: CreateOptions = isAbortSignal(signalOrOptions) || signalOrOptions === undefined ? { signal: signalOrOptions, onRetry } : signalOrOptions;
    const mode = options.stream ?? 'off';
    const { stream: _ignored, ...rest } = body;
    const request: ResponsesRequest = { ...rest, input: typedInput(body.input) };
    this.rememberMcpSecrets(request);
    if (!this.streamSupport.wants(mode, this.baseUrl)) {
      if (mode === 'auto') this.log(`POST /responses: not streaming (${this.baseUrl} does not stream answers)`);
      return this.answerOf(await this.send('POST', '/responses', request, options.signal, options.onRetry));
    }
    try {
      const outcome = await this.send('POST', '/responses', { ...request, stream: true }, options.signal, options.onRetry, { onDelta: options.onDelta });
      if (outcome.kind === 'stream') {
        this.streamSupport.remember(this.baseUrl, true);
        this.log(`POST /responses: streamed (${outcome.answer.incomplete ? 'incomplete' : 'complete'} answer, ${outcome.answer.text.length} characters)`);
        return outcome.answer;
      }
      if (mode === 'auto') this.streamSupport.remember(this.baseUrl, false);
      this.log(
        `POST /responses: asked for a stream, ${this.baseUrl} answered with one JSON body; ${mode === 'auto' ? 'not streaming from now on' : 'used as the answer'}`,
      );
      return this.answerOf(outcome);
    } catch (error) {
      if (!(error instanceof StreamRefusal)) throw error;
      if (mode === 'on') throw redactError(streamRefusedError(error.serverError), this.secrets);
      this.streamSupport.remember(this.baseUrl, false);
      this.log(
        `POST /responses: ${this.baseUrl} refused stream (400: ${redact(error.serverError, this.secrets)}); sent again without streaming, and not streaming from now on`,
      );
      return this.answerOf(await this.send('POST', '/responses', request, options.signal, options.onRetry));
    }
  }

  /**
   * GET /models/{capability}. A server without capability paths (404 there, as OpenAI-compatible
   * servers answer) is asked GET /models instead, and the list says its capabilities are unknown.
   */
  async listModelsFor(capability: ModelCapability, signal?: AbortSignal): Promise<ModelList> {
    try {
      return { models: await this.getList(`/models/${capability}`, ModelListSchema, signal), capabilitiesKnown: true };
    } catch (error) {
      if (!(error instanceof PredictionGuardError) || error.status !== 404) throw error;
      this.log(`GET /models/${capability} answered 404: listing every model (GET /models), capabilities unknown`);
      return { models: await this.getList('/models', ModelListSchema, signal), capabilitiesKnown: false };
    }
  }

  /** The models of `listModelsFor`, without saying whether they were filtered. */
  async listModels(capability: ModelCapability, signal?: AbortSignal): Promise<ModelInfo[]> {
    return (await this.listModelsFor(capability, signal)).models;
  }

  async listMcpServers(signal?: AbortSignal): Promise<McpServerInfo[]> {
    return this.getList('/mcp_servers', McpServerListSchema, signal);
  }

  private get streamSupport(): StreamSupport {
    return this.options.streamSupport ?? this.ownStreamSupport;
  }

  private answerOf(outcome: Outcome): ParsedAnswer {
    if (outcome.kind === 'stream') return outcome.answer;
    const { json } = outcome;
    const parsed = ResponsesResponseSchema.safeParse(json);
    if (!parsed.success) {
      const id = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : undefined;
      throw redactError(badResponseError(describeIssues(parsed.error), this.baseUrl, id), this.secrets);
    }
    return parseAnswer(parsed.data);
  }

  private async getList<T>(path: string, schema: z.ZodMiniType<{ data: T[] }>, signal?: AbortSignal): Promise<T[]> {
    const outcome = await this.send('GET', path, undefined, signal);
    const json = outcome.kind === 'json' ? outcome.json : undefined;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw redactError(badResponseError(describeIssues(parsed.error), this.baseUrl), this.secrets);
    return parsed.data.data;
  }

  private async send(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal, onRetry?: OnRetry, stream?: StreamHooks): Promise<Outcome> {
    try {
      return await this.sendWithRetries(method, path, body, signal, onRetry, stream);
    } catch (error) {
      if (!(error instanceof PredictionGuardError)) throw error;
      const redacted = redactError(error, this.secrets);
      // The user sees the start of a long server text; the log keeps it (up to a bound).
      if (redacted.serverText) this.log(`${method} ${path}: the server's whole error text: ${redacted.serverText.slice(0, SERVER_TEXT_LOG_MAX)}`);
      throw redacted;
    }
  }

  /** Retries answer statuses only, so always before a stream's first event. */
  private async sendWithRetries(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal?: AbortSignal,
    onRetry?: OnRetry,
    stream?: StreamHooks,
  ): Promise<Outcome> {
    const maxRetries = this.options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries;
    for (let retry = 0; ; retry++) {
      const exchange = await this.attempt(method, path, body, signal, stream);
      if (exchange.kind === 'stream') return exchange;
      const { response, text } = exchange;
      if (retry >= maxRetries || !shouldRetry(response.status, response.headers))
        return { kind: 'json', json: this.interpret(response, text, stream !== undefined) };
      const delayMs = serverWaitMs(response.headers) ?? backoffMs(retry + 1);
      const reason = retryReason(response.status);
      this.log(`${method} ${path}: ${reason}, retry ${retry + 1} of ${maxRetries} in ${delayMs} ms`);
      onRetry?.({ retry: retry + 1, maxRetries, delayMs, reason });
      try {
        await wait(delayMs, signal);
      } catch {
        throw cancelledError();
      }
    }
  }

  /**
   * One HTTP exchange within the timeout: the body read in full (up to the size cap), or — when a
   * stream was asked for and the server sends one — its events read into an answer. The request
   * timeout runs until the first event; then the idle timeout runs between events.
   */
  private async attempt(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal, stream?: StreamHooks): Promise<Exchange> {
    const { timeoutSeconds } = this.options;
    const url = `${this.baseUrl}${path}`;
    const deadline = new Deadline();
    deadline.arm(timeoutSeconds * 1000, 'timeout');
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    const started = Date.now();
    let streaming = false;
    // Serialised once: the log line gives its length, fetch sends it (a 1 MB selection is a 1 MB body).
    const json = body === undefined ? undefined : JSON.stringify(body);
    this.log(`${method} ${url}${json === undefined ? '' : ` (${json.length} bytes${stream ? ', stream' : ''})`}`);
    try {
      if (signal?.aborted) throw cancelledError();
      const response = await fetch(url, {
        method,
        headers: this.headers(body !== undefined, stream !== undefined),
        body: json,
        redirect: 'manual',
        signal: combined,
      });
      if (stream && response.status >= 200 && response.status < 300 && isEventStream(response)) {
        streaming = true;
        deadline.limit(this.streamDeadlineMs);
        this.log(`${method} ${url} → ${response.status} event stream after ${Date.now() - started} ms`);
        const answer = await this.readStream(response, deadline, stream);
        this.log(`${method} ${url}: stream ended after ${Date.now() - started} ms`);
        return { kind: 'stream', answer };
      }
      const text = redact(await this.readBody(response), this.secrets);
      this.log(`${method} ${url} → ${response.status} in ${Date.now() - started} ms`);
      return { kind: 'body', response, text };
    } catch (error) {
      if (error instanceof PredictionGuardError) {
        if (error.kind === 'badResponse') this.log(`${method} ${url}: ${redact(error.message, this.secrets)}`);
        throw error;
      }
      if (signal?.aborted) {
        this.log(`${method} ${url}: cancelled after ${Date.now() - started} ms`);
        throw cancelledError();
      }
      if (deadline.reason === 'timeout') {
        this.log(`${method} ${url}: no ${streaming ? 'first event' : 'answer'} within ${timeoutSeconds} s`);
        throw timeoutError(this.baseUrl, timeoutSeconds);
      }
      if (deadline.reason === 'overall') {
        this.log(`${method} ${url}: the stream ran past its overall limit (${this.streamDeadlineMs} ms)`);
        throw streamDeadlineError(this.baseUrl, Math.round(this.streamDeadlineMs / 100) / 10);
      }
      if (deadline.reason === 'idle') {
        this.log(`${method} ${url}: the stream stalled (nothing for ${this.idleTimeoutMs} ms)`);
        throw idleTimeoutError(this.baseUrl, Math.round(this.idleTimeoutMs / 100) / 10);
      }
      this.log(`${method} ${url} failed: ${redact(String(error), this.secrets)}`);
      throw streaming ? streamBrokenError(error, this.baseUrl) : networkError(error, this.baseUrl);
    } finally {
      deadline.dispose();
    }
  }

  /** The API key and every MCP authorization this client has sent: redacted from all a server says. */
  private get secrets(): string[] {
    return [this.options.token, ...this.mcpSecrets];
  }

  private rememberMcpSecrets(request: ResponsesRequest): void {
    for (const tool of request.tools ?? []) if (tool.type === 'mcp' && tool.authorization) this.mcpSecrets.add(tool.authorization);
  }

  private get maxBytes(): number {
    return this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  private get streamDeadlineMs(): number {
    return this.options.streamDeadlineMs ?? STREAM_DEADLINE_MS;
  }

  private get idleTimeoutMs(): number {
    return this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  }

  /** The body as text, refusing (without reading on) one larger than the cap. */
  private async readBody(response: Response): Promise<string> {
    const max = this.maxBytes;
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > max) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLargeError(this.baseUrl, max);
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw tooLargeError(this.baseUrl, max);
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  }

  /** Reads Server-Sent Events into an answer until its final event, the size cap, or a timeout. */
  private async readStream(response: Response, deadline: Deadline, hooks: StreamHooks): Promise<ParsedAnswer> {
    const answer = new StreamAnswer(this.baseUrl, hooks.onDelta);
    let invalid: unknown;
    // The cap bounds what is kept: the answer's text, and any one event still being received. The
    // events' own wrapping is not counted: a token-by-token stream of a long answer is many times its text.
    let sinceEvent = 0;
    const parser = createParser({
      onEvent: (message) => {
        sinceEvent = 0;
        if (invalid !== undefined || answer.finished) return;
        deadline.arm(this.idleTimeoutMs, 'idle');
        try {
          answer.take(message.event, redact(message.data, this.secrets));
          if (answer.textSoFar.length > this.maxBytes) invalid = tooLargeError(this.baseUrl, this.maxBytes);
        } catch (error) {
          invalid = error;
        }
      },
    });
    if (!response.body) return answer.result();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const max = this.maxBytes;
    let ended = false;
    try {
      while (!answer.finished) {
        const { done, value } = await reader.read();
        if (done) {
          ended = true;
          parser.feed(decoder.decode());
          break;
        }
        sinceEvent += value.byteLength;
        if (sinceEvent > max) throw tooLargeError(this.baseUrl, max);
        parser.feed(decoder.decode(value, { stream: true }));
        if (invalid !== undefined) throw invalid;
      }
    } finally {
      if (!ended) await reader.cancel().catch(() => undefined);
    }
    if (invalid !== undefined) throw invalid;
    return answer.result();
  }

  private headers(hasBody: boolean, stream: boolean): Record<string, string> {
    const extra = Object.fromEntries(Object.entries(this.options.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'authorization'));
    return {
      ...extra,
      Accept: stream ? 'text/event-stream, application/json' : 'application/json',
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      Authorization: `Bearer ${this.options.token}`,
    };
  }

  /** A whole answer: its JSON, or the error it says. `streamAsked`: a 400 naming `stream` is a StreamRefusal. */
  private interpret(response: Response, text: string, streamAsked: boolean): unknown {
    const { status } = response;
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      throw redirectError(status, location && redact(location, this.secrets), this.baseUrl);
    }
    let json: unknown;
    let isJson = true;
    try {
      json = JSON.parse(text);
    } catch {
      isJson = false;
    }
    if (status < 200 || status >= 300) {
      const said = serverErrorMessage(json);
      if (streamAsked && status === 400 && /\bstream/i.test(said ?? text)) throw new StreamRefusal(said ?? firstLine(text));
      throw errorForStatus(status, said, text, this.baseUrl);
    }
    if (!isJson) {
      const line = firstLine(text);
      throw badResponseError(`it is not JSON (status ${status}${line ? `, starting “${line}”` : ', empty body'})`, this.baseUrl);
    }
    return json;
  }

  /** POSTs `body` to `path` with the same retries, timeout, redaction and error mapping, and parses the JSON answer with `schema`. */
  async postJson<T>(path: string, body: unknown, schema: z.ZodMiniType<T>, signal?: AbortSignal, onRetry?: OnRetry): Promise<T> {
    const outcome = await this.send('POST', path, body, signal, onRetry);
    const parsed = schema.safeParse(outcome.kind === 'json' ? outcome.json : undefined);
    if (!parsed.success) throw redactError(badResponseError(describeIssues(parsed.error), this.baseUrl), this.secrets);
    return parsed.data;
  }
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof AbortSignal !== 'undefined' && value instanceof AbortSignal;
}

function isEventStream(response: Response): boolean {
  return /^\s*text\/event-stream/i.test(response.headers.get('content-type') ?? '');
}
