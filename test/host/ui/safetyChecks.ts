// The safety checks in the workbench: with nothing selected a check asks before it sends the whole
// file (Cancel sends nothing); Cancel on the progress aborts the check and marks nothing; the PII
// diagnostics in the editor and the Problems view, photographed in the light and dark themes.
import { EVENT_WAIT_MS } from '../../server/waits';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RecordedRequest } from '../../server/standInServer';
import { colorTheme, escape, openFile, runCommand, screenshot, selectLines, waitForNotification } from '../workbench';
import { check, clearNotifications, type UiContext } from './context';

const CHECK_PII = 'Prediction Guard: Check Selection for PII';
const FILE = 'contacts.ts'; // in test/fixtures/workspace

/** Focuses contacts.ts (opening it if needed); resolves with its text as on disk. */
async function openContacts(ctx: UiContext): Promise<string> {
  const tab = ctx.page.locator('.editor-group-container').first().locator(`.tab[aria-label^="${FILE}"]`);
  if ((await tab.count()) > 0) await tab.first().click();
  else await openFile(ctx.page, FILE);
  return readFileSync(join(ctx.workspace, FILE), 'utf8');
}

/** Puts the cursor in contacts.ts with nothing selected. */
async function caretInContacts(page: Page): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
}

async function nextSafetyRequest(ctx: UiContext, path: string, since: number, timeoutMs = EVENT_WAIT_MS): Promise<RecordedRequest> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = ctx.standIn
      .requests()
      .slice(since)
      .find((r) => r.method === 'POST' && r.path === path);
    if (found) return found;
    await ctx.page.waitForTimeout(100);
  }
  throw new Error(`the stand-in received no POST ${path} within ${timeoutMs} ms`);
}

const problemRows = (page: Page) => page.locator('.markers-panel .monaco-list-row', { hasText: 'PII:' });

/** Shows (true) or hides the Problems view with its toggle command. */
async function problemsView(page: Page, shown: boolean): Promise<void> {
  const panel = page.locator('.markers-panel');
  if ((await panel.isVisible()) === shown) return;
  if (shown) await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  else await runCommand(page, 'View: Toggle Panel Visibility');
  await panel.waitFor({ state: shown ? 'visible' : 'hidden', timeout: 10_000 });
}

