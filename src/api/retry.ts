// When and how long to wait before trying a request again (pure). Rate limits (429), timeouts from
// the server (408), conflicts (409) and server errors (5xx) are retried a bounded number of times;
// a safeguard block, a bad request, a refused key or a wrong path never are.

export interface RetryPolicy {
  /** Retries after the first attempt (0: none). */
  readonly maxRetries: number;
  /** First backoff, doubled each retry. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8_000 };

/** A server-given wait is used only when it is sane: 0–60 s. */
export const MAX_SERVER_WAIT_MS = 60_000;

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export interface RetryHeaders {
  get(name: string): string | null;
}

/**
 * Whether to retry after an answer with `status`: the server's `x-should-retry` decides when present,
 * but a 4xx other than 408/409/429 is never retried whatever the header says (it would fail the same
 * way, and a 400 may be a safeguard block).
 */
export function shouldRetry(status: number, headers: RetryHeaders): boolean {
  if (status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429) return false;
  const hint = headers.get('x-should-retry')?.trim().toLowerCase();
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return isRetryableStatus(status);
}

/** The wait the server asks for (`retry-after-ms`, then `Retry-After` in seconds or as an HTTP date), when sane. */
export function serverWaitMs(headers: RetryHeaders, now: number = Date.now()): number | undefined {
  const rawMs = headers.get('retry-after-ms')?.trim();
  const ms = rawMs ? Number(rawMs) : Number.NaN;
  if (Number.isFinite(ms) && ms >= 0 && ms <= MAX_SERVER_WAIT_MS) return ms;
  const after = headers.get('retry-after')?.trim();
  if (!after) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(after) ? Number(after) * 1000 : Date.parse(after) - now;
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_SERVER_WAIT_MS ? Math.ceil(seconds) : undefined;
}

/** Exponential backoff with full jitter between half and all of the step: retry 1 → 250–500 ms, … */
export function backoffMs(retry: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Resolves after `ms`, or rejects at once when `signal` aborts. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** "rate limited (429)", "server error (503)"… for the progress message. */
export function retryReason(status: number): string {
  if (status === 429) return `rate limited (${status})`;
  if (status === 408) return `the server timed out (${status})`;
  if (status === 409) return `conflict (${status})`;
  return `server error (${status})`;
}
