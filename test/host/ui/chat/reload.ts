// The history survives "Developer: Reload Window": the conversation is still shown and listed, read
// from its file in the extension's workspace storage folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  const files = await historyFiles(ctx.userDataDir, 'Will this survive a reload?');
  check(files.length === 1, `the question is in ${files.length} conversation files of workspace storage, not 1: ${files.join(', ')}`);
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

/** The conversation files in `userDataDir`'s workspace storage whose text holds `text`, once written (the write follows the turn). */
async function historyFiles(userDataDir: string, text: string): Promise<string[]> {
  const root = join(userDataDir, 'User', 'workspaceStorage');
  const find = (): string[] =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => /predictionguard-community\.prediction-guard[\\/]chat[\\/]conversation-[^\\/]+\.json$/.test(path))
      .filter((path) => readFileSync(join(root, path), 'utf8').includes(text));
  for (const deadline = Date.now() + 10_000; ;) {
    const found = find();
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50)); // polling the folder, not a wait for time to pass
  }
}