export async function safetyEmptySelectionAsks(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await escape(page); // whatever an earlier test left open
  await clearNotifications(page);
  const contents = await openContacts(ctx);
  await runCommand(page, 'Prediction Guard: Clear Check Results');
  await caretInContacts(page);
  const since = standIn.requests().length;

  await runCommand(page, CHECK_PII);
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const asked = (await dialog.innerText()).replace(/\s+/g, ' ');
  check(asked.includes(`Nothing is selected. Send the whole file “${FILE}”`), `the dialog does not ask about the whole file: ${asked}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 5000 });
  // The next command runs only after this one has returned, so a request it made would be recorded by then.
  standIn.enqueue('/toxicity', { kind: 'score', value: 0.01 });
  await selectLines(page, 1, 1);
  await runCommand(page, 'Prediction Guard: Check Selection for Toxicity');
  await nextSafetyRequest(ctx, '/toxicity', since);
  check(
    !standIn
      .requests()
      .slice(since)
      .some((r) => r.path === '/PII'),
    'Cancel on the whole-file question still sent the file',
  );

  await caretInContacts(page);
  standIn.enqueue('/PII', { kind: 'pii', find: [{ type: 'EMAIL_ADDRESS', text: 'frodo@predictionguard.com' }] });
  const before = standIn.requests().length;
  await runCommand(page, CHECK_PII);
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  await dialog.getByRole('button', { name: 'Check Whole File' }).click();
  const request = await nextSafetyRequest(ctx, '/PII', before);
  const body = request.body as { prompt?: string; replace?: boolean };
  check(body.prompt === contents && body.replace === false, `the check did not send exactly the file: ${JSON.stringify(body).slice(0, 200)}`);
  const said = await waitForNotification(page, '1 PII entity');
  check(said.includes('EMAIL_ADDRESS') && said.includes('Preview Replaced'), `the summary is not shown: ${said}`);
  await runCommand(page, 'Prediction Guard: Clear Check Results');
}

export async function safetyCancelAbortsCheck(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  await openContacts(ctx);
  // Marks an earlier check left would be counted below: start from none.
  await runCommand(page, 'Prediction Guard: Clear Check Results');
  await page.locator('.editor-group-container.active .monaco-editor .squiggly-info').first().waitFor({ state: 'detached', timeout: 10_000 });
  standIn.enqueue('/PII', { kind: 'pii', find: [{ type: 'EMAIL_ADDRESS', text: 'frodo@predictionguard.com' }], delayMs: 6000 });
  const since = standIn.requests().length;
  await selectLines(page, 3, 3);
  await runCommand(page, CHECK_PII);
  const request = await nextSafetyRequest(ctx, '/PII', since);
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'checking for PII' }).first();
  await toast.waitFor({ state: 'visible', timeout: 10_000 });
  await toast.getByRole('button', { name: 'Cancel' }).click();

  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !standIn.requests().find((r) => r.id === request.id)?.aborted) await page.waitForTimeout(100);
  check(standIn.requests().find((r) => r.id === request.id)?.aborted === true, 'the stand-in did not see the check aborted');
  await toast.waitFor({ state: 'hidden', timeout: 10_000 });
  // A later check proves the cancelled one has finished: its result (none) was handled before.
  standIn.enqueue('/toxicity', { kind: 'score', value: 0.01 });
  await runCommand(page, 'Prediction Guard: Check Selection for Toxicity');
  await waitForNotification(page, 'Toxic language unlikely: 0.01');
  const squiggles = await page.locator('.editor-group-container.active .monaco-editor .squiggly-info').count();
  check(squiggles === 0, `a cancelled check marked ${squiggles} range(s)`);
}

export async function safetyDiagnosticsScreenshots(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  await openContacts(ctx);
  standIn.enqueue('/PII', {
    kind: 'pii',
    find: [
      { type: 'PERSON', text: 'Frodo Baggins' },
      { type: 'EMAIL_ADDRESS', text: 'frodo@predictionguard.com' },
      { type: 'PHONE_NUMBER', text: '954-123-4567' },
      { type: 'URL', text: 'https://wiki.example.com/billing/runbook' },
    ],
  });
  await selectLines(page, 7, 1);
  await runCommand(page, CHECK_PII);
  const said = await waitForNotification(page, '4 PII entities');
  check(said.includes('PERSON, EMAIL_ADDRESS, PHONE_NUMBER, URL'), `the summary does not list the types: ${said}`);
  await problemsView(page, true);
  await problemRows(page).nth(3).waitFor({ state: 'visible', timeout: 10_000 });
  const rows = (await problemRows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  for (const type of ['PERSON', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'URL']) {
    check(
      rows.some((r) => r.includes(`PII: ${type}`) && r.includes('Prediction Guard')),
      `the Problems view has no “PII: ${type}” from Prediction Guard: ${rows.join(' | ')}`,
    );
  }
  const squiggles = page.locator('.editor-group-container.active .monaco-editor .squiggly-info');
  check((await squiggles.count()) >= 4, `the editor shows ${await squiggles.count()} PII squiggles`);
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End'); // no selection in the picture
  await colorTheme(page, 'Light Modern');
  await screenshot(page, 'safety-pii-light');
  await colorTheme(page, 'Dark Modern');
  await screenshot(page, 'safety-pii-dark');
  await clearNotifications(page);
  await runCommand(page, 'Prediction Guard: Clear Check Results');
  await problemRows(page).first().waitFor({ state: 'detached', timeout: 10_000 });
  await problemsView(page, false);
}
