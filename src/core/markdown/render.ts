// Model answer (Markdown) → an HTML string that is safe to sanitise and attach. Pure: used by the chat
// webview and unit-tested in Node. What it guarantees on its own, before DOMPurify runs:
// - raw HTML in the answer is escaped text, never markup;
// - links carry no href: the target sits in data-href (only https:, http:, mailto:) and opens through
//   the extension after the user confirms it, so nothing in the webview can navigate;
// - images are never <img>: each becomes a placeholder showing its URL, so nothing is fetched;
// - no style attributes (table alignment becomes a class);
// - hidden Unicode (bidi controls, zero-width and tag characters) is shown as a visible marker.
import type MarkdownIt from 'markdown-it';
import { highlightCode } from './highlight';
import { hasHiddenUnicode, replaceHidden } from './hiddenUnicode';
import { blockCode, createMarkdownIt, fenceLanguage, type CodeBlock } from './parser';

export interface RenderedAnswer {
  readonly html: string;
  /** The code blocks, indexed by the `data-block` attribute of their wrapper. */
  readonly blocks: readonly CodeBlock[];
}

interface Env {
  blocks: CodeBlock[];
  firstBlock: number;
}

type Token = ReturnType<MarkdownIt['parse']>[number];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function envOf(env: unknown): Env {
  const candidate = env as Partial<Env> | undefined;
  if (candidate && Array.isArray(candidate.blocks) && typeof candidate.firstBlock === 'number') return candidate as Env;
  throw new Error('renderAnswer: missing render environment');
}

function codeBlockHtml(env: Env, language: string, content: string): string {
  const code = blockCode(content);
  const index = env.firstBlock + env.blocks.length;
  env.blocks.push({ language, code });
  const safeLanguage = language.replace(/[^a-z0-9_+#.-]/g, '');
  const body = highlightCode(code, language) ?? escapeHtml(code);
  const label = safeLanguage || 'text';
  return (
    `<div class="pg-code" data-block="${index}" data-lang="${escapeHtml(safeLanguage)}">` +
    `<div class="pg-code-header"><span class="pg-code-lang">${escapeHtml(label)}</span></div>` +
    `<pre><code class="hljs${safeLanguage ? ` language-${escapeHtml(safeLanguage)}` : ''}">${body}</code></pre></div>\n`
  );
}

/** Table cells: `style="text-align:…"` becomes `class="pg-align-…"` (the CSP allows no inline style). */
function alignmentToClass(tokens: Token[]): void {
  for (const token of tokens) {
    const style = token.attrGet('style');
    if (style !== null) {
      const align = /text-align:\s*(left|right|center)/.exec(style)?.[1];
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (align) token.attrJoin('class', `pg-align-${align}`);
    }
    if (token.children) alignmentToClass(token.children);
  }
}

function createRenderer(): MarkdownIt {
  const md = createMarkdownIt();
  md.core.ruler.push('pg_no_inline_style', (state) => {
    alignmentToClass(state.tokens);
  });
  const rules = md.renderer.rules;
  rules.fence = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    return token ? codeBlockHtml(envOf(env), fenceLanguage(md.utils.unescapeAll(token.info)), token.content) : '';
  };
  rules.code_block = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    return token ? codeBlockHtml(envOf(env), '', token.content) : '';
  };
  rules.link_open = (tokens, idx) => {
    const href = tokens[idx]?.attrGet('href') ?? '';
    const target = escapeHtml(href);
    return `<a class="pg-link" data-href="${target}" title="${target}" role="link" tabindex="0">`;
  };
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!token) return '';
    const src = token.attrGet('src') ?? '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const what = alt ? `Image “${alt}” not loaded` : 'Image not loaded';
    return (
      `<span class="pg-image-placeholder" role="img" aria-label="${escapeHtml(`${what}: ${src}`)}">` +
      `<span class="pg-image-label">${escapeHtml(what)}</span> <span class="pg-image-url">${escapeHtml(src)}</span></span>`
    );
  };
  // html: false means the parser never makes these tokens; escape them anyway should that change.
  rules.html_block = (tokens, idx) => `<p>${escapeHtml(tokens[idx]?.content ?? '')}</p>`;
  rules.html_inline = (tokens, idx) => escapeHtml(tokens[idx]?.content ?? '');
  return md;
}

const renderer = createRenderer();

/** The hidden-Unicode marker inside text, and its plain-text form inside a tag's attribute values. */
function markHidden(html: string): string {
  // Most answers hold none: skip splitting the whole HTML into tags and text.
  if (!hasHiddenUnicode(html)) return html;
  return html
    .split(/(<[^>]*>)/)
    .map((part, index) =>
      index % 2 === 1
        ? replaceHidden(part, (run) => escapeHtml(`[${run.label}]`))
        : replaceHidden(part, (run) => `<span class="pg-hidden" title="${escapeHtml(run.description)}">${escapeHtml(run.label)}</span>`),
    )
    .join('');
}

/** `firstBlock`: the index of the first code block, when `markdown` is a section of a longer answer (sections.ts). */
export function renderAnswer(markdown: string, firstBlock = 0): RenderedAnswer {
  const env: Env = { blocks: [], firstBlock };
  const html = markHidden(renderer.render(markdown, env));
  return { html, blocks: env.blocks };
}
