// Accessibility of the two webviews: axe-core (injected into the webview's frame) finds no serious or
// critical violation in the chat or the parameters panel, in a light and a dark theme; and the chat can
// be used from the keyboard alone: its shortcut focuses the composer, Tab reaches every control, each
// control has a name and a visible focus indicator.
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { colorTheme, runCommand, screenshot } from '../workbench';
import { newChat, openChat } from './chat/chatView';
import { check, clearNotifications, type UiContext } from './context';
import { focusWorkbench, openParametersPanel, webviewFrameWith } from './parameters/panel';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in `frame`; returns the serious and critical violations. */
async function seriousViolations(frame: Frame): Promise<Violation[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describe(violations: Violation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`).join('\n');
}

export async function webviewsPassAxe(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  const found: string[] = [];
  for (const [theme, bodyClass] of [
    ['Light Modern', 'vscode-light'],
    ['Dark Modern', 'vscode-dark'],
  ] as const) {
    await openChat(page);
    const chat = await webviewFrameWith(page, '.pg-chat');
    await focusWorkbench(page);
    await colorTheme(page, theme, chat);
    const chatViolations = await seriousViolations(chat);
    if (chatViolations.length) found.push(`chat, ${theme}:\n${describe(chatViolations)}`);
    const parameters = await openParametersPanel(page);
    await parameters.waitForSelector(`body.${bodyClass}`, { state: 'attached', timeout: 10_000 });
    const panelViolations = await seriousViolations(parameters);
    if (panelViolations.length) found.push(`parameters panel, ${theme}:\n${describe(panelViolations)}`);
    await runCommand(page, 'View: Close Editor');
  }
  check(found.length === 0, `axe-core found serious or critical violations:\n${found.join('\n')}`);
}

interface Focused {
  name: string;
  outline: string;
}

/** The focused element inside the chat frame: its accessible name (roughly) and focus outline. */
function focusedIn(frame: Frame): Promise<Focused | null> {
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const labelledBy = el.getAttribute('aria-labelledby');
    const labelled = labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : '';
    const name = el.getAttribute('aria-label') || labelled || el.textContent?.trim() || el.getAttribute('title') || '';
    const style = getComputedStyle(el);
    const outline =
      style.outlineStyle !== 'none' && style.outlineWidth !== '0px'
        ? `${style.outlineStyle} ${style.outlineWidth}`
        : style.boxShadow !== 'none'
          ? 'box-shadow'
          : '';
    return { name: name.slice(0, 80), outline };
  });
}

export async function chatKeyboardOnly(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  await openChat(page);
  await newChat(page);
  await focusWorkbench(page);
  // Focus Chat's default key takes the focus from the editor to the composer.
  await page.keyboard.press('Control+Shift+Alt+P');
  const chat = await webviewFrameWith(page, '.pg-chat');
  await chat.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Message', undefined, { timeout: 10_000 });
  // With text in the box Send is enabled; Tab forwards from the composer, then Shift+Tab backwards.
  await page.keyboard.type('Explain orderTotal');
  const seen: Focused[] = [];
  for (const key of ['Tab', 'Shift+Tab']) {
    await chat.getByRole('textbox', { name: 'Message' }).focus();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press(key);
      const focused = await focusedIn(chat);
      if (!focused || focused.name === 'Message') break; // left the webview, or came round
      seen.push(focused);
    }
  }
  await screenshot(page, 'chat-keyboard');
  const names = seen.map((f) => f.name);
  for (const wanted of ['Send (Enter)', 'Add the editor selection', 'Chats']) {
    check(
      names.some((n) => n.includes(wanted)),
      `Tab does not reach “${wanted}”: ${names.join(' | ')}`,
    );
  }
  const unnamed = seen.filter((f) => !f.name);
  check(unnamed.length === 0, `${unnamed.length} focusable controls have no name: ${names.join(' | ')}`);
  await chat.getByRole('textbox', { name: 'Message' }).fill('');
  const invisible = seen.filter((f) => !f.outline);
  check(invisible.length === 0, `no visible focus on: ${invisible.map((f) => f.name).join(' | ')}`);
}
