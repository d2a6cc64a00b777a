// A conversation as a Markdown document, for "Export Chat as Markdown". Pure.
import { attachmentLabel, type Conversation, type Turn } from './conversation';
import { userText } from './conversationInput';

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function answerPart(turn: Turn): string {
  const parts: string[] = [];
  const answer = turn.answer;
  if (answer) {
    parts.push(answer.text.trim() || (answer.refusal ? `_The model declined: ${answer.refusal}_` : '_No text in the answer._'));
    for (const call of answer.toolCalls) {
      const who = call.server ? `${call.server} / ${call.name}` : call.name;
      parts.push(`<details><summary>Tool call: ${who}</summary>\n\nArguments:\n\n\`\`\`json\n${call.arguments}\n\`\`\`${call.output ? `\n\nOutput:\n\n\`\`\`\n${call.output}\n\`\`\`` : ''}\n\n</details>`);
    }
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
