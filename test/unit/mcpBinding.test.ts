// An MCP authorization goes only to the label AND URL it was stored for; custom URLs are https:.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ApiParametersSchema, buildRequest, mcpBinding, mcpServerUrlProblem, SettingsToolSchema } from '../../src/api/parameters';
import { readSettings } from '../../src/config/settingsSchema';

const stored = { [mcpBinding('docs', 'https://mcp.corp.example/sse')]: 'Bearer user-secret', [mcpBinding('gw', undefined)]: 'Bearer gw-secret' };

function toolsSent(tools: unknown[]) {
  const params = ApiParametersSchema.parse({ model: 'm', tools });
  return buildRequest(params, 'hi', stored).tools ?? [];
}

describe('MCP authorizations bound to label and URL', () => {
  it('the stored value goes with the tool it was saved for', () => {
    const [tool] = toolsSent([{ type: 'mcp', server_label: 'docs', server_url: 'https://MCP.corp.example:443/sse' }]);
    assert.equal(tool && 'authorization' in tool ? tool.authorization : undefined, 'Bearer user-secret');
  });

  it('a tool reusing the label with another URL gets nothing', () => {
    const sent = toolsSent([
      { type: 'mcp', server_label: 'docs', server_url: 'https://mcp.attacker.example/sse' },
      { type: 'mcp', server_label: 'docs' },
      { type: 'mcp', server_label: 'gw', server_url: 'https://mcp.attacker.example/' },
    ]);
    assert.ok(!JSON.stringify(sent).includes('secret'), JSON.stringify(sent));
  });

  it('a gateway server known by label (no URL) gets the value stored without a URL', () => {
    const [tool] = toolsSent([{ type: 'mcp', server_label: 'gw' }]);
    assert.equal(tool && 'authorization' in tool ? tool.authorization : undefined, 'Bearer gw-secret');
  });

  it('a value kept under the label alone (earlier versions) is never matched', () => {
    const params = ApiParametersSchema.parse({ model: 'm', tools: [{ type: 'mcp', server_label: 'docs', server_url: 'https://x.example/' }] });
    assert.ok(!JSON.stringify(buildRequest(params, 'hi', { docs: 'Bearer old' })).includes('Bearer old'));
  });
});

describe('custom MCP server URLs', () => {
  it('https: anywhere, http: only on loopback', () => {
    for (const ok of ['https://mcp.example/sse', 'http://localhost:8080/mcp', 'http://127.0.0.1/mcp', 'http://[::1]:9/x', 'http://tools.localhost/']) {
      assert.equal(mcpServerUrlProblem(ok), undefined, ok);
    }
    for (const bad of [
      'http://mcp.attacker.example/sse',
      'http://10.0.0.5/mcp',
      'ftp://x.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      assert.ok(mcpServerUrlProblem(bad), bad);
    }
  });

  it('a settings tool with an http: URL is refused and the tools fall back to none, with a warning', () => {
    assert.equal(SettingsToolSchema.safeParse({ type: 'mcp', server_label: 'x', server_url: 'http://mcp.attacker.example/' }).success, false);
    const { settings, problems } = readSettings((key) =>
      key === 'tools' ? [{ type: 'mcp', server_label: 'x', server_url: 'http://mcp.attacker.example/' }] : undefined,
    );
    assert.deepEqual(settings.params.tools, []);
    assert.match(problems.join('\n'), /predictionGuard\.tools: server_url must use https:\/\//);
  });
});
