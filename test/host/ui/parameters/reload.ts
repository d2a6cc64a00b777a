// The parameters panel survives "Developer: Reload Window": its serializer brings it back with the
// current values, without running Open Parameters again.
import { runCommand } from '../../workbench';
import { check, type UiContext } from '../context';
import { focusWorkbench, openParametersPanel, valueOf, webviewFrameWith } from './panel';

export async function parametersPanelSurvivesReload(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await openParametersPanel(page);
  await focusWorkbench(page);
  const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 });
  reloaded.catch(() => undefined); // awaited below
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const tab = page.locator('.tabs-container .tab', { hasText: 'Prediction Guard Parameters' }).first();
  await tab.waitFor({ timeout: 30_000 });
  await tab.click();
  // A restored webview loads after the extension host is back, which on a busy 2-core machine can take a minute.
  const frame = await webviewFrameWith(page, '#temperature', 90_000);
  await frame.locator('#dirty-state', { hasText: 'No unsaved' }).waitFor({ timeout: 15_000 });
  check((await valueOf(frame, 'model-custom')) === 'gpt-oss-120b', `the restored panel shows the saved model (${await valueOf(frame, 'model-custom')})`);
}
