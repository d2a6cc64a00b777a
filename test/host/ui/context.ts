// What every UI test gets, and the small steps several of them share.
import { EVENT_WAIT_MS } from '../../server/waits';
import type { Page } from 'playwright-core';
import type { UiFigures } from '../faultSummary';
import type { RecordedRequest, StandIn } from '../../server/standInServer';
import { EDITOR_LINES, escape, findNotification, openFile, runCommand, selectLines, QUICK_INPUT } from '../workbench';

export interface UiContext {
  page: Page;
  standIn: StandIn;
  /** The sentinel API key the stand-in accepts. */
  token: string;
  /** The absolute path of the workspace folder open in the workbench (a temp copy of the fixture). */
  workspace: string;
  /** code-server's --user-data-dir: User/settings.json holds the user settings (see userSettings.ts). */
  userDataDir: string;
  /** Fault figures the tests add to (hostile payloads, scripts run, remote fetches). */
  figures: UiFigures;
  log(message: string): void;
  /** Settings with MCP servers: each command run asks for MCP consent first; this answers it ("Allow"). */
  mcpConsent?: 'Allow' | 'Not in this chat';
}

export type UiTest = (ctx: UiContext) => Promise<void>;

/** One UI test as the runner lists it. `fault: true` tags a test that injects a fault or a hostile answer: it is counted in the reliability figures. */
export interface UiTestEntry {
  title: string;
  run: UiTest;
  fault?: true;
  /** An attack (a hostile repository, answer or server): counted in the reliability report's "attacks:" line. */
  attack?: boolean;
}

export const EXPLAIN = 'Prediction Guard: Explain Selection';
export const SET_KEY = 'Prediction Guard: Set API Key';

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Puts the focus in sample.ts (first editor group, opening it if needed) with `lines` lines from `from` selected. */
export async function selectInSample(page: Page, lines = 3, from = 1): Promise<void> {
  const tab = page.locator('.editor-group-container').first().locator('.tab[aria-label^="sample.ts"]');
  if ((await tab.count()) > 0) {
    await tab.first().click();
  } else {
    await openFile(page, 'sample.ts');
  }
  await selectLines(page, lines, from);
}

/** Waits for the next POST /responses after `since` recorded requests. */
export async function nextResponsesRequest(ctx: UiContext, since: number, timeoutMs = EVENT_WAIT_MS): Promise<RecordedRequest> {
  const isResponses = (r: RecordedRequest): boolean => r.method === 'POST' && r.path.split('?')[0] === '/responses';
  const all = await ctx.standIn.waitForRequests((requests) => requests.slice(since).some(isResponses), 'a POST /responses', timeoutMs);
  const found = all.slice(since).find(isResponses);
  check(found, 'a POST /responses was recorded');
  return found;
}

/** Resolves once the stand-in saw request `id` aborted by the client. */
export async function abortedRequest(ctx: UiContext, id: number, timeoutMs = 10_000): Promise<void> {
  await ctx.standIn.waitForRequests((requests) => requests.some((r) => r.id === id && r.aborted === true), `request ${id} aborted`, timeoutMs);
}

/** Stores the stand-in's key through Set API Key, as a user would: the state a test that sends requests starts from. */
export async function useSentinelKey(ctx: UiContext): Promise<void> {
  // Focus in a webview (the panel or the chat an earlier test used) keeps keys from the palette.
  const editor = ctx.page.locator('.editor-group-container').first().locator(EDITOR_LINES).first();
  if (await editor.isVisible().catch(() => false)) await editor.click();
  await runCommand(ctx.page, SET_KEY);
  await enterKeyInMaskedBox(ctx.page, ctx.token);
}

/** A UI test that needs the key stored, whatever ran before it. */
export function withKey(test: UiTest): UiTest {
  return async (ctx) => {
    await useSentinelKey(ctx);
    await test(ctx);
  };
}

/** Runs Explain Selection on the first lines of sample.ts; resolves with the request the stand-in got. */
export async function explainSample(ctx: UiContext, lines = 3, from = 1): Promise<RecordedRequest> {
  const since = ctx.standIn.requests().length;
  await selectInSample(ctx.page, lines, from);
  await runCommand(ctx.page, EXPLAIN);
  await answerMcpConsent(ctx, since);
  return nextResponsesRequest(ctx, since);
}

