// Review before apply (`predictionGuard.review` = diff, the default): the change opens as a diff,
// the right side is editable, Accept writes it as one undo step, Reject and closing change nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  useBaseline,
  closeAllEditors,
  fenced,
  openScratch,
  resetSettings,
  runCommand,
  selectLines,
  setSetting,
  waitForEvent,
  standIn,
  userMessage,
  type Placement,
} from './helpers';

const SOURCE = ['function greet(name) {', '  if (name) {', '    return "hi " + name;', '  }', '  return "hi";', '}', ''].join('\n');

interface AcceptResult {
  accepted: boolean;
  reason?: string;
}

const accept = (uri?: string): Thenable<AcceptResult> => vscode.commands.executeCommand<AcceptResult>('predictionGuard.acceptChange', uri);
const reject = (uri?: string): Thenable<AcceptResult> => vscode.commands.executeCommand<AcceptResult>('predictionGuard.rejectChange', uri);

/** Every open review diff: its title, left (the file) and right (the proposal). */
function reviewTabs(): { label: string; original: string; modified: string }[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.flatMap((tab) =>
      tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'pg-proposal'
        ? [{ label: tab.label, original: tab.input.original.toString(), modified: tab.input.modified.toString() }]
        : [],
    ),
  );
}

function proposal(result: Placement | undefined): vscode.TextDocument {
  assert.equal(result?.placed, 'review', `the answer went to a review: ${JSON.stringify(result)}`);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result?.uri);
  assert.ok(document, 'the proposal is open');
  return document;
}

