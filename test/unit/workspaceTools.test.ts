// The workspace tools against real files and symlinks in a temp dir: what may be read, what is refused
// (before anything is read), and that refused files' contents appear in no output.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FunctionToolSchema } from '../../src/api/requestSchema';
import { resolveToolPath, relativeInside } from '../../src/tools/confinement';
import { WORKSPACE_TOOLS } from '../../src/tools/definitions';
import { describeCall } from '../../src/tools/describe';
import { makeExcluder } from '../../src/tools/exclude';
import { capOutput, decodeText } from '../../src/tools/output';
import { DEFAULT_TOOL_EXCLUDES } from '../../src/tools/toolSettings';
import { WorkspaceTools } from '../../src/tools/workspaceTools';
import { diskWorkspace, type DiskFolder } from './helpers/diskWorkspace';

const SECRETS = ['OUTSIDE-SECRET', 'LINKED-DIR-SECRET', 'ENV-SECRET', 'ENV-LOCAL-SECRET', 'PEM-SECRET', 'GIT-SECRET', 'MODULE-SECRET', 'HIDDEN-SECRET'];
let tmp = '';
let ws: DiskFolder;
let ws2: DiskFolder;
const never = new AbortController().signal;

function put(path: string, text: string | Uint8Array): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

before(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'pg-tools-')));
  put(join(tmp, 'outside.txt'), 'OUTSIDE-SECRET\n');
  put(join(tmp, 'outsideDir/secret.txt'), 'LINKED-DIR-SECRET\n');
  const root = join(tmp, 'ws');
  put(join(root, 'src/app.py'), Array.from({ length: 150 }, (_, i) => (i === 9 ? 'print("not a secret here")' : `line ${i + 1}`)).join('\n') + '\n');
  put(join(root, '.env'), 'API_KEY=ENV-SECRET\n');
  put(join(root, 'config/.env.local'), 'ENV-LOCAL-SECRET\n');
  put(join(root, 'keys/server.pem'), 'PEM-SECRET\n');
  put(join(root, '.git/config'), 'GIT-SECRET\n');
  put(join(root, 'node_modules/x/index.js'), 'MODULE-SECRET\n');
  put(join(root, 'hidden/generated.js'), 'HIDDEN-SECRET\n');
  put(join(root, 'logo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  put(join(root, 'big.txt'), Array.from({ length: 1000 }, (_, i) => `row ${i + 1}`).join('\n'));
  put(join(root, 'wide.txt'), 'x'.repeat(100_000));
  symlinkSync(join(tmp, 'outside.txt'), join(root, 'link-out.txt'));
  symlinkSync(join(tmp, 'outsideDir'), join(root, 'linkdir'));
  symlinkSync(join(root, '.env'), join(root, 'innocent.txt'));
  symlinkSync(join(root, 'src/app.py'), join(root, 'app-link.py'));
  put(join(tmp, 'ws2/readme.md'), '# second folder\n');
  ws = { name: 'ws', fsRoot: root };
  ws2 = { name: 'ws2', fsRoot: join(tmp, 'ws2') };
});
after(() => rmSync(tmp, { recursive: true, force: true }));

function tools(folders: DiskFolder[] = [ws], filesExclude: unknown = { '**/hidden': true }) {
  const access = diskWorkspace(folders, { filesExclude });
  return { access, tools: new WorkspaceTools(access, DEFAULT_TOOL_EXCLUDES) };
}

function assertNoSecret(output: string): void {
  for (const secret of SECRETS) assert.ok(!output.includes(secret), `output leaks ${secret}:\n${output}`);
}

