// Where markdown-it itself finds inline code spans: its own `backticks` rule, watched. Pure.
// The ranges are offsets in an inline token's content, as markdown-it pairs backtick runs (across
// lines, with escapes, raw HTML and autolinks taking their turn), never guessed by a scanner.
import type MarkdownIt from 'markdown-it';

type InlineRule = MarkdownIt['inline']['ruler'] extends { at(name: string, fn: infer F): void } ? F : never;
type InlineState = Parameters<InlineRule>[0];

interface Recording {
  readonly src: string;
  readonly ranges: [number, number][];
}

let recording: Recording | undefined;
const watched = new WeakSet<MarkdownIt>();

function watch(md: MarkdownIt): void {
  if (watched.has(md)) return;
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
  const backticks = rules.find((rule) => rule.name === 'backticks')?.fn;
  if (!backticks) throw new Error('markdown-it has no backticks rule');
  md.inline.ruler.at('backticks', (state: InlineState, silent: boolean) => {
    const start = state.pos;
    const found = backticks(state, silent);
    if (found && !silent && recording && state.src === recording.src) recording.ranges.push([start, state.pos]);
    return found;
  });
  watched.add(md);
}

/** The code spans of one inline token's `content`, in order, as [start, end) offsets. */
export function codeSpanRanges(md: MarkdownIt, content: string, env: object): [number, number][] {
  watch(md);
  recording = { src: content, ranges: [] };
  try {
    md.inline.parse(content, md, env, []);
    return [...recording.ranges].sort((a, b) => a[0] - b[0]);
  } finally {
    recording = undefined;
  }
}
