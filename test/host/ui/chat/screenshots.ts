// The README pictures: the chat with a code answer (and the selection it was about) in a light and a
// dark theme. The webview follows the theme (its body class), which the test checks.
import type { Page } from 'playwright-core';
import { colorTheme, runCommand, screenshot } from '../../workbench';
import { check, clearNotifications, selectInSample, type UiContext } from '../context';
import { chatFrame, newChat, openChat, reply, send } from './chatView';

const ANSWER = [
  'An empty order already totals `0`, but a missing `items` list would throw. Guard it and skip bad lines:',
  '',
  '```ts',
  'export function orderTotal(order: Order): number {',
  '  const items = order.items ?? [];',
  '  let total = 0;',
  '  for (const { price, quantity } of items) {',
  '    if (quantity > 0 && price >= 0) total += price * quantity;',
  '  }',
  "  return order.coupon === 'HALF' ? total / 2 : total;",
  '}',
  '```',
  '',
  '- **Empty order**: returns `0`.',
  '- **Negative price**: now ignored instead of lowering the total.',
].join('\n');

/** Closes every editor but sample.ts (unsaved answers are reverted), so the picture shows the code and the chat. */
async function closeOtherEditors(page: Page): Promise<void> {
  const others = page.locator('.tabs-container .tab:not([aria-label^="sample.ts"])');
  for (let i = 0; i < 10 && (await others.count()) > 0; i++) {
    const tab = others.first();
    const dirty = ((await tab.getAttribute('class')) ?? '').includes('dirty');
    await tab.click();
    await runCommand(page, dirty ? 'View: Revert and Close Editor' : 'View: Close Editor');
  }
}

/** Drags the sash between the side bar and the editors so the side bar is `width` pixels wide. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || Math.abs(box.width - width) < 10) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

export async function chatScreenshots(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  await closeOtherEditors(page);
  await openChat(page);
  await newChat(page);
  await selectInSample(page, 9, 8); // orderTotal, lines 8-16
  await runCommand(page, 'Prediction Guard: Add Selection to Chat');
  const chip = chatFrame(page).locator('.pg-composer-chips .pg-chip');
  await chip.waitFor({ state: 'visible', timeout: 10_000 });
  const chipText = await chip.innerText();
  check(chipText.includes('sample.ts:8–16'), `the chip does not name the file and lines: ${chipText}`);
  standIn.enqueue('/responses', { kind: 'text', text: ANSWER });
  const request = await send(ctx, 'Make orderTotal safe for empty orders');
  const input = JSON.stringify((request.body as { input?: unknown } | null)?.input ?? null);
  check(
    input.includes('Code from `sample.ts` (typescript, lines 8–16)') && input.includes('export function orderTotal'),
    `the selection was not sent as a labelled code block: ${input.slice(0, 300)}`,
  );
  await reply(page, 0);
  await chatFrame(page).locator('.hljs-keyword').first().waitFor({ timeout: 5000 });
  await widenSidebar(page, 560);
  await colorTheme(page, 'Light Modern', chatFrame(page));
  await screenshot(page, 'chat-light');
  await colorTheme(page, 'Dark Modern', chatFrame(page));
  await screenshot(page, 'chat-dark');
}
