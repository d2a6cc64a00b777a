// Every way a request can fail, as a message that says what happened and what to do.
// Pure: the VS Code layer turns `action` into a button.
import { SAFEGUARDS, safeguardInSentence, type SafeguardName } from './safeguards';

export type ErrorKind = 'auth' | 'safeguard' | 'badRequest' | 'http' | 'badResponse' | 'network' | 'timeout' | 'cancelled' | 'redirect' | 'config';

/** A follow-up the user can take with one click. */
export type ErrorAction = { readonly kind: 'setApiKey' } | { readonly kind: 'openSetting'; readonly setting: string } | { readonly kind: 'showLog' };

export class PredictionGuardError extends Error {
  override readonly name = 'PredictionGuardError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly actions: readonly ErrorAction[] = [],
    readonly status?: number,
    /** Set when a safeguard blocked the request. */
    readonly safeguard?: SafeguardName,
    /** The server's whole error text, when the message shows only its start (for the log). */
    readonly serverText?: string,
  ) {
    super(message);
  }
}

/** Server error text shown to the user is cut to this many characters; the whole text goes to the log. */
export const SERVER_TEXT_MAX = 300;

/** The server's text as the user sees it: at most SERVER_TEXT_MAX characters (not splitting a surrogate pair). */
export function shownServerText(text: string, max = SERVER_TEXT_MAX): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}… (${text.length - end} more characters in the log)`;
}

/** The full server text to keep on an error, when what the user sees is shortened. */
function longText(...texts: (string | undefined)[]): string | undefined {
  return texts.find((t) => t !== undefined && t.length > SERVER_TEXT_MAX);
}

interface SafeguardRule {
  readonly match: RegExp;
  readonly safeguard: SafeguardName;
  readonly explanation: string;
}

const SAFEGUARD_RULES: readonly SafeguardRule[] = [
  {
    match: /pii detected/i,
    safeguard: 'pii',
    explanation:
      'It found personal information (such as names, e-mail addresses or phone numbers) in what you sent, and PII is set to “block”. Remove it, allow its entity type, or set PII to “replace” to have it masked.',
  },
  {
    match: /prompt injection detected/i,
    safeguard: 'promptInjection',
    explanation:
      'It judged the text you sent to contain instructions aimed at the model (a prompt injection). Check the selection for such text, or turn “Block prompt injection” off.',
  },
  {
    match: /toxicity/i,
    safeguard: 'toxicity',
    explanation: 'The answer failed the toxicity check, so it was withheld. Rephrase the request, or turn the toxicity check off.',
  },
  {
    match: /factuality/i,
    safeguard: 'factuality',
    explanation: 'The answer failed the factuality check, so it was withheld. Give more context, or turn the factuality check off.',
  },
];

/**
 * Replaces every occurrence of the token in server-provided text — as it is, URL-encoded, or
 * JSON-escaped (a "/" written "\/") — so it can never be shown or logged.
 */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), secret.replace(/\//g, '\\/')]);
  let result = text;
  for (const form of forms) result = result.split(form).join('«redacted»');
  return result;
}

/** The same error with the token removed from its message (a last guard before it leaves the client). */
export function redactError(error: PredictionGuardError, secret: string): PredictionGuardError {
  const message = redact(error.message, secret);
  const serverText = error.serverText === undefined ? undefined : redact(error.serverText, secret);
  return message === error.message && serverText === error.serverText
    ? error
    : new PredictionGuardError(error.kind, message, error.actions, error.status, error.safeguard, serverText);
}

/** The first line of a body, trimmed and shortened: enough to recognise a proxy's HTML page. */
export function firstLine(text: string, max = 160): string {
  const line =
    text
      .replace(/<[^>]*>/g, ' ')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** A safeguard block, when the server's message names one. */
function safeguardError(serverError: string, status?: number): PredictionGuardError | undefined {
  const rule = SAFEGUARD_RULES.find((r) => r.match.test(serverError));
  if (!rule) return undefined;
  return new PredictionGuardError(
    'safeguard',
    `Blocked by ${safeguardInSentence(rule.safeguard)} — the server said “${shownServerText(serverError)}”. ${rule.explanation}`,
    [{ kind: 'openSetting', setting: SAFEGUARDS[rule.safeguard].setting }],
    status,
    rule.safeguard,
    longText(serverError),
  );
}

/**
 * Maps an HTTP error answer to a user-facing error. `serverError` is the server's explanation (the
 * `error` text, or the OpenAI error object's `message`), when the body had one.
 */
export function errorForStatus(status: number, serverError: string | undefined, rawBody: string, baseUrl: string): PredictionGuardError {
  const said = shownServerText(serverError ?? firstLine(rawBody));
  const full = longText(serverError);
  if (status === 401 || status === 403) {
    return new PredictionGuardError(
      'auth',
      `Prediction Guard at ${baseUrl} refused the API key (${status}${said ? `: ${said}` : ''}). Set a valid key with “Set API Key”.`,
      [{ kind: 'setApiKey' }],
      status,
      undefined,
      full,
    );
  }
  if (status === 400 && serverError !== undefined) {
    const blocked = safeguardError(serverError, status);
    if (blocked) return blocked;
    return new PredictionGuardError('badRequest', `Prediction Guard rejected the request (400): ${said}`, [{ kind: 'showLog' }], status, undefined, full);
  }
  if (status === 404) {
    return new PredictionGuardError(
      'http',
      `Prediction Guard at ${baseUrl} answered 404 (not found)${said ? `: ${said}` : ''}. Check predictionGuard.baseUrl: it should be the API's root, without /responses.`,
      [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }],
      status,
      undefined,
      full,
    );
  }
  return new PredictionGuardError(
    'http',
    `Prediction Guard at ${baseUrl} answered ${status}${said ? `: ${said}` : ' with no explanation'}.${status >= 500 ? ' The service may be busy or down; try again shortly.' : ''}`,
    [{ kind: 'showLog' }],
    status,
    undefined,
    full,
  );
}

