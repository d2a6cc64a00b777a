// Issue 20 item 13: an MCP server's `authorization`, echoed back by a server in an error, is
// redacted like the API key: in the message the user sees and in every log line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PredictionGuardClient } from '../../src/api/client';
import { PredictionGuardError, redact } from '../../src/api/errors';
import { sendJson, withServer } from './helpers/httpServer';

const TOKEN = 'pg-secret-token-1234567890';
const MCP_CREDENTIAL = 'mcp-credential-0987654321';
const REQUEST = {
  model: 'gpt-oss-120b',
  input: 'Tell me a joke.',
  tools: [{ type: 'mcp' as const, server_label: 'deepwiki', server_url: 'https://mcp.example.com/sse', authorization: `Bearer ${MCP_CREDENTIAL}` }],
};

describe('MCP authorization echoed back by a server', () => {
  for (const [status, echo] of [
    [400, `bad authorization: Bearer ${MCP_CREDENTIAL}`],
    [403, `MCP server refused token ${MCP_CREDENTIAL}`],
    [500, `upstream said ${encodeURIComponent(MCP_CREDENTIAL)} ${'x'.repeat(2_000)}`],
  ] as const) {
    it(`attack: ${status} echoing the MCP secret: neither the message nor the log contains it`, async () => {
      await withServer(
        (_req, res) => sendJson(res, status, { error: echo }),
        async (server) => {
          const lines: string[] = [];
          const pg = new PredictionGuardClient({ baseUrl: server.baseUrl, token: TOKEN, timeoutSeconds: 10, maxRetries: 0 }, (line) => lines.push(line));
          const error = await pg.createResponse(REQUEST).then(
            () => assert.fail('expected an error'),
            (e: unknown) => e,
          );
          assert.ok(error instanceof PredictionGuardError, String(error));
          assert.ok(!error.message.includes(MCP_CREDENTIAL), error.message);
          assert.match(error.message, /«redacted»/);
          assert.ok(!(error.serverText ?? '').includes(MCP_CREDENTIAL), error.serverText);
          for (const line of lines) assert.ok(!line.includes(MCP_CREDENTIAL), line);
        },
      );
    });
  }

  it('redact takes several secrets, and the credential after an authorization scheme', () => {
    assert.equal(redact(`k=${TOKEN} a=${MCP_CREDENTIAL}`, [TOKEN, `Bearer ${MCP_CREDENTIAL}`]), 'k=«redacted» a=«redacted»');
    assert.equal(redact('short abc', ['abc']), 'short abc');
  });
});
