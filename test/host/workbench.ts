// Playwright helpers to drive the VS Code workbench that code-server serves in Chromium.
import { EVENT_WAIT_MS } from '../server/waits';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { projectRoot, vscode } from './codeServer';

export const screenshotDir = join(projectRoot, 'test-results', 'screenshots');

export async function launchBrowser(): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({
    executablePath: process.env.PG_CHROMIUM ?? '/usr/bin/chromium',
    // The callers close the browser on Ctrl+C themselves (after stopping what else they started).
    handleSIGINT: false,
    handleSIGTERM: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  if (vscode.payloadOnlyAsDevelopmentOptions) await payloadAsDevelopmentOptions(context);
  const page = await context.newPage();
  return { browser, context, page };
}

/**
 * VS Code 1.139's built web workbench ignores the `payload` query (the development extension and the
 * extension tests) unless `developmentOptions.enableSmokeTestDriver` is set, and that option also puts
 * the workbench in automation mode, where no notification is ever shown as a toast. It does honour
 * `developmentOptions.extensions` and `developmentOptions.extensionTestsPath` of its configuration,
 * which it reads from the `data-settings` attribute of `#vscode-workbench-web-configuration`: hand it
 * the page's payload there as it reads it (code-server is not changed, and no request is intercepted:
 * routing the workbench document broke its WebSocket).
 */
async function payloadAsDevelopmentOptions(context: BrowserContext): Promise<void> {
  // No named functions inside: the test runner's transpiler would wrap them in a helper the page lacks.
  await context.addInitScript(() => {
    const getAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (this: Element, name: string): string | null {
      const value = getAttribute.call(this, name);
      if (name !== 'data-settings' || this.id !== 'vscode-workbench-web-configuration' || !value) return value;
      const payload = new URLSearchParams(window.location.search).get('payload');
      if (!payload) return value;
      const settings = JSON.parse(value) as { developmentOptions?: Record<string, unknown> };
      const options: Record<string, unknown> = { ...settings.developmentOptions };
      for (const [key, uri] of JSON.parse(payload) as [string, string][]) {
        const url = new URL(uri); // vscode-remote://<host:port>/<path> as UriComponents
        const components = { scheme: url.protocol.replace(/:$/, ''), authority: url.host, path: decodeURIComponent(url.pathname) };
        if (key === 'extensionDevelopmentPath') options.extensions = [...((options.extensions as unknown[] | undefined) ?? []), components];
        if (key === 'extensionTestsPath') options.extensionTestsPath = components;
      }
      settings.developmentOptions = options;
      return JSON.stringify(settings);
    };
  });
}

/** The workbench URL for a folder, with an optional development `payload` (pairs of name and value). */
export function workbenchUrl(serverUrl: string, folder: string, payload?: [string, string][]): string {
  let url = `${serverUrl}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Opens the workbench and waits until it is laid out. */
export async function openWorkbench(page: Page, url: string, timeoutMs = 60_000): Promise<void> {
  await page.goto(url, { timeout: timeoutMs }); // a loaded machine can take more than the default 30 s
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  // The status bar is among the last parts to appear; after it keyboard shortcuts are wired up.
  await page.locator('.part.statusbar').waitFor({ timeout: timeoutMs });
}

/**
 * The open quick input (palette, Quick Open, input box, pick). VS Code 1.139 animates its closing: the
 * widget stays laid out, with `quick-input-widget-closing`, for a moment after Escape or Enter, so the
 * plain class would count a closing widget as open (and text typed then would be lost).
 */
export const QUICK_INPUT = '.quick-input-widget:not(.quick-input-widget-closing)';
const quickInput = QUICK_INPUT;

/** Opens the command palette and types `>` + text; returns the input locator. */
export async function openPalette(page: Page, text: string): Promise<Locator> {
  const input = page.locator(`${quickInput} input.input`);
  for (let attempt = 0; ; attempt++) {
    if (!(await input.isVisible())) {
      if (attempt > 0) {
        // Focus inside a webview (an iframe) can keep the shortcut from the workbench: give the
        // focus back to the workbench document, then use F1.
        await page.evaluate(() => {
          const focused = document.activeElement;
          if (focused instanceof HTMLElement) focused.blur();
        });
      }
      await page.keyboard.press(attempt % 2 === 0 ? 'Control+Shift+P' : 'F1');
      await input.waitFor({ state: 'visible', timeout: 2500 }).catch(() => undefined);
    }
    try {
      // Something opening meanwhile (an editor, a walkthrough on first start) can close the palette: open it again.
      await input.fill(`>${text}`, { timeout: 5000 });
      return input;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

/** The labels of the rows currently listed in the quick input. */
export async function quickPickLabels(page: Page): Promise<string[]> {
  const rows = page.locator(`${quickInput} .monaco-list-row .label-name`);
  return (await rows.allInnerTexts()).map(normalize);
}

/** Clicks `target` once it can take a click within `timeoutMs`; false when it could not (nothing was clicked). */
async function clickedWithin(target: Locator, timeoutMs: number): Promise<boolean> {
  try {
    await target.click({ timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

/** Runs a command by its palette title, e.g. "Prediction Guard: Explain Selection". */
export async function runCommand(page: Page, title: string): Promise<void> {
  const row = page.locator(`${quickInput} .monaco-list-row`).filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
  const deadline = Date.now() + EVENT_WAIT_MS;
  for (;;) {
    await openPalette(page, title);
    const shown = await row
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    // Something taking the focus (a notification, an editor or view opening on a loaded machine) can
    // close the palette between the row showing and the click: the click then waits on a hidden row.
    // Playwright clicks only once the row is visible, so a click that times out ran nothing: open the
    // palette again.
    const clicked = shown && (await clickedWithin(row.first(), 5000));
    if (clicked) break;
    // An open palette does not list commands registered after it opened (the extension may still be
    // activating in a fresh window): close it and look again.
    if (Date.now() > deadline) throw new Error(`the command palette does not list “${title}”, or closed before it took the click`);
    if (await page.locator(quickInput).isVisible()) await page.keyboard.press('Escape');
    await page
      .locator(quickInput)
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => undefined);
  }
  await page
    .locator(quickInput)
    .waitFor({ state: 'hidden', timeout: 5000 })
    .catch(() => undefined);
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  const input = page.locator(`${quickInput} input.input`);
  for (let attempt = 0; ; attempt++) {
    if (!(await input.isVisible())) await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
    try {
      // Something opening meanwhile (a walkthrough, Restricted Mode's notice) can close Quick Open: open it again.
      await input.fill(name, { timeout: 5000 });
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  const row = page.locator(`${quickInput} .monaco-list-row`, { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: 10_000 });
}

/** "Developer: Reload Window", then waits for the workbench to be back. */
export async function reloadWindow(page: Page): Promise<void> {
  const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 });
  reloaded.catch(() => undefined); // awaited below; a failure before then must not go unhandled
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
}

/**
 * The lines of a text editor one can click into: in a diff editor the modified side (VS Code 1.139
 * shows a narrow diff inline, the modified editor laid over the original one, which then takes no clicks).
 */
export const EDITOR_LINES = '.monaco-editor:not(.original-in-monaco-diff-editor) .view-lines';

/** Focuses the active text editor and selects `lines` whole lines from line `from` (1-based). */
export async function selectLines(page: Page, lines: number, from = 1): Promise<void> {
  await page.locator(`.editor-group-container.active ${EDITOR_LINES}`).first().click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < from; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < lines; i++) await page.keyboard.press('Shift+ArrowDown');
}

/** Answers the open quick input (e.g. the API key box) with text and Enter. */
export async function answerInputBox(page: Page, text: string): Promise<void> {
  const input = page.locator(`${quickInput} input.input`);
  await input.fill(text);
  await page.keyboard.press('Enter');
  await page
    .locator(quickInput)
    .waitFor({ state: 'hidden', timeout: 5000 })
    .catch(() => undefined);
}

/** The texts of the visible notification toasts. */
export async function notificationTexts(page: Page): Promise<string[]> {
  const items = page.locator('.notifications-toasts .notification-list-item');
  return (await items.allInnerTexts()).map(normalize);
}

/** Waits until a visible notification contains `text`; returns that notification's text. */
export async function waitForNotification(page: Page, text: string, timeoutMs = EVENT_WAIT_MS): Promise<string> {
  return normalize(await (await findNotification(page, text, timeoutMs)).innerText());
}

/**
 * The notification holding `text`: the toast, or, when a busy workbench has already moved it to the
 * notification center (toasts give way to progress notifications and new editors), the center's row.
 */
export async function findNotification(page: Page, text: string, timeoutMs = EVENT_WAIT_MS): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
  const inCenter = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await toast
      .or(inCenter)
      .first()
      .waitFor({ state: 'visible', timeout: Math.min(10_000, Math.max(1, deadline - Date.now())) })
      .then(
        () => true,
        () => false,
      );
    if (found) return (await toast.isVisible()) ? toast : inCenter;
    // Not a toast by now: look in the notification center (the command toggles it, so only when closed).
    if (!(await page.locator('.notifications-center.visible').isVisible())) await runCommand(page, 'Notifications: Show Notifications');
  }
  throw new Error(`no notification says “${text}” within ${timeoutMs} ms`);
}

/**
 * Waits until `text` is shown in a visible editor (not just a tab title); resolves with the index of
 * the editor group that shows it (0 = the first, leftmost group).
 */
export async function waitForEditorText(page: Page, text: string, timeoutMs = EVENT_WAIT_MS): Promise<number> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const groups = Array.from(document.querySelectorAll('.editor-group-container'));
      const index = groups.findIndex((group) =>
        Array.from(group.querySelectorAll('.monaco-editor .view-lines')).some(
          (lines) => lines instanceof HTMLElement && lines.innerText.replace(/\s+/g, ' ').includes(wanted),
        ),
      );
      return index >= 0 ? index + 1 : 0; // 0 is falsy: keep waiting
    },
    text.replace(/\s+/g, ' '),
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) - 1;
}

/** The tabs of each editor group, e.g. "group 1: sample.ts*, Untitled-1 | group 2: ..." (* = active tab). */
export async function describeEditorGroups(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.editor-group-container'))
      .map((group, i) => {
        const tabs = Array.from(group.querySelectorAll('.tab')).map(
          (tab) => (tab.getAttribute('aria-label') ?? '?') + (tab.classList.contains('active') ? '*' : ''),
        );
        return `group ${i + 1}: ${tabs.join(', ') || '(no tabs)'}`;
      })
      .join(' | '),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Closes whatever quick input, menu or hover is open. */
export async function escape(page: Page, times = 2): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press('Escape');
}

function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Switches the colour theme with its picker (the way a user would) and waits until the workbench, and
 * `frame` (a webview) when given, are drawn in it.
 */
export async function colorTheme(page: Page, name: string, frame?: Frame | FrameLocator): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator(`${quickInput} input.input`);
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.fill(name);
  const row = page.locator(`${quickInput} .monaco-list-row`, { hasText: name }).first();
  await row.waitFor({ timeout: 5000 });
  await row.click();
  await page.locator(quickInput).waitFor({ state: 'hidden', timeout: 5000 });
  await page.mouse.move(1200, 720); // an empty part of the editor: no hover in the picture
  const dark = /dark/i.test(name);
  await page.locator(`.monaco-workbench.${dark ? 'vs-dark' : 'vs'}`).waitFor({ state: 'attached', timeout: 10_000 });
  if (frame) await frame.locator(`body.${dark ? 'vscode-dark' : 'vscode-light'}`).waitFor({ state: 'attached', timeout: 10_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
