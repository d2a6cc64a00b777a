// A conversation as a Markdown document, for "Export Chat as Markdown". Pure. Model-controlled text
// (answers, tool names, arguments and outputs) cannot load, run or link anything in any Markdown
// preview: tool parts are code, and the whole document goes through neutralizeMarkdown.
import { neutralizeMarkdown } from '../core/markdown/lazyMarkdown';
import { attachmentLabel, type Conversation, type Turn } from './conversation';
import { userText } from './conversationInput';
import { type ToolCall } from './conversation';

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** A fence longer than any backtick run in `text`, so the text cannot close it. */
function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** `text` as an inline code span on one line, whatever backticks it holds. */
function codeSpan(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(oneLine) ? ' ' : '';
  return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}

/** A tool call as plain Markdown (no raw HTML): its name as code, its arguments and output in fences. */
function toolCallPart(call: ToolCall): string {
  const who = call.server ? `${call.server} / ${call.name}` : call.name;
  const facts = [
    call.outcome,
    call.bytes !== undefined ? `${call.bytes} bytes` : undefined,
    call.ms !== undefined ? `${(call.ms / 1000).toFixed(1)} s` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const summary = `**Tool call:** ${codeSpan(who)}${call.description ? ` — ${call.description}` : ''}${facts ? ` (${facts})` : ''}`;
  const block = (label: string, text: string, lang = ''): string => `\n\n${label}:\n\n${fenced(text, lang)}`;
  const output = call.output !== undefined ? block('Output', call.output) : '';
  const error = call.error !== undefined ? block('Error', call.error) : '';
  return `${summary}${block('Arguments', call.arguments, 'json')}${output}${error}`;
}

function answerPart(turn: Turn): string {
  const parts: string[] = [];
  const answer = turn.answer;
  if (answer) {
    parts.push(answer.text.trim() || (answer.refusal ? `_The model declined: ${answer.refusal}_` : '_No text in the answer._'));
    for (const call of answer.toolCalls) parts.push(toolCallPart(call));
    if (answer.limit) parts.push(`_${answer.limit}_`);
    const usage = answer.usage ? `, ${answer.usage.input ?? '?'} in / ${answer.usage.output ?? '?'} out tokens` : '';
    const safeguards = turn.safeguards.length ? `, safeguards: ${turn.safeguards.join(', ')}` : '';
    parts.push(`_${answer.model}, ${(answer.ms / 1000).toFixed(1)} s${usage}${safeguards}${answer.incomplete ? ', incomplete' : ''}_`);
  } else if (turn.error) {
    parts.push(`_Failed: ${turn.error.message}_`);
  } else if (turn.status === 'cancelled') {
    parts.push('_Stopped before the answer arrived._');
  } else {
    parts.push('_Waiting for the answer._');
  }
  return parts.join('\n\n');
}

export function exportMarkdown(conversation: Conversation, exportedAt: Date = new Date()): string {
  const lines: string[] = [`# ${conversation.title}`, '', `_Prediction Guard chat, exported ${exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC._`];
  for (const turn of conversation.turns) {
    const images = turn.attachments.filter((a) => a.kind === 'image').map((a) => `_Image attached: ${attachmentLabel(a)}_`);
    lines.push('', '## You', '', quoteBlock(userText(turn.prompt, turn.attachments)), ...images.flatMap((i) => ['', i]));
    lines.push('', '## Prediction Guard', '', answerPart(turn));
  }
  return neutralizeMarkdown(`${lines.join('\n')}\n`);
}

/** A file name for the export: the title with only safe characters. */
export function exportFileName(conversation: Conversation): string {
  const base = conversation.title
    .replace(/[^\p{L}\p{N} _.-]+/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return `${base || 'chat'}.md`;
}