describe('resolveToolPath', () => {
  const one = [{ name: 'ws' }];
  const two = [{ name: 'app' }, { name: 'lib' }];
  for (const path of [
    '/etc/passwd',
    '\\\\server\\share\\x',
    'C:\\Windows\\win.ini',
    'c:/x',
    '~/.ssh/id_rsa',
    'file:///etc/passwd',
    '../outside.txt',
    'src/../../outside.txt',
    '..\\outside.txt',
    'src/..',
    '',
    '  ',
    'a\u0000b',
  ]) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      const r = resolveToolPath(path, one);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.reason, /^outside the workspace/);
    });
  }
  it('normalises "./" and doubled slashes; multi-root takes the folder name first', () => {
    assert.deepEqual(resolveToolPath('./src//app.py', one), { ok: true, at: { folder: one[0], relative: 'src/app.py' } });
    assert.deepEqual(resolveToolPath('lib/src/x.ts', two), { ok: true, at: { folder: two[1], relative: 'src/x.ts' } });
    const r = resolveToolPath('src/x.ts', two);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /must name a workspace folder \(app, lib\)/);
  });
  it('relativeInside does not take a sibling with the same prefix for inside', () => {
    assert.equal(relativeInside('/w/ws', '/w/ws2/x'), undefined);
    assert.equal(relativeInside('/w/ws', '/w/ws/x'), 'x');
    assert.equal(relativeInside('C:\\w\\ws', 'C:\\w\\ws\\a\\b'), 'a/b');
  });
});

