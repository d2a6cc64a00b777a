// Streamed answers in the real VS Code: the chat shows the first words while the stand-in still holds
// the rest, Stop ends a stream at once, a stream cut mid-answer never edits a file (Improve Selection),
// and a server refusing `stream` still answers. The session remembers the refusal for this base URL
// until the window reloads: that test ends with a reload, so later tests stream again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reloadWindow, runCommand, screenshot, waitForNotification } from '../workbench';
import { chatFrame, composer, newChat, openChat, reply, send, turns } from './chat/chatView';
import { check, clearNotifications, closeEveryEditor, nextResponsesRequest, selectInSample, withKey, type UiContext, type UiTestEntry } from './context';

const EARLY = 'Streams show the first words early,';
const LATE = 'and the closing words only once the stand-in lets them go.';

function streamAsked(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
}

export async function chatStreamsProgressively(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  await newChat(page);
  // One delta per word: the first six go out, then the stream is held until `resume`.
  standIn.enqueue('/responses', { kind: 'text', text: `${EARLY} ${LATE}`, stream: { pauseAfterDeltas: 6 } });
  const request = await send(ctx, 'How do streamed answers look?');
  check(streamAsked(request.body), `the chat did not ask for a stream: ${JSON.stringify(request.body)}`);
  const partial = turns(page).nth(0).locator('.pg-partial');
  await partial.waitFor({ state: 'visible', timeout: 15_000 });
  await chatFrame(page).locator('.pg-partial', { hasText: 'the first words early' }).waitFor({ timeout: 10_000 });
  const shown = (await partial.innerText()).replace(/\s+/g, ' ');
  check(shown.includes('Streams show the first words early'), `the first words are not shown while the stream is held: ${shown}`);
  check(!shown.includes('closing words'), `words the stand-in has not sent yet are shown: ${shown}`);
  check(standIn.requests().find((r) => r.id === request.id)?.paused === true, 'the stand-in is not holding the rest of the stream');
  check(await chatFrame(page).getByRole('button', { name: 'Stop' }).isVisible(), 'Stop is not offered while the answer streams');
  check(!(await turns(page).nth(0).locator('.pg-code-actions').count()), 'a half answer offers code actions');
  ctx.log(`screenshot: ${await screenshot(page, 'chat-streaming')}`);

  standIn.release();
  const done = await reply(page, 0);
  await chatFrame(page).locator('.pg-answer', { hasText: 'closing words' }).waitFor({ timeout: 15_000 });
  const text = (await done.innerText()).replace(/\s+/g, ' ');
  check(text.includes(`${EARLY} ${LATE}`), `the complete answer is not shown: ${text}`);
  check((await turns(page).nth(0).locator('.pg-partial').count()) === 0, 'the partial text stays beside the complete answer');
}

export async function chatStopMidStream(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  await newChat(page);
  standIn.enqueue('/responses', { kind: 'text', text: `${EARLY} ${LATE}`, stream: { end: 'stall', afterDeltas: 4 } });
  const request = await send(ctx, 'A stream that stalls halfway');
  await chatFrame(page).locator('.pg-partial', { hasText: 'Streams show the first' }).waitFor({ timeout: 15_000 });
  const stop = chatFrame(page).getByRole('button', { name: 'Stop' });
  const clicked = Date.now();
  await stop.click();
  const stopped = await reply(page, 0, 5000);
  const ms = Date.now() - clicked;
  const text = await stopped.innerText();
  check(/Stopped/.test(text), `the turn does not say it was stopped: ${text}`);
  check(ms < 5000, `Stop took ${ms} ms`);
  await standIn.waitForRequests((all) => all.some((r) => r.id === request.id && r.aborted === true), 'the stream aborted after Stop');
  await stop.waitFor({ state: 'hidden', timeout: 5000 });
  check(!(await composer(page).isDisabled()), 'the message box stays disabled after Stop');
  check((await turns(page).nth(0).locator('.pg-partial').count()) === 0, 'the half answer is still shown as if arriving');
}

