// Answers of any size: a 300,000-character answer (over the chat's 200,000-character message limit)
// shows shortened with "Open full answer in editor", the chat keeps working and the answer survives a
// reload; a 50 MB body is refused with a clear error and the next message is answered.
import { reloadWindow, runCommand } from '../../workbench';
import { check, closeEveryEditor, type UiContext } from '../context';
import { activeEditorText, chatFrame, composer, newChat, openChat, reply, send, turns } from './chatView';

const LINE = 'Every order line is priced, discounted and taxed in this step of the long answer. ';
const START = 'LONG-ANSWER-START: the whole walkthrough follows.';
const END = 'LONG-ANSWER-END';

function longAnswer(): string {
  const lines = [START];
  let length = START.length;
  for (let n = 1; length < 300_000; n++) {
    const line = `${n}. ${LINE}`;
    lines.push(line);
    length += line.length + 1;
  }
  lines.push(END);
  return lines.join('\n');
}

/** After an answer: Stop is gone and the composer takes a message. */
async function chatIsIdle(ctx: UiContext, when: string): Promise<void> {
  await chatFrame(ctx.page).getByRole('button', { name: 'Stop' }).waitFor({ state: 'hidden', timeout: 10_000 });
  check(!(await composer(ctx.page).isDisabled()), `the message box is disabled ${when}`);
}

async function checkShortened(ctx: UiContext, index: number, total: number, when: string): Promise<void> {
  const shown = await reply(ctx.page, index, 30_000);
  const text = await shown.innerText();
  check(text.includes('LONG-ANSWER-START'), `${when}: the start of the long answer is not shown: ${text.slice(0, 200)}`);
  check(!text.includes(END), `${when}: the whole answer went into the view`);
  check(text.includes(`The answer is ${total.toLocaleString('en-US')} characters long`), `${when}: no note says the answer is shortened: ${text.slice(-400)}`);
  await shown.getByRole('button', { name: 'Open full answer in editor' }).waitFor({ state: 'visible', timeout: 5000 });
}

export async function chatHugeAnswerShowsShortened(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  const answer = longAnswer();
  await openChat(page);
  await newChat(page);
  standIn.enqueue('/responses', { kind: 'text', text: answer });
  await send(ctx, 'Walk me through the whole order pipeline');
  await checkShortened(ctx, 0, answer.length, 'in the chat');
  await chatIsIdle(ctx, 'after a 300,000-character answer');

  // The whole answer opens in an editor: its last line is there.
  await turns(page).nth(0).getByRole('button', { name: 'Open full answer in editor' }).click();
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  await editor.filter({ hasText: 'LONG-ANSWER-START' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await editor.first().click();
  await page.keyboard.press('Control+End');
  await editor.filter({ hasText: END }).first().waitFor({ state: 'visible', timeout: 10_000 });
  check((await activeEditorText(page)).includes(END), 'the editor does not hold the end of the answer');
  await runCommand(page, 'View: Revert and Close Editor');

  // The chat still works: a second message is sent and answered.
  standIn.enqueue('/responses', { kind: 'text', text: 'The pipeline has three steps.' });
  const second = await send(ctx, 'In one sentence?');
  check(JSON.stringify(second.body).includes('LONG-ANSWER-END'), 'the second request lacks the whole first answer as context');
  const secondText = await (await reply(page, 1)).innerText();
  check(secondText.includes('The pipeline has three steps.'), `the second answer is not shown: ${secondText}`);
  await chatIsIdle(ctx, 'after the second answer');

  // After a reload the long answer is still there, shortened, with its action.
  await closeEveryEditor(page); // the chat is the only webview to restore
  await reloadWindow(page);
  await openChat(page);
  await turns(page).first().waitFor({ timeout: 20_000 });
  check((await turns(page).count()) === 2, `after the reload the chat shows ${await turns(page).count()} turns, not 2`);
  await checkShortened(ctx, 0, answer.length, 'after the reload');
}

export async function chatFiftyMegabyteBodyIsRefused(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  await newChat(page);
  const kib = `{"padding":"${'x'.repeat(1000)}",`.padEnd(1024, ' ');
  standIn.enqueue('/responses', { kind: 'raw', status: 200, body: kib, repeat: 50 * 1024, headers: { 'content-type': 'application/json' } });
  const request = await send(ctx, 'Tell me everything');
  const failed = await reply(page, 0, 60_000);
  const text = await failed.innerText();
  check(/larger than 10 MB/.test(text), `the chat does not say the answer was too large: ${text}`);
  check(text.length < 2000, `the error shows ${text.length} characters`);
  const recorded = standIn.requests().find((r) => r.id === request.id);
  check(recorded !== undefined, 'the stand-in did not record the request');
  await chatIsIdle(ctx, 'after the 50 MB body');

  // The extension host still answers: the next message goes through.
  standIn.enqueue('/responses', { kind: 'text', text: 'A short answer after the huge one.' });
  await send(ctx, 'A short question');
  const next = await (await reply(page, 1)).innerText();
  check(next.includes('A short answer after the huge one.'), `the next answer is not shown: ${next}`);
}
