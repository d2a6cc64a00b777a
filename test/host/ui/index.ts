// The UI tests, in the order they run (later ones rely on the key the second one stores).
import { commandPaletteListsCommands } from './commandPalette';
import type { UiTest } from './context';
import { cancelLeavesFileUntouched } from './cancel';
import { echoedKeyIsNotShown } from './echoedKey';
import { rateLimitWaitShownAndCancellable } from './rateLimit';
import { chatUiTests } from './chat';
import { editorContextSubmenu } from './contextMenu';
import { forbiddenOffersSetApiKey } from './errorForbidden';
import { parametersUiTests } from './parameters';
import { parametersPanelSurvivesReload } from './parameters/reload';
import { explainAsksForKeyThenAnswers } from './explainAsksForKey';
import { safeguardBlockNamesPii } from './safeguardBlock';
import { safetyCancelAbortsCheck, safetyDiagnosticsScreenshots, safetyEmptySelectionAsks } from './safetyChecks';
import { reviewUiTests } from './review';
import { setApiKeyReplacesKey } from './setApiKey';
import { workbenchWithAnswer } from './workbenchScreenshot';

export const uiTests: [title: string, test: UiTest][] = [
  ['palette lists the Prediction Guard commands', commandPaletteListsCommands],
  ['Explain without a key asks for it (masked), sends it and opens the answer beside', explainAsksForKeyThenAnswers],
  ['Set API Key replaces the key the server sees', setApiKeyReplacesKey],
  ['editor context menu has the Prediction Guard submenu', editorContextSubmenu],
  ['403 shows a notification offering Set API Key', forbiddenOffersSetApiKey],
  ['safeguard block names the PII safeguard', safeguardBlockNamesPii],
  ['a server echoing the key in its error: the notification does not show it', echoedKeyIsNotShown],
  ['Cancel on the progress notification aborts the request and changes nothing', cancelLeavesFileUntouched],
  ['rate limited: the progress shows the wait, and Cancel during it sends no retry', rateLimitWaitShownAndCancellable],
  ['workbench screenshot with an answer beside the code', workbenchWithAnswer],
  ['safety: with nothing selected a check asks before sending the whole file', safetyEmptySelectionAsks],
  ['safety: Cancel on the progress aborts the check and marks nothing', safetyCancelAbortsCheck],
  ['safety: PII diagnostics in the editor and the Problems view (light and dark)', safetyDiagnosticsScreenshots],
  ...reviewUiTests,
  ...parametersUiTests,
  ...chatUiTests,
  ['parameters panel: survives Reload Window (serializer)', parametersPanelSurvivesReload],
];
