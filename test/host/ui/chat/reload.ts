// The history survives "Developer: Reload Window": the conversation is still shown and listed.
import { reloadWindow } from '../../workbench';
import { check, closeEveryEditor, type UiContext } from '../context';
import { chatFrame, newChat, openChat, reply, send, turns } from './chatView';

export async function chatSurvivesReload(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  await openChat(page);
  await newChat(page);
  ctx.standIn.enqueue('/responses', { kind: 'text', text: 'Kept across the reload.' });
  await send(ctx, 'Will this survive a reload?');
  await reply(page, 0);
  const count = await turns(page).count();
  check(count === 1, `the new conversation shows ${count} turns`);
  const firstPrompt = await turns(page).first().locator('.pg-prompt').innerText();
  const title = await chatFrame(page).locator('.pg-title').innerText();
  await closeEveryEditor(page); // the chat is the only webview to restore
  await reloadWindow(page);
  await openChat(page);
  await turns(page).first().waitFor({ timeout: 20_000 });
  check((await turns(page).count()) === count, `after the reload the chat shows ${await turns(page).count()} turns, not ${count}`);
  const shownPrompt = await turns(page).first().locator('.pg-prompt').innerText();
  check(shownPrompt === firstPrompt, `after the reload the first question is "${shownPrompt}", not "${firstPrompt}"`);
  await chatFrame(page).getByRole('button', { name: 'Chats' }).click();
  const listed = await chatFrame(page).locator('.pg-history-title').allInnerTexts();
  check(listed.includes(title), `the history list (${listed.join(', ')}) lacks "${title}"`);
  await chatFrame(page).getByRole('button', { name: 'Chats' }).click();
}
