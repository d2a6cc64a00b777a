// 2. With no key stored, Explain asks for it in a masked box, sends it, and opens the answer beside.
import { runCommand, waitForWorkbenchText } from '../workbench';
import { bearerOf, check, enterKeyInMaskedBox, nextResponsesRequest, selectInSample, EXPLAIN, type UiContext } from './context';

const ANSWER = 'Explained: the answer from the stand-in.';

export async function explainAsksForKeyThenAnswers(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  standIn.enqueue('/responses', { kind: 'text', text: ANSWER });
  const since = standIn.requests().length;
  await selectInSample(page, 3);
  await runCommand(page, EXPLAIN);
  await enterKeyInMaskedBox(page, ctx.token);
  const request = await nextResponsesRequest(ctx, since);
  check(bearerOf(request) === `Bearer ${ctx.token}`, `authorization header was ${String(bearerOf(request))}`);
  const input = JSON.stringify((request.body as { input?: unknown } | null)?.input ?? null);
  check(
    input.includes('export interface Order {') && input.includes('id: string;'),
    `the request's input lacks the selected text: ${input.slice(0, 300)}`,
  );
  await waitForWorkbenchText(page, ANSWER);
  const groups = await page.locator('.editor-group-container').count();
  check(groups >= 2, `the answer did not open beside the code (${groups} editor group)`);
}
