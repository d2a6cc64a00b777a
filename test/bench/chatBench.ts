// `npm run bench`, the chat figures: driven through the chat webview with Playwright (as a user types),
// in a workbench opened after the extension-host figures. The floor of each is the same exchange in a
// minimal webview with nothing else, timed the same way (chatFloor.ts); the fetch alone from this
// process is printed beside it as "network only".
import type { Page } from 'playwright-core';
import type { StandIn } from '../server/standInServer';
import { reloadWindow, screenshot } from '../host/workbench';
import { chatFrame, composer, newChat, openChat } from '../host/ui/chat/chatView';
import { chatFloor } from './chatFloor';
import { stepRunner, type Figure } from './figures';
import { markSpan } from './marks';

export interface ChatBenchOptions {
  page: Page;
  standIn: StandIn;
  model: string;
  /** Scales the rounds (PG_BENCH_SCALE). */
  count(fallback: number): number;
  say(text: string): void;
}

/** About `bytes` of Markdown: headings, paragraphs, lists and fenced code, ending with `marker`. */
export function longMarkdown(bytes: number, marker: string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const section = [
      `## Part ${i}`,
      '',
      `The function \`part${i}\` adds **${i}** to its argument; it is *pure* and runs in constant time.`,
      '',
      `- first point of part ${i}`,
      `- second point of part ${i}`,
      '',
      '```ts',
      `export function part${i}(a: number): number {`,
      `  return a + ${i};`,
      '}',
      '```',
      '',
    ].join('\n');
    parts.push(section);
    size += section.length + 1;
  }
  parts.push(marker);
  return parts.join('\n');
}

/** Types `text`, presses Enter, and resolves with the ms until `shown` holds in the chat (and then `after`, if given). */
async function timedSend(page: Page, text: string, shown: () => Promise<unknown>, after?: () => Promise<unknown>): Promise<number> {
  const box = composer(page);
  await box.click();
  await box.fill(text);
  const t0 = Date.now();
  await box.press('Enter');
  await shown();
  const ms = Date.now() - t0;
  if (after) {
    await after();
    lastAfterMs = Date.now() - t0;
  }
  return ms;
}

/** The ms until `after` of the last timedSend that had one. */
let lastAfterMs = Number.NaN;

/** No section of the last answer is still waiting to be rendered as Markdown (media/chat/answer.ts). */
function fullyRendered(page: Page): () => Promise<void> {
  return () => chatFrame(page).locator('article.pg-turn').last().locator('.pg-md-pending').first().waitFor({ state: 'detached', timeout: 120_000 });
}

function answerShown(page: Page, marker: string, timeout = 120_000): () => Promise<void> {
  return () => chatFrame(page).locator('article.pg-turn .pg-answer', { hasText: marker }).last().waitFor({ state: 'visible', timeout });
}