describe('read_file on disk', () => {
  it('reads a file and a line range, with a header saying which lines', async () => {
    const { tools: t } = tools();
    const all = await t.run('read_file', '{"path":"src/app.py","start_line":null,"end_line":null}', never);
    assert.equal(all.refused, undefined);
    assert.match(all.output, /^src\/app\.py, lines 1–150 of 150:\nline 1\n/);
    const some = await t.run('read_file', '{"path":"src/app.py","start_line":9,"end_line":11}', never);
    assert.equal(some.output, 'src/app.py, lines 9–11 of 150:\nline 9\nprint("not a secret here")\nline 11');
  });

  it('follows a symlink that stays inside the workspace', async () => {
    const r = await tools().tools.run('read_file', '{"path":"app-link.py","start_line":1,"end_line":1}', never);
    assert.equal(r.output, 'app-link.py, lines 1–1 of 150:\nline 1');
  });

  const refusals: Array<[string, RegExp]> = [
    ['../outside.txt', /^Refused: outside the workspace: ".." is not allowed/],
    ['ABS', /^Refused: outside the workspace: absolute paths are not allowed/],
    ['link-out.txt', /^Refused: outside the workspace: it is a symbolic link that leads out of the workspace \(link-out\.txt\)\.$/],
    ['linkdir/secret.txt', /^Refused: outside the workspace: it is a symbolic link that leads out/],
    ['.env', /^Refused: excluded by predictionGuard\.workspaceToolsExclude \(\.env\)\.$/],
    ['.ENV', /^Refused: excluded by predictionGuard\.workspaceToolsExclude/],
    ['config/.env.local', /excluded by predictionGuard\.workspaceToolsExclude/],
    ['keys/server.pem', /excluded by predictionGuard\.workspaceToolsExclude/],
    ['.git/config', /excluded by predictionGuard\.workspaceToolsExclude/],
    ['node_modules/x/index.js', /excluded by predictionGuard\.workspaceToolsExclude/],
    ['hidden/generated.js', /excluded by predictionGuard\.workspaceToolsExclude/],
    ['innocent.txt', /excluded by predictionGuard\.workspaceToolsExclude \(innocent\.txt\)/],
  ];
  for (const [path, expected] of refusals) {
    it(`refuses ${path} before reading anything, and says why`, async () => {
      const { tools: t, access } = tools();
      const p = path === 'ABS' ? join(tmp, 'outside.txt') : path;
      const args = JSON.stringify({ path: p, start_line: null, end_line: null });
      const pre = await t.precheck('read_file', args);
      assert.match(pre?.output ?? '', expected);
      const r = await t.run('read_file', args, never);
      assert.match(r.output, expected);
      assertNoSecret(r.output);
      assert.deepEqual(access.reads, []);
    });
  }

  it('refuses a binary file after consent, in plain words', async () => {
    const { tools: t } = tools();
    assert.equal(await t.precheck('read_file', '{"path":"logo.png"}'), undefined);
    assert.equal((await t.run('read_file', '{"path":"logo.png"}', never)).output, 'Refused: binary file (logo.png).');
  });

  it('caps at 400 lines and says how to read on; start_line reads on', async () => {
    const { tools: t } = tools();
    const first = await t.run('read_file', '{"path":"big.txt"}', never);
    assert.match(first.output, /^big\.txt, lines 1–400 of 1000:\nrow 1\n/);
    assert.match(first.output, /row 400\n\[cut at 400 lines or 64 KB: read on with start_line 401\]$/);
    const next = await t.run('read_file', '{"path":"big.txt","start_line":401}', never);
    assert.match(next.output, /^big\.txt, lines 401–800 of 1000:\nrow 401\n/);
  });

  it('caps one very long line at 64 KB', async () => {
    const r = await tools().tools.run('read_file', '{"path":"wide.txt"}', never);
    assert.ok(Buffer.byteLength(r.output) <= 64 * 1024 + 200, `${Buffer.byteLength(r.output)} bytes`);
    assert.match(r.output, /\[cut at 400 lines or 64 KB/);
  });

  it('a missing file, a folder, bad arguments: said plainly', async () => {
    const { tools: t } = tools();
    assert.equal((await t.run('read_file', '{"path":"nope.txt"}', never)).output, 'Refused: no such file (nope.txt).');
    assert.equal((await t.run('read_file', '{"path":"src"}', never)).output, 'Refused: it is a folder; use list_files (src).');
    assert.match((await t.run('read_file', '{"path":"src/app.py","start_line":0}', never)).output, /^Refused: invalid arguments for read_file: start_line/);
    assert.match((await t.run('read_file', 'not json', never)).output, /^Refused: the arguments are not valid JSON/);
  });
});

describe('list_files and search_text on disk', () => {
  it('lists only confined, non-excluded files', async () => {
    const r = await tools().tools.run('list_files', '{"glob":null}', never);
    const listed = r.output.split('\n');
    assert.ok(listed.includes('src/app.py') && listed.includes('big.txt') && listed.includes('app-link.py'), r.output);
    for (const hidden of [
      '.env',
      'config/.env.local',
      'keys/server.pem',
      '.git/config',
      'node_modules/x/index.js',
      'hidden/generated.js',
      'link-out.txt',
      'linkdir/secret.txt',
      'innocent.txt',
    ]) {
      assert.ok(!listed.includes(hidden), `${hidden} listed`);
    }
  });

  it('a glob narrows; a glob that climbs out is refused', async () => {
    const { tools: t } = tools();
    assert.equal((await t.run('list_files', '{"glob":"src/**"}', never)).output, 'src/app.py');
    assert.match((await t.run('list_files', '{"glob":"../**"}', never)).output, /^Refused: outside the workspace/);
    assert.match((await t.run('list_files', '{"glob":"/etc/*"}', never)).output, /^Refused: outside the workspace/);
  });

  it('search finds text in allowed files and never in refused ones', async () => {
    const { tools: t } = tools();
    const r = await t.run('search_text', '{"query":"SECRET","glob":null,"is_regex":null}', never);
    assert.equal(r.output, 'app-link.py:10: print("not a secret here")\nsrc/app.py:10: print("not a secret here")');
    const regex = await t.run('search_text', '{"query":"^row 99\\\\d$","glob":"*.txt","is_regex":true}', never);
    assert.equal(regex.output, Array.from({ length: 10 }, (_, i) => `big.txt:${990 + i}: row ${990 + i}`).join('\n'));
  });

  it('search caps at 200 matches and says so; refuses invalid regular expressions', async () => {
    const { tools: t } = tools();
    const many = await t.run('search_text', '{"query":"row","glob":"big.txt"}', never);
    assert.equal(many.output.split('\n').length, 201);
    assert.match(many.output, /\[cut: the first 200 matches; narrow the query or the glob\]$/);
    assert.match((await t.run('search_text', '{"query":"(","is_regex":true}', never)).output, /^Refused: invalid regular expression/);
  });
});

describe('multi-root and problems', () => {
  it('paths start with the folder name', async () => {
    const { tools: t } = tools([ws, ws2]);
    assert.equal((await t.run('read_file', '{"path":"ws2/readme.md"}', never)).output, 'ws2/readme.md, lines 1–1 of 1:\n# second folder');
    assert.match(
      (await t.run('read_file', '{"path":"readme.md"}', never)).output,
      /^Refused: outside the workspace: the first segment must name a workspace folder/,
    );
    assert.equal((await t.run('list_files', '{"glob":"ws2/**"}', never)).output, 'ws2/readme.md');
  });

  it('get_problems lists one file or all, never an excluded file', async () => {
    const problems = [
      { at: { folder: ws, relative: 'src/app.py' }, line: 3, column: 5, severity: 'error' as const, message: 'undefined name', source: 'pyflakes' },
      { at: { folder: ws, relative: '.env' }, line: 1, column: 1, severity: 'warning' as const, message: 'ENV-SECRET looks odd' },
    ];
    const t = new WorkspaceTools(diskWorkspace([ws], { problems }), DEFAULT_TOOL_EXCLUDES);
    assert.equal((await t.run('get_problems', '{"path":null}', never)).output, 'src/app.py:3:5 error: undefined name (pyflakes)');
    assert.equal((await t.run('get_problems', '{"path":"src/app.py"}', never)).output, 'src/app.py:3:5 error: undefined name (pyflakes)');
    assert.match((await t.run('get_problems', '{"path":".env"}', never)).output, /^Refused: excluded/);
    assert.equal((await t.run('get_problems', '{"path":"big.txt"}', never)).output, 'No problems reported in big.txt.');
  });
});

describe('tool definitions, words, caps', () => {
  it('four strict function tools with the exact names; every property required, no extra properties', () => {
    assert.deepEqual(
      WORKSPACE_TOOLS.map((t) => t.name),
      ['read_file', 'list_files', 'search_text', 'get_problems'],
    );
    for (const tool of WORKSPACE_TOOLS) {
      assert.ok(FunctionToolSchema.safeParse(tool).success, tool.name);
      assert.equal(tool.strict, true);
      const params = tool.parameters as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
      assert.deepEqual([...params.required].sort(), Object.keys(params.properties).sort());
      assert.equal(params.additionalProperties, false);
    }
  });

  it('describes calls in words', () => {
    assert.equal(describeCall('read_file', '{"path":"src/app.py","start_line":1,"end_line":120}'), 'read `src/app.py`, lines 1–120');
    assert.equal(describeCall('read_file', '{"path":"src/app.py","start_line":null,"end_line":null}'), 'read `src/app.py`');
    assert.equal(describeCall('list_files', '{"glob":"**/*.ts"}'), 'list the files matching `**/*.ts`');
    assert.equal(describeCall('search_text', '{"query":"TODO","glob":null,"is_regex":false}'), 'search the workspace for `TODO`');
    assert.equal(describeCall('get_problems', '{}'), 'read the problems reported in the workspace');
    assert.equal(describeCall('get_weather', '{"city":"Oslo"}'), 'call your function `get_weather` with `{"city":"Oslo"}`');
  });

  it('excludes match a folder above a file, case-insensitively', () => {
    const excluded = makeExcluder(DEFAULT_TOOL_EXCLUDES);
    for (const p of ['.env', 'a/b/.env', '.env.production', 'deep/id_rsa.pub', 'x/.git/HEAD', 'NODE_MODULES/a.js', '.vscode/settings.json', 'a/Server.KEY'])
      assert.ok(excluded(p), p);
    for (const p of ['src/env.ts', 'environment.md', 'src/app.py', 'keys.txt']) assert.ok(!excluded(p), p);
    assert.ok(makeExcluder(['**/build'])('build/out/a.js'));
  });

  it('capOutput says when it cut; decodeText refuses NUL bytes and invalid UTF-8', () => {
    assert.match(capOutput(Array.from({ length: 500 }, () => 'a').join('\n')), /\n\[output cut: showing 400 of 500 lines/);
    assert.equal(capOutput('short'), 'short');
    assert.equal(decodeText(new Uint8Array([0x61, 0x00, 0x62])), undefined);
    assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0xfd])), undefined);
    assert.equal(decodeText(new TextEncoder().encode('héllo')), 'héllo');
  });
});