export function redirectError(status: number, location: string | null, baseUrl: string): PredictionGuardError {
  return new PredictionGuardError(
    'redirect',
    `Prediction Guard at ${baseUrl} answered with a redirect (${status}${location ? ` to ${location}` : ''}). Redirects are not followed, so your code and key stay with the configured server. Set predictionGuard.baseUrl to the final address.`,
    [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }],
    status,
  );
}

export function badResponseError(detail: string, baseUrl: string, responseId?: string): PredictionGuardError {
  return new PredictionGuardError(
    'badResponse',
    `The answer from ${baseUrl} does not have the shape of a Prediction Guard response${responseId ? ` (response ${responseId})` : ''}: ${detail}. Nothing was inserted.`,
    [{ kind: 'showLog' }],
  );
}

export function timeoutError(baseUrl: string, seconds: number): PredictionGuardError {
  return new PredictionGuardError(
    'timeout',
    `Prediction Guard at ${baseUrl} did not answer within ${seconds} s. Try again, or raise predictionGuard.requestTimeoutSeconds.`,
    [{ kind: 'openSetting', setting: 'predictionGuard.requestTimeoutSeconds' }],
  );
}

export function cancelledError(): PredictionGuardError {
  return new PredictionGuardError('cancelled', 'The request was cancelled.');
}

/** Finds the most specific code in an error's cause chain: ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET… */
export function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function causeMessage(error: unknown): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    message = current.message || message;
    current = current.cause;
  }
  return message;
}

const CODE_HINTS: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved (DNS is not answering)',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the server closed the connection',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
};

export function networkError(error: unknown, baseUrl: string): PredictionGuardError {
  const code = causeCode(error);
  const detail = code ? `${code}${CODE_HINTS[code] ? `, ${CODE_HINTS[code]}` : ''}` : causeMessage(error) || 'unknown network error';
  return new PredictionGuardError(
    'network',
    `Could not reach Prediction Guard at ${baseUrl} (${detail}). Check predictionGuard.baseUrl, your network and proxy.`,
    [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }],
  );
}

/** "10 MB", "0.5 MB": a byte limit as the user reads it. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : Number(mb.toPrecision(2))} MB`;
}

export function tooLargeError(baseUrl: string, maxBytes: number): PredictionGuardError {
  return new PredictionGuardError(
    'badResponse',
    `The answer from ${baseUrl} was larger than ${megabytes(maxBytes)}, so the rest of it was not read. Nothing was inserted.`,
    [{ kind: 'showLog' }],
  );
}

/** A stream that sent part of an answer, then nothing for `seconds`. */
export function idleTimeoutError(baseUrl: string, seconds: number): PredictionGuardError {
  return new PredictionGuardError(
    'timeout',
    `Prediction Guard at ${baseUrl} stopped sending the answer: nothing arrived for ${seconds} s. The partial answer was not used; try again.`,
    [{ kind: 'showLog' }],
  );
}

/** A stream that closed without its final event (`response.completed`, `response.incomplete` or an error). */
export function streamEndedError(baseUrl: string): PredictionGuardError {
  return new PredictionGuardError(
    'badResponse',
    `The answer from ${baseUrl} ended before it was complete (the stream closed without its final event). The partial answer was not used; nothing was inserted.`,
    [{ kind: 'showLog' }],
  );
}

/** The connection broke while a streamed answer was arriving. */
export function streamBrokenError(error: unknown, baseUrl: string): PredictionGuardError {
  const code = causeCode(error);
  const detail = code ? `${code}${CODE_HINTS[code] ? `, ${CODE_HINTS[code]}` : ''}` : causeMessage(error) || 'the connection closed';
  return new PredictionGuardError(
    'network',
    `The connection to Prediction Guard at ${baseUrl} broke while the answer was arriving (${detail}). The partial answer was not used; try again.`,
    [{ kind: 'showLog' }],
  );
}

/** An `error` or `response.failed` event: a safeguard block when it names one, otherwise the server's message. */
export function streamFailureError(message: string | undefined, code: string | number | undefined, baseUrl: string): PredictionGuardError {
  if (message) {
    const blocked = safeguardError(message);
    if (blocked) return blocked;
  }
  const codeText = code !== undefined && code !== '' && !(message ?? '').includes(String(code)) ? ` (${String(code)})` : '';
  const text = shownServerText(message?.trim() ?? '');
  const said = text ? `: ${/[.!?…)]$/.test(text) ? text : `${text}.`}` : ' and no explanation.';
  return new PredictionGuardError(
    'http',
    `Prediction Guard at ${baseUrl} ended the answer with an error${codeText}${said} Nothing was inserted.`,
    [{ kind: 'showLog' }],
    undefined,
    undefined,
    longText(message?.trim()),
  );
}

/** `stream` was forced on (predictionGuard.stream "on") and the server refused it. */
export function streamRefusedError(serverError: string): PredictionGuardError {
  return new PredictionGuardError(
    'badRequest',
    `Prediction Guard rejected the request (400): ${shownServerText(serverError)}. This server does not stream answers: set predictionGuard.stream to “auto” or “off”.`,
    [{ kind: 'openSetting', setting: 'predictionGuard.stream' }],
    400,
  );
}
