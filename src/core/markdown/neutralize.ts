// Model text written into a Markdown *document* (Explain/Ask answers, the chat export), made inert in
// the text itself, so it holds under any Markdown preview setting (even with the preview's security
// relaxed to allow HTML and remote content). Pure. The chat's rules (render.ts, parser.ts), in source form:
// - raw HTML is text: every `<` outside code becomes `&lt;` (tags, comments, autolinks);
// - no image is ever loaded: `![` outside code becomes `!\[`, so inline and reference images show as
//   their literal Markdown, URL included;
// - a link is a link only when it is https:, http:, mailto:, or a plain relative path/anchor:
//   anything else (javascript:, command:, vscode:, file:, data:, entity-encoded…) becomes text;
// - code (fenced, indented, inline spans) is left exactly as written: the preview shows it as code.
import { createMarkdownIt, isAllowedLink } from './parser';

const parser = createMarkdownIt();

/** A destination with no scheme and none of the characters that could spell one (`:`, `&`, `\`). */
const PLAIN_RELATIVE = /^[\w\-./#?=%~+,@!$*;]*$/;

function safeDestination(destination: string): boolean {
  const url = destination.replace(/^<|>$/g, '');
  if (url === '') return true;
  if (isAllowedLink(url)) return true;
  return PLAIN_RELATIVE.test(url) && !url.includes(':');
}

/** Line indexes (0-based) of fenced and indented code blocks. */
function codeLines(markdown: string): Set<number> {
  const lines = new Set<number>();
  for (const token of parser.parse(markdown, {})) {
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      for (let line = token.map[0]; line < token.map[1]; line++) lines.add(line);
    }
  }
  return lines;
}

/**
 * Inline links `](dest` and reference definitions `[id]: dest` whose destination is not allowed are
 * made literal text (their `]` or `[` escaped). Runs over a whole run of prose lines, because a
 * destination may follow on the next line; an empty destination counts as not allowed for that reason.
 */
function neutralizeLinks(text: string): string {
  const inline = text.replace(/\]\(\s*(<[^>\n]*>|[^\s)]*)/g, (match: string, destination: string, offset: number) => {
    const closesAtOnce = destination === '' && text[offset + match.length] === ')';
    return closesAtOnce || (destination !== '' && safeDestination(destination)) ? match : `\\${match}`;
  });
  return inline.replace(
    /^( {0,3}(?:>[ \t]*)*)\[([^\]\n]+)\]:([ \t]*\n?[ \t]*)(\S*)/gm,
    (match: string, lead: string, label: string, gap: string, destination: string) =>
      destination !== '' && safeDestination(destination) ? match : `${lead}\\[${label}]:${gap}${destination}`,
  );
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

function inertText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/!\[/g, '!\\[');
}

/**
 * One prose line: backslash escapes and code spans (a backtick run closed by an equal run on the same
 * line) are kept as written; all other text loses raw HTML and image syntax. A code span that runs
 * over lines is treated as text (it then shows `&lt;` for `<`: cosmetic, never unsafe).
 */
function neutralizeLine(line: string): string {
  let out = '';
  let text = '';
  let i = 0;
  const flushText = (): void => {
    out += inertText(text);
    text = '';
  };
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === '\\' && ASCII_PUNCTUATION.test(line[i + 1] ?? '')) {
      flushText();
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = i;
      while (line[n] === '`') n++;
      const run = line.slice(i, n);
      let close = -1;
      for (let j = n; j < line.length;) {
        if (line[j] !== '`') {
          j++;
          continue;
        }
        let k = j;
        while (line[k] === '`') k++;
        if (k - j === run.length) {
          close = k;
          break;
        }
        j = k;
      }
      flushText();
      if (close > 0) {
        out += line.slice(i, close);
        i = close;
      } else {
        out += run;
        i = n;
      }
      continue;
    }
    text += c;
    i++;
  }
  flushText();
  return out;
}

function neutralizeProse(text: string): string {
  return neutralizeLinks(text).split('\n').map(neutralizeLine).join('\n');
}

/** `markdown` with remote images, raw HTML and dangerous links made inert; code unchanged. */
export function neutralizeMarkdown(markdown: string): string {
  const code = codeLines(markdown);
  const lines = markdown.split('\n');
  const out: string[] = [];
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.length) out.push(neutralizeProse(prose.join('\n')));
    prose = [];
  };
  lines.forEach((line, n) => {
    if (code.has(n)) {
      flush();
      out.push(line);
    } else {
      prose.push(line);
    }
  });
  flush();
  return out.join('\n');
}
