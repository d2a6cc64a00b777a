// predictionGuard.workspaceTools: a user setting a workspace cannot turn on, off in Restricted Mode;
// the exclude list a workspace can lengthen but never shorten.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { settingLookup, type Inspected } from '../../src/config/settingLookup';
import { readSettings } from '../../src/config/settingsSchema';
import { DEFAULT_TOOL_EXCLUDES } from '../../src/tools/toolSettings';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown; scope?: string; enum?: unknown[] }> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
};
const props = pkg.contributes.configuration.properties;

function settingsWith(inspected: Record<string, Inspected>, trusted: boolean) {
  return readSettings(settingLookup((key) => inspected[key], trusted)).settings.workspaceTools;
}

describe('workspace tools settings', () => {
  it('package.json: "ask" by default, application scope, restricted; the default exclude list matches the code', () => {
    const mode = props['predictionGuard.workspaceTools'];
    assert.equal(mode?.default, 'ask');
    assert.deepEqual(mode?.enum, ['ask', 'allow', 'off']);
    assert.equal(mode?.scope, 'application');
    assert.deepEqual(props['predictionGuard.workspaceToolsExclude']?.default, [...DEFAULT_TOOL_EXCLUDES]);
    for (const key of ['predictionGuard.workspaceTools', 'predictionGuard.workspaceToolsExclude']) {
      assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
    }
  });

  it('nothing set: ask, with the default excludes', () => {
    const tools = settingsWith({}, true);
    assert.equal(tools.mode, 'ask');
    assert.deepEqual(tools.exclude, [...DEFAULT_TOOL_EXCLUDES]);
  });

  it('a workspace cannot turn the tools on or to "allow"; the user can', () => {
    assert.equal(settingsWith({ workspaceTools: { defaultValue: 'ask', globalValue: 'off', workspaceValue: 'allow' } }, true).mode, 'off');
    assert.equal(settingsWith({ workspaceTools: { defaultValue: 'ask', workspaceValue: 'allow', workspaceFolderValue: 'allow' } }, true).mode, 'ask');
    assert.equal(settingsWith({ workspaceTools: { defaultValue: 'ask', globalValue: 'allow' } }, true).mode, 'allow');
  });

  it('Restricted Mode: off whatever the user set', () => {
    assert.equal(settingsWith({ workspaceTools: { defaultValue: 'ask', globalValue: 'allow' } }, false).mode, 'off');
    assert.equal(settingsWith({}, false).mode, 'off');
  });

  it("a trusted workspace adds excludes but cannot remove the user's or the defaults", () => {
    const exclude = { defaultValue: [...DEFAULT_TOOL_EXCLUDES], workspaceValue: ['**/secrets/**'] };
    assert.deepEqual(settingsWith({ workspaceToolsExclude: exclude }, true).exclude, [...DEFAULT_TOOL_EXCLUDES, '**/secrets/**']);
    const emptied = { defaultValue: [...DEFAULT_TOOL_EXCLUDES], workspaceValue: [] };
    assert.deepEqual(settingsWith({ workspaceToolsExclude: emptied }, true).exclude, [...DEFAULT_TOOL_EXCLUDES]);
    const user = { defaultValue: [...DEFAULT_TOOL_EXCLUDES], globalValue: ['**/*.pem'], workspaceFolderValue: ['**/*.p12'] };
    assert.deepEqual(settingsWith({ workspaceToolsExclude: user }, true).exclude, ['**/*.pem', '**/*.p12']);
    assert.deepEqual(settingsWith({ workspaceToolsExclude: user }, false).exclude, ['**/*.pem']);
  });

  it('an invalid value is reported and the default used', () => {
    const { settings, problems } = readSettings(settingLookup((key) => (key === 'workspaceTools' ? { globalValue: 'sometimes' } : undefined), true));
    assert.equal(settings.workspaceTools.mode, 'ask');
    assert.match(problems.join('\n'), /predictionGuard\.workspaceTools: .*using the default/);
  });
});

describe('offered tools', async () => {
  const { offeredTools } = await import('../../src/tools/requestTools');
  const weather = { type: 'function' as const, name: 'get_weather' };
  const mcp = { type: 'mcp' as const, server_label: 'docs' };
  it("the four workspace tools go next to the user's tools unless off (Restricted Mode included)", () => {
    const on = offeredTools([weather, mcp], { mode: 'ask', exclude: [] });
    assert.deepEqual(
      on.tools.map((t) => (t.type === 'function' ? t.name : t.server_label)),
      ['get_weather', 'docs', 'read_file', 'list_files', 'search_text', 'get_problems'],
    );
    assert.deepEqual(on.userFunctions, ['get_weather']);
    const restricted = readSettings(settingLookup(() => ({ defaultValue: 'ask', globalValue: 'allow' }), false)).settings.workspaceTools;
    assert.deepEqual(offeredTools([weather], restricted).tools, [weather]);
  });
  it("a user function cannot take a workspace tool's name", () => {
    const r = offeredTools([{ type: 'function', name: 'read_file' }], { mode: 'ask', exclude: [] });
    assert.equal(r.tools.filter((t) => t.type === 'function' && t.name === 'read_file').length, 1);
    assert.deepEqual(r.userFunctions, []);
    assert.match(r.problems[0] ?? '', /read_file is left out/);
  });
});
