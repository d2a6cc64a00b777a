// 3. "Set API Key" replaces the stored key: the next request carries the new one.
import { runCommand } from '../workbench';
import { bearerOf, check, clearNotifications, enterKeyInMaskedBox, explainSample, SET_KEY, type UiContext } from './context';

export async function setApiKeyReplacesKey(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  const second = `pg-second-token-${Date.now()}`;
  await runCommand(page, SET_KEY);
  await enterKeyInMaskedBox(page, second);
  try {
    const request = await explainSample(ctx);
    check(bearerOf(request) === `Bearer ${second}`, `after Set API Key the server saw ${String(bearerOf(request))}`);
  } finally {
    // The stand-in refuses the second key (403): once its error shows, put the sentinel back and drop it.
    await page
      .locator('.notifications-toasts .notification-list-item .monaco-button', { hasText: 'Set API Key' })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 })
      .catch(() => undefined);
    await runCommand(page, SET_KEY);
    await enterKeyInMaskedBox(page, ctx.token);
    await clearNotifications(page);
  }
  const request = await explainSample(ctx);
  check(bearerOf(request) === `Bearer ${ctx.token}`, `after setting the sentinel back the server saw ${String(bearerOf(request))}`);
}
