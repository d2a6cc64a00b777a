// 7. The README picture: an explanation open beside the code it explains.
import { screenshot, waitForEditorText } from '../workbench';
import { clearNotifications, closeUntitledEditors, explainSample, type UiContext } from './context';

const ANSWER = [
  '### What `orderTotal` does',
  '',
  'It adds up `price × quantity` for every item of the order, skipping items whose quantity is zero',
  'or negative, then halves the total when the order carries the `HALF` coupon.',
  '',
  '- **Loop**: walks `order.items` once, so it is O(n) in the number of items.',
  '- **Guard**: `item.quantity > 0` ignores empty or refunded lines.',
  '- **Coupon**: only the exact code `HALF` gives a discount; any other code is ignored.',
  '',
  'Edge case: a negative `price` is not rejected and lowers the total.',
].join('\n');

export async function workbenchWithAnswer(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  await closeUntitledEditors(page);
  ctx.standIn.enqueue('/responses', { kind: 'text', text: ANSWER });
  await explainSample(ctx, 9, 8); // orderTotal, lines 8-16
  await waitForEditorText(page, 'Edge case: a negative');
  // Let the progress toast close and keep the mouse off tabs (no hover tooltips in the picture).
  await page.mouse.move(700, 700);
  await page
    .locator('.notifications-toasts .notification-toast')
    .first()
    .waitFor({ state: 'hidden', timeout: 5000 })
    .catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await screenshot(page, 'workbench');
}
