// The one markdown-it configuration for model answers, and the code blocks an answer holds. Pure.
// Raw HTML in the answer is text (`html: false`); a link is a link only when it is https:, http: or
// mailto: — anything else (javascript:, data:, command:, vbscript:, file:, relative) stays plain text.
import MarkdownIt from 'markdown-it';
import { isAllowedLink } from './links';

export { isAllowedLink };

export interface CodeBlock {
  /** The fence's language word as the model wrote it, lower-cased ('' when none). */
  readonly language: string;
  /** The code, without the line break before the closing fence. */
  readonly code: string;
}

export function createMarkdownIt(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = isAllowedLink;
  return md;
}

/** The fence word of a code block: its first word, lower-cased. */
export function fenceLanguage(info: string): string {
  return (info.trim().split(/\s+/)[0] ?? '').toLowerCase();
}

/** Code text without the final line break markdown-it keeps. */
export function blockCode(content: string): string {
  return content.replace(/\r?\n$/, '');
}

const parser = createMarkdownIt();

/** The fenced and indented code blocks of `markdown`, in the order the rendered answer shows them. */
export function codeBlocks(markdown: string): CodeBlock[] {
  return parser
    .parse(markdown, {})
    .filter((token) => token.type === 'fence' || token.type === 'code_block')
    .map((token) => ({ language: token.type === 'fence' ? fenceLanguage(parser.utils.unescapeAll(token.info)) : '', code: blockCode(token.content) }));
}
