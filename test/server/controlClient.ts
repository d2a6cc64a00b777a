/**
 * A small typed client for the stand-in's control port, for tests running in another process
 * (e.g. the VS Code extension host). Uses global fetch only; imports nothing at run time.
 */
import { EVENT_WAIT_MS } from './waits';
import type { Behaviour, RecordedRequest } from './behaviours';

export type { Behaviour, RecordedRequest } from './behaviours';

export class StandInControl {
  private readonly controlUrl: string;

  constructor(controlUrl: string) {
    this.controlUrl = controlUrl.replace(/\/+$/, '');
  }

  /** Queues the next answer for requests whose path starts with `path` ("/responses", "/models", "/mcp_servers", "/mcp_tools", "/PII", "/injection", "/toxicity", "/factuality"). */
  async enqueue(path: string, behaviour: Behaviour): Promise<void> {
    await this.call('POST', '/enqueue', { path, behaviour });
  }

  /** The answer used when the queue for `path` is empty. */
  async setDefault(path: string, behaviour: Behaviour): Promise<void> {
    await this.call('POST', '/default', { path, behaviour });
  }

  /** Every recorded request, oldest first. */
  async requests(): Promise<RecordedRequest[]> {
    return (await this.call('GET', '/requests')) as RecordedRequest[];
  }

  /** Resolves once `count` requests whose path starts with `path` are recorded (the stand-in answers then); fails after `timeoutMs`. */
  async waitForRequests(count: number, path = '', timeoutMs = EVENT_WAIT_MS): Promise<RecordedRequest[]> {
    const query = new URLSearchParams({ count: String(count), path, timeoutMs: String(timeoutMs) });
    return (await this.call('GET', `/wait?${query.toString()}`)) as RecordedRequest[];
  }

  /** Sends now every answer held back by its `delayMs`: the test, not the clock, decides when it arrives. */
  async release(): Promise<void> {
    await this.call('POST', '/release', {});
  }

  /** The API key the stand-in accepts. */
  async token(): Promise<string> {
    return ((await this.call('GET', '/token')) as { token: string }).token;
  }

  /** Clears queues, defaults and recordings. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset', {});
  }

  /** The most recent request whose path starts with `path` (any path when omitted). */
  async lastRequest(path?: string): Promise<RecordedRequest | undefined> {
    const all = await this.requests();
    return all.filter((r) => path === undefined || r.path.startsWith(path)).at(-1);
  }

  private async call(method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(this.controlUrl + route, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`stand-in control ${method} ${route} failed: ${response.status} ${text}`);
    return JSON.parse(text) as unknown;
  }
}
