// 5. A 403 from the API: a notification says the key was refused and offers "Set API Key".
import { screenshot, waitForNotification } from '../workbench';
import { check, clearNotifications, explainSample, type UiContext } from './context';

export async function forbiddenOffersSetApiKey(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  ctx.standIn.enqueue('/responses', { kind: 'error', status: 403, error: 'api understands the request but refuses to authorize it' });
  await explainSample(ctx);
  const button = page.locator('.notifications-toasts .notification-list-item .monaco-button', { hasText: 'Set API Key' });
  await button.first().waitFor({ state: 'visible', timeout: 15_000 });
  const text = await waitForNotification(page, 'Set API Key');
  await screenshot(page, 'error-403');
  await clearNotifications(page);
  check(/key/i.test(text) && /refus|reject|denied|not (authori[sz]ed|accepted|valid)|invalid|forbidden/i.test(text),
    `the notification does not say the key was refused: "${text}"`);
}
