// Every way a request can fail, as a message that says what happened and what to do.
// Pure: the VS Code layer turns `action` into a button.
import * as l10n from '../core/l10n';
import { inert } from '../core/inertText';
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

/**
 * The server's text as the user sees it: at most SERVER_TEXT_MAX characters (not splitting a
 * surrogate pair), made inert (a notification would turn its `[x](command:…)` into a live link).
 */
export function shownServerText(text: string, max = SERVER_TEXT_MAX): string {
  if (text.length <= max) return inert(text);
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${inert(text.slice(0, end).trimEnd())}… ${l10n.t('({0} more characters in the log)', text.length - end)}`;
}

/** The full server text to keep on an error, when what the user sees is shortened. */
function longText(...texts: (string | undefined)[]): string | undefined {
  return texts.find((t) => t !== undefined && t.length > SERVER_TEXT_MAX);
}

interface SafeguardRule {
  readonly match: RegExp;
  readonly safeguard: SafeguardName;
  readonly explanation: () => string;
}

const SAFEGUARD_RULES: readonly SafeguardRule[] = [
  {
    match: /pii detected/i,
    safeguard: 'pii',
    explanation: () =>
      l10n.t(
        'It found personal information (such as names, e-mail addresses or phone numbers) in what you sent, and PII is set to “block”. Remove it, allow its entity type, or set PII to “replace” to have it masked.',
      ),
  },
  {
    match: /prompt injection detected/i,
    safeguard: 'promptInjection',
    explanation: () =>
      l10n.t(
        'It judged the text you sent to contain instructions aimed at the model (a prompt injection). Check the selection for such text, or turn “Block prompt injection” off.',
      ),
  },
  {
    match: /toxicity/i,
    safeguard: 'toxicity',
    explanation: () => l10n.t('The answer failed the toxicity check, so it was withheld. Rephrase the request, or turn the toxicity check off.'),
  },
  {
    match: /factuality/i,
    safeguard: 'factuality',
    explanation: () => l10n.t('The answer failed the factuality check, so it was withheld. Give more context, or turn the factuality check off.'),
  },
];

/**
 * Replaces every occurrence of each secret (the API key, an MCP server's authorization, and the
 * credential after an authorization's "Bearer ") in server-provided text — as it is, URL-encoded,
 * or JSON-escaped (a "/" written "\\/") — so it can never be shown or logged.
 */
export function redact(text: string, secrets: string | readonly string[] | undefined): string {
  let result = text;
  for (const secret of secretForms(secrets)) {
    const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), secret.replace(/\//g, '\\/')]);
    // `includes` first: a 1 MB answer without the token is scanned, not copied.
    for (const form of forms) if (result.includes(form)) result = result.split(form).join('«redacted»');
  }
  return result;
}

/** Each secret, and an authorization's credential without its scheme; the longest first, too short ones left out. */
function secretForms(secrets: string | readonly string[] | undefined): string[] {
  const list = typeof secrets === 'string' ? [secrets] : (secrets ?? []);
  const all = list.flatMap((secret) => [secret, secret.replace(/^\s*[A-Za-z]+\s+/, '').trim()]);
  return [...new Set(all)].filter((secret) => secret.length >= 4).sort((a, b) => b.length - a.length);
}

/** The same error with the secrets removed from its message (a last guard before it leaves the client). */
export function redactError(error: PredictionGuardError, secrets: string | readonly string[]): PredictionGuardError {
  const message = redact(error.message, secrets);
  const serverText = error.serverText === undefined ? undefined : redact(error.serverText, secrets);
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
    l10n.t('Blocked by {0} — the server said “{1}”. {2}', safeguardInSentence(rule.safeguard), shownServerText(serverError), rule.explanation()),
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
      l10n.t('Prediction Guard at {0} refused the API key ({1}). Set a valid key with “Set API Key”.', baseUrl, said ? `${status}: ${said}` : status),
      [{ kind: 'setApiKey' }],
      status,
      undefined,
      full,
    );
  }
  if (status === 400 && serverError !== undefined) {
    const blocked = safeguardError(serverError, status);
    if (blocked) return blocked;
    return new PredictionGuardError(
      'badRequest',
      l10n.t('Prediction Guard rejected the request (400): {0}', said),
      [{ kind: 'showLog' }],
      status,
      undefined,
      full,
    );
  }
  if (status === 404) {
    return new PredictionGuardError(
      'http',
      said
        ? l10n.t(
            "Prediction Guard at {0} answered 404 (not found): {1}. Check predictionGuard.baseUrl: it should be the API's root, without /responses.",
            baseUrl,
            said,
          )
        : l10n.t("Prediction Guard at {0} answered 404 (not found). Check predictionGuard.baseUrl: it should be the API's root, without /responses.", baseUrl),
      [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }],
      status,
      undefined,
      full,
    );
  }
  return new PredictionGuardError(
    'http',
    (said
      ? l10n.t('Prediction Guard at {0} answered {1}: {2}.', baseUrl, status, said)
      : l10n.t('Prediction Guard at {0} answered {1} with no explanation.', baseUrl, status)) +
      (status >= 500 ? l10n.t(' The service may be busy or down; try again shortly.') : ''),
    [{ kind: 'showLog' }],
    status,
    undefined,
    full,
  );
}

export function redirectError(status: number, location: string | null, baseUrl: string): PredictionGuardError {
  return new PredictionGuardError(
    'redirect',
    location
      ? l10n.t(
          'Prediction Guard at {0} answered with a redirect ({1} to {2}). Redirects are not followed, so your code and key stay with the configured server. Set predictionGuard.baseUrl to the final address.',
          baseUrl,
          status,
          inert(location),
        )
      : l10n.t(
          'Prediction Guard at {0} answered with a redirect ({1}). Redirects are not followed, so your code and key stay with the configured server. Set predictionGuard.baseUrl to the final address.',
          baseUrl,
          status,
        ),
    [{ kind: 'openSetting', setting: 'predictionGuard.baseUrl' }],
    status,
  );
}

export function badResponseError(detail: string, baseUrl: string, responseId?: string): PredictionGuardError {
  return new PredictionGuardError(
    'badResponse',
    responseId
      ? l10n.t(
          'The answer from {0} does not have the shape of a Prediction Guard response (response {1}): {2}. Nothing was inserted.',
          baseUrl,
          responseId,
          detail,
        )
      : l10n.t('The answer from {0} does not have the shape of a Prediction Guard response: {1}. Nothing was inserted.', baseUrl, detail),
    [{ kind: 'showLog' }],
  );
}

export function timeoutError(baseUrl: string, seconds: number): PredictionGuardError {
  return new PredictionGuardError(
    'timeout',
    l10n.t('Prediction Guard at {0} did not answer within {1} s. Try again, or raise predictionGuard.requestTimeoutSeconds.', baseUrl, seconds),
    [{ kind: 'openSetting', setting: 'predictionGuard.requestTimeoutSeconds' }],
  );
}

export function cancelledError(): PredictionGuardError {
  return new PredictionGuardError('cancelled', l10n.t('The request was cancelled.'));
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

const CODE_HINTS: Readonly<Record<string, () => string>> = {
  ECONNREFUSED: () => l10n.t('nothing is listening there'),
  ENOTFOUND: () => l10n.t('the host name could not be resolved'),
  EAI_AGAIN: () => l10n.t('the host name could not be resolved (DNS is not answering)'),
  ECONNRESET: () => l10n.t('the connection was reset'),
  UND_ERR_SOCKET: () => l10n.t('the server closed the connection'),
  ETIMEDOUT: () => l10n.t('the connection timed out'),
  EHOSTUNREACH: () => l10n.t('the host is unreachable'),
  CERT_HAS_EXPIRED: () => l10n.t('its TLS certificate has expired'),
  DEPTH_ZERO_SELF_SIGNED_CERT: () => l10n.t('its TLS certificate is self-signed and not trusted'),
  SELF_SIGNED_CERT_IN_CHAIN: () => l10n.t('its TLS certificate chain is not trusted'),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: () => l10n.t('its TLS certificate could not be verified'),
};

/** The error code with what it means, when known: "ECONNREFUSED, nothing is listening there". */
function codeWithHint(code: string): string {
  const hint = CODE_HINTS[code];
  return hint ? `${code}, ${hint()}` : code;
}

export function networkError(error: unknown, baseUrl: string): PredictionGuardError {
  const code = causeCode(error);
  const detail = code ? codeWithHint(code) : inert(causeMessage(error)) || l10n.t('unknown network error');
  return new PredictionGuardError(
    'network',
    l10n.t('Could not reach Prediction Guard at {0} ({1}). Check predictionGuard.baseUrl, your network and proxy.', baseUrl, detail),
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
    l10n.t('The answer from {0} was larger than {1}, so the rest of it was not read. Nothing was inserted.', baseUrl, megabytes(maxBytes)),
    [{ kind: 'showLog' }],
  );
}

/** A stream that sent part of an answer, then nothing for `seconds`. */
export function idleTimeoutError(baseUrl: string, seconds: number): PredictionGuardError {
  return new PredictionGuardError(
    'timeout',
    l10n.t('Prediction Guard at {0} stopped sending the answer: nothing arrived for {1} s. The partial answer was not used; try again.', baseUrl, seconds),
    [{ kind: 'showLog' }],
  );
}

/** A stream still open at its overall limit (events the client ignores kept it going). */
export function streamDeadlineError(baseUrl: string, seconds: number): PredictionGuardError {
  return new PredictionGuardError(
    'timeout',
    l10n.t('Prediction Guard at {0} did not finish the answer within {1} s. The partial answer was not used; try again.', baseUrl, seconds),
    [{ kind: 'showLog' }],
  );
}

/** A stream that closed without its final event (`response.completed`, `response.incomplete` or an error). */
export function streamEndedError(baseUrl: string): PredictionGuardError {
  return new PredictionGuardError(
    'badResponse',
    l10n.t(
      'The answer from {0} ended before it was complete (the stream closed without its final event). The partial answer was not used; nothing was inserted.',
      baseUrl,
    ),
    [{ kind: 'showLog' }],
  );
}

/** The connection broke while a streamed answer was arriving. */
export function streamBrokenError(error: unknown, baseUrl: string): PredictionGuardError {
  const code = causeCode(error);
  const detail = code ? codeWithHint(code) : causeMessage(error) || l10n.t('the connection closed');
  return new PredictionGuardError(
    'network',
    l10n.t('The connection to Prediction Guard at {0} broke while the answer was arriving ({1}). The partial answer was not used; try again.', baseUrl, detail),
    [{ kind: 'showLog' }],
  );
}

/** An `error` or `response.failed` event: a safeguard block when it names one, otherwise the server's message. */
export function streamFailureError(message: string | undefined, code: string | number | undefined, baseUrl: string): PredictionGuardError {
  if (message) {
    const blocked = safeguardError(message);
    if (blocked) return blocked;
  }
  const codeText = code !== undefined && code !== '' && !(message ?? '').includes(String(code)) ? ` (${inert(String(code))})` : '';
  const text = shownServerText(message?.trim() ?? '');
  const said = text ? `: ${/[.!?…)]$/.test(text) ? text : `${text}.`}` : l10n.t(' and no explanation.');
  return new PredictionGuardError(
    'http',
    l10n.t('Prediction Guard at {0} ended the answer with an error{1}{2} Nothing was inserted.', baseUrl, codeText, said),
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
    l10n.t(
      'Prediction Guard rejected the request (400): {0}. This server does not stream answers: set predictionGuard.stream to “auto” or “off”.',
      shownServerText(serverError),
    ),
    [{ kind: 'openSetting', setting: 'predictionGuard.stream' }],
    400,
  );
}
