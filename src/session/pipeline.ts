// The request pipeline every feature shares: settings → key → client → model → body → send → answer,
// with cancel, retry notices and logging, and every failure mapped to one `Failure`. Pure: what
// needs VS Code (secret storage, the key prompt, the model picker, the log) is passed in, so the
// whole flow is unit-tested in plain Node.
import { checkBaseUrl } from '../api/baseUrl';
import { PredictionGuardError } from '../api/errors';
import { buildRequest, type McpAuthorizations, type SettingsTool } from '../api/parameters';
import { type ParsedAnswer } from '../api/parseResponse';
import { type Settings } from '../config/settingsSchema';
import { McpConsentMemory, type AskMcpConsent } from '../core/mcpConsent';
import { timingMarks } from '../core/timingMarks';
import { failureOf, noKey, noModel } from './failure';
import { type ApiClient, type Connection, type SendRequest, type SendResult } from './types';

export interface PipelineLog {
  info(line: string): void;
  warn(line: string): void;
  trace(line: string): void;
}

export interface PipelineDeps {
  /** The settings snapshot as of now. */
  settings(): Settings;
  /** The stored key, or the one the user enters now; undefined when they give none. */
  token(baseUrl: string): Promise<string | undefined>;
  createClient(settings: Settings, token: string): ApiClient;
  mcpAuthorizations(tools: readonly SettingsTool[]): Promise<McpAuthorizations>;
  /** Lets the user choose a model (and saves it); undefined when they choose none. */
  pickModel(client: ApiClient, current?: string): Promise<string | undefined>;
  /** Asks whether the model may call a request's MCP servers on its own (once per conversation: see `SendRequest.mcpConsent`). */
  askMcpConsent: AskMcpConsent;
  readonly log: PipelineLog;
  /** Whether trace lines are kept: the request body is serialised for the log only then (default: always). */
  traceEnabled?(): boolean;
  readonly now?: () => number;
}

function usageLine(label: string, answer: ParsedAnswer, model: string, ms: number): string {
  const usage = answer.usage;
  const tokens = usage ? `, ${usage.input_tokens ?? '?'} in / ${usage.output_tokens ?? '?'} out tokens` : '';
  const mode = answer.streamed ? 'streamed' : 'whole';
  return `${label}: answer ${answer.id ?? ''} from ${answer.model ?? model} in ${ms} ms (${mode})${tokens}${answer.incomplete ? ' (incomplete)' : ''}`;
}

function redactedBody(body: unknown): string {
  return JSON.stringify(body, (key, value: unknown) => (key === 'authorization' ? '«redacted»' : value));
}

export class Pipeline {
  private running = 0;

  constructor(private readonly deps: PipelineDeps) {}

  /** How many requests are running now. */
  get busy(): number {
    return this.running;
  }

  /**
   * Settings, key (asked for when missing) and a client. Undefined when the user gives no key. Throws
   * a `PredictionGuardError` for a base URL that is not allowed: it is checked before the key is read.
   */
  async connect(): Promise<Connection | undefined> {
    const settings = this.deps.settings();
    const checked = checkBaseUrl(settings.baseUrl);
    if (!checked.ok) throw new PredictionGuardError('config', checked.reason, [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }]);
    const token = await this.deps.token(settings.baseUrl);
    if (!token) return undefined;
    const client = this.deps.createClient(settings, token);
    return { settings, client, mcpAuthorizations: await this.deps.mcpAuthorizations(settings.params.tools) };
  }

  /** The model from the settings, or the one the user picks now. */
  async resolveModel(connection: Connection): Promise<string | undefined> {
    return connection.settings.params.model || (await this.deps.pickModel(connection.client));
  }

  /** Runs one Responses request end to end. Never throws. */
  async send(request: SendRequest): Promise<SendResult> {
    const { log } = this.deps;
    const now = this.deps.now ?? Date.now;
    const { signal } = request;
    const mark = timingMarks((line) => log.trace(line), request.label, now);
    this.running++;
    try {
      const connection = await this.connect();
      mark('settings, key and client');
      if (!connection) return { status: 'error', failure: noKey() };
      if (signal.aborted) return { status: 'cancelled' };
      const model = await this.resolveModel(connection);
      if (!model) return { status: 'error', failure: noModel() };
      if (signal.aborted) return { status: 'cancelled' };
      const { settings, client, mcpAuthorizations } = connection;
      request.onModel?.(model, settings);
      const params = { ...settings.params, model };
      const built = buildRequest(params, request.input, mcpAuthorizations);
      const adjusted = request.adjust ? request.adjust(params, built) : built;
      // MCP tools run on the server when the model calls them: offered only after the user's consent.
      const body = await (request.mcpConsent ?? new McpConsentMemory()).gate(adjusted, this.deps.askMcpConsent, signal);
      if (signal.aborted) return { status: 'cancelled' };
      mark('request built');
      // A 1 MB selection makes a 1 MB body: serialise it for the log only when trace lines are kept.
      if (this.deps.traceEnabled?.() ?? true) log.trace(`${request.label}: request body: ${redactedBody(body)}`);
      const started = now();
      log.info(`${request.label}: streaming ${settings.stream}${request.onDelta ? ', shown as it arrives' : ', used once complete'}`);
      const answer = await client.createResponse(body, { signal, onRetry: request.onRetry, stream: settings.stream, onDelta: request.onDelta });
      mark('answer parsed');
      if (signal.aborted) return { status: 'cancelled' };
      const ms = now() - started;
      log.info(usageLine(request.label, answer, model, ms));
      return { status: 'done', answer, model, ms, settings };
    } catch (error) {
      if (signal.aborted || (error instanceof PredictionGuardError && error.kind === 'cancelled')) {
        log.info(`${request.label}: cancelled.`);
        return { status: 'cancelled' };
      }
      const failure = failureOf(error);
      log.warn(`${request.label}: ${failure.message}`);
      return { status: 'error', failure };
    } finally {
      this.running--;
    }
  }
}
