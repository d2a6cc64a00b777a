// What the .vsix ships: every bundle the extension loads on first use (esbuild.mjs, lazyModules) is
// listed in .vscodeignore, or the installed extension would fail at that first use.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('packaging', () => {
  it('each lazily loaded bundle ships in the .vsix', () => {
    const build = readFileSync(join(root, 'esbuild.mjs'), 'utf8');
    const lazy = build.slice(build.indexOf('const lazyModules = ['), build.indexOf('];', build.indexOf('const lazyModules = [')));
    const outs = [...lazy.matchAll(/out: '([\w.-]+\.js)'/g)].map((m) => m[1]);
    assert.ok(outs.length >= 3, `lazy bundles found in esbuild.mjs: ${outs.join(', ')}`);
    const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const out of outs) assert.ok(shipped.includes(`!dist/${out}`), `.vscodeignore does not ship dist/${out}`);
  });
});
