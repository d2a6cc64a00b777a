// The chat page's own texts (welcome, setup, header), sent by the host in the page's `data-strings`
// attribute so they are translated with the extension's l10n bundle; the webview hard-codes no
// English for them. Shared by the extension and the webview bundle, parsed on arrival like every message.
import * as z from 'zod/mini';
import '../../util/zodEnglish';

const Text = z.string().check(z.minLength(1), z.maxLength(1000));

export const ChatStringsSchema = z.object({
  newChat: Text,
  chats: Text,
  showChats: Text,
  setup: Text,
  noApiKey: Text,
  setApiKey: Text,
  noModel: Text,
  chooseModel: Text,
  walkthrough: Text,
  welcomeTitle: Text,
  welcomeIntro: Text,
  tipAttach: Text,
  tipKeys: Text,
  tipCode: Text,
});
export type ChatStrings = z.infer<typeof ChatStringsSchema>;
