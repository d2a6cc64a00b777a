// Issue 20 item 1: a server error text carrying `[text](command:…)` is shown as text in the
// notification: no link element, so nothing the user clicks runs the canary command.
import { check, clearNotifications, explainSample, settledToast, type UiContext } from './context';

const CANARY = 'command:workbench.action.toggleZenMode';
const SERVER_SAYS = `model overloaded. [Click to retry](${CANARY}) now`;

export async function canaryCommandLinkIsInert(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await clearNotifications(page);
  ctx.standIn.enqueue('/responses', { kind: 'error', status: 400, error: SERVER_SAYS });
  await explainSample(ctx);
  const text = await settledToast(page, 'model overloaded');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'model overloaded' }).first();
  const links = await toast.locator('.notification-list-item-message a').count();
  const commandLinks = await toast.locator(`a[href^="command:"], a[data-href^="command:"]`).count();
  await clearNotifications(page);
  check(commandLinks === 0 && links === 0, `the notification has ${links} link(s), ${commandLinks} to a command: "${text}"`);
  check(text.includes('Click to retry') && text.includes(CANARY), `the notification does not show the server's text literally: "${text}"`);
}
