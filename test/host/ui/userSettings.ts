// User settings a UI test needs for a while (tools, tool choice): written to code-server's user
// settings file as a user editing settings.json would, and put back exactly as they were afterwards.
// The parameters panel shows when the extension has read them (it lists every function tool and the
// tool choice as options of its Tool choice select), so the test waits on that, not on a timer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import { EVENT_WAIT_MS } from '../../server/waits';
import { openFile } from '../workbench';
import { type UiContext } from './context';
import { focusWorkbench, openParametersPanel } from './parameters/panel';

/** The Tool choice option the panel shows for a function named `name` (one of the tools, or the tool choice itself). */
export function toolChoiceOption(frame: Frame, name: string): Locator {
  return frame.locator(`#tool-choice vscode-option[value="function:${name}"]`);
}

async function panel(ctx: UiContext): Promise<Frame> {
  // The panel command is run from an editor (a webview's focus keeps keys from the palette).
  const editor = ctx.page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first();
  if (!(await editor.isVisible().catch(() => false))) await openFile(ctx.page, 'sample.ts');
  return openParametersPanel(ctx.page);
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
  const file = join(ctx.userDataDir, 'User', 'settings.json');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, JSON.stringify({ ...(JSON.parse(original) as Record<string, unknown>), ...settings }, null, 2) + '\n');
  try {
    await shown(await panel(ctx)).waitFor({ state: 'attached', timeout: EVENT_WAIT_MS });
    await focusWorkbench(ctx.page);
    await test();
  } finally {
    writeFileSync(file, original);
    await shown(await panel(ctx)).waitFor({ state: 'detached', timeout: EVENT_WAIT_MS });
    await focusWorkbench(ctx.page);
  }
}
