// A conversation as a Markdown document, for "Export Chat as Markdown". Pure.
import { attachmentLabel, type Conversation, type Turn } from './conversation';
import { userText } from './conversationInput';
import { type ToolCallView } from '../webview/protocol/chat';

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** A fence longer than any backtick run in `text`, so tool output cannot close it early. */
function fence(text: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function toolCallPart(call: ToolCallView): string {
  const who = call.server ? `${call.server} / ${call.name}` : call.name;
  const facts = [call.outcome, call.bytes !== undefined ? `${call.bytes} bytes` : undefined, call.ms !== undefined ? `${(call.ms / 1000).toFixed(1)} s` : undefined].filter(Boolean).join(', ');
  const summary = `Tool call: ${who}${call.description ? ` — ${call.description}` : ''}${facts ? ` (${facts})` : ''}`;
  const block = (label: string, text: string, lang = ''): string => `\n\n${label}:\n\n${fence(text)}${lang}\n${text}\n${fence(text)}`;
  const output = call.output !== undefined ? block('Output', call.output) : '';
  const error = call.error !== undefined ? block('Error', call.error) : '';
  return `<details><summary>${escapeHtml(summary)}</summary>${block('Arguments', call.arguments, 'json')}${output}${error}\n\n</details>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
  return `${lines.join('\n')}\n`;
}

/** A file name for the export: the title with only safe characters. */
export function exportFileName(conversation: Conversation): string {
  const base = conversation.title.replace(/[^\p{L}\p{N} _.-]+/gu, '').trim().replace(/\s+/g, '-').slice(0, 60);
  return `${base || 'chat'}.md`;
}
