// The chat page's own texts, translated on the host (the webview gets them in `data-strings`). Pure.
import * as l10n from '../core/l10n';
import { type ChatStrings } from '../webview/protocol/chatStrings';

export function chatStrings(): ChatStrings {
  return {
    newChat: l10n.t('New chat'),
    chats: l10n.t('Chats'),
    showChats: l10n.t('Show the chats of this workspace'),
    setup: l10n.t('Setup'),
    noApiKey: l10n.t('No API key is set. Set the key of your Prediction Guard deployment to start.'),
    setApiKey: l10n.t('Set API Key'),
    noModel: l10n.t('No model is chosen yet.'),
    chooseModel: l10n.t('Choose a model'),
    walkthrough: l10n.t('Get started: a walkthrough of Prediction Guard'),
    welcomeTitle: l10n.t('Chat with Prediction Guard'),
    welcomeIntro: l10n.t('Ask about the code in front of you. Your messages go only to your Prediction Guard deployment, through the safeguards you set.'),
    tipAttach: l10n.t('Select code and run “Add Selection to Chat” (right-click → Prediction Guard) to attach it.'),
    tipKeys: l10n.t('Enter sends, Shift+Enter adds a line, ↑ recalls your last prompt, Escape stops a request.'),
    tipCode: l10n.t('Code in answers can be copied, inserted at the cursor, replace the selection or open in a new file.'),
  };
}
