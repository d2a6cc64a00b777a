// What the widened default excludes, the workspace's .gitignore files and a root .pgignore keep from
// the tools: refused by read_file with the reason, missing from list_files and search_text.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TOOL_EXCLUDES } from '../../src/tools/toolSettings';
import { WorkspaceTools } from '../../src/tools/workspaceTools';
import { diskWorkspace } from './helpers/diskWorkspace';

const never = new AbortController().signal;
let root = '';
let t: WorkspaceTools;

const NEW_EXCLUDES = [
  '.ssh/id_ed25519',
  '.ssh/id_ed25519.pub',
  'id_ecdsa',
  '.npmrc',
  'sub/.netrc',
  '.pypirc',
  '.git-credentials',
  'certs/client.p12',
  'certs/client.pfx',
  '.aws/credentials',
  'infra/terraform.tfstate',
  'infra/terraform.tfstate.backup',
  'infra/prod.tfvars',
  '.envrc',
  'config/credentials.json',
  'config/secrets.yaml',
];
const GITIGNORED = ['build/out.js', 'logs/today.log', 'pkg/local.txt', 'pkg/.cache/x.txt'];
const PGIGNORED = ['private/notes.md', 'draft.md'];

function put(relative: string, text: string): void {
  mkdirSync(join(root, relative, '..'), { recursive: true });
  writeFileSync(join(root, relative), text);
}

before(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'pg-ignore-')));
  for (const path of [...NEW_EXCLUDES, ...GITIGNORED, ...PGIGNORED]) put(path, `SECRET in ${path}\n`);
  put('src/main.ts', 'SECRET-FREE main\n');
  put('logs/keep.log', 'kept log\n');
  put('.gitignore', 'build/\n*.log\n!logs/keep.log\n');
  put('pkg/.gitignore', 'local.txt\n.cache\n');
  // .pgignore adds; its negations cannot bring back a default exclude or a .gitignored file.
  put('.pgignore', 'private/\ndraft.md\n!.npmrc\n!build/out.js\n!logs/today.log\n');
  t = new WorkspaceTools(diskWorkspace([{ name: 'ws', fsRoot: root }]), DEFAULT_TOOL_EXCLUDES);
});
after(() => rmSync(root, { recursive: true, force: true }));

const read = async (path: string): Promise<string> => (await t.run('read_file', JSON.stringify({ path, start_line: null, end_line: null }), never)).output;

describe('secrets the tools cannot read', () => {
  for (const path of NEW_EXCLUDES) {
    it(`attack: ${path} is refused by the default excludes`, async () => {
      assert.equal(await read(path), `Refused: excluded by predictionGuard.workspaceToolsExclude (${path}).`);
    });
  }

  for (const path of GITIGNORED) {
    it(`attack: ${path}, ignored by a .gitignore, is refused with the reason`, async () => {
      assert.equal(await read(path), `Refused: ignored by the workspace's .gitignore (${path}).`);
    });
  }

  for (const path of PGIGNORED) {
    it(`attack: ${path}, listed in .pgignore, is refused with the reason`, async () => {
      assert.equal(await read(path), `Refused: excluded by .pgignore (${path}).`);
    });
  }

  it('attack: list_files and search_text show none of them; a .gitignore negation and other files still work', async () => {
    const listed = (await t.run('list_files', '{"glob":null}', never)).output.split('\n');
    assert.deepEqual(listed, ['.gitignore', '.pgignore', 'logs/keep.log', 'pkg/.gitignore', 'src/main.ts']);
    assert.equal((await t.run('search_text', '{"query":"SECRET","glob":null,"is_regex":null}', never)).output, 'src/main.ts:1: SECRET-FREE main');
    assert.equal(await read('logs/keep.log'), 'logs/keep.log, lines 1–1 of 1:\nkept log');
  });
});
