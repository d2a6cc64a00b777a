// Playwright steps for the sidebar chat: open it, reach its webview, send a message, read answers.
import { EVENT_WAIT_MS } from '../../../server/waits';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { RecordedRequest } from '../../../server/standInServer';
import { openFile, runCommand, QUICK_INPUT } from '../../workbench';
import { check, nextResponsesRequest, type UiContext } from '../context';

/** The chat view's page: the sidebar webview (`purpose=webviewView`), then its active frame. */
export function chatFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview[src*="purpose=webviewView"]').frameLocator('#active-frame');
}

export function composer(page: Page): Locator {
  return chatFrame(page).getByRole('textbox', { name: 'Message' });
}

export function turns(page: Page): Locator {
  return chatFrame(page).locator('article.pg-turn');
}

/**
 * Shows the chat view and waits until its composer is there. After a reload the side bar restores
 * itself a moment later, so wait for that first; then use the container's "Show" command, which
 * (unlike its activity bar icon) never hides a side bar that is already open.
 */
export async function openChat(page: Page): Promise<void> {
  const box = composer(page);
  if (await box.isVisible().catch(() => false)) return;
  const appeared = await box.waitFor({ state: 'visible', timeout: 5000 }).then(
    () => true,
    () => false,
  );
  if (appeared) return;
  // After a reload on a busy machine the side bar may already show the chat while its webview loads.
  const shown = page.locator('.part.sidebar .composite.title', { hasText: /Prediction Guard/i });
  if (await shown.isVisible().catch(() => false)) {
    await box.waitFor({ state: 'visible', timeout: 60_000 });
    return;
  }
  await runCommand(page, 'View: Show Prediction Guard');
  await box.waitFor({ state: 'visible', timeout: 20_000 });
}

/** Starts a new chat (the New Chat command) and waits for the empty view. */
export async function newChat(page: Page): Promise<void> {
  await runCommand(page, 'Prediction Guard: New Chat');
  await composer(page).waitFor({ state: 'visible', timeout: 20_000 });
  await chatFrame(page).locator('.pg-welcome').waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * Types `text` into the composer and presses Enter; resolves with the request the stand-in received.
 * When no model is set (an earlier test reset the settings), the chat asks for one: pick gpt-oss-120b.
 */
export async function send(ctx: UiContext, text: string): Promise<RecordedRequest> {
  const { page } = ctx;
  const since = ctx.standIn.requests().length;
  const box = composer(page);
  await box.click();
  await box.fill(text);
  await box.press('Enter');
  const picker = page.locator(QUICK_INPUT, { hasText: 'choose a model' });
  const request = nextResponsesRequest(ctx, since);
  let sent = false;
  void request.then(
    () => (sent = true),
    () => (sent = true),
  );
  // The picker shows only when no model is set; the request ends the wait either way.
  await Promise.race([
    request,
    picker.waitFor({ state: 'visible', timeout: 15_000 }).then(
      async () => {
        if (!sent) await picker.locator('.monaco-list-row', { hasText: 'gpt-oss-120b' }).first().click();
      },
      () => undefined,
    ),
  ]);
  return request;
}

/** Waits until turn `index` (0-based) shows an answer (or a decision / error) and returns that part. */
export async function reply(page: Page, index: number, timeoutMs = EVENT_WAIT_MS): Promise<Locator> {
  const done = turns(page).nth(index).locator('.pg-answer, .pg-decision, .pg-error, .pg-stopped');
  await done.first().waitFor({ state: 'visible', timeout: timeoutMs });
  return done.first();
}

/** Opens sample.ts in the first editor group and puts the cursor on a new last line. */
export async function cursorAtEndOfSample(page: Page): Promise<void> {
  const tab = page.locator('.editor-group-container').first().locator('.tab[aria-label^="sample.ts"]');
  if ((await tab.count()) > 0) await tab.first().click();
  else await openFile(page, 'sample.ts');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('End');
}

/** The text of the active editor (sample.ts), read from the model through the workbench's DOM. */
export async function activeEditorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    return lines instanceof HTMLElement ? lines.innerText.replace(/\u00a0/g, ' ') : '';
  });
}

export function inputOf(request: RecordedRequest): unknown {
  const body = request.body as { input?: unknown } | null;
  check(body !== null && typeof body === 'object', 'the request has no JSON body');
  return body.input;
}
