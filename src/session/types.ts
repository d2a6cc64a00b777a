// The request pipeline's contract: what every feature (selection commands, chat, parameters panel,
// review, workspace tools, safety checks) asks of the one Session. Pure types: no `vscode` import.
import { type PredictionGuardClient, type RetryNotice } from '../api/client';
import { type ErrorAction, type ErrorKind } from '../api/errors';
import { type McpConsentMemory } from '../core/mcpConsent';
import { type ApiParameters, type McpAuthorizations } from '../api/parameters';
import { type ParsedAnswer } from '../api/parseResponse';
import { type SafeguardName } from '../api/safeguards';
import { type InputItem, type ResponsesRequest } from '../api/requestSchema';
import { type Settings } from '../config/settingsSchema';

export type { SafeguardName };

/** A failure as every view shows it: what happened, what to do, and which safeguard decided (if one did). */
export interface Failure {
  readonly kind: ErrorKind | 'unexpected';
  readonly message: string;
  readonly actions: readonly ErrorAction[];
  readonly safeguard?: SafeguardName;
}

/** What a feature needs of a client: the real one, or a test double. */
export type ApiClient = Pick<PredictionGuardClient, 'createResponse' | 'listModels' | 'listModelsFor' | 'listMcpServers' | 'postJson'>;

/** What a feature needs to talk to the server: settings as of now, a client holding the key, MCP secrets. */
export interface Connection {
  readonly settings: Settings;
  readonly client: ApiClient;
  /** The stored authorization of each MCP server in the settings' tools (bound to label and URL). */
  readonly mcpAuthorizations: McpAuthorizations;
}

export interface SendRequest {
  /** For the log and progress: "Improve Selection", "Chat". */
  readonly label: string;
  /** A prompt, or a list of items (messages; in the tool loop, function calls and their outputs too). */
  readonly input: string | readonly InputItem[];
  readonly signal: AbortSignal;
  /** Told before each wait for a retry (rate limit or server failure). */
  readonly onRetry?: (notice: RetryNotice) => void;
  /** Changes to the parameters from settings for this request only (e.g. extra tools). */
  readonly adjust?: (params: ApiParameters, body: ResponsesRequest) => ResponsesRequest;
  /** Told once the model is known (after a pick, if one was needed). */
  readonly onModel?: (model: string, settings: Settings) => void;
  /** The answer's text so far, each time a streamed piece arrives (never called when the answer is not streamed). */
  readonly onDelta?: (textSoFar: string) => void;
  /** The conversation's MCP consent (a chat's, or one command run's); absent: this request is asked about alone. */
  readonly mcpConsent?: McpConsentMemory;
}

export type SendResult =
  | { readonly status: 'done'; readonly answer: ParsedAnswer; readonly model: string; readonly ms: number; readonly settings: Settings }
  | { readonly status: 'cancelled' }
  | { readonly status: 'error'; readonly failure: Failure };
