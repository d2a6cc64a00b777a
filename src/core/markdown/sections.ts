// A long answer cut into Markdown sections that render alone exactly as they render together, so the
// chat can render the first screen at once and the rest a section at a time. Pure.
// A cut falls only before a line at column 0 that follows a blank line, outside any fence, and that
// starts no list item, block quote or table row: there every open block (paragraph, list, quote,
// indented code) has ended. An answer with link reference definitions (`[x]: url`, valid anywhere in
// the document) is never cut.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const REFERENCE = /^ {0,3}\[[^\]]+\]:/m;
const NO_CUT_BEFORE = /^(?:[-*+>|]|\d{1,9}[.)]|\s|$)/;

/**
 * `markdown` in sections of at least `size` characters (the last may be shorter), joined by
 * '\n' they are `markdown` again; one section when it cannot be cut. Each section's code blocks are
 * the next ones of the whole answer's, in order.
 */
export function markdownSections(markdown: string, size: number): string[] {
  if (markdown.length <= size || REFERENCE.test(markdown)) return [markdown];
  const lines = markdown.split('\n');
  const sections: string[] = [];
  let start = 0;
  let fence: string | undefined;
  let length = 0;
  let previousBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence === undefined && previousBlank && length >= size && i > start && !NO_CUT_BEFORE.test(line)) {
      sections.push(lines.slice(start, i).join('\n'));
      start = i;
      length = 0;
    }
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    previousBlank = fence === undefined && line.trim() === '';
    length += line.length + 1;
  }
  sections.push(lines.slice(start).join('\n'));
  return sections;
}
