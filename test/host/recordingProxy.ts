// A loopback HTTP forward proxy that records what passes through it, for the `http.proxy` test.
// VS Code sends localhost/127.0.0.1 DIRECT, so the test uses the base URL http://127.0.0.2:<port>:
// the proxy forwards 127.0.0.2:<port> to 127.0.0.1:<port> (where the stand-in listens). Without the
// proxy nothing answers on 127.0.0.2, so a request that bypassed it fails. Both plain forwarding and
// CONNECT tunnels are served. A direct (non-proxy)
// `GET /__recorded` returns what passed through.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ProxiedRequest {
  method: string;
  url: string;
  hasAuthorization: boolean;
}

export interface RecordingProxy {
  url: string;
  recorded(): ProxiedRequest[];
  close(): Promise<void>;
}

function forward(
  req: IncomingMessage,
  target: URL,
  respond: (status: number, headers: Record<string, string | string[] | undefined>, body: IncomingMessage) => void,
  fail: (error: Error) => void,
): void {
  const upstream = httpRequest(
    { host: '127.0.0.1', port: target.port, method: req.method, path: target.pathname + target.search, headers: { ...req.headers, host: target.host } },
    (answer) => respond(answer.statusCode ?? 502, answer.headers, answer),
  );
  upstream.on('error', fail);
  req.pipe(upstream);
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const recorded: ProxiedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/')) {
      // A direct request to the proxy itself: the recordings.
      res.writeHead(url === '/__recorded' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(url === '/__recorded' ? JSON.stringify(recorded) : '{"error":"not a proxy request"}');
      return;
    }
    const target = new URL(url);
    recorded.push({ method: req.method ?? '', url, hasAuthorization: req.headers.authorization !== undefined });
    if (target.hostname !== '127.0.0.2') {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"this test proxy forwards only 127.0.0.2"}');
      return;
    }
    forward(
      req,
      target,
      (status, headers, body) => {
        res.writeHead(status, headers);
        body.pipe(res);
      },
      (error) => res.writeHead(502).end(String(error)),
    );
  });
  // undici's proxy agent (which VS Code gives `fetch`) tunnels even http:// requests with CONNECT.
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const [host = '', port = ''] = (req.url ?? '').split(':');
    const entry: ProxiedRequest = { method: 'CONNECT', url: `http://${host}:${port}`, hasAuthorization: false };
    recorded.push(entry);
    if (host !== '127.0.0.2') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    // The tunnelled request is plain HTTP here: note whether it carried the key (not the key itself).
    client.once('data', (chunk: Buffer) => {
      entry.hasAuthorization = /\r\nauthorization: bearer /i.test(chunk.toString('latin1'));
      const line = chunk.toString('latin1').split('\r\n')[0] ?? '';
      entry.url += line.split(' ')[1] ?? '';
    });
    const close = (): void => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    client.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    recorded: () => [...recorded],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
