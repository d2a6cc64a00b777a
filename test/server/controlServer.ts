/**
 * The stand-in's control port (127.0.0.1, no token), so another process can script it:
 * POST /enqueue {path, behaviour}, POST /default {path, behaviour}, GET /requests, POST /reset,
 * POST /release (answers held back by delayMs are sent now), GET /wait?count=N&path=P&aborted=ID&timeoutMs=T (answers once N requests whose path starts with P
 * are recorded, or request ID was aborted; 408 after T ms), GET /token (the key the API accepts: tests in another process get it here rather than through an
 * environment variable, which VS Code's trace logs would print).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Script, Recorder } from './script';
import { checkCommand } from './script';
import { parseBody, readBody, sendJson } from './httpUtil';

type Handler = (body: unknown, query: URLSearchParams) => unknown;

export function createControlServer(script: Script, recorder: Recorder, token: string): Server {
  const routes: Record<string, { method: string; handle: Handler }> = {
    '/enqueue': {
      method: 'POST',
      handle: (body) => {
        const { key, behaviour } = checkCommand(body);
        script.enqueue(key, behaviour);
        return { ok: true };
      },
    },
    '/default': {
      method: 'POST',
      handle: (body) => {
        const { key, behaviour } = checkCommand(body);
        script.setDefault(key, behaviour);
        return { ok: true };
      },
    },
    '/requests': { method: 'GET', handle: () => recorder.all() },
    '/wait': {
      method: 'GET',
      handle: (_body, query) => {
        const count = Number(query.get('count') ?? '0');
        const path = query.get('path') ?? '';
        const aborted = query.get('aborted');
        const timeoutMs = Math.min(Number(query.get('timeoutMs') ?? '15000'), 120_000);
        const what = aborted ? `request ${aborted} aborted` : `${count} request(s) to ${path || 'any path'}`;
        return recorder.waitFor(
          (all) => (aborted ? all.some((r) => String(r.id) === aborted && r.aborted === true) : all.filter((r) => r.path.startsWith(path)).length >= count),
          what,
          timeoutMs,
        );
      },
    },
    '/release': {
      method: 'POST',
      handle: () => {
        script.release();
        return { ok: true };
      },
    },
    '/token': { method: 'GET', handle: () => ({ token }) },
    '/reset': {
      method: 'POST',
      handle: () => {
        script.reset();
        recorder.reset();
        return { ok: true };
      },
    },
  };

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const text = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://control');
      const route = routes[url.pathname];
      if (route === undefined) return sendJson(res, 404, { error: 'not found' });
      if (req.method !== route.method) return sendJson(res, 405, { error: `method ${req.method ?? ''} not allowed` }, { allow: route.method });
      const body = parseBody(text);
      if (route.method === 'POST' && text !== '' && !body.json) return sendJson(res, 400, { error: 'body is not valid JSON' });
      try {
        sendJson(res, 200, await route.handle(body.value, url.searchParams));
      } catch (error) {
        if (!res.destroyed) sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
    });
  });
}
