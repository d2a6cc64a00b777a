// A rate-limited request: the progress notification says how long it waits before retrying, and
// Cancel during that wait ends it at once — no retry is sent, nothing is changed.
import { runCommand, screenshot } from '../workbench';
import { check, clearNotifications, nextResponsesRequest, selectInSample, type UiContext } from './context';

export async function rateLimitWaitShownAndCancellable(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  standIn.enqueue('/responses', {
    kind: 'raw',
    status: 429,
    body: '{"error":"rate limited"}',
    headers: { 'content-type': 'application/json', 'retry-after': '20' },
  });
  const since = standIn.requests().length;
  await selectInSample(page, 2, 9);
  const before = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  await runCommand(page, 'Prediction Guard: Improve Selection');
  await nextResponsesRequest(ctx, since);
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'retrying in 20 s' }).first();
  await toast.waitFor({ state: 'visible', timeout: 10_000 });
  const text = await toast.innerText();
  check(/rate limited \(429\)/.test(text), `the progress says why it waits: ${text}`);
  await screenshot(page, 'rate-limited');
  await toast.getByRole('button', { name: 'Cancel' }).click();
  // The progress closes when the command is over: no retry can be sent after that.
  await toast.waitFor({ state: 'hidden', timeout: 5000 });
  check(standIn.requests().length === since + 1, `no retry was sent after Cancel (${standIn.requests().length - since} requests)`);
  const after = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  check(after === before, 'the file looks exactly as before');
}
