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

const client = (baseUrl: string, extra: Partial<ClientOptions> = {}) => new PredictionGuardClient({ baseUrl, token: TOKEN, timeoutSeconds: 10, ...extra });

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
    withServer(
      (_req, res) => sendJson(res, status, body),
      (server) => fn(server.baseUrl),
    );

  it('403: an auth error that points to “Set API Key”', async () => {
    await answering(403, { error: 'api understands the request but refuses to authorize it' })(async (baseUrl) => {
      const error = await failure(client(baseUrl).createResponse(REQUEST), 'auth');
      assert.match(error.message, /Set API Key/);
      assert.deepEqual(error.actions, [{ kind: 'setApiKey' }]);
      assert.equal(error.status, 403);
    });
  });

  it('a server error text of 10,000 characters: the message shows a few hundred, the log has it all', async () => {
    const said = `quota exceeded: ${'x'.repeat(10_000)} END-OF-TEXT`;
    for (const status of [400, 403, 404, 500]) {
      await answering(status, { error: said })(async (baseUrl) => {
        const lines: string[] = [];
        const error = await failure(
          new PredictionGuardClient({ baseUrl, token: TOKEN, timeoutSeconds: 10, maxRetries: 0 }, (line) => lines.push(line)).createResponse(REQUEST),
          status === 400 ? 'badRequest' : status === 403 ? 'auth' : 'http',
        );
        assert.ok(error.message.length < 800, `${status}: the message is ${error.message.length} characters`);
        assert.match(error.message, /quota exceeded: x+… \(\d+ more characters in the log\)/);
        assert.ok(!error.message.includes('END-OF-TEXT'), error.message.slice(-200));
        assert.ok(
          lines.some((line) => line.includes('END-OF-TEXT')),
          `${status}: the log lacks the whole text: ${lines.map((l) => l.slice(0, 80)).join(' | ')}`,
        );
      });
    }
  });

  it('a short server error text is shown whole and not repeated in the log', async () => {
    await answering(400, { error: 'required fields are missing' })(async (baseUrl) => {
      const lines: string[] = [];
      const error = await failure(
        new PredictionGuardClient({ baseUrl, token: TOKEN, timeoutSeconds: 10 }, (line) => lines.push(line)).createResponse(REQUEST),
        'badRequest',
      );
      assert.equal(error.message, 'Prediction Guard rejected the request (400): required fields are missing');
      assert.ok(!lines.some((line) => line.includes('whole error text')), lines.join(' | '));
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

  it('the OpenAI error object: its message is shown, never the raw JSON', async () => {
    const body = { error: { code: 400, message: "Cannot determine type of 'item'", type: 'invalid_request_error' } };
    await answering(
      400,
      body,
    )(async (baseUrl) => {
      const error = await failure(client(baseUrl).createResponse(REQUEST), 'badRequest');
      assert.equal(error.message, "Prediction Guard rejected the request (400): Cannot determine type of 'item'");
    });
  });

  it('401 with the OpenAI error object: a refused key like 403, with the message', async () => {
    await answering(401, { error: { message: 'Invalid API Key', type: 'authentication_error', code: 'invalid_api_key' } })(async (baseUrl) => {
      const error = await failure(client(baseUrl).createResponse(REQUEST), 'auth');
      assert.match(error.message, /refused the API key \(401: Invalid API Key\)/);
      assert.deepEqual(error.actions, [{ kind: 'setApiKey' }]);
      assert.equal(error.status, 401);
      assert.doesNotMatch(error.message, /[{}"]/);
    });
  });

  it('401 with {"error": "text"}: a refused key', async () => {
    await answering(401, { error: 'unauthorized' })(async (baseUrl) => {
      const error = await failure(client(baseUrl).createResponse(REQUEST), 'auth');
      assert.match(error.message, /\(401: unauthorized\)/);
    });
  });

  it('an OpenAI error object naming a safeguard is a safeguard block; a 500 one shows its message', async () => {
    await answering(400, { error: { message: 'pii detected', type: 'invalid_request_error', code: null } })(async (baseUrl) => {
      await failure(client(baseUrl).createResponse(REQUEST), 'safeguard');
    });
    await answering(500, { error: { message: 'model crashed', type: 'server_error' } })(async (baseUrl) => {
      const error = await failure(client(baseUrl, { maxRetries: 0 }).createResponse(REQUEST), 'http');
      assert.match(error.message, /answered 500: model crashed\./);
    });
  });

  it('never shows the token when the server echoes it back', async () => {
    for (const [status, body] of [
      [403, { error: `invalid key ${TOKEN}` }],
      [401, { error: { message: `invalid key ${TOKEN}`, type: 'authentication_error' } }],
      [400, { error: `required fields are missing (key ${TOKEN})` }],
      [500, `<h1>Internal error for Bearer ${TOKEN}</h1>`],
      [200, `Your key ${TOKEN} is not valid here`],
    ] as const) {
      await withServer(
        (_req, res) => (typeof body === 'string' ? (res.writeHead(status), res.end(body)) : sendJson(res, status, body)),
        async (server) => {
          const kind = ({ 200: 'badResponse', 400: 'badRequest', 401: 'auth', 403: 'auth', 500: 'http' } as const)[status];
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

describe('typed input items', () => {
  it('every role item goes with "type": "message"; tool-call items are sent as they are', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, ANSWER),
      async (server) => {
        const input = [
          { role: 'user' as const, content: 'What is the weather in Oslo?' },
          { type: 'function_call' as const, call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
          { type: 'function_call_output' as const, call_id: 'call_1', output: '{"celsius":4}' },
          { role: 'assistant' as const, content: 'It is 4 °C.' },
        ];
        await client(server.baseUrl).createResponse({ model: 'm', input });
        assert.deepEqual(JSON.parse(server.requests[0]?.body ?? '').input, [
          { type: 'message', role: 'user', content: 'What is the weather in Oslo?' },
          input[1],
          input[2],
          { type: 'message', role: 'assistant', content: 'It is 4 °C.' },
        ]);
      },
    );
  });
});

describe('answer size cap', () => {
  const big = (bytes: number) => ({ ...ANSWER, padding: 'x'.repeat(bytes) });

  it('a body larger than the cap (chunked, no length): “larger than N MB”, the rest not read', async () => {
    let written = 0;
    let closed = false;
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.on('close', () => (closed = true));
        const chunk = 'x'.repeat(64 * 1024);
        const pump = (): void => {
          while (!closed && written < 50 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.write('{"padding":"');
        pump();
      },
      async (server) => {
        const error = await failure(client(server.baseUrl, { maxResponseBytes: 1024 * 1024 }).createResponse(REQUEST), 'badResponse');
        assert.match(error.message, /was larger than 1 MB, so the rest of it was not read\. Nothing was inserted\./);
        await until(() => closed);
        assert.ok(written < 20 * 1024 * 1024, `the server wrote ${written} bytes before the client stopped reading`);
      },
    );
  });

  it('a Content-Length over the cap is refused before reading; the default cap is 10 MB', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, big(11 * 1024 * 1024)),
      async (server) => {
        const error = await failure(client(server.baseUrl).createResponse(REQUEST), 'badResponse');
        assert.match(error.message, /larger than 10 MB/);
      },
    );
  });

  it('a body under the cap is read', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, big(900 * 1024)),
      async (server) => {
        const answer = await client(server.baseUrl, { maxResponseBytes: 1024 * 1024 }).createResponse(REQUEST);
        assert.equal(answer.text, 'A joke.');
      },
    );
  });
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

  it('listModelsFor says the capabilities are known when the capability path answers', async () => {
    await withServer(
      (_req, res) => sendJson(res, 200, { object: 'list', data: [MODEL_EXAMPLE] }),
      async (server) => {
        assert.deepEqual(await client(server.baseUrl).listModelsFor('chat-completion'), { models: [MODEL_EXAMPLE], capabilitiesKnown: true });
        assert.equal(server.requests.length, 1);
      },
    );
  });

  it('a 404 on /models/{capability}: falls back to GET /models, capabilities unknown', async () => {
    const openAiList = { object: 'list', data: [{ id: 'qwen3-8b', object: 'model', created: 1, owned_by: 'llamacpp' }] };
    await withServer(
      (req, res) =>
        req.url === '/models'
          ? sendJson(res, 200, openAiList)
          : sendJson(res, 404, { error: { code: 404, message: 'File Not Found', type: 'not_found_error' } }),
      async (server) => {
        const lines: string[] = [];
        const pg = new PredictionGuardClient({ baseUrl: server.baseUrl, token: TOKEN, timeoutSeconds: 10 }, (line) => lines.push(line));
        assert.deepEqual(await pg.listModelsFor('chat-completion'), { models: openAiList.data, capabilitiesKnown: false });
        assert.deepEqual(
          server.requests.map((r) => r.url),
          ['/models/chat-completion', '/models'],
        );
        assert.ok(
          lines.some((l) => /capabilities unknown/.test(l)),
          lines.join('\n'),
        );
        assert.deepEqual(await pg.listModels('chat-completion'), openAiList.data, 'listModels falls back too');
      },
    );
  });

  it('other failures of the capability path are not hidden by the fallback', async () => {
    await withServer(
      (_req, res) => sendJson(res, 403, { error: 'refused' }),
      async (server) => {
        await failure(client(server.baseUrl).listModelsFor('chat-completion'), 'auth');
        assert.equal(server.requests.length, 1);
      },
    );
  });

  it('a 404 on both paths: the 404 of /models is shown', async () => {
    await withServer(
      (_req, res) => sendJson(res, 404, { error: 'not found' }),
      async (server) => {
        const error = await failure(client(server.baseUrl).listModelsFor('chat-completion'), 'http');
        assert.equal(error.status, 404);
        assert.deepEqual(
          server.requests.map((r) => r.url),
          ['/models/chat-completion', '/models'],
        );
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
    assert.throws(
      () => client('http://example.com'),
      (error: unknown) => error instanceof PredictionGuardError && error.kind === 'config',
    );
  });

  it('accepts a local http gateway and any https address', () => {
    assert.doesNotThrow(() => client('http://127.0.0.1:1234'));
    assert.doesNotThrow(() => client('https://x.example'));
  });
});
