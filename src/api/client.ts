// The HTTP client for the Prediction Guard API. Pure: the base URL, token, fetch and AbortSignal
// are passed in, so it runs (and is tested) in plain Node.
import type * as z from 'zod';
import { checkBaseUrl } from './baseUrl';
import {
  PredictionGuardError,
  badResponseError,
  cancelledError,
  errorForStatus,
  firstLine,
  networkError,
  redact,
  redactError,
  redirectError,
  timeoutError,
} from './errors';
import { ModelListSchema, McpServerListSchema, type McpServerInfo, type ModelCapability, type ModelInfo } from './modelsSchema';
import { parseAnswer, type ParsedAnswer } from './parseResponse';
import { type ResponsesRequest } from './requestSchema';
import { ErrorBodySchema, ResponsesResponseSchema } from './responseSchema';
import { backoffMs, DEFAULT_RETRY_POLICY, retryReason, serverWaitMs, shouldRetry, wait } from './retry';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Per attempt: a request that has not fully answered by then is abandoned. */
  readonly timeoutSeconds: number;
  /** Retries of a 408/409/429/5xx answer (default 2). */
  readonly maxRetries?: number;
  readonly fetch?: FetchLike;
  /** Extra headers for gateways; never `Authorization`. */
  readonly headers?: Readonly<Record<string, string>>;
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

interface Answer {
  readonly response: Response;
  readonly text: string;
}

export class PredictionGuardClient {
  private readonly baseUrl: string;

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

  async createResponse(body: ResponsesRequest, signal?: AbortSignal, onRetry?: OnRetry): Promise<ParsedAnswer> {
    const json = await this.send('POST', '/responses', body, signal, onRetry);
    const parsed = ResponsesResponseSchema.safeParse(json);
    if (!parsed.success) {
      const id = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : undefined;
      throw redactError(badResponseError(describeIssues(parsed.error), this.baseUrl, id), this.options.token);
    }
    return parseAnswer(parsed.data);
  }

  async listModels(capability: ModelCapability, signal?: AbortSignal): Promise<ModelInfo[]> {
    return this.getList(`/models/${capability}`, ModelListSchema, signal);
  }

  async listMcpServers(signal?: AbortSignal): Promise<McpServerInfo[]> {
    return this.getList('/mcp_servers', McpServerListSchema, signal);
  }

  private async getList<T>(path: string, schema: z.ZodType<{ data: T[] }>, signal?: AbortSignal): Promise<T[]> {
    const json = await this.send('GET', path, undefined, signal);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw redactError(badResponseError(describeIssues(parsed.error), this.baseUrl), this.options.token);
    return parsed.data.data;
  }

  private async send(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal, onRetry?: OnRetry): Promise<unknown> {
    try {
      return await this.sendWithRetries(method, path, body, signal, onRetry);
    } catch (error) {
      throw error instanceof PredictionGuardError ? redactError(error, this.options.token) : error;
    }
  }

  private async sendWithRetries(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal, onRetry?: OnRetry): Promise<unknown> {
    const maxRetries = this.options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries;
    for (let retry = 0; ; retry++) {
      const { response, text } = await this.attempt(method, path, body, signal);
      if (retry >= maxRetries || !shouldRetry(response.status, response.headers)) return this.interpret(response, text);
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

  /** One HTTP exchange, body read in full, within the timeout. */
  private async attempt(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal): Promise<Answer> {
    const { token, timeoutSeconds } = this.options;
    const url = `${this.baseUrl}${path}`;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutSeconds * 1000);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const started = Date.now();
    this.log(`${method} ${url}${body === undefined ? '' : ` (${JSON.stringify(body).length} bytes)`}`);
    try {
      if (signal?.aborted) throw cancelledError();
      const response = await (this.options.fetch ?? fetch)(url, {
        method,
        headers: this.headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal: combined,
      });
      const text = redact(await response.text(), token);
      this.log(`${method} ${url} → ${response.status} in ${Date.now() - started} ms`);
      return { response, text };
    } catch (error) {
      if (error instanceof PredictionGuardError) throw error;
      if (signal?.aborted) throw cancelledError();
      if (timeout.signal.aborted) throw timeoutError(this.baseUrl, timeoutSeconds);
      this.log(`${method} ${url} failed: ${redact(String(error), token)}`);
      throw networkError(error, this.baseUrl);
    } finally {
      clearTimeout(timer);
    }
  }

  private headers(hasBody: boolean): Record<string, string> {
    const extra = Object.fromEntries(
      Object.entries(this.options.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'authorization'),
    );
    return {
      ...extra,
      Accept: 'application/json',
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      Authorization: `Bearer ${this.options.token}`,
    };
  }

  private interpret(response: Response, text: string): unknown {
    const { status } = response;
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      throw redirectError(status, location && redact(location, this.options.token), this.baseUrl);
    }
    let json: unknown;
    let isJson = true;
    try {
      json = JSON.parse(text);
    } catch {
      isJson = false;
    }
    if (status < 200 || status >= 300) {
      const errorBody = ErrorBodySchema.safeParse(json);
      throw errorForStatus(status, errorBody.success ? errorBody.data.error : undefined, text, this.baseUrl);
    }
    if (!isJson) {
      const line = firstLine(text);
      throw badResponseError(`it is not JSON (status ${status}${line ? `, starting “${line}”` : ', empty body'})`, this.baseUrl);
    }
    return json;
  }

  /** POSTs `body` to `path` with the same retries, timeout, redaction and error mapping, and parses the JSON answer with `schema`. */
  async postJson<T>(path: string, body: unknown, schema: z.ZodType<T>, signal?: AbortSignal, onRetry?: OnRetry): Promise<T> {
    const json = await this.send('POST', path, body, signal, onRetry);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw redactError(badResponseError(describeIssues(parsed.error), this.baseUrl), this.options.token);
    return parsed.data;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}
