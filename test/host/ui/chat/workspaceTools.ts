// The workspace tools in the real VS Code chat: the model asks to read a file, the consent card asks
// the user, and what the next request carries (the file's text, or that the user denied it). Paths
// out of the workspace and excluded files are refused without asking, and their text never leaves.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { RecordedRequest } from '../../../server/standInServer';
import { colorTheme, screenshot } from '../../workbench';
import { check, nextResponsesRequest, type UiContext } from '../context';
import { chatFrame, newChat, openChat, reply, send, turns } from './chatView';

export const PLAN_TEXT = 'PLAN-SENTINEL-4b1e: ship the coupon fix on Friday.';
const OUTSIDE_TEXT = 'OUTSIDE-SENTINEL-93ac';
const ENV_TEXT = 'ENV-SENTINEL-5d20';

export const readArgs = (path: string): string => JSON.stringify({ path, start_line: null, end_line: null });

/** Writes the files the tests read (and must not read): inside, next to, and linked out of the workspace. */
export function writeFixtures(workspace: string): void {
  mkdirSync(join(workspace, 'notes'), { recursive: true });
  writeFileSync(join(workspace, 'notes', 'plan.txt'), `${PLAN_TEXT}\n`);
  writeFileSync(join(workspace, '.env'), `API_TOKEN=${ENV_TEXT}\n`);
  const outside = join(dirname(workspace), 'outside.txt');
  writeFileSync(outside, `${OUTSIDE_TEXT}\n`);
  try {
    symlinkSync(outside, join(workspace, 'notes', 'link-out.txt'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

export function card(ctx: UiContext): Locator {
  return chatFrame(ctx.page).locator('.pg-tool-card');
}

/** The function_call_output items of a request, by call. */
export function outputsOf(request: RecordedRequest): string[] {
  const input = (request.body as { input?: unknown } | null)?.input;
  check(Array.isArray(input), 'the follow-up request has no input list');
  return (input as { type?: string; output?: string }[]).filter((i) => i.type === 'function_call_output').map((i) => String(i.output));
}

/** The next POST /responses after `request` (the loop's follow-up). */
export function followUpOf(ctx: UiContext, request: RecordedRequest): Promise<RecordedRequest> {
  return nextResponsesRequest(ctx, ctx.standIn.requests().findIndex((r) => r.id === request.id) + 1);
}

export function bodiesSince(ctx: UiContext, since: number): string {
  return ctx.standIn
    .requests()
    .slice(since)
    .map((r) => JSON.stringify(r.body ?? null))
    .join('\n');
}

async function askForPlan(ctx: UiContext): Promise<{ since: number; index: number }> {
  writeFixtures(ctx.workspace);
  await openChat(ctx.page);
  await newChat(ctx.page);
  const index = await turns(ctx.page).count();
  const since = ctx.standIn.requests().length;
  ctx.standIn.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: readArgs('notes/plan.txt') });
  const first = await send(ctx, 'What does notes/plan.txt say?');
  const tools = ((first.body as { tools?: { name?: string }[] } | null)?.tools ?? []).map((t) => t.name);
  check(tools.includes('read_file') && tools.includes('search_text'), `the chat request offers no workspace tools: ${JSON.stringify(tools)}`);
  await card(ctx).waitFor({ state: 'visible', timeout: 15_000 });
  const text = await card(ctx).innerText();
  check(/read notes\/plan\.txt/i.test(text.replace(/\s+/g, ' ')), `the consent card does not say what the model wants: ${text}`);
  check(!bodiesSince(ctx, since).includes(PLAN_TEXT), 'the file was sent before the user allowed it');
  return { since, index };
}

export async function chatToolAllow(ctx: UiContext): Promise<void> {
  const { since, index } = await askForPlan(ctx);
  await colorTheme(ctx.page, 'Light Modern', chatFrame(ctx.page));
  await screenshot(ctx.page, 'chat-tool-consent-light');
  await colorTheme(ctx.page, 'Dark Modern', chatFrame(ctx.page));
  await screenshot(ctx.page, 'chat-tool-consent-dark');
  ctx.standIn.enqueue('/responses', { kind: 'text', text: 'The plan is to ship the coupon fix on Friday.' });
  const before = ctx.standIn.requests().length;
  await card(ctx).getByRole('button', { name: 'Allow', exact: true }).click();
  const followUp = await nextResponsesRequest(ctx, before);
  check(followUp.validationError === undefined, `the stand-in rejected the follow-up: ${followUp.validationError}`);
  const outputs = outputsOf(followUp);
  check(outputs.length === 1 && outputs[0]?.includes(PLAN_TEXT) === true, `the follow-up lacks the file's text: ${JSON.stringify(outputs)}`);
  const answer = await reply(ctx.page, index);
  const shown = await answer.innerText();
  check(shown.includes('ship the coupon fix on Friday'), `the final answer is not shown: ${shown}`);
  const listed = await turns(ctx.page).nth(index).locator('.pg-tool-call').allInnerTexts();
  check(listed.length === 1 && /read_file/.test(listed[0] ?? '') && /ran/.test(listed[0] ?? ''), `the call is not listed on the answer: ${listed.join(' | ')}`);
  check(!(await card(ctx).isVisible()), 'the consent card stays after the answer');
  check(
    ctx.standIn
      .requests()
      .slice(since)
      .filter((r) => r.path.startsWith('/responses')).length === 2,
    'more than two requests were sent',
  );
}

export async function chatToolDeny(ctx: UiContext): Promise<void> {
  const { since, index } = await askForPlan(ctx);
  ctx.standIn.enqueue('/responses', { kind: 'text', text: 'I could not read the plan.' });
  const before = ctx.standIn.requests().length;
  await card(ctx).getByRole('button', { name: 'Deny', exact: true }).click();
  const followUp = await nextResponsesRequest(ctx, before);
  const outputs = outputsOf(followUp);
  check(
    outputs.length === 1 && outputs[0]?.includes('the user denied this') === true,
    `the follow-up does not say the user denied it: ${JSON.stringify(outputs)}`,
  );
  await reply(ctx.page, index);
  check(!bodiesSince(ctx, since).includes(PLAN_TEXT), "the denied file's text was sent");
  const listed = await turns(ctx.page).nth(index).locator('.pg-tool-call').allInnerTexts();
  check(
    listed.some((l) => /denied by you/.test(l)),
    `the denied call is not listed as denied: ${listed.join(' | ')}`,
  );
}

export async function chatToolRefusesOutside(ctx: UiContext): Promise<void> {
  writeFixtures(ctx.workspace);
  await openChat(ctx.page);
  await newChat(ctx.page);
  const index = await turns(ctx.page).count();
  const since = ctx.standIn.requests().length;
  const outside = join(dirname(ctx.workspace), 'outside.txt');
  ctx.standIn.enqueue('/responses', {
    kind: 'functionCall',
    name: 'read_file',
    arguments: readArgs('../outside.txt'),
    more: [
      { name: 'read_file', arguments: readArgs(outside) },
      { name: 'read_file', arguments: readArgs('notes/link-out.txt') },
      { name: 'read_file', arguments: readArgs('.env') },
    ],
  });
  ctx.standIn.enqueue('/responses', { kind: 'text', text: 'None of those could be read.' });
  const first = await send(ctx, 'Read the files next to the workspace');
  // No card: the follow-up goes out without the user being asked.
  const followUp = await followUpOf(ctx, first);
  const outputs = outputsOf(followUp);
  check(outputs.length === 4, `expected four outputs, got ${JSON.stringify(outputs)}`);
  check(/outside the workspace/.test(outputs[0] ?? ''), `../outside.txt: ${outputs[0]}`);
  check(/Refused/.test(outputs[1] ?? ''), `an absolute path: ${outputs[1]}`);
  check(/outside the workspace/.test(outputs[2] ?? ''), `a symlink out: ${outputs[2]}`);
  check(/excluded by predictionGuard\.workspaceToolsExclude/.test(outputs[3] ?? ''), `.env: ${outputs[3]}`);
  await reply(ctx.page, index);
  const sent = bodiesSince(ctx, since);
  check(!sent.includes(OUTSIDE_TEXT) && !sent.includes(ENV_TEXT), 'a refused file’s text was sent');
  const listed = await turns(ctx.page).nth(index).locator('.pg-tool-call').allInnerTexts();
  check(listed.length === 4 && listed.every((l) => /refused/.test(l)), `the refused calls are not listed: ${listed.join(' | ')}`);
}

export async function chatToolAllowForChat(ctx: UiContext): Promise<void> {
  writeFixtures(ctx.workspace);
  await openChat(ctx.page);
  await newChat(ctx.page);
  const index = await turns(ctx.page).count();
  ctx.standIn.enqueue('/responses', {
    kind: 'functionCall',
    name: 'read_file',
    arguments: readArgs('notes/plan.txt'),
    more: [{ name: 'read_file', arguments: readArgs('sample.ts') }],
  });
  ctx.standIn.enqueue('/responses', { kind: 'text', text: 'Both read.' });
  await send(ctx, 'Read the plan and sample.ts');
  await card(ctx).waitFor({ state: 'visible', timeout: 15_000 });
  const before = ctx.standIn.requests().length;
  await card(ctx).getByRole('button', { name: 'Allow for this chat' }).click();
  const followUp = await nextResponsesRequest(ctx, before);
  const outputs = outputsOf(followUp);
  check(
    outputs.length === 2 && outputs[0]?.includes(PLAN_TEXT) === true && outputs[1]?.includes('orderTotal') === true,
    `not both read: ${JSON.stringify(outputs)}`,
  );
  await reply(ctx.page, index);
  // A later turn of the same chat: not asked again.
  ctx.standIn.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: readArgs('notes/plan.txt') });
  ctx.standIn.enqueue('/responses', { kind: 'text', text: 'Read again.' });
  const again = await followUpOf(ctx, await send(ctx, 'Read the plan again'));
  check(
    outputsOf(again).some((o) => o.includes(PLAN_TEXT)),
    'the second turn did not run the call without asking',
  );
  await reply(ctx.page, index + 1);
}

export async function chatToolStopMidLoop(ctx: UiContext): Promise<void> {
  const { since } = await askForPlan(ctx);
  const before = ctx.standIn.requests().length;
  await chatFrame(ctx.page).getByRole('button', { name: 'Stop' }).click();
  await card(ctx).waitFor({ state: 'hidden', timeout: 10_000 });
  const index = (await turns(ctx.page).count()) - 1;
  const stopped = await (await reply(ctx.page, index)).innerText();
  check(/Stopped/.test(stopped), `the turn does not say it was stopped: ${stopped}`);
  check(ctx.standIn.requests().length === before, 'a request was sent after Stop');
  check(!bodiesSince(ctx, since).includes(PLAN_TEXT), 'the file was sent after Stop');
}
