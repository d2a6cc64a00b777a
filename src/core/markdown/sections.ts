// A long answer cut into Markdown sections that render alone exactly as they render together, so the
// chat can render the first screen at once and the rest a section at a time. Pure.
// Where the blocks are is markdown-it's own parse (the one the chat renders with), never a line scanner:
// a cut falls only before a top-level block that starts at column 0 after a blank line and starts no
// list item, block quote or table row; so no fence, list or quote is ever cut, and each section's
// code blocks are the next ones of the whole answer's. An answer with link reference definitions
// (`[x]: url`, valid anywhere in the document) is never cut.
import { createMarkdownIt } from './parser';

const parser = createMarkdownIt();
const NO_CUT_BEFORE = /^(?:[-*+>|]|\d{1,9}[.)]|\s|$)/;

/** True when the fence spanning `map` ends with a closing fence line (in a quote or list item or not). */
function closed(markup: string, map: [number, number] | null, lines: readonly string[]): boolean {
  if (!map || map[1] - map[0] < 2) return false;
  const last = (lines[map[1] - 1] ?? '').replace(/^[\s>]*/, '').trimEnd();
  return last.length >= markup.length && last === (markup[0] ?? '').repeat(last.length);
}

/** Line indexes (0-based) before which a section may start. */
function cutPoints(markdown: string, lines: readonly string[]): number[] | undefined {
  const env: { references?: Record<string, unknown> } = {};
  const tokens = parser.parse(markdown, env);
  if (env.references && Object.keys(env.references).length > 0) return undefined;
  const points: number[] = [];
  let afterUnclosedFence = false;
  for (const token of tokens) {
    if (token.type === 'fence' && !closed(token.markup, token.map, lines)) afterUnclosedFence = true;
    const start = token.map?.[0];
    if (token.level !== 0 || token.nesting === -1 || start === undefined || start === 0) continue;
    // A fence left open (ended by its list item or quote) holds the blank lines after it: cut later.
    const blocked = afterUnclosedFence;
    afterUnclosedFence = false;
    if (!blocked && (lines[start - 1] ?? '').trim() === '' && !NO_CUT_BEFORE.test(lines[start] ?? '')) points.push(start);
  }
  return points;
}

/**
 * `markdown` in sections of at least `size` characters (the last may be shorter), joined by
 * '\n' they are `markdown` again; one section when it cannot be cut. Each section's code blocks are
 * the next ones of the whole answer's, in order.
 */
export function markdownSections(markdown: string, size: number): string[] {
  if (markdown.length <= size) return [markdown];
  const lines = markdown.split('\n');
  const points = cutPoints(markdown, lines);
  if (!points) return [markdown];
  const sections: string[] = [];
  let start = 0;
  let length = 0;
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    while ((points[next] ?? Infinity) < i) next++;
    if (points[next] === i && length >= size && i > start) {
      sections.push(lines.slice(start, i).join('\n'));
      start = i;
      length = 0;
    }
    length += (lines[i] ?? '').length + 1;
  }
  sections.push(lines.slice(start).join('\n'));
  return sections;
}