async function editProposal(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const start = document.getText().indexOf(from);
  assert.ok(start >= 0, `the proposal holds ${from}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the proposal is editable');
}

/** An edit to the file itself, as the user typing in it (its editor is behind the diff now). */
async function insertInFile(document: vscode.TextDocument, position: vscode.Position, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

async function waitForNoReviewTab(): Promise<void> {
  await waitForEvent(
    vscode.window.tabGroups.onDidChangeTabs,
    () => reviewTabs().length === 0,
    () => reviewTabs().length === 0,
    'the review tab to close',
  );
}

async function improve(editor: vscode.TextEditor, from: number, to: number, code: string): Promise<Placement | undefined> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preview: false });
  selectLines(editor, from, to);
  await standIn().enqueue('/responses', { kind: 'text', text: fenced(code, 'javascript') });
  return runCommand('predictionGuard.improve');
}

describe('review before apply', () => {
  beforeEach(async () => {
    await useBaseline();
    await standIn().reset();
  });
  afterEach(async () => {
    while (reviewTabs().length > 0) await reject(reviewTabs()[0]?.modified);
    await resetSettings(['review', 'prompts']);
    await closeAllEditors();
  });

  it('Improve opens a diff titled with the command and file; the file is not changed yet', async () => {
    const editor = await openScratch(SOURCE, 'js');
    const name = editor.document.uri.path.split('/').pop();
    const result = await improve(editor, 1, 3, 'if (name) return `hi ${name}`;');

    const right = proposal(result);
    assert.equal(editor.document.getText(), SOURCE, 'the file is untouched while the review is open');
    assert.equal(right.getText(), ['function greet(name) {', '  if (name) return `hi ${name}`;', '  return "hi";', '}', ''].join('\n'));
    assert.deepEqual(reviewTabs(), [
      { label: `Improve Selection: ${name} ↔ proposed`, original: editor.document.uri.toString(), modified: right.uri.toString() },
    ]);
    assert.equal(right.languageId, 'javascript');
  });

  it('editing the right side then Accept writes the edited text; one undo restores the file byte for byte', async () => {
    const editor = await openScratch(SOURCE, 'js');
    const right = proposal(await improve(editor, 1, 3, 'if (name) return `hi ${name}`;'));
    await editProposal(right, '`hi ${name}`', '`hello ${name}` /* edited */');

    assert.deepEqual(await accept(), { accepted: true });
    await waitForNoReviewTab();

    assert.equal(
      editor.document.getText(),
      ['function greet(name) {', '  if (name) return `hello ${name}` /* edited */;', '  return "hi";', '}', ''].join('\n'),
    );
    assert.deepEqual(reviewTabs(), [], 'the diff is closed');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SOURCE);
  });

  it('Reject leaves the file unchanged and closes the diff', async () => {
    const editor = await openScratch(SOURCE, 'js');
    const right = proposal(await improve(editor, 1, 3, 'if (name) return name;'));
    await editProposal(right, 'return name', 'return name + 1');

    await reject();
    await waitForNoReviewTab();

    assert.deepEqual(reviewTabs(), []);
    assert.equal(editor.document.getText(), SOURCE);
    assert.equal(editor.document.isDirty, false);
  });

  it('closing the diff leaves the file unchanged, and there is nothing left to accept', async () => {
    const editor = await openScratch(SOURCE, 'js');
    proposal(await improve(editor, 1, 3, 'if (name) return name;'));

    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitForNoReviewTab();

    assert.deepEqual(reviewTabs(), []);
    assert.equal((await accept()).accepted, false);
    assert.equal(editor.document.getText(), SOURCE);
  });

  it('the target edited during the review: Accept is refused with the reason and the proposal stays open', async () => {
    const editor = await openScratch(SOURCE, 'js');
    const right = proposal(await improve(editor, 1, 3, 'if (name) return name;'));
    await insertInFile(editor.document, new vscode.Position(2, 4), '/* mine */ ');
    const edited = editor.document.getText();

    const result = await accept(right.uri.toString());

    assert.equal(result.accepted, false);
    assert.match(result.reason ?? '', /changed the text this change is for/);
    assert.equal(editor.document.getText(), edited, 'the user’s edit is intact and nothing else was written');
    assert.equal(reviewTabs().length, 1, 'the proposal is still open');
    assert.ok(right.getText().includes('if (name) return name;'), 'with its text');
  });

  it('an edit above the target moves it along: Accept still applies to the target', async () => {
    const editor = await openScratch(SOURCE, 'js');
    const right = proposal(await improve(editor, 4, 4, 'return "hello";'));
    await insertInFile(editor.document, new vscode.Position(0, 0), '// added during the review\n');

    assert.deepEqual(await accept(right.uri.toString()), { accepted: true });

    assert.equal(editor.document.getText(), ['// added during the review', ...SOURCE.split('\n').slice(0, 4), '  return "hello";', '}', ''].join('\n'));
  });

  it('two reviews at once: each Accept applies only to its own target', async () => {
    const first = await openScratch(SOURCE, 'js');
    const firstRight = proposal(await improve(first, 4, 4, 'return "first";'));
    const second = await openScratch(SOURCE, 'js');
    const secondRight = proposal(await improve(second, 4, 4, 'return "second";'));
    assert.equal(reviewTabs().length, 2);

    assert.deepEqual(await accept(secondRight.uri.toString()), { accepted: true });
    assert.equal(second.document.lineAt(4).text, '  return "second";');
    assert.equal(first.document.getText(), SOURCE, 'the other file waits for its own review');

    assert.deepEqual(await accept(firstRight.uri.toString()), { accepted: true });
    assert.equal(first.document.lineAt(4).text, '  return "first";');
    assert.equal(second.document.lineAt(4).text, '  return "second";');
    assert.deepEqual(reviewTabs(), []);
  });

  it('an answer with two code blocks keeps both in the proposal, in order', async () => {
    const editor = await openScratch(SOURCE, 'js');
    selectLines(editor, 4, 4);
    await standIn().enqueue('/responses', { kind: 'text', text: 'First:\n```js\nconst greeting = "hi";\n```\nThen:\n```js\nreturn greeting;\n```\n' });

    const right = proposal(await runCommand('predictionGuard.improve'));

    assert.deepEqual(right.getText().split('\n').slice(4, 7), ['  const greeting = "hi";', '', '  return greeting;']);
  });

  it('with review "apply", two code blocks or hidden Unicode still open a review instead of being written', async () => {
    await setSetting('review', 'apply');
    const editor = await openScratch(SOURCE, 'js');
    selectLines(editor, 4, 4);
    await standIn().enqueue('/responses', { kind: 'text', text: '```js\nconst a = 1;\n```\n```js\nreturn a;\n```\n' });
    proposal(await runCommand('predictionGuard.improve'));
    assert.equal(editor.document.getText(), SOURCE);

    await reject();
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('return "hi"; // \u202e }; evil(); {', 'javascript') });
    selectLines(editor, 4, 4);
    const right = proposal(await runCommand('predictionGuard.improve'));
    assert.ok(right.getText().includes('\u202e'), 'the proposal shows the hidden character (flagged), it is not dropped');
    assert.equal(editor.document.getText(), SOURCE, 'nothing was written silently');
  });

  it('with review "apply" and a plain answer, the file is edited directly', async () => {
    await setSetting('review', 'apply');
    const editor = await openScratch(SOURCE, 'js');
    const result = await improve(editor, 4, 4, 'return "hello";');
    assert.equal(result?.placed, 'replace');
    assert.equal(editor.document.lineAt(4).text, '  return "hello";');
    assert.deepEqual(reviewTabs(), []);
  });
});

describe('custom prompts', () => {
  beforeEach(async () => {
    await useBaseline();
    await standIn().reset();
  });
  afterEach(async () => {
    while (reviewTabs().length > 0) await reject(reviewTabs()[0]?.modified);
    await resetSettings(['prompts']);
    await closeAllEditors();
  });

  it('a keybinding argument runs the named prompt: its text is sent with the selection, and the answer is reviewed', async () => {
    await setSetting('prompts', [{ name: 'Add type hints', prompt: 'Add TypeScript type hints to every parameter.' }]);
    const editor = await openScratch('function twice(x) {\n  return x * 2;\n}\n', 'ts');
    selectLines(editor, 0, 2);
    await standIn().enqueue('/responses', { kind: 'text', text: fenced('function twice(x: number): number {\n  return x * 2;\n}') });

    const result = await runCommand('predictionGuard.runPrompt', { prompt: 'add type hints' });

    const [request] = await standIn().requests();
    const message = userMessage(request);
    assert.ok(message.startsWith('Add TypeScript type hints to every parameter.'), message);
    assert.ok(message.includes('function twice(x) {\n  return x * 2;\n}'), 'the selection goes with it');
    const body = request?.body as { instructions?: string };
    assert.equal(body.instructions, undefined, 'the prompt is not sent as instructions');
    const right = proposal(result);
    assert.ok(right.getText().startsWith('function twice(x: number): number {'));
  });

  it("an entry named like a built-in command replaces that command's prompt text", async () => {
    await setSetting('prompts', [{ name: 'Improve Selection', prompt: 'Make this code shorter.' }]);
    const editor = await openScratch(SOURCE, 'js');
    await improve(editor, 4, 4, 'return "hi";');

    const message = userMessage((await standIn().requests())[0]);
    assert.ok(message.startsWith('Make this code shorter.'), message);
    assert.doesNotMatch(message, /clearer, safer/);
  });

  it('an unknown prompt name sends nothing', async () => {
    const editor = await openScratch(SOURCE, 'js');
    selectLines(editor, 4, 4);
    assert.equal(await runCommand('predictionGuard.runPrompt', { prompt: 'No such prompt' }), undefined);
    assert.equal((await standIn().requests()).length, 0);
  });
});
