// Small checks a fault's `expect` combines: each returns the problems it found (none: fine).
import { PredictionGuardError, type ErrorKind } from '../../src/api/errors';
import type { Outcome } from './types';

export type Check = string | undefined | false | readonly string[];

/** Flattens checks into the list of problems. */
export function all(...checks: readonly Check[]): string[] {
  const out: string[] = [];
  for (const check of checks) {
    if (typeof check === 'string') out.push(check);
    else if (Array.isArray(check)) out.push(...(check as readonly string[]));
  }
  return out;
}

const short = (text: string): string => (text.length > 220 ? `${text.slice(0, 220)}…` : text);

/** The error the call ended with, when it is one of ours. */
export function errorOf(o: Outcome): PredictionGuardError | undefined {
  return o.error instanceof PredictionGuardError ? o.error : undefined;
}

/** The call failed with a PredictionGuardError of `kind` (and `status`), a message that says something, and no answer. */
export function failed(o: Outcome, kind: ErrorKind, status?: number): string[] {
  if (o.error === undefined) return [`expected a '${kind}' error, but the call succeeded${o.answer ? ` with text “${short(o.answer.text)}”` : ''}`];
  const error = errorOf(o);
  if (!error) return [`expected a PredictionGuardError, got ${String(o.error)}`];
  return all(
    error.kind !== kind && `expected kind '${kind}', got '${error.kind}': ${short(error.message)}`,
    status !== undefined && error.status !== status && `expected status ${status}, got ${String(error.status)}`,
    /\{\}|\bundefined\b|\[object Object\]|\bnull\b/.test(error.message) && `the message is not meaningful: ${short(error.message)}`,
    error.message.trim().length < 10 && `the message is empty: “${error.message}”`,
    o.answer !== undefined && 'an answer was returned as well',
  );
}

/** The error message contains each needle. */
export function says(o: Outcome, ...needles: readonly (string | RegExp)[]): string[] {
  const message = errorOf(o)?.message ?? (o.error instanceof Error ? o.error.message : '');
  return needles
    .filter((n) => (typeof n === 'string' ? !message.includes(n) : !n.test(message)))
    .map((n) => `the message does not mention ${String(n)}: ${short(message)}`);
}

export function doesNotSay(o: Outcome, ...needles: readonly (string | RegExp)[]): string[] {
  const message = errorOf(o)?.message ?? '';
  return needles
    .filter((n) => (typeof n === 'string' ? message.includes(n) : n.test(message)))
    .map((n) => `the message mentions ${String(n)}: ${short(message)}`);
}

export const namesBaseUrl = (o: Outcome): string[] => says(o, o.baseUrl);

/** The call returned an answer (no error). */
export function answered(o: Outcome): string[] {
  if (o.error !== undefined) return [`expected an answer, got ${o.error instanceof Error ? o.error.message : String(o.error)}`];
  return o.answer === undefined && o.models === undefined && o.modelList === undefined ? ['expected an answer, got nothing'] : [];
}

/** How many requests reached the base URL. */
export function requests(o: Outcome, expected: number, why = ''): string | undefined {
  return o.baseRequestCount === expected ? undefined : `expected ${expected} request(s) at the base URL${why ? ` (${why})` : ''}, got ${o.baseRequestCount}`;
}

export const notRetried = (o: Outcome): Check => all(requests(o, 1, 'never retried'), o.notices.length > 0 && `${o.notices.length} retry notice(s) were given`);

export function within(o: Outcome, ms: number, what = 'the call'): string | undefined {
  return o.elapsedMs <= ms ? undefined : `${what} took ${o.elapsedMs} ms (limit ${ms} ms)`;
}

export function tookAtLeast(o: Outcome, ms: number): string | undefined {
  return o.elapsedMs >= ms ? undefined : `the call ended after ${o.elapsedMs} ms, before ${ms} ms`;
}

/** Retry notices: their count, reasons, and each wait within [min, max] ms. */
export function retried(o: Outcome, count: number, reason: RegExp, delay: { min: number; max: number }): string[] {
  return all(
    o.notices.length !== count && `expected ${count} retry notice(s), got ${o.notices.length}`,
    ...o.notices.map((n, i) =>
      all(
        !reason.test(n.reason) && `notice ${i + 1} reason “${n.reason}” does not match ${String(reason)}`,
        (n.delayMs < delay.min || n.delayMs > delay.max) && `notice ${i + 1} waits ${n.delayMs} ms, expected ${delay.min}–${delay.max} ms`,
        n.retry !== i + 1 && `notice ${i + 1} says retry ${n.retry}`,
        n.maxRetries !== o.maxRetries && `notice ${i + 1} says max ${n.maxRetries}`,
      ),
    ),
  );
}

/** The stand-in saw each retry no sooner than the announced wait after the previous attempt. */
export function waitsRespected(o: Outcome): string[] {
  const out: string[] = [];
  o.notices.forEach((notice, i) => {
    const previous = o.requests[i];
    const next = o.requests[i + 1];
    if (!previous || !next) return;
    const gap = next.receivedAt - previous.receivedAt;
    if (gap + 25 < notice.delayMs) out.push(`retry ${i + 1} came after ${gap} ms, before the announced ${notice.delayMs} ms`);
  });
  return out;
}

/** The stand-in recorded that the client went away (the connection was closed, nothing left open). */
export function serverSawAbort(o: Outcome): string | undefined {
  return o.requests.some((r) => r.aborted === true) ? undefined : 'the stand-in did not record the request as aborted (connection left open?)';
}

export function noRemoteFetch(o: Outcome): string | undefined {
  return o.attackerRequests.length === 0 ? undefined : `the attacker received ${o.attackerRequests.length} request(s)`;
}
