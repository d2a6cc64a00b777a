// Loopback servers for the fault suite: node:http servers that record every request, raw TCP
// servers that act on a whole HTTP request, and the stand-in as a tracked server. 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { StandIn } from '../server/standInServer';
import type { HttpHandler, RawServer, RecordingServer, SeenRequest } from './types';

/** A server the harness knows about: what it received (for the leak count) and how to stop it. */
export interface Tracked {
  readonly baseUrl: string;
  /** Everything received, as text, for the leak count. */
  dump(): string[];
  count(): number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (never another interface) and returns http://127.0.0.1:<port>. */
export function listenLoopback(server: Server | ReturnType<typeof createNetServer>): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

export async function startRecording(handler: HttpHandler): Promise<Tracked & RecordingServer & { requests: SeenRequest[] }> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: headersOf(req), body: Buffer.concat(chunks).toString('utf8') });
      handler(req, res);
    });
  });
  const baseUrl = await listenLoopback(server);
  return {
    baseUrl,
    requests,
    dump: () => requests.map((r) => JSON.stringify(r)),
    count: () => requests.length,
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

/** Collects a whole HTTP/1.1 request (headers and a Content-Length body) from a socket. */
export async function startRawServer(onRequest: (socket: Socket, request: string) => void): Promise<Tracked & RawServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let opened = 0;
  let closed = 0;
  const server = createNetServer((socket) => {
    opened++;
    sockets.add(socket);
    socket.on('close', () => (closed++, sockets.delete(socket)));
    socket.on('error', () => undefined);
    let buffer = '';
    let done = false;
    socket.on('data', (chunk: Buffer) => {
      if (done) return;
      buffer += chunk.toString('latin1');
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(buffer.slice(0, headerEnd))?.[1] ?? 0);
      if (buffer.length < headerEnd + 4 + length) return;
      done = true;
      requests.push(buffer);
      onRequest(socket, buffer);
    });
  });
  const baseUrl = await listenLoopback(server);
  return {
    baseUrl,
    requests,
    openedConnections: () => opened,
    closedConnections: () => closed,
    dump: () => [...requests],
    count: () => requests.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function trackStandIn(standIn: StandIn): Tracked {
  return {
    baseUrl: standIn.baseUrl,
    dump: () => standIn.requests().map((r) => JSON.stringify(r)),
    count: () => standIn.requests().length,
    close: () => standIn.close(),
  };
}
