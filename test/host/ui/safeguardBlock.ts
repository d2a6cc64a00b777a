// 6. A safeguard block (400 "pii detected"): the notification names the PII safeguard.
import { screenshot } from '../workbench';
import { check, clearNotifications, explainSample, settledToast, type UiContext } from './context';

export async function safeguardBlockNamesPii(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  ctx.standIn.enqueue('/responses', { kind: 'safeguard', message: 'pii detected' });
  await explainSample(ctx);
  const text = await settledToast(page, 'pii detected');
  await screenshot(page, 'safeguard-block');
  await clearNotifications(page);
  check(text.includes('PII'), `the notification does not name the PII safeguard: "${text}"`);
}
