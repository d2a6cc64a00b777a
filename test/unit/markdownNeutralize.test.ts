// Answers opened as Markdown documents: rendered by a preview with every protection relaxed (raw
// HTML on, any link scheme), the neutralised text still loads nothing, runs nothing and links only to
// https:, http:, mailto: or relative targets; code stays exactly as the model wrote it.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { neutralizeMarkdown } from '../../src/core/markdown/neutralize';
import { ATTACKER, CORPUS } from './helpers/markdownCorpus';

/** The Markdown preview at its most permissive: HTML allowed, every link accepted. */
const relaxedPreview = new MarkdownIt({ html: true, linkify: true });
relaxedPreview.validateLink = () => true;

const SAFE_TAGS = new Set([
  'p',
  'a',
  'code',
  'pre',
  'em',
  'strong',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  's',
]);

function assertInertDocument(name: string, markdown: string): void {
  const html = relaxedPreview.render(neutralizeMarkdown(markdown));
  for (const [tag, tagName] of html.matchAll(/<([a-z0-9]+)\b[^>]*>/gi)) {
    assert.ok(SAFE_TAGS.has(tagName!.toLowerCase()), `${name}: <${tagName}> in ${html}`);
    const attributes = [...tag.matchAll(/\s([a-z-:]+)(?:="[^"]*")?/gi)].map((m) => m[1]!.toLowerCase());
    for (const attribute of attributes) assert.ok(['href', 'title', 'class', 'start'].includes(attribute), `${name}: attribute ${attribute} in ${tag}`);
    for (const [, href] of tag.matchAll(/href="([^"]*)"/g)) {
      const decoded = relaxedPreview.utils.unescapeAll(href!);
      assert.ok(/^(?:https?:\/\/|mailto:)/i.test(decoded) || !/^[a-z][a-z0-9+.-]*:/i.test(decoded.trim()), `${name}: link to ${decoded}`);
    }
  }
}

describe('Markdown documents made inert', () => {
  for (const [name, markdown] of Object.entries(CORPUS)) {
    it(`${name}: nothing loads or runs in a relaxed preview`, () => assertInertDocument(name, markdown));
  }

  it('the check itself works: without neutralising, the corpus does load and link out', () => {
    const raw = relaxedPreview.render(Object.values(CORPUS).join('\n\n'));
    assert.match(raw, /<img src="http:\/\/127\.0\.0\.1:9/);
    assert.match(raw, /<script>/);
    assert.match(raw, /href="javascript:/);
  });

  const tricks: Record<string, string> = {
    'destination on the next line': '[click](\njavascript:window.pwned=1)',
    'reference definition on two lines': '[click][x]\n\n[x]:\n  command:workbench.action.openSettings',
    'escaped backtick before HTML': '\\` <img src="http://127.0.0.1:9/a"> `',
    'backslash-escaped colon': '[click](javascript\\:window.pwned=1)',
    'HTML block after a code span': '`x`\n<img src="http://127.0.0.1:9/b">',
    'image in a list in a quote': `> - ![x](${ATTACKER})`,
    'reference definition inside a quote': '> [x]: javascript:alert(1)\n> [click][x]',
    'html comment': '<!-- <img src="http://127.0.0.1:9/c"> -->',
  };
  for (const [name, markdown] of Object.entries(tricks)) {
    it(`${name}: inert`, () => assertInertDocument(name, markdown));
  }

  it('code blocks and code spans are unchanged; allowed links stay links; the image URL stays visible', () => {
    const answer = [
      'Use `Vec<T>` and `a < b`:',
      '',
      '```rust',
      'fn f<T>(x: Vec<T>) -> bool { x.len() < 3 } // ![x](y)',
      '```',
      '',
      '    <indented code>',
      '',
      `See [docs](https://doc.rust-lang.org/) and ![chart](${ATTACKER}).`,
    ].join('\n');
    const out = neutralizeMarkdown(answer);
    assert.ok(out.includes('`Vec<T>` and `a < b`'), out);
    assert.ok(out.includes('fn f<T>(x: Vec<T>) -> bool { x.len() < 3 } // ![x](y)'), out);
    assert.ok(out.includes('    <indented code>'), out);
    const html = relaxedPreview.render(out);
    assert.match(html, /<a href="https:\/\/doc\.rust-lang\.org\/">docs<\/a>/);
    assert.ok(!html.includes('<img'), html);
    assert.ok(relaxedPreview.utils.unescapeAll(html).includes('127.0.0.1:9/leak'), 'the image URL is shown as text');
  });

  it('text without anything to neutralise is unchanged', () => {
    const plain = '# Title\n\nA list:\n\n- one\n- two with **bold** and [a link](https://example.com)\n';
    assert.equal(neutralizeMarkdown(plain), plain);
  });
});
