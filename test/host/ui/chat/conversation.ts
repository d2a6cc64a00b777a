// The chat's conversation in the real VS Code: two turns with the first answer sent back as an
// assistant item, Stop aborting the HTTP request, and a safeguard block shown as a decision with Retry.
import { screenshot } from '../../workbench';
import { abortedRequest, check, nextResponsesRequest, type UiContext } from '../context';
import { chatFrame, composer, inputOf, newChat, openChat, reply, send } from './chatView';

const FIRST_ANSWER = 'It adds up `price × quantity` for every item with a positive quantity.';
const SECOND_ANSWER = 'The `HALF` coupon halves the total.';

export async function chatTwoTurns(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  await newChat(page);
  standIn.enqueue('/responses', { kind: 'text', text: FIRST_ANSWER });
  const first = await send(ctx, 'What does orderTotal do?');
  check(
    JSON.stringify(inputOf(first)) === JSON.stringify([{ type: 'message', role: 'user', content: 'What does orderTotal do?' }]),
    `first input: ${JSON.stringify(inputOf(first))}`,
  );
  const firstReply = await reply(page, 0);
  const shown = await firstReply.innerText();
  check(shown.includes('It adds up price × quantity'), `the first answer is not shown: ${shown}`);
  check(shown.includes('gpt-oss-120b') && /\d+ in \/ \d+ out tokens/.test(shown), `the answer lacks its model or token usage: ${shown}`);

  standIn.enqueue('/responses', { kind: 'text', text: SECOND_ANSWER });
  const second = await send(ctx, 'And what does the HALF coupon do?');
  const expected = [
    { type: 'message', role: 'user', content: 'What does orderTotal do?' },
    { type: 'message', role: 'assistant', content: FIRST_ANSWER },
    { type: 'message', role: 'user', content: 'And what does the HALF coupon do?' },
  ];
  check(JSON.stringify(inputOf(second)) === JSON.stringify(expected), `the second request's input was ${JSON.stringify(inputOf(second))}`);
  const secondReply = await (await reply(page, 1)).innerText();
  check(secondReply.includes('coupon halves the total'), `the second answer is not shown: ${secondReply}`);
}

export async function chatStopAbortsRequest(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  standIn.enqueue('/responses', { kind: 'text', text: 'This answer comes too late.', delayMs: 30_000 });
  const index = await chatFrame(page).locator('article.pg-turn').count();
  const request = await send(ctx, 'A question the server is slow to answer');
  const stop = chatFrame(page).getByRole('button', { name: 'Stop' });
  await stop.waitFor({ state: 'visible', timeout: 10_000 });
  check(await composer(page).isDisabled(), 'the message box is not disabled while the request runs');
  await stop.click();
  await abortedRequest(ctx, request.id);
  const stopped = await (await reply(page, index)).innerText();
  check(/Stopped/.test(stopped), `the turn does not say it was stopped: ${stopped}`);
  await stop.waitFor({ state: 'hidden', timeout: 5000 });
  check(!(await composer(page).isDisabled()), 'the message box stays disabled after Stop');
}

export async function chatSafeguardDecision(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  standIn.enqueue('/responses', { kind: 'safeguard', message: 'pii detected' });
  const index = await chatFrame(page).locator('article.pg-turn').count();
  await send(ctx, 'Write to jane.doe@example.com about this order');
  const decision = await reply(page, index);
  const text = await decision.innerText();
  check((await decision.getAttribute('class'))?.includes('pg-decision') === true, `a safeguard block is shown as a generic error: ${text}`);
  check(text.includes('Blocked by the PII safeguard'), `the decision does not name the PII safeguard: ${text}`);
  check(text.includes('Change setting') && text.includes('Retry'), `the decision lacks its buttons: ${text}`);
  await screenshot(page, 'chat-safeguard-decision');
  standIn.enqueue('/responses', { kind: 'text', text: 'Answered on retry.' });
  const since = standIn.requests().length;
  await decision.getByRole('button', { name: 'Retry' }).click();
  await nextResponsesRequest(ctx, since, 10_000);
  await chatFrame(page).locator('article.pg-turn').nth(index).locator('.pg-answer', { hasText: 'Answered on retry.' }).waitFor({ timeout: 10_000 });
}
