// What each selection command asks the model: the user message the server receives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TASK_IDS, TASKS, findPrompt, promptEntries, promptOverride, specFor, taskInput, taskPrompt, type SelectionContext } from '../../src/core/tasks';
import { fencedBlocks } from '../../src/core/fencedCode';
import { MessageItemSchema } from '../../src/api/requestSchema';

const CTX: SelectionContext = {
  fileName: 'src/math/sum.ts',
  languageId: 'typescript',
  startLine: 12,
  endLine: 18,
  text: 'export function sum(xs: number[]): number {\n  let t = 0;\n  for (const x of xs) t += x;\n  return t;\n}',
  diagnostics: [],
};

describe('every task', () => {
  for (const task of TASK_IDS) {
    it(`${task}: the selected code in a fence tagged with the language, the file name and the lines`, () => {
      const prompt = taskPrompt(task, CTX, 'What does it return for []?');
      assert.ok(prompt.includes('```typescript\n' + CTX.text + '\n```'), prompt);
      assert.ok(prompt.includes('src/math/sum.ts'), prompt);
      assert.match(prompt, /lines 12\D{1,3}18/);
    });

    it(`${task}: the model gets back exactly the selected code from the prompt's fence`, () => {
      const blocks = fencedBlocks(taskPrompt(task, CTX, 'Why?'));
      assert.deepEqual(blocks.at(-1), { language: 'typescript', code: CTX.text });
    });
  }

  it('a one-line selection is "line N"', () => {
    const prompt = taskPrompt('explain', { ...CTX, startLine: 7, endLine: 7, text: 'let t = 0;' });
    assert.match(prompt, /line 7\b/);
    assert.doesNotMatch(prompt, /lines 7/);
  });

  it('code tasks ask for the code only, prose tasks do not', () => {
    for (const task of TASK_IDS) {
      const asksForCodeOnly = /fenced code block/.test(taskPrompt(task, CTX, 'q'));
      assert.equal(asksForCodeOnly, TASKS[task].answerIsCode, task);
    }
  });
});

describe('Ask', () => {
  it("contains the user's question, before the code", () => {
    const prompt = taskPrompt('ask', CTX, 'Does this overflow for large arrays?');
    assert.ok(prompt.startsWith('Does this overflow for large arrays?'), prompt);
    assert.ok(prompt.indexOf('Does this overflow') < prompt.indexOf('```typescript'));
  });
});

describe('Fix', () => {
  it('lists each diagnostic with its line, severity, source and message', () => {
    const prompt = taskPrompt('fix', {
      ...CTX,
      diagnostics: [
        { line: 14, severity: 'error', source: 'ts', code: '2322', message: "Type 'string' is not assignable to type 'number'." },
        { line: 16, severity: 'warning', source: 'eslint', message: 'Unexpected var, use let or const instead.' },
      ],
    });
    assert.match(prompt, /line 14, error \(ts 2322\): Type 'string' is not assignable to type 'number'\./);
    assert.match(prompt, /line 16, warning \(eslint\): Unexpected var, use let or const instead\./);
    assert.ok(prompt.indexOf('line 14') < prompt.indexOf('line 16'));
  });

  it('a diagnostic without a source is listed without one', () => {
    const prompt = taskPrompt('fix', { ...CTX, diagnostics: [{ line: 13, severity: 'info', message: 'Unused variable t.' }] });
    assert.match(prompt, /line 13, info: Unused variable t\./);
  });

  it('says there are no problems when the editor reports none', () => {
    assert.match(taskPrompt('fix', CTX), /reports no problems/);
  });
});

describe('code that contains fences', () => {
  it('code with ``` gets a longer fence that the code cannot close', () => {
    const text = 'const md = `\n```js\nx()\n```\n`;';
    const prompt = taskPrompt('explain', { ...CTX, text });
    assert.ok(prompt.includes('````typescript\n' + text + '\n````'), prompt);
    assert.deepEqual(fencedBlocks(prompt).at(-1), { language: 'typescript', code: text });
  });

  it('code with ```` gets a 5-backtick fence', () => {
    const text = 'doc = """\n````\nnested\n````\n"""';
    const prompt = taskPrompt('improve', { ...CTX, languageId: 'python', text });
    assert.ok(prompt.includes('`````python\n' + text + '\n`````'), prompt);
  });
});

describe('taskInput', () => {
  it('is one user message holding the prompt, valid as request input', () => {
    const input = taskInput('ask', CTX, 'Is it O(n)?');
    assert.deepEqual(input, [{ type: 'message', role: 'user', content: taskPrompt('ask', CTX, 'Is it O(n)?') }]);
    assert.ok(MessageItemSchema.safeParse(input[0]).success);
  });
});

describe('custom prompts', () => {
  const prompts = [
    { name: 'Add type hints', prompt: 'Add type hints to every function.' },
    { name: 'improve selection', prompt: 'Make it faster.', placement: 'insertBelow' as const },
    { name: 'Summarise', prompt: 'Summarise it.', placement: 'markdown' as const },
  ];

  it("a custom prompt's text goes in the user message with the selected code", () => {
    const prompt = taskPrompt('custom', CTX, undefined, 'Add type hints to every function.');
    assert.ok(prompt.startsWith('Add type hints to every function.'), prompt);
    assert.deepEqual(fencedBlocks(prompt).at(-1), { language: 'typescript', code: CTX.text });
    assert.ok(prompt.includes('src/math/sum.ts'), prompt);
  });

  it("an entry named like a built-in command (any case) replaces that command's prompt text and placement", () => {
    const override = promptOverride('improve', prompts);
    assert.deepEqual(override, { name: 'Improve Selection', text: 'Make it faster.', destination: 'insertBelow' });
    const prompt = taskPrompt('improve', CTX, undefined, override?.text);
    assert.ok(prompt.startsWith('Make it faster.'), prompt);
    assert.doesNotMatch(prompt, /clearer, safer/);
    assert.equal(promptOverride('fix', prompts), undefined);
  });

  it('Run Prompt lists the built-in tasks, then the custom prompts', () => {
    const entries = promptEntries(prompts);
    assert.deepEqual(
      entries.map((e) => e.name),
      [...TASK_IDS.map((t) => TASKS[t].title), 'Add type hints', 'Summarise'],
    );
    assert.equal(entries.find((e) => e.name === 'Improve Selection')?.prompt?.text, 'Make it faster.');
  });

  it('a prompt is found by name, case-insensitively; an unknown one is not', () => {
    assert.deepEqual(findPrompt('add TYPE hints', prompts)?.prompt, {
      name: 'Add type hints',
      text: 'Add type hints to every function.',
      destination: undefined,
    });
    assert.equal(findPrompt('Fix Selection', prompts)?.task, 'fix');
    assert.equal(findPrompt('Nope', prompts), undefined);
  });

  it('a custom prompt opened as Markdown is prose; others are code', () => {
    assert.equal(specFor('custom', findPrompt('Summarise', prompts)?.prompt).answerIsCode, false);
    assert.equal(specFor('custom', findPrompt('Add type hints', prompts)?.prompt).answerIsCode, true);
    assert.equal(specFor('custom', findPrompt('Add type hints', prompts)?.prompt).title, 'Add type hints');
  });
});
