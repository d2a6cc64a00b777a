// Copy / Insert act on the host's code for a block id, and only when it is the code the chat showed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeBlocks } from '../../src/core/markdown/parser';
import { shownBlock } from '../../src/core/markdown/shownBlock';

describe('shownBlock', () => {
  const answer = ['```sh', 'echo safe', '```', '', '```x`y', '', '```py', 'print(1)', '```'].join('\n');
  const blocks = codeBlocks(answer);

  it('gives the host’s block when the webview showed that very code', () => {
    assert.deepEqual(shownBlock(blocks, 0, 'echo safe'), { language: 'sh', code: 'echo safe' });
  });

  it('attack: a webview whose block N shows other code than the host’s block N gets nothing done', () => {
    assert.equal(shownBlock(blocks, 0, 'print(1)'), undefined);
    assert.equal(shownBlock(blocks, 1, 'echo safe'), undefined);
    assert.equal(shownBlock(blocks, 7, 'echo safe'), undefined);
  });
});
