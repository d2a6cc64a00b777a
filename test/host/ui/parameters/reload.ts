// The parameters panel survives "Developer: Reload Window": its serializer brings it back with the
// current values, without running Open Parameters again.
import type { ConsoleMessage } from 'playwright-core';
import { reloadWindow, runCommand } from '../../workbench';
import { check, closeEveryEditor, type UiContext } from '../context';
import { focusWorkbench, openParametersPanel, valueOf, webviewFrameWith } from './panel';

export async function parametersPanelSurvivesReload(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  // Only this panel (and sample.ts) come back after the reload: no other webview restores alongside it.
  await closeEveryEditor(page);
  if (await page.locator('.part.sidebar').isVisible()) await runCommand(page, 'View: Close Primary Side Bar');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
  await openParametersPanel(page);
  await focusWorkbench(page);
  // What the webviews print while they come back (service worker, load errors): said if the panel does not return.
  const webviewConsole: string[] = [];
  const onConsole = (message: ConsoleMessage): void => {
    if (/\/webview\/|vscode-cdn|webview/i.test(message.location().url)) webviewConsole.push(`${message.type()}: ${message.text().slice(0, 200)}`);
  };
  page.on('console', onConsole);
  try {
    await reloadWindow(page);
    const tabs = page.locator('.tabs-container .tab', { hasText: 'Prediction Guard Parameters' });
    await tabs.first().waitFor({ timeout: 30_000 });
    check((await tabs.count()) === 1, `one parameters tab after the reload (${await tabs.count()})`);
    await tabs.first().click();
    // A restored webview loads after the extension host is back, which on a busy 2-core machine can take a minute.
    const frame = await webviewFrameWith(page, '#temperature', 90_000).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; webview console: ${webviewConsole.slice(-10).join(' | ') || 'nothing'}`);
    });
    await frame.locator('#dirty-state', { hasText: 'No unsaved' }).waitFor({ timeout: 15_000 });
    check((await valueOf(frame, 'model-custom')) === 'gpt-oss-120b', `the restored panel shows the saved model (${await valueOf(frame, 'model-custom')})`);
  } finally {
    page.off('console', onConsole);
  }
}