const CUT_ANSWER = ['Here is the improved code:', '', '```ts', 'export const cutShortAnswer = 1;', 'export const neverPlaced = 2;', '```'].join('\n');

export async function improveStreamCutEditsNothing(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  const file = join(ctx.workspace, 'sample.ts');
  const onDisk = readFileSync(file, 'utf8');
  await selectInSample(page, 2, 9);
  const before = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  const since = standIn.requests().length;
  // Cut after the code block's first line has gone out: half an answer that must never be placed.
  standIn.enqueue('/responses', { kind: 'text', text: CUT_ANSWER, stream: { end: 'cut', afterDeltas: 9 } });
  await runCommand(page, 'Prediction Guard: Improve Selection');
  const request = await nextResponsesRequest(ctx, since);
  check(streamAsked(request.body), `Improve did not ask for a stream: ${JSON.stringify(request.body)}`);
  const message = await waitForNotification(page, 'broke while the answer was arriving');
  check(/partial answer was not used/.test(message), `the notification does not say the partial answer was dropped: ${message}`);
  check((await page.locator('.tabs-container .tab[aria-label*="proposed"]').count()) === 0, 'a review of the half answer was opened');
  const after = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  check(!after.includes('cutShortAnswer'), 'the half answer was written into the editor');
  check(after === before, 'the editor text changed');
  check(readFileSync(file, 'utf8') === onDisk, 'sample.ts changed on disk');
  const sent = standIn
    .requests()
    .slice(since)
    .filter((r) => r.method === 'POST' && r.path.startsWith('/responses')).length;
  check(sent === 1, `the request was sent ${sent} times: never again once part of the answer has arrived`);
}

export async function chatServerRefusingStreamAnswers(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  await newChat(page);
  // The request with `stream: true` gets a 400 naming `stream`; the one sent again without it, the answer.
  standIn.enqueue('/responses', { kind: 'refuseStream' });
  standIn.enqueue('/responses', { kind: 'text', text: 'Answered all at once.' });
  const since = standIn.requests().length;
  await send(ctx, 'Does a server without streaming still answer?');
  const answer = await reply(page, 0);
  await chatFrame(page).locator('.pg-answer', { hasText: 'Answered all at once.' }).waitFor({ timeout: 15_000 });
  const text = await answer.innerText();
  check(!/rejected|400|stream/i.test(text), `the refusal was shown to the user: ${text}`);
  const sent = standIn
    .requests()
    .slice(since)
    .filter((r) => r.method === 'POST' && r.path.startsWith('/responses'));
  check(sent.length === 2, `expected the streamed request and one without stream, got ${sent.length}`);
  check(streamAsked(sent[0]?.body) && !streamAsked(sent[1]?.body), `stream: ${sent.map((r) => String(streamAsked(r.body))).join(', ')}`);
  check(sent[0]?.answeredStatus === 400, 'the first request was not refused');

  // The refusal is remembered for the window's session only: after a reload the chat asks for a stream again.
  await closeEveryEditor(page); // the chat is the only webview to restore
  await reloadWindow(page);
  await openChat(page);
  await newChat(page);
  standIn.enqueue('/responses', { kind: 'text', text: 'Streamed again after the reload.' });
  const request = await send(ctx, 'Streaming again?');
  check(streamAsked(request.body), 'after a reload the chat still did not ask for a stream');
  await chatFrame(page).locator('.pg-answer', { hasText: 'Streamed again after the reload.' }).waitFor({ timeout: 15_000 });
}

export const streamingUiTests: UiTestEntry[] = [
  {
    title: 'streaming: a chat answer appears word by word, the first words before the stand-in sends the rest',
    run: withKey(chatStreamsProgressively),
  },
  { title: 'streaming: Stop mid-stream ends the turn at once and aborts the request', run: withKey(chatStopMidStream), fault: true },
  { title: 'streaming: Improve with a stream cut mid-answer edits no file', run: withKey(improveStreamCutEditsNothing), fault: true },
  {
    title: 'streaming: a server refusing stream still answers the chat; after a reload the chat streams again',
    run: withKey(chatServerRefusingStreamAnswers),
    fault: true,
  },
];
