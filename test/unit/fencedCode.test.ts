// The code taken out of a model's answer: what ends up in the editor.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractCode, fencedBlocks } from '../../src/core/fencedCode';

describe('extractCode', () => {
  it('takes the code out of a ```lang block', () => {
    assert.deepEqual(extractCode('```python\ndef f(x):\n    return x * 2\n```'), { code: 'def f(x):\n    return x * 2', fromFence: true, blocks: 1 });
  });

  it('takes the code out of a ~~~ block', () => {
    assert.deepEqual(extractCode('~~~ts\nconst a = 1;\n~~~\n'), { code: 'const a = 1;', fromFence: true, blocks: 1 });
  });

  it('a ``` line inside a ~~~ block is code, not a fence', () => {
    assert.equal(extractCode('~~~markdown\n# Title\n```js\nx()\n```\n~~~').code, '# Title\n```js\nx()\n```');
  });

  it('a 4-backtick fence keeps the ``` lines inside it', () => {
    const answer = '````markdown\nUsage:\n\n```sh\nnpm test\n```\n````';
    assert.equal(extractCode(answer).code, 'Usage:\n\n```sh\nnpm test\n```');
  });

  it('an unclosed fence runs to the end of the answer', () => {
    assert.deepEqual(extractCode('Here you go:\n```go\nfunc main() {\n}\n'), { code: 'func main() {\n}', fromFence: true, blocks: 1 });
  });

  it('with no fence, the whole answer is the code, without blank lines around it', () => {
    assert.deepEqual(extractCode('\n\nx = 1\ny = 2\n  \n\n'), { code: 'x = 1\ny = 2', fromFence: false, blocks: 0 });
  });

  it('with no fence, the first line keeps its indentation', () => {
    assert.equal(extractCode('\n    return x\n').code, '    return x');
  });

  it('with several blocks, every block is kept, in order, one blank line apart', () => {
    const answer =
      'Call it like this:\n```ts\nf(1)\n```\nThe whole thing:\n```ts\nfunction f(n: number) {\n  return n + 1;\n}\n```\nAnd `f(2)` too:\n```ts\nf(2)\n```';
    assert.deepEqual(extractCode(answer), { code: 'f(1)\n\nfunction f(n: number) {\n  return n + 1;\n}\n\nf(2)', fromFence: true, blocks: 3 });
  });

  it('an empty block adds no blank lines', () => {
    assert.equal(extractCode('```js\na();\n```\n```\n\n```\n```js\nb();\n```').code, 'a();\n\nb();');
  });

  it('the text around the block is not part of the code', () => {
    const code = extractCode('Sure! Here is the improved version:\n\n```js\nlet total = 0;\n```\n\nThis avoids the global.').code;
    assert.equal(code, 'let total = 0;');
  });

  it('a CRLF answer gives the same code, with no \\r left in it', () => {
    const lf = '```python\nif x:\n    y()\n```\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.equal(extractCode(crlf).code, 'if x:\n    y()');
    assert.equal(extractCode(crlf).code, extractCode(lf).code);
  });

  it('a block indented by up to three spaces loses that indentation', () => {
    assert.equal(extractCode('1. Change it to:\n   ```js\n   a();\n     b();\n   ```').code, 'a();\n  b();');
  });

  it('blank lines at the end of a block are dropped, blank lines inside it are kept', () => {
    assert.equal(extractCode('```\na\n\nb\n\n\n```').code, 'a\n\nb');
  });
});

describe('fencedBlocks', () => {
  it('lists every block with its language, lower-cased', () => {
    assert.deepEqual(fencedBlocks('```TypeScript\nlet a;\n```\ntext\n~~~\nplain\n~~~'), [
      { language: 'typescript', code: 'let a;' },
      { language: '', code: 'plain' },
    ]);
  });

  it('a shorter closing fence does not close a longer one', () => {
    assert.deepEqual(fencedBlocks('````\n```\n````'), [{ language: '', code: '```' }]);
  });

  it('inline triple backticks in a sentence are not a fence', () => {
    assert.deepEqual(fencedBlocks('Wrap code in ```like this``` please.'), []);
  });
});
