// The second layer: DOMPurify's allow-list for rendered answers, shared by the chat webview and the
// unit tests (through jsdom). Only the elements and attributes renderAnswer produces survive; no
// element that can load anything (img, svg, picture, source, link, style…) and no URL attribute.
import type { Config } from 'dompurify';

export const ANSWER_TAGS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'div',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'span',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
] as const;

export const ANSWER_ATTRIBUTES = ['class', 'title', 'data-href', 'data-block', 'data-lang', 'role', 'tabindex', 'aria-label', 'start'] as const;

export const SANITIZE_CONFIG = {
  ALLOWED_TAGS: [...ANSWER_TAGS],
  ALLOWED_ATTR: [...ANSWER_ATTRIBUTES],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  FORBID_TAGS: ['style', 'script', 'img', 'svg', 'math', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'form'],
  FORBID_ATTR: ['style', 'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'poster'],
  KEEP_CONTENT: true,
} satisfies Config;
