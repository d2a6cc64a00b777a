// A server that echoes the key back in its error: the message the user sees never shows it.
import { check, clearNotifications, explainSample, settledToast, type UiContext } from './context';

export async function echoedKeyIsNotShown(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  ctx.standIn.enqueue('/responses', { kind: 'error', status: 400, error: `invalid key ${ctx.token} for this model` });
  await explainSample(ctx);
  const text = await settledToast(page, 'invalid key');
  await clearNotifications(page);
  check(!text.includes(ctx.token), 'the notification shows the key');
  check(text.includes('«redacted»'), `the notification shows where the key was removed: ${text}`);
}
