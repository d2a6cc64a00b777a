// Issue 20 item 1: text carrying `[text](command:…)` (a server's error text, a model name from the
// user settings) is shown as text in notifications: no link element, and a click where the link
// would be runs nothing. The canary is Zen Mode, whose effect the workbench shows (the status bar
// hides); when it did run, the test counts it in `commandsRun` and leaves Zen Mode again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { EVENT_WAIT_MS } from '../../server/waits';
import { runCommand, screenshot } from '../workbench';
import { check, clearNotifications, explainSample, settledToast, type UiContext } from './context';
import { saveUserSettings } from './userSettings';

const CANARY = 'command:workbench.action.toggleZenMode';
const SERVER_SAYS = `model overloaded. [Click to retry](${CANARY}) now`;
const MODEL = `[Cancel](${CANARY})`;

const statusBar = (page: Page) => page.locator('.part.statusbar');

/** Clicks `spot` (where the link would be) and reports whether the canary ran; counts it if it did. */
async function clickRunsNothing(ctx: UiContext, spot: Locator): Promise<boolean> {
  const { page } = ctx;
  check(await statusBar(page).isVisible(), 'the status bar is hidden before the click (Zen Mode already on?)');
  await spot.click();
  // A command link runs on the click's own event: Zen Mode would hide the status bar within moments (a bounded wait for a change that must not come).
  const hidden = await statusBar(page)
    .waitFor({ state: 'hidden', timeout: 3000 })
    .then(() => true)
    .catch(() => false);
  if (!hidden) return true;
  ctx.figures.commandsRun += 1;
  await runCommand(page, 'View: Toggle Zen Mode');
  await statusBar(page).waitFor({ state: 'visible', timeout: 10_000 });
  return false;
}

export async function canaryCommandLinkIsInert(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  ctx.standIn.enqueue('/responses', { kind: 'error', status: 400, error: SERVER_SAYS });
  await explainSample(ctx);
  const text = await settledToast(page, 'model overloaded');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'model overloaded' }).first();
  const links = await toast.locator('.notification-list-item-message a').count();
  const commandLinks = await toast.locator(`a[href^="command:"], a[data-href^="command:"]`).count();
  const ranNothing = await clickRunsNothing(ctx, toast.locator('.notification-list-item-message', { hasText: 'Click to retry' }).first());
  await clearNotifications(page);
  check(commandLinks === 0 && links === 0, `the notification has ${links} link(s), ${commandLinks} to a command: "${text}"`);
  check(ranNothing, 'a click on the server’s text ran the canary command (Zen Mode)');
  check(text.includes('Click to retry') && text.includes(CANARY), `the notification does not show the server's text literally: "${text}"`);
}

/** The model named by the user settings, with a command link, in Explain's progress notification (held answer). */
export async function canaryModelInProgressIsInert(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  const original = JSON.parse(readFileSync(join(ctx.userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
  // The status bar shows the model the extension read: it names the canary once the setting is in use.
  const named = page.locator('.part.statusbar .statusbar-item', { hasText: 'toggleZenMode' });
  await saveUserSettings(page, { ...original, 'predictionGuard.model': MODEL });
  try {
    await named.first().waitFor({ timeout: EVENT_WAIT_MS });
    standIn.enqueue('/responses', { kind: 'text', text: 'Explained.', delayMs: 20_000 });
    await explainSample(ctx);
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Explaining the selection' }).first();
    await toast.filter({ hasText: 'toggleZenMode' }).waitFor({ state: 'visible', timeout: EVENT_WAIT_MS });
    ctx.log(`screenshot: ${await screenshot(page, 'canary-model-progress')}`);
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    const links = await toast.locator('.notification-list-item-message a, a[href^="command:"], a[data-href^="command:"]').count();
    const ranNothing = await clickRunsNothing(ctx, toast.locator('.notification-list-item-message').first());
    standIn.release();
    await toast.waitFor({ state: 'hidden', timeout: EVENT_WAIT_MS });
    check(links === 0, `the progress notification has ${links} link(s): "${text}"`);
    check(ranNothing, 'a click on the model name in the progress ran the canary command (Zen Mode)');
    check(text.includes('Cancel') && text.includes(CANARY), `the progress does not show the model name literally: "${text}"`);
  } finally {
    standIn.release();
    await clearNotifications(page);
    await saveUserSettings(page, original);
    await named.first().waitFor({ state: 'detached', timeout: EVENT_WAIT_MS });
  }
}
