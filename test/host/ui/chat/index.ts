// The sidebar chat's UI tests, in the order they run (they share the workbench and its chat history).
import { withKey, type UiTestEntry } from '../context';
import { chatInsertAtCursor } from './codeActions';
import { chatSafeguardDecision, chatStopAbortsRequest, chatTwoTurns } from './conversation';
import { chatFactualityBadge } from './factuality';
import { chatHostileAnswerIsInert } from './hostileAnswer';
import { chatFiftyMegabyteBodyIsRefused, chatHugeAnswerShowsShortened } from './largeAnswers';
import { chatLongConversationReopens } from './longConversation';
import { chatSurvivesReload } from './reload';
import { chatScreenshots } from './screenshots';
import { chatToolDocumentedForcedCall, chatToolMaxToolCalls, chatToolRoundCap, chatToolUserFunction } from './toolLoopLimits';
import { chatToolAllow, chatToolAllowForChat, chatToolDeny, chatToolRefusesOutside, chatToolStopMidLoop } from './workspaceTools';

export const chatUiTests: UiTestEntry[] = [
  { title: 'chat: two turns, the second sends the first answer as an assistant item', run: withKey(chatTwoTurns) },
  { title: 'chat: Stop aborts a slow request', run: withKey(chatStopAbortsRequest), fault: true },
  { title: 'chat: a safeguard block is a decision with Change setting and Retry', run: withKey(chatSafeguardDecision), fault: true },
  {
    title: 'chat: an answer with <img onerror>, Markdown images and a javascript: link runs and fetches nothing',
    run: withKey(chatHostileAnswerIsInert),
    fault: true,
  },
  { title: 'chat tools: read a file, Allow, the follow-up carries its text (consent card in both themes)', run: withKey(chatToolAllow) },
  { title: 'chat tools: Deny sends "the user denied this" and never the file', run: withKey(chatToolDeny) },
  {
    title: 'chat tools: ../outside.txt, an absolute path, a symlink out and .env are refused without asking',
    run: withKey(chatToolRefusesOutside),
    fault: true,
  },
  { title: 'chat tools: Allow for this chat stops asking', run: withKey(chatToolAllowForChat) },
  { title: 'chat tools: Stop while the consent card shows sends nothing more', run: withKey(chatToolStopMidLoop) },
  {
    title: 'chat tools: a model that keeps calling is stopped after 8 requests, and the answer says so',
    run: withKey(chatToolRoundCap),
    fault: true,
  },
  { title: 'chat tools: with predictionGuard.maxToolCalls 2 the third request calls none, and the answer says so', run: withKey(chatToolMaxToolCalls) },
  { title: "chat tools: a call to the user's function takes a typed result, or a decline", run: withKey(chatToolUserFunction) },
  { title: 'chat tools: the documented shape of a forced read_file call completes a round', run: withKey(chatToolDocumentedForcedCall) },
  {
    title: 'chat: a 300,000-character answer shows shortened with Open full answer in editor, the chat keeps working, and after a reload',
    run: withKey(chatHugeAnswerShowsShortened),
    fault: true,
  },
  {
    title: 'chat: a 50 MB answer body is refused with a clear error, and the next message is answered',
    run: withKey(chatFiftyMegabyteBodyIsRefused),
    fault: true,
  },
  { title: 'chat: Insert at Cursor puts a code block into sample.ts as one undo step', run: withKey(chatInsertAtCursor) },
  { title: 'chat: screenshots of a code answer in light and dark themes', run: withKey(chatScreenshots) },
  { title: 'chat: Check factuality sends question + code and answer, and shows a badge (light and dark)', run: withKey(chatFactualityBadge) },
  { title: 'chat: the conversation survives Reload Window', run: withKey(chatSurvivesReload) },
  {
    title: 'chat: a 200-turn conversation reopens with its last turn shown, its first after scrolling, and a composer that sends',
    run: withKey(chatLongConversationReopens),
  },
];
