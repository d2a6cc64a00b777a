// “Check Factuality of Last Answer”: which answers are kept (Explain and Ask, not code put into the
// file), and the factuality request made of the kept one (reference = question + code, text = answer).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXPLAIN_QUESTION, LastAnswer, factualityRequest, taskAnswer } from '../../src/core/factualityInput';
import { type SelectionContext } from '../../src/core/tasks';

const CTX: SelectionContext = {
  fileName: 'src/parse.py',
  languageId: 'python',
  startLine: 3,
  endLine: 5,
  text: 'def parse(s):\n    return eval(s)\n',
  diagnostics: [],
};

describe('the last Explain/Ask answer', () => {
  it('Ask keeps the user’s question, the selected code with its place, and the answer', () => {
    const last = new LastAnswer();
    last.recordTask(taskAnswer('ask', CTX, 'It runs any code it is given.', 'Is this safe?'));
    assert.deepEqual(factualityRequest(last.get()!), {
      reference: 'Question: Is this safe?\n\nCode (src/parse.py, lines 3–5):\ndef parse(s):\n    return eval(s)\n',
      text: 'It runs any code it is given.',
    });
    assert.equal(last.get()?.title, 'Ask About Selection');
  });

  it('Explain keeps its instruction as the question, or the user’s replacement of it', () => {
    const builtIn = taskAnswer('explain', { ...CTX, startLine: 4, endLine: 4 }, 'It parses.');
    assert.ok(builtIn);
    assert.equal(builtIn.title, 'Explain Selection');
    assert.equal(factualityRequest(builtIn).reference.split('\n\n')[0], `Question: ${EXPLAIN_QUESTION}`);
    assert.deepEqual(
      builtIn.code.map((c) => c.label),
      ['src/parse.py, line 4'],
    );
    const replaced = taskAnswer('explain', CTX, 'It parses.', undefined, 'Explain it to a new hire.');
    assert.equal(replaced?.question, 'Explain it to a new hire.');
  });

  it('answers that are code for the file are not kept: the last Explain/Ask answer stays', () => {
    const last = new LastAnswer();
    assert.equal(last.get(), undefined);
    last.recordTask(taskAnswer('explain', CTX, 'It parses.'));
    for (const task of ['improve', 'document', 'writeTests', 'fix', 'custom'] as const) {
      assert.equal(taskAnswer(task, CTX, 'def parse(s): ...'), undefined, task);
      last.recordTask(taskAnswer(task, CTX, 'def parse(s): ...'));
    }
    assert.equal(last.get()?.answer, 'It parses.');
    last.recordTask(taskAnswer('ask', CTX, 'Yes.', 'Does it return?'));
    assert.equal(last.get()?.answer, 'Yes.');
  });
});
