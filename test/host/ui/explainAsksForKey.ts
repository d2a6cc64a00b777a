// 2. With no key stored, Explain asks for it in a masked box, sends it, and opens the answer beside.
import { describeEditorGroups, runCommand, waitForEditorText } from '../workbench';
import { bearerOf, check, enterKeyInMaskedBox, nextResponsesRequest, selectInSample, EXPLAIN, type UiContext } from './context';

const ANSWER = 'Explained: the answer from the stand-in.';

export async function explainAsksForKeyThenAnswers(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await runCommand(page, 'Prediction Guard: Clear API Key'); // whatever an earlier test stored
  await page.locator('.notifications-toasts .notification-list-item', { hasText: 'API key removed' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  standIn.enqueue('/responses', { kind: 'text', text: ANSWER });
  const since = standIn.requests().length;
  await selectInSample(page, 3);
  await runCommand(page, EXPLAIN);
  await enterKeyInMaskedBox(page, ctx.token);
  const request = await nextResponsesRequest(ctx, since);
  check(bearerOf(request) === `Bearer ${ctx.token}`, `authorization header was ${String(bearerOf(request))}`);
  const input = JSON.stringify((request.body as { input?: unknown } | null)?.input ?? null);
  check(input.includes('export interface Order {') && input.includes('id: string;'), `the request's input lacks the selected text: ${input.slice(0, 300)}`);
  const group = await waitForEditorText(page, ANSWER).catch(async () => {
    throw new Error(`the answer is not shown in any editor; editors: ${await describeEditorGroups(page)}`);
  });
  check(group >= 1, `the answer opened in the code's own editor group, not beside it; editors: ${await describeEditorGroups(page)}`);
}
