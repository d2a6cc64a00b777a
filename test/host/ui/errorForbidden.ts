// 5. A 403 from the API: a notification says the key was refused and offers "Set API Key".
import { screenshot } from '../workbench';
import { check, clearNotifications, explainSample, settledToast, type UiContext } from './context';

const SERVER_SAYS = 'api understands the request but refuses to authorize it';

export async function forbiddenOffersSetApiKey(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  ctx.standIn.enqueue('/responses', { kind: 'error', status: 403, error: SERVER_SAYS });
  await explainSample(ctx);
  const button = page.locator('.notifications-toasts .notification-list-item .monaco-button', { hasText: 'Set API Key' });
  await button.first().waitFor({ state: 'visible', timeout: 15_000 });
  const text = await settledToast(page, 'Set API Key');
  await screenshot(page, 'error-403');
  await clearNotifications(page);
  // Judge the extension's own words, not the server's message it may quote.
  const own = text.replace(SERVER_SAYS, '');
  check(
    /key/i.test(own) && /refus|reject|denied|not (authori[sz]ed|accepted|valid)|invalid|forbidden/i.test(own),
    `the notification does not say the key was refused: "${text}"`,
  );
}
