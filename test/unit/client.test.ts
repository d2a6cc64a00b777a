// PredictionGuardClient against a real HTTP server on 127.0.0.1: what the server receives, and the
// error the user sees for each way a request can fail.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PredictionGuardClient, type ClientOptions } from '../../src/api/client';
import { PredictionGuardError, type ErrorKind } from '../../src/api/errors';
import { MCP_SERVER_EXAMPLE, MODEL_EXAMPLE } from './helpers/apiExamples';
import { closedPort, sendJson, startServer, until, withServer } from './helpers/httpServer';

const TOKEN = 'pg-secret-token-1234567890';
const REQUEST = { model: 'gpt-oss-120b', input: 'Tell me a joke.' };
const ANSWER = { id: 'resp_1', object: 'response', status: 'completed', output: [{ content: { type: 'output_text', text: 'A joke.' } }] };

const client = (baseUrl: string, extra: Partial<ClientOptions> = {}) =>
  new PredictionGuardClient({ baseUrl, token: TOKEN, timeoutSeconds: 10, ...extra });

async function failure(promise: Promise<unknown>, kind: ErrorKind): Promise<PredictionGuardError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PredictionGuardError, `expected a PredictionGuardError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.doesNotMatch(error.message, /\{\}|undefined|\[object Object\]/);
    return error;
  }
  assert.fail(`expected a '${kind}' error, but the request succeeded`);
}

describe('a successful request', () => {
  it('POSTs the JSON body with the bearer token to <baseUrl>/responses, and returns the answer', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, ANSWER),
      async (server) => {
        const answer = await client(`${server.baseUrl}/`).createResponse(REQUEST);
        assert.equal(answer.text, 'A joke.');
        assert.equal(server.requests.length, 1);
        const [req] = server.requests;
        assert.equal(req?.method, 'POST');
        assert.equal(req?.url, '/responses');
        assert.equal(req?.headers.authorization, `Bearer ${TOKEN}`);
        assert.match(req?.headers['content-type'] ?? '', /^application\/json/);
        assert.deepEqual(JSON.parse(req?.body ?? ''), REQUEST);
      },
    );
  });

  it('keeps a path prefix of the base URL', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, ANSWER),
      async (server) => {
        await client(`${server.baseUrl}/pg/v1/`).createResponse(REQUEST);
        assert.equal(server.requests[0]?.url, '/pg/v1/responses');
      },
    );
  });

  it('a base URL ending in an empty "?" still posts to /responses (or is refused)', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, ANSWER),
      async (server) => {
        let pg: PredictionGuardClient;
        try {
          pg = client(`${server.baseUrl}/?`);
        } catch (error) {
          assert.equal((error as PredictionGuardError).kind, 'config');
          return;
        }
        await pg.createResponse(REQUEST);
        assert.equal(server.requests[0]?.url, '/responses');
      },
    );
  });

  it('extra headers are sent, but cannot replace Authorization', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, ANSWER),
      async (server) => {
        const headers = { Authorization: 'Bearer attacker', authorization: 'Basic eDp5', 'X-Gateway': 'team-a' };
        await client(server.baseUrl, { headers }).createResponse(REQUEST);
        assert.equal(server.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
        assert.equal(server.requests[0]?.headers['x-gateway'], 'team-a');
      },
    );
  });
});

describe('HTTP errors', () => {
  const answering = (status: number, body: unknown) => (fn: (baseUrl: string) => Promise<void>) =>
    withServer((_req, res) => sendJson(res, status, body), (server) => fn(server.baseUrl));

  it('403: an auth error that points to “Set API Key”', async () => {
    await answering(403, { error: 'api understands the request but refuses to authorize it' })(async (baseUrl) => {
      const error = await failure(client(baseUrl).createResponse(REQUEST), 'auth');
      assert.match(error.message, /Set API Key/);
      assert.deepEqual(error.actions, [{ kind: 'setApiKey' }]);
      assert.equal(error.status, 403);
    });
  });

  it('400 with a general error: badRequest with the server text verbatim', async () => {
    await answering(400, { error: 'required fields are missing' })(async (baseUrl) => {
      const error = await failure(client(baseUrl).createResponse(REQUEST), 'badRequest');
      assert.match(error.message, /required fields are missing/);
    });
  });

  for (const [said, name, setting] of [
    ['pii detected', /PII/, 'predictionGuard.safeguards.pii'],
    ['prompt injection detected', /prompt injection/, 'predictionGuard.safeguards.blockPromptInjection'],
    ['failed toxicity check', /toxicity/, 'predictionGuard.safeguards.toxicity'],
    ['failed factuality check', /factuality/, 'predictionGuard.safeguards.factuality'],
  ] as const) {
    it(`400 "${said}": a safeguard error that opens ${setting}`, async () => {
      await answering(400, { error: said })(async (baseUrl) => {
        const error = await failure(client(baseUrl).createResponse(REQUEST), 'safeguard');
        assert.match(error.message, name);
        assert.ok(error.message.includes(said), error.message);
        assert.deepEqual(error.actions, [{ kind: 'openSetting', setting }]);
      });
    });
  }

  it('never shows the token when the server echoes it back', async () => {
    for (const [status, body] of [
      [403, { error: `invalid key ${TOKEN}` }],
      [400, { error: `required fields are missing (key ${TOKEN})` }],
      [500, `<h1>Internal error for Bearer ${TOKEN}</h1>`],
      [200, `Your key ${TOKEN} is not valid here`],
    ] as const) {
      await withServer(
        (_req, res) => (typeof body === 'string' ? (res.writeHead(status), res.end(body)) : sendJson(res, status, body)),
        async (server) => {
          const kind = ({ 200: 'badResponse', 400: 'badRequest', 403: 'auth', 500: 'http' } as const)[status];
          const error = await failure(client(server.baseUrl).createResponse(REQUEST), kind);
          assert.ok(!error.message.includes(TOKEN), error.message);
        },
      );
    }
  });
});

describe('answers that are not a Prediction Guard response', () => {
  it('a 200 JSON body of another shape: badResponse naming the response id', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, { id: 'resp_wrongshape', object: 'chat.completion', choices: [{ message: { content: 'hi' } }] }),
      async (server) => {
        const error = await failure(client(server.baseUrl).createResponse(REQUEST), 'badResponse');
        assert.match(error.message, /resp_wrongshape/);
      },
    );
  });

  it('a 200 HTML page (a proxy): badResponse with the status and its first line of text', async () => {
    const page = '<!DOCTYPE html>\n<html><body><h1>Corporate proxy: please sign in</h1>\n<p>output</p></body></html>';
    await withServer(
      (_req, res) => (res.writeHead(200, { 'Content-Type': 'text/html' }), res.end(page)),
      async (server) => {
        const error = await failure(client(server.baseUrl).createResponse(REQUEST), 'badResponse');
        assert.match(error.message, /200/);
        assert.match(error.message, /Corporate proxy: please sign in/);
      },
    );
  });

  for (const status of [302, 307]) {
    it(`a ${status} redirect is not followed: the target receives nothing`, async () => {
      const target = await startServer((_req, res) => sendJson(res, 200, ANSWER));
      try {
        await withServer(
          (_req, res) => (res.writeHead(status, { Location: `${target.baseUrl}/responses` }), res.end()),
          async (server) => {
            const error = await failure(client(server.baseUrl).createResponse(REQUEST), 'redirect');
            assert.ok(error.message.includes(target.baseUrl), error.message);
          },
        );
        assert.equal(target.requests.length, 0);
      } finally {
        await target.close();
      }
    });
  }
});

describe('no answer', () => {
  it('connection refused: a network error naming ECONNREFUSED and the base URL', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const error = await failure(client(baseUrl).createResponse(REQUEST), 'network');
    assert.match(error.message, /ECONNREFUSED/);
    assert.ok(error.message.includes(baseUrl), error.message);
  });

  it('a server that never answers: a timeout after the configured time, naming the base URL', async () => {
    await withServer(
      () => undefined,
      async (server) => {
        const started = Date.now();
        const error = await failure(client(server.baseUrl, { timeoutSeconds: 1 }).createResponse(REQUEST), 'timeout');
        assert.ok(Date.now() - started < 8000, 'gave up long after the 1 s timeout');
        assert.ok(error.message.includes(server.baseUrl), error.message);
        assert.equal(server.requests.length, 1);
      },
    );
  });

  it('aborting the signal while waiting: cancelled', async () => {
    await withServer(
      () => undefined,
      async (server) => {
        const controller = new AbortController();
        const pending = client(server.baseUrl).createResponse(REQUEST, controller.signal);
        await until(() => server.requests.length === 1);
        controller.abort();
        await failure(pending, 'cancelled');
      },
    );
  });

  it('an already aborted signal: cancelled, and nothing is sent', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, ANSWER),
      async (server) => {
        await failure(client(server.baseUrl).createResponse(REQUEST, AbortSignal.abort()), 'cancelled');
        assert.equal(server.requests.length, 0);
      },
    );
  });
});

describe('listing models and MCP servers', () => {
  it("listModels('chat-completion') GETs /models/chat-completion and returns the data list", async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, { object: 'list', data: [MODEL_EXAMPLE] }),
      async (server) => {
        assert.deepEqual(await client(server.baseUrl).listModels('chat-completion'), [MODEL_EXAMPLE]);
        assert.equal(server.requests[0]?.method, 'GET');
        assert.equal(server.requests[0]?.url, '/models/chat-completion');
        assert.equal(server.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
      },
    );
  });

  it('listMcpServers parses the documented example', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, { object: 'list', data: [MCP_SERVER_EXAMPLE] }),
      async (server) => {
        assert.deepEqual(await client(server.baseUrl).listMcpServers(), [MCP_SERVER_EXAMPLE]);
        assert.equal(server.requests[0]?.url, '/mcp_servers');
      },
    );
  });
});

describe('constructing a client', () => {
  it('refuses plain http to another machine with a config error', () => {
    assert.throws(() => client('http://example.com'), (error: unknown) => error instanceof PredictionGuardError && error.kind === 'config');
  });

  it('accepts a local http gateway and any https address', () => {
    assert.doesNotThrow(() => client('http://127.0.0.1:1234'));
    assert.doesNotThrow(() => client('https://x.example'));
  });
});
