// A conversation → the `input` of POST /responses. Pure. Earlier turns that got an answer go first
// (the question as a user item, the answer as an assistant item), at most `maxTurns` of them, then the
// new message; every item says `"type": "message"`. Selections become labelled code blocks; the new
// message's image becomes an input_image part. An earlier message's image is never sent again (a note
// says it was there): the user attaches it again to ask about it.
import { type ContentPart, type TypedMessageItem } from '../api/requestSchema';
import { type Attachment, type SelectionAttachment, type Turn } from './conversation';

/** The data URL of an image attachment, when it is still in memory. */
export type ImageData = (attachmentId: string) => string | undefined;

function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

function selectionBlock(selection: SelectionAttachment): string {
  const lines = selection.startLine === selection.endLine ? `line ${selection.startLine}` : `lines ${selection.startLine}–${selection.endLine}`;
  const f = fence(selection.text);
  return `Code from \`${selection.file}\` (${selection.language}, ${lines}):\n\n${f}${selection.language}\n${selection.text}\n${f}`;
}

/** The text of a user message: the prompt, then each selection as a labelled code block. */
export function userText(prompt: string, attachments: readonly Attachment[]): string {
  const blocks = attachments.filter((a): a is SelectionAttachment => a.kind === 'selection').map(selectionBlock);
  return [prompt.trim(), ...blocks].filter((part) => part.length > 0).join('\n\n');
}

/** The user item of a turn; `imageData` is undefined for earlier turns, whose images are never sent again. */
function userItem(turn: Turn, imageData: ImageData | undefined): TypedMessageItem {
  const text = userText(turn.prompt, turn.attachments);
  const images = turn.attachments.filter((a) => a.kind === 'image');
  if (images.length === 0) return { type: 'message', role: 'user', content: text };
  const parts: ContentPart[] = [];
  const notes: string[] = [];
  for (const image of images) {
    const url = imageData?.(image.id);
    if (url) parts.push({ type: 'input_image', image_url: url, detail: 'auto' });
    else if (!imageData) notes.push(`(An image, ${image.name}, was attached to this message; it is not sent again. Attach it again to ask about it.)`);
    else notes.push(`(An image, ${image.name}, was attached here; it is no longer available.)`);
  }
  const fullText = [text, ...notes].filter((part) => part.length > 0).join('\n\n');
  return { type: 'message', role: 'user', content: [{ type: 'input_text', text: fullText || 'See the attached image.' }, ...parts] };
}

/** True when an earlier turn belongs in the context: it was answered with some text. */
function answered(turn: Turn): boolean {
  return turn.status === 'done' && (turn.answer?.text.trim().length ?? 0) > 0;
}

/**
 * The `input` for `turn`. `earlier` are the conversation's turns before it; only answered ones are
 * sent, the last `maxTurns` of them (0: none).
 */
export function conversationInput(earlier: readonly Turn[], turn: Turn, maxTurns: number, imageData: ImageData = () => undefined): TypedMessageItem[] {
  const keep = Math.max(0, Math.floor(maxTurns));
  const context = keep === 0 ? [] : earlier.filter(answered).slice(-keep);
  const items: TypedMessageItem[] = [];
  for (const previous of context) {
    items.push(userItem(previous, undefined));
    items.push({ type: 'message', role: 'assistant', content: previous.answer?.text ?? '' });
  }
  items.push(userItem(turn, imageData));
  return items;
}
