// The chat's "Check factuality": the request carries the question and the attached code as
// reference and the answer as text; the answer then shows a badge with the score and a word.
// Photographed in the light and dark themes.
import { colorTheme, runCommand, screenshot } from '../../workbench';
import { check, clearNotifications, selectInSample, type UiContext } from '../context';
import { chatFrame, newChat, openChat, reply, send } from './chatView';

const ANSWER = [
  '`orderTotal` adds `price × quantity` for each item whose quantity is positive,',
  'then halves the total when the order carries the `HALF` coupon.',
].join('\n');

export async function chatFactualityBadge(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  await openChat(page);
  await newChat(page);
  await selectInSample(page, 9, 8); // orderTotal, lines 8-16
  await runCommand(page, 'Prediction Guard: Add Selection to Chat');
  await chatFrame(page).locator('.pg-composer-chips .pg-chip').waitFor({ state: 'visible', timeout: 10_000 });
  standIn.enqueue('/responses', { kind: 'text', text: ANSWER });
  await send(ctx, 'What does orderTotal return?');
  const answer = await reply(page, 0);

  standIn.enqueue('/factuality', { kind: 'score', value: 0.8421 });
  const since = standIn.requests().length;
  await answer.getByRole('button', { name: 'Check factuality' }).click();
  const badge = chatFrame(page).locator('article.pg-turn').nth(0).locator('.pg-factuality-badge:not(.pg-checking)');
  await badge.waitFor({ state: 'visible', timeout: 15_000 });
  const shown = (await badge.innerText()).replace(/\s+/g, ' ').trim();
  check(shown === 'Factuality high: 0.84', `the badge reads “${shown}”`);
  check((await badge.getAttribute('class'))?.includes('pg-factuality-high') === true, 'the badge is not styled as high');

  const request = standIn
    .requests()
    .slice(since)
    .find((r) => r.method === 'POST' && r.path === '/factuality');
  const body = request?.body as { reference?: string; text?: string } | undefined;
  check(body?.text === ANSWER, `the answer was not sent as text: ${JSON.stringify(body?.text)}`);
  const reference = body?.reference ?? '';
  check(reference.startsWith('Question: What does orderTotal return?'), `the reference does not start with the question: ${reference.slice(0, 120)}`);
  check(
    reference.includes('Code (sample.ts, lines 8–16):\nexport function orderTotal(order: Order): number {'),
    `the reference lacks the attached code: ${reference.slice(0, 300)}`,
  );

  await colorTheme(page, 'Light Modern', chatFrame(page));
  await screenshot(page, 'chat-factuality-light');
  await colorTheme(page, 'Dark Modern', chatFrame(page));
  await screenshot(page, 'chat-factuality-dark');
}
