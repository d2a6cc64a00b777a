// Each selection command, run in the real extension host against the stand-in server: what the
// server received and what the user's editor shows afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, documentFor, fenced, openScratch, runCommand, selectLines, standIn, useBaseline, APPLY_DIRECTLY, userMessage } from './helpers';

const SOURCE = [
  'export function total(prices: number[]): number {',
  '  let sum = 0;',
  '  for (const p of prices) {',
  '    sum = sum + p;',
  '  }',
  '  return sum;',
  '}',
  '',
].join('\n');

describe('selection commands', () => {
  beforeEach(async () => {
    await useBaseline(APPLY_DIRECTLY);
    await standIn().reset();
  });
  afterEach(closeAllEditors);

  it('Explain opens the answer as Markdown beside the editor and leaves the file unchanged', async () => {
    const editor = await openScratch(SOURCE);
    const selected = selectLines(editor, 2, 4);
    await standIn().enqueue('/responses', { kind: 'text', text: '## What it does\n\nIt adds every price.' });

    const answer = documentFor(await runCommand('predictionGuard.explain'));

    assert.equal(answer.languageId, 'markdown');
    assert.equal(answer.getText(), '## What it does\n\nIt adds every price.\n');
    assert.equal(editor.document.getText(), SOURCE);
    const request = await standIn().lastRequest('/responses');
    assert.equal(request?.headers.authorization, `Bearer ${await standIn().token()}`);
    assert.equal((request?.body as { model: string }).model, 'gpt-oss-120b');
    const message = userMessage(request);
    assert.ok(message.includes(selected.trimEnd()), 'the selection was sent');
    assert.ok(message.includes('typescript'), 'the language was sent');
    assert.ok(message.includes(vscode.workspace.asRelativePath(editor.document.uri)), 'the file name was sent');
    assert.ok(!message.includes('export function total'), 'only the selection was sent, not the whole file');
  });

  it('Improve replaces the selection with the fenced code, at the selection’s indentation', async () => {
    const editor = await openScratch(SOURCE);
    selectLines(editor, 2, 4);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('for (const price of prices) {\n  sum += price;\n}') });

    const result = await runCommand('predictionGuard.improve');

    assert.equal(result?.placed, 'replace');
    assert.equal(
      editor.document.getText(),
      SOURCE.replace('  for (const p of prices) {\n    sum = sum + p;\n  }\n', '  for (const price of prices) {\n    sum += price;\n  }\n'),
    );
  });

  it('Add Documentation replaces the selection with the documented code', async () => {
    const editor = await openScratch(SOURCE);
    selectLines(editor, 0, 6);
    const documented = `/** Adds up the prices. */\n${SOURCE.trimEnd()}`;
    await standIn().enqueue('/responses', { kind: 'text', text: fenced(documented), shape: 'openai' });

    await runCommand('predictionGuard.document');

    assert.equal(editor.document.getText(), `${documented}\n`);
    assert.ok(userMessage(await standIn().lastRequest('/responses')).includes('documentation'));
  });

  it('Fix sends the selection’s diagnostics and replaces it with the fix', async () => {
    const editor = await openScratch(SOURCE);
    selectLines(editor, 3, 3);
    const diagnostics = vscode.languages.createDiagnosticCollection('pg-test');
    try {
      diagnostics.set(editor.document.uri, [
        new vscode.Diagnostic(new vscode.Range(3, 4, 3, 7), "Type 'string' is not assignable to type 'number'.", vscode.DiagnosticSeverity.Error),
        new vscode.Diagnostic(new vscode.Range(0, 0, 0, 6), 'A problem outside the selection.', vscode.DiagnosticSeverity.Warning),
      ]);
      await standIn().enqueue('/responses', { kind: 'text', text: fenced('sum += Number(p);'), shape: 'object-output' });

      await runCommand('predictionGuard.fix');

      const message = userMessage(await standIn().lastRequest('/responses'));
      assert.ok(message.includes("Type 'string' is not assignable to type 'number'."), 'the diagnostic in the selection was sent');
      assert.ok(message.includes('line 4, error'), 'with its line and severity');
      assert.ok(!message.includes('A problem outside the selection.'), 'diagnostics outside the selection were not sent');
      assert.equal(editor.document.lineAt(3).text, '    sum += Number(p);');
    } finally {
      diagnostics.dispose();
    }
  });

  it('Write Tests opens the tests in a new document of the file’s language', async () => {
    const editor = await openScratch(SOURCE);
    selectLines(editor, 0, 6);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced("test('total', () => expect(total([1, 2])).toBe(3));") });

    const tests = documentFor(await runCommand('predictionGuard.writeTests'));

    assert.equal(tests.languageId, 'typescript');
    assert.ok(tests.isUntitled);
    assert.equal(tests.getText(), "test('total', () => expect(total([1, 2])).toBe(3));\n");
    assert.equal(editor.document.getText(), SOURCE);
  });

  it('Ask sends the question with the selection and opens the answer beside', async () => {
    const editor = await openScratch(SOURCE);
    const selected = selectLines(editor, 0, 6);
    await standIn().enqueue('/responses', { kind: 'text', text: 'No: an empty list gives 0.' });

    const answer = documentFor(await runCommand('predictionGuard.ask', { question: 'Can this return NaN?' }));

    assert.equal(answer.getText(), 'No: an empty list gives 0.\n');
    const message = userMessage(await standIn().lastRequest('/responses'));
    assert.ok(message.startsWith('Can this return NaN?'));
    assert.ok(message.includes(selected.trimEnd()));
  });

  it('an empty selection sends nothing and changes nothing', async () => {
    const editor = await openScratch(SOURCE);
    editor.selection = new vscode.Selection(1, 2, 1, 2);

    const result = await runCommand('predictionGuard.improve');

    assert.equal(result, undefined);
    assert.equal((await standIn().requests()).length, 0, 'no request reached the server');
    assert.equal(editor.document.getText(), SOURCE);
  });

  it('a refused key (403) or a safeguard block changes nothing in the file', async () => {
    const editor = await openScratch(SOURCE);
    selectLines(editor, 2, 4);
    await standIn().enqueue('/responses', { kind: 'error', status: 403, error: 'api understands the request but refuses to authorize it' });
    assert.equal(await runCommand('predictionGuard.improve'), undefined);
    await standIn().enqueue('/responses', { kind: 'safeguard', message: 'pii detected' });
    assert.equal(await runCommand('predictionGuard.improve'), undefined);

    assert.equal(editor.document.getText(), SOURCE);
    assert.deepEqual(
      (await standIn().requests()).map((r) => r.answeredStatus),
      [403, 400],
    );
  });
});