/** With `ctx.mcpConsent`: checks the MCP consent question comes before any request, names the servers, and answers it. */
export async function answerMcpConsent(ctx: UiContext, since: number): Promise<void> {
  if (!ctx.mcpConsent) return;
  const item = await findNotification(ctx.page, 'call MCP tools on its own');
  const sent = ctx.standIn
    .requests()
    .slice(since)
    .filter((r) => r.path.split('?')[0] === '/responses');
  check(sent.length === 0, `a request went before the MCP consent was answered: ${JSON.stringify(sent.map((r) => r.body))}`);
  ctx.log(`MCP consent: ${(await item.innerText()).replace(/\s+/g, ' ')}`);
  await item.getByRole('button', { name: ctx.mcpConsent }).click();
  await item.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Checks that the quick input is a masked box about the API key, then types `key` and Enter. */
export async function enterKeyInMaskedBox(page: Page, key: string): Promise<void> {
  const input = page.locator(`${QUICK_INPUT} input.input`);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  const type = await input.getAttribute('type');
  check(type === 'password', `the API key input box is not masked (type=${String(type)})`);
  const widgetText = await page.locator(QUICK_INPUT).innerText();
  const prompt = `${widgetText} ${(await input.getAttribute('placeholder')) ?? ''} ${(await input.getAttribute('aria-label')) ?? ''}`;
  check(/api key/i.test(prompt), `the input box does not mention the API key: ${prompt.replace(/\s+/g, ' ')}`);
  await input.fill(key);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 });
}

export function bearerOf(request: RecordedRequest): string | undefined {
  return request.headers.authorization;
}

/**
 * Waits until the toast containing `text` has finished fading in and the progress toast of the
 * request is gone, expands it (long messages are cut to one line), and returns its text.
 */
export async function settledToast(page: Page, text: string): Promise<string> {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  const toast = toasts.filter({ hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: 15_000 });
  await page
    .locator('.notifications-toasts .notification-fade-in-done', { hasText: text })
    .first()
    .waitFor({ timeout: 5000 })
    .catch(() => undefined);
  await toasts
    .filter({ hasText: /Explaining the selection/ })
    .first()
    .waitFor({ state: 'hidden', timeout: 5000 })
    .catch(() => undefined);
  await toast.hover();
  const expand = toast.locator('.codicon-notifications-expand');
  if (await expand.isVisible()) {
    await expand.click();
    await toast.locator('.codicon-notifications-collapse').waitFor({ state: 'visible', timeout: 5000 });
  }
  await page.mouse.move(700, 400);
  return (await toast.innerText()).replace(/\s+/g, ' ').trim();
}

/** Closes every untitled editor without saving (answers from earlier tests), so pictures stay tidy. */
export async function closeUntitledEditors(page: Page): Promise<void> {
  const untitled = page.locator('.tabs-container .tab[aria-label*="Untitled-"]');
  for (let i = 0; i < 10 && (await untitled.count()) > 0; i++) {
    await untitled.first().click();
    await runCommand(page, 'View: Revert and Close Editor');
  }
}

/**
 * Closes every editor (untitled answers without saving). Before a reload: VS Code 1.100's browser
 * workbench can leave a webview blank ("Waiting for controllerchange") when several restore at once
 * (microsoft/vscode#312020 reworked that wait), so a reload test restores only the webview it is about.
 */
export async function closeEveryEditor(page: Page): Promise<void> {
  await closeUntitledEditors(page);
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: EVENT_WAIT_MS });
}

/**
 * After a failed test: closes what it left open (menus, quick inputs, every editor, changes to files
 * not saved, notifications), so the next test starts from the workbench it expects.
 */
export async function recoverWorkbench(page: Page): Promise<void> {
  await escape(page);
  await closeUntitledEditors(page);
  await runCommand(page, 'View: Close All Editors');
  // A file changed and not saved makes VS Code ask first: do not save it.
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Don't Save$/ });
  for (let asked = 0; ; asked++) {
    await page.waitForFunction(() => !document.querySelector('.tabs-container .tab') || document.querySelector('.monaco-dialog-box') !== null, undefined, {
      timeout: EVENT_WAIT_MS,
    });
    if (!(await dontSave.isVisible()) || asked >= 10) break;
    await dontSave.click();
  }
  await clearNotifications(page);
}

/** Dismisses every notification (toasts and the center). */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
}
