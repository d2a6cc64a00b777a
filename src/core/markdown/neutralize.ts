// Model text written into a Markdown *document* (Explain/Ask answers, the chat export), made inert in
// the text itself, so it holds under any Markdown preview setting (even with the preview's security
// relaxed to allow HTML and remote content). Pure. What is code and what is not is decided by
// markdown-it's own parse with raw HTML on (as VS Code's preview parses), never by a line scanner:
// - raw HTML is text: every `<` outside code becomes `&lt;` (tags, comments, autolinks);
// - no image is ever loaded: `![` outside code becomes `!\[`, so inline and reference images show as
//   their literal Markdown, URL included;
// - a backtick outside code becomes `\``, so it cannot pair with one that opened real code;
// - a link is a link only when it is https:, http:, mailto:, or a plain relative path/anchor:
//   anything else (javascript:, command:, vscode:, file:, data:, entity-encoded…) becomes text;
// - code (fenced, indented, inline spans) is left exactly as written: the preview shows it as code.
// The result is parsed again until markdown-it finds nothing live outside code; should that not
// settle, every `<` and `[` in the document becomes an entity (code then shows them encoded).
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { isAllowedLink } from './links';
import { codeSpanRanges } from './codeSpans';

/** A destination with no scheme and none of the characters that could spell one (`:`, `&`, `\`). */
const PLAIN_RELATIVE = /^[\w\-./#?=%~+,@!$*;]*$/;

function safeDestination(destination: string): boolean {
  const url = destination.replace(/^<|>$/g, '');
  if (url === '') return true;
  if (isAllowedLink(url)) return true;
  return PLAIN_RELATIVE.test(url) && !url.includes(':');
}

/** Inline links `](dest` whose destination is not allowed are made literal text (their `]` escaped). */
function neutralizeInlineLinks(text: string): string {
  return text.replace(/(\\*)\]\(\s*(<[^>\n]*>|[^\s)]*)/g, (match: string, slashes: string, destination: string, offset: number) => {
    // An escaped `]` (after an odd run of backslashes) closes no link text: already inert.
    if (slashes.length % 2 === 1) return match;
    const closesAtOnce = destination === '' && text[offset + match.length] === ')';
    return closesAtOnce || (destination !== '' && safeDestination(destination)) ? match : `${slashes}\\${match.slice(slashes.length)}`;
  });
}

/** Reference definitions `[id]: dest` (on lines markdown-it kept out of every block) made literal. */
function neutralizeReferences(text: string): string {
  return text.replace(
    /^( {0,3}(?:>[ \t]*)*)\[([^\]\n]+)\]:([ \t]*\n?[ \t]*)(\S*)/gm,
    (match: string, lead: string, label: string, gap: string, destination: string) =>
      destination !== '' && safeDestination(destination) ? match : `${lead}\\[${label}]:${gap}${destination}`,
  );
}

/** Text that is not code: escapes kept, `<` `![` and backticks made inert. */
function inertText(text: string): string {
  return text.replace(/\\[!-/:-@[-`{-~]|!\[|<|`/g, (m) => {
    if (m.startsWith('\\')) return m;
    if (m === '![') return '!\\[';
    return m === '<' ? '&lt;' : '\\`';
  });
}

/** The content of one inline token, its code spans kept and the rest made inert. */
function neutralizeInline(content: string, codeSpans: readonly (readonly [number, number])[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of codeSpans) {
    out += inertText(neutralizeInlineLinks(content.slice(at, start))) + content.slice(start, end);
    at = end;
  }
  return out + inertText(neutralizeInlineLinks(content.slice(at)));
}

/** One pass over `markdown` (line breaks '\n'): every line outside code made inert. */
function neutralizeOnce(markdown: string, md: MarkdownIt): string {
  const lines = markdown.split('\n');
  const handled = new Set<number>();
  const cursor = new Map<number, number>();
  const env = {};
  const tokens = md.parse(markdown, env);
  let row: [number, number] | null = null;
  for (const token of tokens) {
    if (token.type === 'tr_open') row = token.map;
    // Table cells' inline tokens carry no lines of their own: those of their row.
    const map = token.map ?? (token.type === 'inline' ? row : null);
    if (!map) continue;
    const [from, to] = map;
    if (token.type === 'fence' || token.type === 'code_block') {
      for (let n = from; n < to; n++) handled.add(n);
    } else if (token.type === 'html_block') {
      for (let n = from; n < to; n++) {
        lines[n] = inertText(lines[n] ?? '');
        handled.add(n);
      }
    } else if (token.type === 'inline') {
      const replaced = neutralizeInline(token.content, codeSpanRanges(md, token.content, env)).split('\n');
      token.content.split('\n').forEach((original, i) => {
        const n = from + i;
        if (n >= to) return;
        const line = lines[n] ?? '';
        const at = line.indexOf(original, cursor.get(n) ?? 0);
        if (at < 0) {
          lines[n] = inertText(line);
          cursor.set(n, lines[n].length);
        } else {
          lines[n] = line.slice(0, at) + (replaced[i] ?? '') + line.slice(at + original.length);
          cursor.set(n, at + (replaced[i] ?? '').length);
        }
        handled.add(n);
      });
    }
  }
  // Lines in no block (blank lines, rules, table delimiters, reference definitions): made inert whole,
  // in runs, so a reference definition whose destination is on the next line is seen whole.
  let run: number[] = [];
  const flush = (): void => {
    if (!run.length) return;
    const first = run[0] ?? 0;
    const text = neutralizeReferences(run.map((n) => inertText(lines[n] ?? '')).join('\n'));
    text.split('\n').forEach((line, i) => (lines[first + i] = line));
    run = [];
  };
  lines.forEach((_, n) => {
    const free = !handled.has(n);
    if (free && (!run.length || run[run.length - 1] === n - 1)) run.push(n);
    else {
      flush();
      if (free) run.push(n);
    }
  });
  flush();
  return lines.join('\n');
}

/** True when markdown-it finds raw HTML, an image or a link to a target not allowed in `markdown`. */
function hasLiveContent(markdown: string, md: MarkdownIt): boolean {
  const live = (tokens: readonly Token[]): boolean =>
    tokens.some(
      (token) =>
        token.type === 'html_block' ||
        token.type === 'html_inline' ||
        token.type === 'image' ||
        (token.type === 'link_open' && !safeDestination(token.attrGet('href') ?? '')) ||
        live(token.children ?? []),
    );
  return live(md.parse(markdown, {}));
}

const MAX_PASSES = 6;

/** `markdown` with remote images, raw HTML and dangerous links made inert; code unchanged. */
export function neutralizeMarkdown(markdown: string): string {
  const md = previewParser();
  let text = markdown.replace(/\r\n?/g, '\n');
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = neutralizeOnce(text, md);
    if (next === text && !hasLiveContent(next, md)) return next;
    text = next;
  }
  return hasLiveContent(text, md) ? text.replace(/</g, '&lt;').replace(/\[/g, '&#91;') : text;
}

let preview: MarkdownIt | undefined;

/** markdown-it as a permissive preview parses: raw HTML on, every link accepted. */
function previewParser(): MarkdownIt {
  if (!preview) {
    preview = new MarkdownIt({ html: true, linkify: false });
    preview.validateLink = () => true;
  }
  return preview;
}
