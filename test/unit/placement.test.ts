// The text an answer becomes in the editor: indentation, line endings, and where it goes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dedent, reindent, withEol } from '../../src/core/indentation';
import { destinationFor, documentText, editText, indentTargetFor, type InEditorTarget } from '../../src/core/placementText';
import { TASK_IDS, type Destination, type TaskId } from '../../src/core/tasks';
import { PLACEMENTS } from '../../src/config/settingsSchema';

const target = (lineText: string, startCharacter: number, extra: Partial<InEditorTarget> = {}): InEditorTarget => ({
  indent: indentTargetFor(lineText, startCharacter),
  eol: '\n',
  endsWithNewline: false,
  ...extra,
});

describe('dedent and reindent', () => {
  it('dedent removes only the shared indentation', () => {
    assert.equal(dedent('    if x:\n        y()\n    z()'), 'if x:\n    y()\nz()');
  });

  it('reindent puts the code at the new indentation, keeping relative indentation', () => {
    const code = '    if x:\n        y()\n    z()';
    assert.equal(reindent(code, { baseIndent: '  ', firstLineIndented: false }), '  if x:\n      y()\n  z()');
  });

  it('works with tabs', () => {
    assert.equal(dedent('\t\tif (x) {\n\t\t\ty();\n\t\t}'), 'if (x) {\n\ty();\n}');
    assert.equal(reindent('if (x) {\n\ty();\n}', { baseIndent: '\t', firstLineIndented: false }), '\tif (x) {\n\t\ty();\n\t}');
  });

  it('blank and whitespace-only lines become empty, and do not limit the dedent', () => {
    assert.equal(reindent('    a()\n\n  \n        b()', { baseIndent: '  ', firstLineIndented: false }), '  a()\n\n\n      b()');
  });

  it('with firstLineIndented the first line does not get the indentation twice', () => {
    assert.equal(reindent('a()\nb()', { baseIndent: '    ', firstLineIndented: true }), 'a()\n    b()');
  });

  it('CRLF code is handled as lines', () => {
    assert.equal(reindent('  a\r\n    b\r\n', { baseIndent: '', firstLineIndented: false }), 'a\n  b\n');
  });

  it('withEol converts every line ending', () => {
    assert.equal(withEol('a\nb\r\nc', '\r\n'), 'a\r\nb\r\nc');
    assert.equal(withEol('a\r\nb\rc', '\n'), 'a\nb\nc');
  });
});

describe('indentTargetFor', () => {
  it("a selection at column 0 takes the line's indentation for every line", () => {
    assert.deepEqual(indentTargetFor('    return x;', 0), { baseIndent: '    ', firstLineIndented: false });
  });

  it('a selection starting right after the indentation: the first line is already indented', () => {
    assert.deepEqual(indentTargetFor('\t\treturn x;', 2), { baseIndent: '\t\t', firstLineIndented: true });
  });

  it("a selection starting mid-line: later lines at the line's indentation", () => {
    assert.deepEqual(indentTargetFor('  const y = compute(a, b);', 12), { baseIndent: '  ', firstLineIndented: true });
  });
});

describe('editText', () => {
  it('a fenced answer replacing full indented lines comes out at their indentation', () => {
    const answer = 'Here:\n```python\ndef f():\n    return 1\n```';
    assert.equal(editText(answer, true, target('    def g():', 0)), '    def f():\n        return 1');
  });

  it('a selection that starts after the indentation, answered with its own text, is put back unchanged', () => {
    // The document "    foo()\n    bar()" with "foo()\n    bar()" selected (from column 4): the
    // model echoes the code it was sent, as Add Documentation does for the code itself.
    const selected = 'foo()\n    bar()';
    assert.equal(editText('```js\n' + selected + '\n```', true, target('    foo()', 4)), selected);
  });

  it('with a CRLF document, every line ends with \\r\\n', () => {
    const text = editText('```ts\nif (a) {\n  b();\n}\n```', true, target('  if (z) {', 0, { eol: '\r\n', endsWithNewline: true }));
    assert.equal(text, '  if (a) {\r\n    b();\r\n  }\r\n');
    assert.doesNotMatch(text, /(^|[^\r])\n/);
  });

  it('endsWithNewline keeps exactly one trailing line break, however many the answer has', () => {
    assert.equal(editText('```\nx = 1\n\n\n```\n\n', true, target('x = 0', 0, { endsWithNewline: true })), 'x = 1\n');
    assert.equal(editText('x = 1\n\n', true, target('x = 0', 0, { endsWithNewline: true })), 'x = 1\n');
    assert.equal(editText('```\nx = 1\n```', true, target('x = 0', 0)), 'x = 1');
  });

  it('a prose answer is trimmed but its fences are kept', () => {
    assert.equal(editText('\n Use `map`:\n```js\na.map(f)\n```\n', false, target('', 0)), 'Use `map`:\n```js\na.map(f)\n```');
  });
});

describe('documentText', () => {
  it('code tasks get the code, prose tasks the Markdown, each ending with one newline', () => {
    assert.equal(documentText('Tests:\n```py\ndef test_a():\n    assert a()\n```\nDone.', true), 'def test_a():\n    assert a()\n');
    assert.equal(documentText('\n# Explanation\n\nIt adds.\n\n', false), '# Explanation\n\nIt adds.\n');
  });
});

describe('destinationFor', () => {
  const AUTO: Record<TaskId, Destination> = {
    improve: 'replace',
    document: 'replace',
    fix: 'replace',
    explain: 'markdownBeside',
    ask: 'markdownBeside',
    writeTests: 'newDocument',
  };

  for (const task of TASK_IDS) {
    it(`${task}: auto goes to ${AUTO[task]}, an explicit placement wins`, () => {
      assert.equal(destinationFor(task, 'auto'), AUTO[task]);
      for (const placement of PLACEMENTS.filter((p) => p !== 'auto')) {
        assert.equal(destinationFor(task, placement), placement);
      }
    });
  }
});
