// The text a reviewed change proposes and what Accept writes back: pure offsets on strings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answerEdit, applyTextEdit, changedRegion, reviewReasons, reviewedEdit } from '../../src/core/proposal';

const DOC = ['function greet(name) {', '  if (name) {', '    return "hi " + name;', '  }', '  return "hi";', '}', ''].join('\n');
const lineOffset = (doc: string, line: number): number => doc.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
const fenced = (code: string): string => `Here:\n\n\`\`\`js\n${code}\n\`\`\`\n`;

describe('answerEdit: replace', () => {
  it('whole lines are replaced at their indentation, keeping the final line break', () => {
    const start = lineOffset(DOC, 1);
    const end = lineOffset(DOC, 4);
    const edit = answerEdit('replace', fenced('if (name) return `hi ${name}`;'), true, { documentText: DOC, eol: '\n', start, end });
    assert.equal(applyTextEdit(DOC, edit), ['function greet(name) {', '  if (name) return `hi ${name}`;', '  return "hi";', '}', ''].join('\n'));
  });

  it('a CRLF document gets CRLF text', () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    const start = crlf.indexOf('  if');
    const end = crlf.indexOf('  return "hi";');
    const edit = answerEdit('replace', fenced('if (a) {\n  b();\n}'), true, { documentText: crlf, eol: '\r\n', start, end });
    assert.equal(edit.text, '  if (a) {\r\n    b();\r\n  }\r\n');
  });

  it('an answer with two code blocks proposes both, in order', () => {
    const start = lineOffset(DOC, 4);
    const end = lineOffset(DOC, 5);
    const answer = 'First:\n```js\nconst a = 1;\n```\nThen:\n```js\nreturn a;\n```';
    const edit = answerEdit('replace', answer, true, { documentText: DOC, eol: '\n', start, end });
    assert.equal(edit.text, '  const a = 1;\n\n  return a;\n');
  });
});

describe('answerEdit: insertBelow', () => {
  it('after a selection of whole lines, the answer goes at the next line start', () => {
    const start = lineOffset(DOC, 4);
    const end = lineOffset(DOC, 5);
    const edit = answerEdit('insertBelow', fenced('return "hello";'), true, { documentText: DOC, eol: '\n', start, end });
    assert.deepEqual(applyTextEdit(DOC, edit).split('\n').slice(4, 6), ['  return "hi";', '  return "hello";']);
  });

  it('after a selection inside a line, the answer goes on the next line', () => {
    const start = DOC.indexOf('"hi";');
    const edit = answerEdit('insertBelow', fenced('x();'), true, { documentText: DOC, eol: '\n', start, end: start + 4 });
    assert.deepEqual(applyTextEdit(DOC, edit).split('\n').slice(4, 6), ['  return "hi";', '  x();']);
  });

  it('on the last line with no line break, the answer gets one before it', () => {
    const doc = 'a = 1\nb = 2';
    const edit = answerEdit('insertBelow', 'c = 3', true, { documentText: doc, eol: '\n', start: 6, end: 11 });
    assert.equal(applyTextEdit(doc, edit), 'a = 1\nb = 2\nc = 3');
  });
});

describe('changedRegion', () => {
  it('is the part between the common prefix and suffix', () => {
    assert.deepEqual(changedRegion('abcXdef', 'abcYYdef'), { start: 3, endBefore: 4, endAfter: 5 });
  });

  it('is empty for equal texts', () => {
    assert.deepEqual(changedRegion('same', 'same'), { start: 4, endBefore: 4, endAfter: 4 });
  });

  it('never splits a surrogate pair', () => {
    const region = changedRegion('a😀b', 'a😁b');
    assert.equal(region.start, 1);
    assert.equal(region.endBefore, 3);
  });
});

describe('reviewedEdit', () => {
  const original = 'head\nOLD\ntail\n';
  const span = { start: 5, end: 9 };

  it('the proposal as opened gives the proposed text for the span', () => {
    const proposal = applyTextEdit(original, { start: 5, end: 9, text: 'NEW\n' });
    assert.deepEqual(reviewedEdit(original, proposal, span), { withinSpan: true, edit: { start: 5, end: 9, text: 'NEW\n' } });
  });

  it("the user's own edits to the proposal inside the span are what is written", () => {
    assert.deepEqual(reviewedEdit(original, 'head\nNEW, edited\nmore\ntail\n', span).edit, { start: 5, end: 9, text: 'NEW, edited\nmore\n' });
  });

  it('a proposal edited back to the original writes the original text', () => {
    assert.deepEqual(reviewedEdit(original, original, span).edit, { start: 5, end: 9, text: 'OLD\n' });
  });

  it('edits outside the span give the one changed region, flagged as outside', () => {
    const result = reviewedEdit(original, 'HEAD\nNEW\ntail\n', span);
    assert.equal(result.withinSpan, false);
    assert.equal(applyTextEdit(original, result.edit), 'HEAD\nNEW\ntail\n');
  });
});

describe('reviewReasons', () => {
  it('one code block and plain text: none', () => {
    assert.deepEqual(reviewReasons(fenced('a();'), true, 'a();'), []);
  });

  it('several code blocks', () => {
    assert.deepEqual(reviewReasons('```\na\n```\n```\nb\n```', true, 'a\n\nb'), ['the answer has 2 code blocks']);
  });

  it('hidden Unicode in the text to insert', () => {
    assert.deepEqual(reviewReasons(fenced('a();'), true, 'a(); /* \u202e */'), ['it contains hidden Unicode characters']);
  });
});
