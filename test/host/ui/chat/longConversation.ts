// A long conversation reopened: 200 turns typed through the chat (the stand-in answers at once), then
// the window is reloaded, as when a user opens the workspace again: the chat's page loads anew from the
// stored history and must show the last turn, the first one once scrolled to, and a composer that sends.
// (Hiding and showing the view does the same for the page, but Playwright could not reach the content of
// a re-shown webview in VS Code 1.100 though it showed; a reload it can.)
import { EVENT_WAIT_MS } from '../../../server/waits';
import { reloadWindow, screenshot } from '../../workbench';
import { check, closeEveryEditor, type UiContext } from '../context';
import { chatFrame, composer, newChat, openChat, reply, turns } from './chatView';

export const LONG_CONVERSATION_TURNS = 200;

const marker = (index: number): string => `Stored answer ${index} is here.`;

/** The answer of turn `index`: a line, a code block and a paragraph (like the bench's). */
export function longConversationAnswer(index: number): string {
  return `${marker(index)}\n\n\`\`\`ts\nexport const turn${index} = ${index};\n\`\`\`\n\n${'Some explanation of the turn. '.repeat(20)}`;
}

export async function chatLongConversationReopens(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  await newChat(page);
  const box = composer(page);
  const started = Date.now();
  for (let i = 0; i < LONG_CONVERSATION_TURNS; i++) {
    standIn.enqueue('/responses', { kind: 'text', text: longConversationAnswer(i) });
    await box.fill(`Question number ${i}`);
    await box.press('Enter');
    await turns(page)
      .nth(i)
      .locator('.pg-answer', { hasText: marker(i) })
      .waitFor({ state: 'visible', timeout: EVENT_WAIT_MS });
  }
  ctx.log(`${LONG_CONVERSATION_TURNS} turns typed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  await closeEveryEditor(page); // the chat is the only webview to restore
  await reloadWindow(page);
  const reopened = Date.now();
  await openChat(page);
  const last = turns(page).nth(LONG_CONVERSATION_TURNS - 1);
  await last.locator('.pg-answer', { hasText: marker(LONG_CONVERSATION_TURNS - 1) }).waitFor({ state: 'visible', timeout: EVENT_WAIT_MS });
  ctx.log(`reopened, last turn shown after ${Date.now() - reopened} ms`);
  const count = await turns(page).count();
  check(count === LONG_CONVERSATION_TURNS, `the reopened chat shows ${count} turns, not ${LONG_CONVERSATION_TURNS}`);
  await screenshot(page, 'chat-long-conversation-reopened');

  // The first turn, once scrolled to, shows its question and its answer rendered (its code block too).
  const first = turns(page).first();
  await first.scrollIntoViewIfNeeded();
  await first.locator('.pg-prompt', { hasText: 'Question number 0' }).waitFor({ state: 'visible', timeout: EVENT_WAIT_MS });
  await first.locator('.pg-answer .pg-code', { hasText: 'export const turn0 = 0;' }).waitFor({ state: 'visible', timeout: EVENT_WAIT_MS });
  await screenshot(page, 'chat-long-conversation-first-turn');

  // The composer still works: one more turn is answered and shown at the bottom.
  standIn.enqueue('/responses', { kind: 'text', text: 'One more answer after the reopen.' });
  await box.fill('One more question after the reopen');
  await box.press('Enter');
  const after = await (await reply(page, LONG_CONVERSATION_TURNS)).innerText();
  check(after.includes('One more answer after the reopen.'), `the turn after the reopen shows: ${after.slice(0, 200)}`);
  check(
    await chatFrame(page)
      .locator('.pg-title')
      .innerText()
      .then((t) => t.includes('Question number 0')),
    'the reopened chat lost its title',
  );
}