export async function chatFigures(options: ChatBenchOptions): Promise<{ figures: Figure[]; errors: string[] }> {
  const { page, standIn, count, say } = options;
  const figures: Figure[] = [];
  const errors: string[] = [];

  // The floor: the same exchange in a minimal webview of its own (chatFloor.ts), interleaved with the chat's samples.
  const floorOf = chatFloor(options);

  const step = stepRunner(say, errors);

  await openChat(page);
  await step('chat: floor panel opened', () => floorOf.open());
  await openChat(page);

  await step('chat: 100 KB answer', async () => {
    const samples: number[] = [];
    const complete: number[] = [];
    const floor: number[] = [];
    const network: number[] = [];
    const rounds = count(4);
    for (let i = 0; i <= rounds; i++) {
      await newChat(page);
      const marker = `End of long answer ${i}.`;
      const text = longMarkdown(98_000, marker);
      standIn.enqueue('/responses', { kind: 'text', text, stream: false });
      const ms = await timedSend(page, `Explain everything, round ${i}`, answerShown(page, marker), fullyRendered(page));
      const f = await floorOf.time({ kind: 'text', text, stream: false }, marker);
      if (i > 0) {
        samples.push(ms);
        complete.push(lastAfterMs);
        floor.push(f.webview);
        network.push(f.network);
      }
    }
    // To look at: the long answer's top, and its middle once scrolled to.
    say(`screenshot: ${await screenshot(page, 'bench-chat-long-answer')}`);
    await chatFrame(page).locator('article.pg-turn').last().locator('.pg-code').nth(200).scrollIntoViewIfNeeded();
    say(`screenshot: ${await screenshot(page, 'bench-chat-long-answer-middle')}`);
    // Shown: its first screen rendered and all its text on the page; complete: every section rendered as Markdown.
    figures.push({ key: 'chat.answer100KB', title: 'chat: Enter → 100 KB Markdown answer shown', samples, floor, floorNetwork: network });
    figures.push({
      key: 'chat.answer100KB.complete',
      title: 'chat: Enter → 100 KB answer all rendered as Markdown',
      samples: complete,
      floor,
      floorNetwork: network,
    });
  });

  await step('chat: first streamed token', async () => {
    const samples: number[] = [];
    const floor: number[] = [];
    const network: number[] = [];
    const rounds = count(6);
    await newChat(page);
    for (let i = 0; i <= rounds; i++) {
      const first = `Streamed${i}`;
      const text = `${first} ${'words arrive one by one, '.repeat(80)}done ${i}.`;
      standIn.enqueue('/responses', { kind: 'text', text, stream: { eventDelayMs: 2 } });
      const ms = await timedSend(page, `Stream something, round ${i}`, () =>
        chatFrame(page)
          .locator('article.pg-turn .pg-partial, article.pg-turn .pg-answer', { hasText: first })
          .last()
          .waitFor({ state: 'visible', timeout: 60_000 }),
      );
      await answerShown(page, `done ${i}.`)();
      const f = await floorOf.time({ kind: 'text', text, stream: { eventDelayMs: 2 } }, first);
      if (i > 0) {
        samples.push(ms);
        floor.push(f.webview);
        network.push(f.network);
      }
    }
    figures.push({ key: 'chat.firstToken', title: 'chat: Enter → first streamed word shown', samples, floor, floorNetwork: network });
  });

  // One conversation typed to `history` turns (200 at scale 1): what a turn costs at its start and at
  // its end, then the chat hidden and shown again as a user does (its page loads anew and shows it).
  const history = count(200);
  const lastAnswer =
    (marker: string): (() => Promise<void>) =>
    () =>
      // The last turn only: a locator over every turn's text would itself cost more as the conversation grows.
      chatFrame(page).locator('article.pg-turn').last().locator('.pg-answer', { hasText: marker }).waitFor({ state: 'visible', timeout: 120_000 });
  await step(`chat: ${history} turns`, async () => {
    await newChat(page);
    await floorOf.newConversation();
    const perTurn: number[] = [];
    const floor: number[] = [];
    const network: number[] = [];
    for (let i = 0; i < history; i++) {
      const marker = `Answer ${i} is here.`;
      const answer = `${marker}\n\n\`\`\`ts\nexport const turn${i} = ${i};\n\`\`\`\n\n${'Some explanation of the turn. '.repeat(20)}`;
      standIn.enqueue('/responses', { kind: 'text', text: answer, stream: false });
      perTurn.push(await timedSend(page, `Question number ${i}`, lastAnswer(marker)));
      const f = await floorOf.time({ kind: 'text', text: answer, stream: false }, marker);
      floor.push(f.webview);
      network.push(f.network);
    }
    const span = Math.max(1, Math.min(5, Math.floor(history / 4)));
    const turns = (from: number): string => `turns ${from + 1}–${from + span}`;
    figures.push({
      key: 'chat.turn.early',
      title: `chat: Enter → answer shown, ${turns(1)}`,
      samples: perTurn.slice(1, span + 1),
      floor: floor.slice(1, span + 1),
      floorNetwork: network.slice(1, span + 1),
    });
    // Turns 16–20, as the bench measured before it typed longer conversations.
    const late = Math.min(15, history - span);
    figures.push({
      key: 'chat.turn.late',
      title: `chat: Enter → answer shown, ${turns(late)}`,
      samples: perTurn.slice(late, late + span),
      floor: floor.slice(late, late + span),
      floorNetwork: network.slice(late, late + span),
    });
    figures.push({
      key: 'chat.turn.long',
      title: `chat: Enter → answer shown, ${turns(history - span)}`,
      samples: perTurn.slice(-span),
      floor: floor.slice(-span),
      floorNetwork: network.slice(-span),
    });
  });

  await step(`chat: reopen ${history} turns`, async () => {
    const samples: number[] = [];
    const floor: number[] = [];
    // Reloaded, as when the workspace is opened again (Playwright could not reach a re-shown view's page).
    const rounds = count(5); // each a window reload: five keep the median steady on a busy machine
    const last = chatFrame(page)
      .locator('article.pg-turn')
      .last()
      .locator('.pg-answer', { hasText: `Answer ${history - 1} is here.` });
    for (let i = 0; i <= rounds; i++) {
      await reloadWindow(page);
      await openChat(page);
      await last.waitFor({ state: 'visible', timeout: 60_000 });
      const { ms, turns } = await markSpan(chatFrame(page), 'pg-chat-script', 'pg-chat-shown');
      if (turns !== history) throw new Error(`the reopened chat showed ${turns} turns, not ${history}`);
      // The floor: its panel opened in the same window, its page showing its own kept conversation.
      const reopenedFloor = await floorOf.reopen();
      if (reopenedFloor.turns !== history) throw new Error(`the reopened floor showed ${reopenedFloor.turns} exchanges, not ${history}`);
      if (i > 0) {
        samples.push(ms);
        floor.push(reopenedFloor.ms);
      }
    }
    say(`screenshot: ${await screenshot(page, 'bench-chat-reopened')}`);
    figures.push({ key: 'chat.reopen', title: `chat: reopen ${history} turns, chat script → last turn shown`, samples, floor });
  });

  return { figures, errors };
}
