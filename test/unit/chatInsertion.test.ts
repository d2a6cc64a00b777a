// The text a code block becomes at the cursor or in place of the selection, and the language of a
// new file opened from a block.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertionText, replacementText } from '../../src/chat/insertionText';
import { languageIdFor } from '../../src/chat/languageIds';

const CODE = 'if (x) {\n  y();\n}';

describe('insertionText (Insert at Cursor)', () => {
  it('on an empty line: the code as it is', () => {
    assert.equal(insertionText('', 0, CODE), CODE);
  });

  it('in the indentation of a blank line: every line at that indentation', () => {
    assert.equal(insertionText('    ', 4, CODE), 'if (x) {\n      y();\n    }');
  });

  it('at the start of a line of code: the code goes above it', () => {
    assert.equal(insertionText('  return total;', 2, CODE), 'if (x) {\n    y();\n  }\n  ');
  });

  it('after code on a line: the code starts on the next line at the line’s indentation', () => {
    assert.equal(insertionText('  let a = 1;', 12, CODE), '\n  if (x) {\n    y();\n  }');
  });

  it('in the middle of a line: the rest of the line moves below the code', () => {
    assert.equal(insertionText('  a(); b();', 7, 'c();'), '\n  c();\n  ');
  });
});

describe('replacementText (Replace Selection)', () => {
  it('whole lines: re-indented to the first line, keeping the final line break', () => {
    assert.equal(replacementText('    old();', 0, '    old();\n    more();\n', 'new1();\nnew2();'), '    new1();\n    new2();\n');
  });

  it('part of a line: no line break added', () => {
    assert.equal(replacementText('const a = old;', 10, 'old', 'fresh'), 'fresh');
  });
});

describe('languageIdFor (Open in New File)', () => {
  const known = new Set(['typescript', 'python', 'shellscript', 'plaintext', 'csharp', 'yaml']);
  it('maps fence words and aliases to VS Code language ids', () => {
    assert.equal(languageIdFor('ts', known), 'typescript');
    assert.equal(languageIdFor('Python', known), 'python');
    assert.equal(languageIdFor('bash', known), 'shellscript');
    assert.equal(languageIdFor('c#', known), 'csharp');
    assert.equal(languageIdFor('yml', known), 'yaml');
  });

  it('unknown or missing words give plain text', () => {
    assert.equal(languageIdFor('brainfudge', known), 'plaintext');
    assert.equal(languageIdFor('', known), 'plaintext');
  });
});
