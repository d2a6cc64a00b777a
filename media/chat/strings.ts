// The page's texts as the host translated them (`data-strings` on <body>), parsed with the shared schema.
// Should they be missing or malformed (a bug), each text shows its key, visibly, rather than English
// baked into the webview.
import { ChatStringsSchema, type ChatStrings } from '../../src/webview/protocol/chatStrings';

function keysAsTexts(): ChatStrings {
  return Object.fromEntries(Object.keys(ChatStringsSchema.shape).map((key) => [key, key])) as ChatStrings;
}

export function pageStrings(): ChatStrings {
  try {
    const parsed = ChatStringsSchema.safeParse(JSON.parse(document.body.dataset.strings ?? ''));
    return parsed.success ? parsed.data : keysAsTexts();
  } catch {
    return keysAsTexts();
  }
}
