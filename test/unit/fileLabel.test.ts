import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { baseName, fileLabel } from '../../src/core/fileLabel';

describe('file labels', () => {
  it('a file inside the workspace is named by its relative path', () => {
    assert.equal(fileLabel('/home/ana/project/src/app.ts', 'src/app.ts'), 'src/app.ts');
  });

  it('a file outside the workspace is named by its base name only', () => {
    assert.equal(fileLabel('/home/ana/secret-client/notes.py', undefined), 'notes.py');
    assert.equal(fileLabel('c:\\Users\\ana\\Desktop\\x.ts', undefined), 'x.ts');
    assert.equal(fileLabel('Untitled-1', undefined), 'Untitled-1');
  });

  it('baseName ignores trailing separators', () => {
    assert.equal(baseName('/a/b/'), 'b');
  });
});
