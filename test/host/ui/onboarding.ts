// First run: the chat's welcome view without a key (Set API Key from inside the webview), and the
// "Get Started with Prediction Guard" walkthrough with its sample file. Also the walkthrough's pictures
// of the settings, the key box and the model list (media/walkthrough is made from these).
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { escape, runCommand, screenshot, screenshotDir, waitForEditorText, QUICK_INPUT } from '../workbench';
import { chatFrame, newChat, openChat } from './chat/chatView';
import { check, clearNotifications, closeUntitledEditors, enterKeyInMaskedBox, type UiContext } from './context';
import { focusWorkbench } from './parameters/panel';

const walkthroughDir = join(screenshotDir, 'walkthrough');

async function picture(page: Page, selector: string, name: string): Promise<void> {
  mkdirSync(walkthroughDir, { recursive: true });
  await page
    .locator(selector)
    .first()
    .screenshot({ path: join(walkthroughDir, `${name}.png`) });
}

export async function chatWelcomeWithoutKey(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  await runCommand(page, 'Prediction Guard: Clear API Key');
  await openChat(page);
  await newChat(page);
  const frame = chatFrame(page);
  const setKey = frame.getByRole('button', { name: 'Set API Key' });
  await setKey.waitFor({ state: 'visible', timeout: 15_000 });
  check(!(await frame.getByRole('button', { name: 'Choose a model' }).isVisible()), 'a model is set, yet the welcome view asks for one');
  check(await frame.getByRole('button', { name: /walkthrough/i }).isVisible(), 'the welcome view links to the walkthrough');
  await page.mouse.move(1200, 720);
  await clearNotifications(page);
  await screenshot(page, 'chat-welcome');
  await setKey.click();
  await enterKeyInMaskedBox(page, ctx.token);
  await setKey.waitFor({ state: 'hidden', timeout: 15_000 });
}

export async function walkthroughOpensSample(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  await closeUntitledEditors(page);
  await focusWorkbench(page);
  // The pictures of three steps, from the real UI.
  await runCommand(page, 'Preferences: Open User Settings');
  // Typed as a user would: VS Code 1.139's editors take keys through an EditContext, not their textarea.
  const search = page.locator('.settings-editor .suggest-input-container .monaco-editor .view-lines').first();
  await search.waitFor({ timeout: 10_000 });
  await search.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('predictionGuard.baseUrl');
  await page.locator('.settings-editor .setting-item-contents', { hasText: 'Base Url' }).first().waitFor({ timeout: 10_000 });
  await page.mouse.move(1200, 20);
  await picture(page, '.settings-editor', 'base-url');
  await runCommand(page, 'View: Close Editor');
  await runCommand(page, 'Prediction Guard: Set API Key');
  await page.locator(`${QUICK_INPUT} input[type="password"]`).waitFor({ timeout: 10_000 });
  await picture(page, QUICK_INPUT, 'api-key');
  await escape(page, 1);
  await runCommand(page, 'Prediction Guard: Select Model');
  await page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: 'gpt-oss-120b' }).first().waitFor({ timeout: 15_000 });
  await picture(page, QUICK_INPUT, 'model');
  await escape(page, 1);

  await runCommand(page, 'Prediction Guard: Get Started');
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.getByText('Get Started with Prediction Guard').first().waitFor({ timeout: 15_000 });
  for (const step of [
    "Set your deployment's address",
    'Set your API key',
    'Choose a model',
    'Explain a selection',
    'Open the chat',
    'Turn on the safeguards',
    'Review a change',
  ]) {
    check(await walkthrough.getByText(step, { exact: true }).first().isVisible(), `the walkthrough lists “${step}”`);
  }
  await walkthrough.getByText('Explain a selection', { exact: true }).first().click();
  const open = walkthrough.getByRole('button', { name: 'Open Sample File' }).filter({ visible: true }).first();
  await open.waitFor({ timeout: 10_000 });
  await page.mouse.move(1200, 20);
  await page.waitForTimeout(500); // the step's picture fades in
  await screenshot(page, 'walkthrough');
  await open.click();
  await waitForEditorText(page, 'def order_total');
  await page.locator('.editor-group-container.active .monaco-editor .selected-text').first().waitFor({ state: 'attached', timeout: 10_000 });
  await closeUntitledEditors(page);
  await runCommand(page, 'View: Close All Editors');
}
