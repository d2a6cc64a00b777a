// `npm run bench`, the chat figures' floor: the same job as the chat with nothing else, timed the same
// way (Playwright, from Enter in a textarea inside a webview to the answer's text visible in that
// webview). The floor is a tiny extension of its own (floorExtension/: a webview panel, one fetch,
// JSON.parse, postMessage, textContent), packaged here and installed into the bench's code-server next
// to the extension under test (which is loaded as the development extension: the workbench payload
// keeps only one extensionDevelopmentPath, its pairs become a Map). The old floor, one fetch from this
// process, is still taken as "network only".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { TextBehaviour } from '../server/behaviours';
import type { StandIn } from '../server/standInServer';
import { installExtension, projectRoot, type Dirs } from '../host/codeServer';
import { runCommand, screenshot } from '../host/workbench';
import { markSpan } from './marks';

const FLOOR_ID = 'pg-bench.chat-floor';

/** What the floor extension reads from its environment: give it to startCodeServer. */
export function chatFloorEnv(standIn: StandIn, model: string): Record<string, string> {
  return { PG_CHAT_FLOOR_URL: standIn.baseUrl, PG_CHAT_FLOOR_KEY: standIn.token, PG_CHAT_FLOOR_MODEL: model };
}

/** Packages the built floor extension (npm run build: out/bench-floor/dist) and installs it into `dirs`. Before code-server starts. */
export function installChatFloor(dirs: Dirs): void {
  const built = join(projectRoot, 'out', 'bench-floor', 'dist');
  if (!existsSync(join(built, 'extension.js'))) throw new Error(`the chat floor is not built: ${built} is missing (run npm run build)`);
  const stage = join(dirs.root, 'chat-floor');
  mkdirSync(stage, { recursive: true });
  cpSync(join(projectRoot, 'test', 'bench', 'floorExtension', 'package.json'), join(stage, 'package.json'));
  cpSync(built, join(stage, 'dist'), { recursive: true });
  const vsix = join(dirs.root, 'chat-floor.vsix');
  const vsce = join(projectRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: stage,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`packaging the chat floor failed:\n${result.stdout}\n${result.stderr}`);
  installExtension(vsix, dirs.extensionsDir, dirs.userDataDir);
}

/** The floor panel's page: its webview (by extension id), then its active frame. */
export function floorFrame(page: Page): FrameLocator {
  return page.frameLocator(`iframe.webview[src*="extensionId=${FLOOR_ID}"]`).frameLocator('#active-frame');
}

export interface FloorTiming {
  /** Enter in the floor's textarea → the answer's text visible in its <pre>. */
  webview: number;
  /** The same request from this process: one fetch, JSON.parse (or until the first text delta). */
  network: number;
}

export interface ChatFloor {
  /** Opens the floor panel (Bench Floor: Open Chat Floor) and waits for its textarea. */
  open(): Promise<void>;
  /** Queues `answer` and times the floor's webview, then queues it again and times the network only. `marker` is text the answer (or, streamed, its first delta) shows. */
  time(answer: TextBehaviour, marker: string): Promise<FloorTiming>;
  /** Starts the floor's kept conversation over (Bench Floor: New Conversation), as the chat's New Chat. */
  newConversation(): Promise<void>;
  /**
   * In a reloaded window: opens the floor panel, whose page loads the kept conversation, and returns
   * its script's start → that conversation painted (`floor-script` → `floor-shown`) and how many exchanges it showed.
   */
  reopen(): Promise<{ ms: number; turns: number }>;
}

export function chatFloor(options: { page: Page; standIn: StandIn; model: string; say(text: string): void }): ChatFloor {
  const { page, standIn } = options;
  const frame = (): FrameLocator => floorFrame(page);
  let opened = false;
  let pictured = false;

  const webview = async (streamed: boolean, marker: string): Promise<number> => {
    await frame().locator('#stream').setChecked(streamed);
    const box = frame().getByRole('textbox', { name: 'Message' });
    await box.click();
    await box.fill(`Floor question, ${marker}`);
    const t0 = Date.now();
    await box.press('Enter');
    await frame().locator('pre#answer', { hasText: marker }).waitFor({ state: 'visible', timeout: 120_000 });
    const ms = Date.now() - t0;
    if (!pictured) {
      pictured = true;
      options.say(`screenshot: ${await screenshot(page, 'bench-chat-floor')}`);
    }
    return ms;
  };

  const network = async (streamed: boolean): Promise<number> => {
    const t0 = Date.now();
    const response = await fetch(`${standIn.baseUrl}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${standIn.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: options.model, input: [{ role: 'user', content: 'floor' }], ...(streamed ? { stream: true } : {}) }),
    });
    if (!streamed) {
      JSON.parse(await response.text());
      return Date.now() - t0;
    }
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the floor stream ended without a text delta');
      seen += decoder.decode(value, { stream: true });
      if (seen.includes('response.output_text.delta')) break;
    }
    const ms = Date.now() - t0;
    await reader.cancel();
    return ms;
  };

  return {
    async open() {
      await runCommand(page, 'Bench Floor: Open Chat Floor');
      await frame().getByRole('textbox', { name: 'Message' }).waitFor({ state: 'visible', timeout: 60_000 });
      opened = true;
    },
    async newConversation() {
      await runCommand(page, 'Bench Floor: New Conversation');
    },
    async reopen() {
      await runCommand(page, 'Bench Floor: Open Chat Floor');
      opened = true;
      return markSpan(frame(), 'floor-script', 'floor-shown');
    },
    async time(answer, marker) {
      if (!opened) throw new Error('the chat floor panel did not open');
      const streamed = answer.stream !== undefined && answer.stream !== false;
      standIn.enqueue('/responses', answer);
      const w = await webview(streamed, marker);
      standIn.enqueue('/responses', answer);
      return { webview: w, network: await network(streamed) };
    },
  };
}
