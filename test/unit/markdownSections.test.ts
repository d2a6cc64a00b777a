import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { renderAnswer } from '../../src/core/markdown/render';
import { markdownSections } from '../../src/core/markdown/sections';
import { codeBlocks, type CodeBlock } from '../../src/core/markdown/parser';
import { longMarkdown } from '../../test/bench/chatBench';

/** The answer rendered section by section, each continuing the code block numbering, as the chat does. */
function bySections(markdown: string, size: number): string {
  let blocks = 0;
  return markdownSections(markdown, size)
    .map((section) => {
      const rendered = renderAnswer(section, blocks);
      blocks += rendered.blocks.length;
      return rendered.html;
    })
    .join('');
}

const normalised = (html: string): string => new JSDOM(html).window.document.body.innerHTML.replace(/\n/g, '');

describe('markdownSections', () => {
  it('cuts a long answer into sections that render as the whole answer does, code block numbers included', () => {
    const markdown = longMarkdown(20_000, 'The end.');
    const sections = markdownSections(markdown, 2000);
    assert.ok(sections.length > 5, `${sections.length} sections`);
    assert.equal(sections.join('\n'), markdown);
    assert.equal(normalised(bySections(markdown, 2000)), normalised(renderAnswer(markdown).html));
  });

  it('never cuts inside a fence, a list or a block quote', () => {
    const fence = ['```md', '', 'Not a cut', '', 'Still code', '```'].join('\n');
    const list = ['- one', '', '- two', '', '  more of two'].join('\n');
    const quote = ['> quoted', '', '> again'].join('\n');
    const markdown = Array.from({ length: 30 }, (_, i) => [`Paragraph ${i}.`, '', fence, '', list, '', quote, ''].join('\n')).join('\n');
    const sections = markdownSections(markdown, 100);
    assert.ok(sections.length > 10);
    for (const section of sections) assert.match(section, /^(Paragraph \d+\.|```md)\n/);
    assert.equal(normalised(bySections(markdown, 100)), normalised(renderAnswer(markdown).html));
  });

  it('keeps a short answer, and an answer with link reference definitions, whole', () => {
    assert.deepEqual(markdownSections('Short.\n\nAnswer.', 4000), ['Short.\n\nAnswer.']);
    const withReference = `${'Some paragraph.\n\n'.repeat(400)}See [the docs][d].\n\n[d]: https://example.com\n`;
    assert.deepEqual(markdownSections(withReference, 100), [withReference]);
  });
});

/** The code blocks the chat shows, section by section, in order: what Copy / Insert number. */
function renderedBlocks(markdown: string, size: number): CodeBlock[] {
  let first = 0;
  return markdownSections(markdown, size).flatMap((section) => {
    const { blocks } = renderAnswer(section, first);
    first += blocks.length;
    return [...blocks];
  });
}

describe('markdownSections: the host’s code block N is the one the chat shows as N', () => {
  const tricks: Record<string, string> = {
    'a line like ```x`y is no fence': ['```x`y', '', '```', '', 'Inside code', '', 'More code', '```'].join('\n'),
    'a fence in a list item ends with the item': ['- item', '', '  ```sh', '  echo', '', 'Outside now', '', '```', '', 'code', '', 'more code', '```'].join(
      '\n',
    ),
    'a fence in a block quote ends with the quote': ['> ```', '> quoted', '', 'Outside', '', '```', '', 'code', '```'].join('\n'),
  };
  for (const [name, trick] of Object.entries(tricks)) {
    it(`attack: ${name}`, () => {
      const markdown = Array.from({ length: 12 }, (_, i) => `Part ${i}.\n\n${trick}\n\n\`\`\`txt\nblock ${i}\n\`\`\`\n`).join('\n');
      assert.deepEqual(renderedBlocks(markdown, 1), codeBlocks(markdown));
      assert.equal(normalised(bySections(markdown, 1)), normalised(renderAnswer(markdown).html));
    });
  }
});
