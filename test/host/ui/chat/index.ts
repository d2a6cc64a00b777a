// The sidebar chat's UI tests, in the order they run (they share the workbench and its chat history).
import type { UiTest } from '../context';
import { chatInsertAtCursor } from './codeActions';
import { chatSafeguardDecision, chatStopAbortsRequest, chatTwoTurns } from './conversation';
import { chatFactualityBadge } from './factuality';
import { chatHostileAnswerIsInert } from './hostileAnswer';
import { chatSurvivesReload } from './reload';
import { chatScreenshots } from './screenshots';

export const chatUiTests: [string, UiTest][] = [
  ['chat: two turns, the second sends the first answer as an assistant item', chatTwoTurns],
  ['chat: Stop aborts a slow request', chatStopAbortsRequest],
  ['chat: a safeguard block is a decision with Change setting and Retry', chatSafeguardDecision],
  ['chat: an answer with <img onerror>, Markdown images and a javascript: link runs and fetches nothing', chatHostileAnswerIsInert],
  ['chat: Insert at Cursor puts a code block into sample.ts as one undo step', chatInsertAtCursor],
  ['chat: screenshots of a code answer in light and dark themes', chatScreenshots],
  ['chat: Check factuality sends question + code and answer, and shows a badge (light and dark)', chatFactualityBadge],
  ['chat: the conversation survives Reload Window', chatSurvivesReload],
];
