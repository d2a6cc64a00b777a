// Where answers go, and that the user's own text always survives.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  documentFor,
  fenced,
  openScratch,
  openUntitled,
  runCommand,
  setSetting,
  selectLines,
  standIn,
  useBaseline,
  APPLY_DIRECTLY,
  waitForRequests,
} from './helpers';

const SOURCE = ['function greet(name) {', '  if (name) {', '    return "hi " + name;', '  }', '  return "hi";', '}', ''].join('\n');

describe('answer placement', () => {
  beforeEach(async () => {
    await useBaseline(APPLY_DIRECTLY);
    await standIn().reset();
  });
  afterEach(closeAllEditors);

  it('an edit made to the selection while the request runs is not overwritten', async () => {
    const editor = await openScratch(SOURCE, 'js');
    selectLines(editor, 1, 3);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('if (name) return `hi ${name}`;', 'javascript'), delayMs: 120_000 });

    const pending = runCommand('predictionGuard.improve');
    await waitForRequests(1, '/responses');
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(2, 4), '/* mine */ ')));
    await standIn().release(); // the answer arrives after the user's edit, however slow the machine
    const result = await pending;

    assert.equal(result?.placed, 'newDocument');
    assert.match(result?.fallbackReason ?? '', /changed the selected text/);
    assert.equal(editor.document.lineAt(2).text, '    /* mine */ return "hi " + name;', 'the user’s edit is intact');
    assert.equal(documentFor(result).getText(), 'if (name) return `hi ${name}`;\n');
  });

  it('an edit above the selection moves the target along, and the answer still replaces it', async () => {
    const editor = await openScratch(SOURCE, 'js');
    selectLines(editor, 1, 3);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('if (name) return name;', 'javascript'), delayMs: 120_000 });

    const pending = runCommand('predictionGuard.improve');
    await waitForRequests(1, '/responses');
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// added while waiting\n')));
    await standIn().release();
    await pending;

    assert.equal(
      editor.document.getText(),
      ['// added while waiting', 'function greet(name) {', '  if (name) return name;', '  return "hi";', '}', ''].join('\n'),
    );
  });

  it('one undo restores the document byte for byte', async () => {
    const editor = await openScratch(SOURCE, 'js');
    selectLines(editor, 1, 3);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('if (name) {\n  return `hi ${name}`;\n}', 'javascript') });
    await runCommand('predictionGuard.improve');
    assert.notEqual(editor.document.getText(), SOURCE);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');

    assert.equal(editor.document.getText(), SOURCE);
  });

  it('a CRLF document gets CRLF text', async () => {
    const editor = await openScratch(SOURCE.replace(/\n/g, '\r\n'), 'js');
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    selectLines(editor, 1, 3);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('if (name) {\n  return name;\n}', 'javascript') });

    await runCommand('predictionGuard.improve');

    const text = editor.document.getText();
    assert.ok(text.includes('  if (name) {\r\n    return name;\r\n  }\r\n'), JSON.stringify(text));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  });

  it('placement "insertBelow" keeps the selection and inserts the answer under it', async () => {
    await setSetting('placement', 'insertBelow');
    const editor = await openScratch(SOURCE, 'js');
    selectLines(editor, 4, 4);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('return "hello";', 'javascript') });

    const result = await runCommand('predictionGuard.improve');

    assert.equal(result?.placed, 'insertBelow');
    assert.deepEqual(editor.document.getText().split('\n').slice(4, 6), ['  return "hi";', '  return "hello";']);
  });

  it('placement "newDocument" leaves the file alone', async () => {
    await setSetting('placement', 'newDocument');
    const editor = await openScratch(SOURCE, 'js');
    selectLines(editor, 1, 3);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('if (name) return name;', 'javascript') });

    const answer = documentFor(await runCommand('predictionGuard.improve'));

    assert.equal(answer.languageId, 'javascript');
    assert.equal(answer.getText(), 'if (name) return name;\n');
    assert.equal(editor.document.getText(), SOURCE);
  });

  it('an untitled document works like a file', async () => {
    const editor = await openUntitled('x = 1\ny = 2\n', 'py');
    const document = editor.document;
    assert.ok(document.isUntitled);
    assert.equal(document.languageId, 'python');
    selectLines(editor, 1, 1);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('y: int = 2', 'python') });

    await runCommand('predictionGuard.improve');

    assert.equal(document.getText(), 'x = 1\ny: int = 2\n');
  });
});
