// Taking code out of a model's answer: models often wrap code in a Markdown fence, with or without
// a few words around it.

export interface FencedBlock {
  readonly language: string;
  readonly code: string;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n`]*$/;
const CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** All fenced blocks of `markdown`, in order. An unclosed fence runs to the end, as in CommonMark. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', language = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const close = CLOSE.exec(line);
      if (close?.[1] && close[1][0] === fence[0] && close[1].length >= fence.length) break;
      body.push(indent && line.startsWith(indent) ? line.slice(indent.length) : line);
    }
    blocks.push({ language: language.toLowerCase(), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/**
 * The code to put into the editor. When the answer holds fenced blocks, all of them, in order, one
 * blank line apart (nothing the model wrote as code is dropped); otherwise the whole answer, trimmed
 * of blank lines at its ends. `blocks` says how many fenced blocks there were.
 */
export function extractCode(answer: string): { code: string; fromFence: boolean; blocks: number } {
  const blocks = fencedBlocks(answer);
  if (blocks.length === 0) return { code: answer.replace(/^\s*\n|\s+$/g, ''), fromFence: false, blocks: 0 };
  const code = blocks
    .map((block) => block.code.replace(/\s+$/, ''))
    .filter((block) => block !== '')
    .join('\n\n');
  return { code, fromFence: true, blocks: blocks.length };
}
