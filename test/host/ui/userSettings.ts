// User settings a UI test needs for a while (tools, tool choice): typed into the user settings.json
// editor and saved, as a user would (code-server does not notice edits made to the file on disk
// while it runs), and put back as they were afterwards. The parameters panel shows when the
// extension has read them (it lists every function tool and the tool choice as options of its Tool
// choice select), so the test waits on that, not on a timer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { EVENT_WAIT_MS } from '../../server/waits';
import { openFile, runCommand } from '../workbench';
import { type UiContext } from './context';
import { focusWorkbench, openParametersPanel } from './parameters/panel';

/** Replaces the user settings.json with `settings` (one line of JSON: nothing for the editor to indent) and saves it. */
export async function saveUserSettings(page: Page, settings: Readonly<Record<string, unknown>>): Promise<void> {
  await focusEditor(page);
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  const tab = page.locator('.editor-group-container.active .tab.active[aria-label^="settings.json"]');
  await tab.waitFor({ timeout: 20_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify(settings));
  // Whatever the editor closed for us (a bracket, a quote) is after the cursor: drop it.
  await page.keyboard.press('Shift+Control+End');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+S');
  await page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  await runCommand(page, 'View: Close Editor');
  await tab.waitFor({ state: 'detached', timeout: 10_000 });
}

/** The Tool choice option the panel shows for a function named `name` (one of the tools, or the tool choice itself). */
export function toolChoiceOption(frame: Frame, name: string): Locator {
  return frame.locator(`#tool-choice vscode-option[value="function:${name}"]`);
}

/** Focus in the first editor (sample.ts if none is open): a webview's focus keeps keys from the palette. */
async function focusEditor(page: Page): Promise<void> {
  const editor = page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first();
  if (!(await editor.isVisible().catch(() => false))) await openFile(page, 'sample.ts');
  await focusWorkbench(page);
}

/** A freshly opened parameters panel (one left open may hold a draft that no longer follows the settings). */
async function panel(ctx: UiContext): Promise<Frame> {
  await closePanel(ctx.page);
  await focusEditor(ctx.page);
  return openParametersPanel(ctx.page);
}

async function closePanel(page: Page): Promise<void> {
  const tab = page.locator('.tab[aria-label^="Prediction Guard Parameters"]');
  if ((await tab.count()) === 0) return;
  // Its tab made active, then closed by command: VS Code 1.139's tab close button takes no click under its hover.
  await tab.first().click();
  await page.locator('.tab.active[aria-label^="Prediction Guard Parameters"]').waitFor({ timeout: 10_000 });
  await runCommand(page, 'View: Close Editor');
  await tab.waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * Runs `test` with `settings` added to the user settings, once `shown(panel)` is in the parameters
 * panel (the extension read them); afterwards restores the file and waits until `shown` is gone.
 */
export async function withUserSettings(
  ctx: UiContext,
  settings: Readonly<Record<string, unknown>>,
  shown: (frame: Frame) => Locator,
  test: () => Promise<void>,
): Promise<void> {
  // What the workbench last saved (the model the chat picked, the panel's saves) is on disk.
  const original = JSON.parse(readFileSync(join(ctx.userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
  await saveUserSettings(ctx.page, { ...original, ...settings });
  try {
    await shown(await panel(ctx)).waitFor({ state: 'attached', timeout: EVENT_WAIT_MS });
    await focusWorkbench(ctx.page);
    await test();
  } finally {
    await saveUserSettings(ctx.page, original);
    await shown(await panel(ctx)).waitFor({ state: 'detached', timeout: EVENT_WAIT_MS });
    await focusWorkbench(ctx.page);
  }
}
