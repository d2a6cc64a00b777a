// Cancel on the progress notification aborts the HTTP request and leaves the file untouched, even
// though the server's answer would have come later.
import { runCommand, screenshot } from '../workbench';
import { abortedRequest, check, clearNotifications, nextResponsesRequest, selectInSample, type UiContext } from './context';

const LATE_ANSWER = 'const replacedAfterCancel = true;';

export async function cancelLeavesFileUntouched(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  standIn.enqueue('/responses', { kind: 'text', text: `\`\`\`ts\n${LATE_ANSWER}\n\`\`\``, delayMs: 6000 });
  const since = standIn.requests().length;
  await selectInSample(page, 2, 9);
  const before = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  await runCommand(page, 'Prediction Guard: Improve Selection');
  const request = await nextResponsesRequest(ctx, since);
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Improving the selection' }).first();
  await toast.waitFor({ state: 'visible', timeout: 10_000 });
  await screenshot(page, 'progress-cancel');
  await toast.getByRole('button', { name: 'Cancel' }).click();

  await abortedRequest(ctx, request.id);
  // The command is over once its progress closes: no answer can be placed after that.
  await toast.waitFor({ state: 'hidden', timeout: 10_000 });
  const after = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  check(!after.includes('replacedAfterCancel'), 'the late answer was not written into the file');
  check(after === before, 'the file looks exactly as before');
}
