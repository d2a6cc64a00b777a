// The UI tests, in the order they run. Each sets up what it needs (withKey: the stand-in's key stored),
// so any one can run alone (PG_UI_FILTER).
import { commandPaletteListsCommands } from './commandPalette';
import { withKey, type UiTestEntry } from './context';
import { cancelLeavesFileUntouched } from './cancel';
import { echoedKeyIsNotShown } from './echoedKey';
import { rateLimitWaitShownAndCancellable } from './rateLimit';
import { chatUiTests } from './chat';
import { chatKeyboardOnly, webviewsPassAxe } from './accessibility';
import { chatWelcomeWithoutKey, walkthroughOpensSample } from './onboarding';
import { editorContextSubmenu } from './contextMenu';
import { forbiddenOffersSetApiKey } from './errorForbidden';
import { canaryCommandLinkIsInert, canaryModelInProgressIsInert } from './canaryCommand';
import { parametersUiTests } from './parameters';
import { parametersPanelSurvivesReload } from './parameters/reload';
import { explainAsksForKeyThenAnswers } from './explainAsksForKey';
import { crossLineCodeSpanPreviewFetchesNothing, explainAnswerPreviewFetchesNothing } from './markdownPreview';
import { safeguardBlockNamesPii } from './safeguardBlock';
import { safetyCancelAbortsCheck, safetyDiagnosticsScreenshots, safetyEmptySelectionAsks } from './safetyChecks';
import { reviewUiTests } from './review';
import { setApiKeyReplacesKey } from './setApiKey';
import { streamingUiTests } from './streaming';
import { workbenchWithAnswer } from './workbenchScreenshot';

export const uiTests: UiTestEntry[] = [
  { title: 'palette lists the Prediction Guard commands', run: commandPaletteListsCommands },
  { title: 'Explain without a key asks for it (masked), sends it and opens the answer beside', run: explainAsksForKeyThenAnswers },
  { title: 'Set API Key replaces the key the server sees', run: setApiKeyReplacesKey },
  { title: 'editor context menu has the Prediction Guard submenu', run: editorContextSubmenu },
  { title: '403 shows a notification offering Set API Key', run: withKey(forbiddenOffersSetApiKey), fault: true },
  { title: 'safeguard block names the PII safeguard', run: withKey(safeguardBlockNamesPii), fault: true },
  { title: 'a server echoing the key in its error: the notification does not show it', run: withKey(echoedKeyIsNotShown), fault: true },
  { title: 'canary: a command link in a server error is shown as text and runs nothing', run: withKey(canaryCommandLinkIsInert), attack: true },
  {
    title: 'canary: a command link in the user’s model name is shown as text in the progress and runs nothing',
    run: withKey(canaryModelInProgressIsInert),
    attack: true,
  },
  { title: 'Cancel on the progress notification aborts the request and changes nothing', run: withKey(cancelLeavesFileUntouched), fault: true },
  { title: 'rate limited: the progress shows the wait, and Cancel during it sends no retry', run: withKey(rateLimitWaitShownAndCancellable), fault: true },
  { title: 'workbench screenshot with an answer beside the code', run: withKey(workbenchWithAnswer) },
  {
    title: 'an Explain answer with remote images: its Markdown preview shows them as text and the attacker gets no connection',
    run: withKey(explainAnswerPreviewFetchesNothing),
    fault: true,
  },
  {
    title: 'an Explain answer with <img> after code spans across lines: its Markdown preview shows them as text and the attacker gets no connection',
    run: withKey(crossLineCodeSpanPreviewFetchesNothing),
    fault: true,
    attack: true,
  },
  { title: 'safety: with nothing selected a check asks before sending the whole file', run: withKey(safetyEmptySelectionAsks) },
  { title: 'safety: Cancel on the progress aborts the check and marks nothing', run: withKey(safetyCancelAbortsCheck), fault: true },
  { title: 'safety: PII diagnostics in the editor and the Problems view (light and dark)', run: withKey(safetyDiagnosticsScreenshots) },
  ...reviewUiTests,
  ...parametersUiTests,
  ...chatUiTests,
  ...streamingUiTests,
  { title: 'chat welcome without a key: Set API Key inside the chat stores the key', run: chatWelcomeWithoutKey },
  { title: 'walkthrough: lists its steps and opens the sample file with a function selected', run: withKey(walkthroughOpensSample) },
  {
    title: 'accessibility: axe-core finds no serious or critical violation in the chat and parameters panel, light and dark',
    run: withKey(webviewsPassAxe),
  },
  {
    title: 'accessibility: Ctrl+Shift+Alt+P focuses the chat; Tab reaches every control, each named with a visible focus',
    run: withKey(chatKeyboardOnly),
  },
  { title: 'parameters panel: survives Reload Window (serializer)', run: withKey(parametersPanelSurvivesReload) },
];
