/**
 * The stand-in's control port (127.0.0.1, no token), so another process can script it:
 * POST /enqueue {path, behaviour}, POST /default {path, behaviour}, GET /requests, POST /reset,
 * GET /token (the key the API accepts: tests in another process get it here rather than through an
 * environment variable, which VS Code's trace logs would print).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Script, Recorder } from './script';
import { checkCommand } from './script';
import { parseBody, readBody, sendJson } from './httpUtil';

type Handler = (body: unknown) => unknown;

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
      const route = routes[new URL(req.url ?? '/', 'http://control').pathname];
      if (route === undefined) return sendJson(res, 404, { error: 'not found' });
      if (req.method !== route.method) return sendJson(res, 405, { error: `method ${req.method ?? ''} not allowed` }, { allow: route.method });
      const body = parseBody(text);
      if (route.method === 'POST' && text !== '' && !body.json) return sendJson(res, 400, { error: 'body is not valid JSON' });
      try {
        sendJson(res, 200, route.handle(body.value));
      } catch (error) {
        sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
    });
  });
}
