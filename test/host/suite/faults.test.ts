// Faults the extension itself must survive, in the real extension host: double presses, several
// selections, read-only and non-file documents, a closed editor, a proxy in the way. Each test is
// one injected fault, tagged with `fault()` so the runner counts it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  fault,
  documentFor,
  env,
  fenced,
  openScratch,
  runCommand,
  selectLines,
  setSetting,
  standIn,
  useBaseline,
  APPLY_DIRECTLY,
  waitForRequests,
} from './helpers';

const SOURCE = ['const a = 1;', 'const b = 2;', 'const c = 3;', ''].join('\n');

/** The user's text must be exactly `expected`; a mismatch is an edit lost (counted by the runner). */
export const faultCounters = { editsLost: 0 };
function assertTextKept(document: vscode.TextDocument, expected: string): void {
  if (document.getText() !== expected) faultCounters.editsLost++;
  assert.equal(document.getText(), expected, 'the user’s text is intact');
}

/** A read-only file system holding one file, so the editor refuses edits (applyEdit → false). */
class ReadOnlyFs implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  constructor(private readonly content: string) {}
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.content.length, permissions: vscode.FilePermission.Readonly };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  readFile(): Uint8Array {
    return new TextEncoder().encode(this.content);
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}

describe('faults', () => {
  beforeEach(async () => {
    await useBaseline(APPLY_DIRECTLY);
    await standIn().reset();
  });
  afterEach(closeAllEditors);

  fault(
    it('a command invoked twice quickly sends one request and inserts once', async () => {
      const editor = await openScratch(SOURCE);
      selectLines(editor, 1, 1);
      await standIn().enqueue('/responses', { kind: 'text', text: fenced('const b = 20;'), delayMs: 120_000 });
      const both = Promise.all([runCommand('predictionGuard.improve'), runCommand('predictionGuard.improve')]);
      await waitForRequests(1, '/responses');
      await standIn().release(); // the first answer arrives only after both presses
      const [first, second] = await both;
      assert.equal((await standIn().requests()).length, 1, 'one request');
      assert.deepEqual([first?.placed, second?.placed].sort(), ['replace', undefined].sort());
      assertTextKept(editor.document, SOURCE.replace('const b = 2;', 'const b = 20;'));
    }),
  );

  fault(
    it('with several selections only the primary one is sent and replaced', async () => {
      const editor = await openScratch(SOURCE);
      editor.selections = [new vscode.Selection(0, 0, 0, 12), new vscode.Selection(2, 0, 2, 12)];
      await standIn().enqueue('/responses', { kind: 'text', text: fenced('const a = 10;') });
      await runCommand('predictionGuard.improve');
      const sent = JSON.stringify((await standIn().lastRequest('/responses'))?.body);
      assert.ok(sent.includes('const a = 1;') && !sent.includes('const c = 3;'), 'only the primary selection was sent');
      assertTextKept(editor.document, SOURCE.replace('const a = 1;', 'const a = 10;'));
    }),
  );

  fault(
    it('a read-only, non-file document is never edited: the answer opens in a new document', async () => {
      const registration = vscode.workspace.registerFileSystemProvider('pg-readonly', new ReadOnlyFs(SOURCE), { isReadonly: true });
      try {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('pg-readonly:/locked.ts'));
        const editor = await vscode.window.showTextDocument(document);
        selectLines(editor, 0, 0);
        await standIn().enqueue('/responses', { kind: 'text', text: fenced('const a = 100;') });
        const result = await runCommand('predictionGuard.improve');
        assert.equal(result?.placed, 'newDocument');
        assert.match(result?.fallbackReason ?? '', /refused|read-only/);
        assert.equal(documentFor(result).getText(), 'const a = 100;\n');
        assertTextKept(document, SOURCE);
      } finally {
        registration.dispose();
      }
    }),
  );

  fault(
    it('closing the editor while the request runs sends the answer to a new document', async () => {
      const editor = await openScratch(SOURCE);
      await editor.document.save();
      selectLines(editor, 0, 0);
      await standIn().enqueue('/responses', { kind: 'text', text: fenced('const a = 5;'), delayMs: 120_000 });
      const pending = runCommand('predictionGuard.improve');
      await waitForRequests(1, '/responses');
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await standIn().release(); // the answer arrives once the editor is closed
      const result = await pending;
      assert.equal(result?.placed, 'newDocument');
      assert.match(result?.fallbackReason ?? '', /closed/);
      assertTextKept(editor.document, SOURCE);
    }),
  );

  fault(
    it('switching to another file while the request runs still edits the pinned file, not the active one', async () => {
      const editor = await openScratch(SOURCE);
      selectLines(editor, 2, 2);
      await standIn().enqueue('/responses', { kind: 'text', text: fenced('const c = 30;'), delayMs: 120_000 });
      const pending = runCommand('predictionGuard.improve');
      await waitForRequests(1, '/responses');
      const other = await openScratch('// another file\n');
      await standIn().release(); // the answer arrives once the other file is active
      await pending;
      assertTextKept(other.document, '// another file\n');
      assertTextKept(editor.document, SOURCE.replace('const c = 3;', 'const c = 30;'));
    }),
  );

  fault(
    it('an answer cut short (status "incomplete") never replaces code: it opens in a new document', async () => {
      const editor = await openScratch(SOURCE);
      selectLines(editor, 0, 0);
      await standIn().enqueue('/responses', { kind: 'text', text: fenced('const a = '), status: 'incomplete' });
      const result = await runCommand('predictionGuard.improve');
      assert.equal(result?.placed, 'newDocument');
      assertTextKept(editor.document, SOURCE);
    }),
  );

  fault(
    it('an HTML page from a proxy instead of an answer is never inserted', async () => {
      const editor = await openScratch(SOURCE);
      selectLines(editor, 0, 0);
      await standIn().enqueue('/responses', {
        kind: 'raw',
        status: 200,
        body: '<html><body>Please sign in to the corporate proxy</body></html>',
        headers: { 'content-type': 'text/html' },
      });
      assert.equal(await runCommand('predictionGuard.improve'), undefined);
      assertTextKept(editor.document, SOURCE);
    }),
  );

  fault(
    it('requests go through the proxy VS Code is configured with (http.proxy)', async () => {
      const proxyUrl = env('PG_PROXY_URL');
      const original = vscode.workspace.getConfiguration('predictionGuard').inspect<string>('baseUrl')?.globalValue;
      assert.ok(original, 'the harness set a base URL');
      const viaProxy = original.replace('127.0.0.1', '127.0.0.2');
      await setSetting('baseUrl', viaProxy);
      try {
        const editor = await openScratch(SOURCE);
        selectLines(editor, 0, 0);
        const answer = documentFor(await runCommand('predictionGuard.explain'));
        assert.equal(answer.getText(), 'Stand-in answer.\n');
        const passed = (await (await fetch(`${proxyUrl}/__recorded`)).json()) as { url: string; hasAuthorization: boolean }[];
        assert.ok(
          passed.some((r) => r.url === `${viaProxy}/responses` && r.hasAuthorization),
          `the request passed the proxy: ${JSON.stringify(passed)}`,
        );
      } finally {
        await setSetting('baseUrl', original);
      }
    }),
  );
});
