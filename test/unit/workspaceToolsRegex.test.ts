// search_text with is_regex: model-supplied patterns run on a linear-time engine, so the
// classic catastrophic-backtracking patterns return at once; syntax RE2 lacks is refused, named.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TOOL_EXCLUDES } from '../../src/tools/toolSettings';
import { WorkspaceTools } from '../../src/tools/workspaceTools';
import { diskWorkspace } from './helpers/diskWorkspace';

const never = new AbortController().signal;
let root = '';
let t: WorkspaceTools;

before(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'pg-regex-')));
  // Lines of 1,000 characters that almost match: the worst case for a backtracking engine.
  writeFileSync(join(root, 'a.txt'), `${'a'.repeat(999)}b\n${'1a'.repeat(500)}\nHello World\n`);
  t = new WorkspaceTools(diskWorkspace([{ name: 'ws', fsRoot: root }]), DEFAULT_TOOL_EXCLUDES);
});
after(() => rmSync(root, { recursive: true, force: true }));

const search = async (query: string): Promise<string> => (await t.run('search_text', JSON.stringify({ query, glob: null, is_regex: true }), never)).output;

describe('search_text regular expressions', () => {
  it('attack: ^(a|a)*$ on a 1,000-character line returns, with no match', async () => {
    assert.equal(await search('^(a|a)*$'), 'No matches for ^(a|a)*$.');
  });

  it('attack: ((a)+)+$ on a 1,000-character line returns, with the match', async () => {
    assert.equal(await search('((a)+)+b$'), `a.txt:1: ${'a'.repeat(300)}…`);
    assert.equal(await search('^((a)+)+$'), 'No matches for ^((a)+)+$.');
  });

  it('attack: (\\w|\\d)*! on a 1,000-character line returns, with no match', async () => {
    assert.equal(await search('(\\w|\\d)*!'), 'No matches for (\\w|\\d)*!.');
  });

  it('case-insensitive with /pattern/i; case-sensitive otherwise', async () => {
    assert.equal(await search('/hello world/i'), 'a.txt:3: Hello World');
    assert.equal(await search('hello world'), 'No matches for hello world.');
  });

  it('backreferences, lookaround and unknown flags are refused with the reason', async () => {
    assert.match(await search('(a)\\1'), /^Refused: .*without backreferences/);
    assert.match(await search('a(?=b)'), /^Refused: .*without lookahead and lookbehind/);
    assert.match(await search('(?<!x)a'), /^Refused: .*without lookahead and lookbehind/);
    assert.match(await search('/a/y'), /^Refused: unsupported regular expression flag "y"/);
    assert.equal(await search('\\\\1'), 'No matches for \\\\1.');
  });
});
