// The shape of a client-level fault: how it is set up against real loopback servers, and what
// outcome counts as handled. Run through the real PredictionGuardClient by harness.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ClientOptions, ModelList, RetryNotice } from '../../src/api/client';
import type { StreamMode } from '../../src/api/streamSupport';
import type { ParsedAnswer } from '../../src/api/parseResponse';
import type { ModelInfo } from '../../src/api/modelsSchema';
import type { RecordedRequest, StandIn } from '../server/standInServer';

/** One request as a raw loopback server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A node:http server on 127.0.0.1 that records what reaches it. */
export interface RecordingServer {
  readonly baseUrl: string;
  readonly requests: readonly SeenRequest[];
}

export type HttpHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** A raw TCP server on 127.0.0.1: `onRequest` gets the socket once a whole HTTP request has arrived. */
export interface RawServer {
  readonly baseUrl: string;
  /** Raw request texts received. */
  readonly requests: readonly string[];
  /** Connections the client (or the server) has closed so far. */
  readonly closedConnections: () => number;
  readonly openedConnections: () => number;
}

export interface FaultContext {
  /** The sentinel API key: it must never appear in an error, a log line or a request to another host. */
  readonly token: string;
  /** The stand-in API (reset before each fault), expecting `token`. The default base URL. */
  readonly standIn: StandIn;
  /** A second loopback server answering a valid response: it must receive nothing. */
  readonly attacker: RecordingServer;
  /** Starts a node:http server on 127.0.0.1, closed after the fault. */
  startHttp(handler: HttpHandler): Promise<RecordingServer>;
  /** Starts a raw TCP server on 127.0.0.1, closed after the fault. */
  startRaw(onRequest: (socket: Socket, request: string) => void): Promise<RawServer>;
  /** Starts another stand-in expecting `token`, closed after the fault. */
  startStandIn(token: string): Promise<StandIn>;
  /** http://127.0.0.1:<port> where nothing listens. */
  closedPortUrl(): Promise<string>;
}

export type ClientTuning = Partial<Pick<ClientOptions, 'timeoutSeconds' | 'maxRetries' | 'headers' | 'maxResponseBytes' | 'idleTimeoutMs'>>;

/** What the client is asked to do while the fault is active. */
export interface Injection {
  /** Default: the stand-in's base URL. */
  readonly baseUrl?: string;
  /** Defaults: timeoutSeconds 1, maxRetries 2. */
  readonly client?: ClientTuning;
  /** Default: createResponse. */
  readonly call?: 'createResponse' | 'listModels' | 'listModelsFor';
  /** createResponse's stream mode (default "off"). */
  readonly stream?: StreamMode;
  /** The signal is aborted before the call. */
  readonly abortBeforeCall?: boolean;
  /** Runs alongside the call, e.g. to cancel it once the server has the request. */
  during?(run: RunHandle): Promise<void>;
  /** After the call settles, wait (≤ 1 s) until this holds for the stand-in's recordings. */
  settleUntil?(requests: readonly RecordedRequest[]): boolean;
  /** How long the call may take before the fault fails as "still pending" (default 8000 ms). */
  readonly guardMs?: number;
}

export interface RunHandle {
  readonly notices: readonly RetryNotice[];
  /** The streamed text so far, each time it grew. */
  readonly deltas: readonly string[];
  abort(): void;
  /** Polls `check` every 5 ms; false when it did not hold within `ms`. */
  until(check: () => boolean, ms?: number): Promise<boolean>;
}

export interface Outcome {
  readonly token: string;
  readonly baseUrl: string;
  readonly timeoutSeconds: number;
  readonly maxRetries: number;
  /** False when the call was still pending at the guard: a hanging promise. */
  readonly settled: boolean;
  readonly answer?: ParsedAnswer;
  readonly models?: readonly ModelInfo[];
  /** What listModelsFor returned. */
  readonly modelList?: ModelList;
  /** The streamed text so far, each time it grew (createResponse with a stream mode). */
  readonly deltas: readonly string[];
  /** Whatever the call threw. */
  readonly error?: unknown;
  readonly elapsedMs: number;
  /** Milliseconds from the start of the call to the abort, when it was aborted by `during`. */
  readonly abortedAtMs?: number;
  readonly notices: readonly RetryNotice[];
  readonly logLines: readonly string[];
  /** What the stand-in at the base URL recorded (empty when the base URL is not a stand-in). */
  readonly requests: readonly RecordedRequest[];
  /** Requests that reached the server at the base URL, whatever kind of server it is. */
  readonly baseRequestCount: number;
  readonly attackerRequests: readonly SeenRequest[];
}

export interface Fault {
  readonly name: string;
  /**
   * A bug in src/ this fault exposes and that is not fixed yet. The runner still counts the fault
   * as not handled; the unit test reports it as TODO, and fails once it passes (remove the marker).
   */
  readonly knownBug?: string;
  inject(ctx: FaultContext): Injection | Promise<Injection>;
  /** The problems with the outcome; none: handled. */
  expect(outcome: Outcome): readonly string[];
}

/** The figures of one fault, as the JSON summary lists them. */
export interface FaultResult {
  readonly name: string;
  readonly injected: 1;
  readonly handled: boolean;
  readonly tokenLeaks: number;
  readonly remoteFetches: number;
  readonly elapsedMs: number;
  readonly problems: readonly string[];
  /** The fault's knownBug marker, when it has one. */
  readonly knownBug?: string;
}
