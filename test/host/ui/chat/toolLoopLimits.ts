// The tool loop's bounds and its other kinds of call, in the real VS Code chat: a model that keeps
// calling is stopped after 8 requests (or once predictionGuard.maxToolCalls calls ran) with a message
// on the answer; a call to the user's own function takes a typed result or a decline; and Prediction
// Guard's documented shape of a forced call (the answer's text is the arguments) completes a round.
import type { Frame, Locator } from 'playwright-core';
import type { RecordedRequest } from '../../../server/standInServer';
import { check, type UiContext } from '../context';
import { toolChoiceOption, withUserSettings } from '../userSettings';
import { newChat, openChat, reply, send, turns } from './chatView';
import { PLAN_TEXT, card, followUpOf, outputsOf, readArgs, writeFixtures } from './workspaceTools';

interface Body {
  input?: { type?: string; role?: string; content?: unknown; call_id?: string; name?: string; arguments?: string; output?: string }[];
  tools?: { name?: string }[];
  tool_choice?: unknown;
  max_tool_calls?: number;
}

const bodyOf = (request: RecordedRequest): Body => request.body ?? {};
const toolNames = (request: RecordedRequest): (string | undefined)[] => (bodyOf(request).tools ?? []).map((t) => t.name);
const isResponses = (r: RecordedRequest): boolean => r.method === 'POST' && r.path.split('?')[0] === '/responses';

function responsesSince(ctx: UiContext, since: number): RecordedRequest[] {
  return ctx.standIn.requests().slice(since).filter(isResponses);
}

async function callsListed(ctx: UiContext, index: number): Promise<string[]> {
  return (await turns(ctx.page).nth(index).locator('.pg-tool-call').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
}

async function warningOf(ctx: UiContext, index: number): Promise<string> {
  const warning = turns(ctx.page).nth(index).locator('.pg-answer .pg-warning');
  return (await warning.count()) > 0 ? (await warning.first().innerText()).replace(/\s+/g, ' ') : '';
}

/**
 * Opens a new chat whose model answers every request with a call to read notes/plan.txt (until the
 * test ends), sends `question` and allows the calls for this chat on the first card.
 */
async function modelKeepsCalling(ctx: UiContext, question: string, test: (index: number, since: number) => Promise<void>): Promise<void> {
  writeFixtures(ctx.workspace);
  await openChat(ctx.page);
  await newChat(ctx.page);
  const index = await turns(ctx.page).count();
  const since = ctx.standIn.requests().length;
  ctx.standIn.setDefault('/responses', { kind: 'functionCall', name: 'read_file', arguments: readArgs('notes/plan.txt') });
  try {
    await send(ctx, question);
    await card(ctx).waitFor({ state: 'visible', timeout: 15_000 });
    await card(ctx).getByRole('button', { name: 'Allow for this chat' }).click();
    await reply(ctx.page, index);
    await test(index, since);
  } finally {
    // Forget the scripted default (and anything queued): a loop left running ends at the built-in answer.
    ctx.standIn.reset();
  }
}

export async function chatToolRoundCap(ctx: UiContext): Promise<void> {
  await modelKeepsCalling(ctx, 'Keep reading the plan', async (index, since) => {
    const sent = responsesSince(ctx, since);
    check(sent.length === 8, `expected 8 requests for one question, the stand-in got ${sent.length}`);
    const last = sent[7];
    check(last !== undefined, 'no eighth request');
    const outputs = outputsOf(last);
    check(outputs.length === 7 && outputs.every((o) => o.includes(PLAN_TEXT)), `the eighth request lacks the seven results: ${outputs.length}`);
    const warning = await warningOf(ctx, index);
    check(/Stopped after 8 rounds of tool calls/.test(warning) && /read_file/.test(warning), `the answer does not say the loop was stopped: "${warning}"`);
    const listed = await callsListed(ctx, index);
    check(listed.filter((l) => /\(ran/.test(l)).length === 7, `expected seven calls listed as ran: ${listed.join(' | ')}`);
  });
}

export async function chatToolMaxToolCalls(ctx: UiContext): Promise<void> {
  const maxToolCallsFromUser = (frame: Frame): Locator => frame.locator('.field', { has: frame.locator('#max-tool-calls') }).locator('.source-user');
  await withUserSettings(ctx, { 'predictionGuard.maxToolCalls': 2 }, maxToolCallsFromUser, () =>
    modelKeepsCalling(ctx, 'Read the plan as often as you like', async (index, since) => {
      const sent = responsesSince(ctx, since);
      check(sent.length === 3, `with maxToolCalls 2 expected 3 requests (two calls, then one that may call none), got ${sent.length}`);
      check(
        sent.every((r) => bodyOf(r).max_tool_calls === 2),
        `max_tool_calls is not sent: ${sent.map((r) => String(bodyOf(r).max_tool_calls)).join(', ')}`,
      );
      const last = sent[2];
      check(
        last !== undefined && bodyOf(last).tool_choice === 'none',
        `the last request does not say tool_choice "none": ${JSON.stringify(last && bodyOf(last).tool_choice)}`,
      );
      check(outputsOf(last).length === 2, `the last request should carry the two results: ${outputsOf(last).length}`);
      const warning = await warningOf(ctx, index);
      check(/limit of 2 tool calls/.test(warning), `the answer does not say the limit was reached: "${warning}"`);
      const listed = await callsListed(ctx, index);
      check(listed.filter((l) => /\(ran/.test(l)).length === 2, `expected two calls listed as ran: ${listed.join(' | ')}`);
    }),
  );
}

const LOOKUP_ORDER = {
  type: 'function',
  name: 'lookup_order',
  description: 'Where an order is',
  parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
};
const ORDER_ARGS = JSON.stringify({ id: 'A-1042' });
const TYPED = 'SHIPPED-SENTINEL-61c2 on 30 November';

/** A call of lookup_order; the card for it; `answer` types or declines; resolves with the follow-up request. */
async function callUserFunction(ctx: UiContext, question: string, answer: (card: Locator) => Promise<void>): Promise<RecordedRequest> {
  ctx.standIn.enqueue('/responses', { kind: 'functionCall', name: 'lookup_order', arguments: ORDER_ARGS });
  ctx.standIn.enqueue('/responses', { kind: 'text', text: 'Order A-1042: see above.' });
  const first = await send(ctx, question);
  const names = toolNames(first);
  check(
    names.includes('lookup_order') && names.includes('read_file'),
    `the request does not offer the user's function next to the workspace tools: ${JSON.stringify(names)}`,
  );
  const prompt = card(ctx);
  await prompt.waitFor({ state: 'visible', timeout: 15_000 });
  const shown = (await prompt.innerText()).replace(/\s+/g, ' ');
  check(/called your function lookup_order/.test(shown), `the card does not show the call: ${shown}`);
  check(responsesSince(ctx, ctx.standIn.requests().findIndex((r) => r.id === first.id) + 1).length === 0, 'a follow-up went out before the user answered');
  await answer(prompt);
  const followUp = await followUpOf(ctx, first);
  check(followUp.validationError === undefined, `the stand-in rejected the follow-up: ${followUp.validationError}`);
  const input = bodyOf(followUp).input ?? [];
  const call = input.find((i) => i.type === 'function_call');
  const output = input.find((i) => i.type === 'function_call_output');
  check(
    call?.name === 'lookup_order' && call.arguments === ORDER_ARGS && output !== undefined && output.call_id === call.call_id,
    `the follow-up does not carry the call and its output under one call_id: ${JSON.stringify(input.slice(-2))}`,
  );
  return followUp;
}

export async function chatToolUserFunction(ctx: UiContext): Promise<void> {
  await withUserSettings(
    ctx,
    { 'predictionGuard.tools': [LOOKUP_ORDER] },
    (frame) => toolChoiceOption(frame, 'lookup_order'),
    async () => {
      await openChat(ctx.page);
      await newChat(ctx.page);
      const index = await turns(ctx.page).count();
      // The user types the result.
      const typed = await callUserFunction(ctx, 'Where is order A-1042?', async (prompt) => {
        await prompt.getByRole('textbox', { name: 'Result of lookup_order' }).fill(TYPED);
        await prompt.getByRole('button', { name: 'Send result' }).click();
      });
      check(outputsOf(typed).join('\n') === TYPED, `the follow-up does not carry the typed result: ${JSON.stringify(outputsOf(typed))}`);
      const answer = await (await reply(ctx.page, index)).innerText();
      check(answer.includes('Order A-1042: see above.'), `the final answer is not shown: ${answer}`);
      const listed = await callsListed(ctx, index);
      check(
        listed.some((l) => /lookup_order/.test(l) && /answered by you/.test(l)),
        `the call is not listed as answered: ${listed.join(' | ')}`,
      );
      // The user declines.
      const declined = await callUserFunction(ctx, 'And order A-1042 again?', async (prompt) => {
        await prompt.getByRole('button', { name: 'Decline' }).click();
      });
      const outputs = outputsOf(declined);
      check(
        outputs.length === 1 && /the user declined to answer this call/.test(outputs[0] ?? ''),
        `the follow-up does not say the user declined: ${JSON.stringify(outputs)}`,
      );
      await reply(ctx.page, index + 1);
      const listedAgain = await callsListed(ctx, index + 1);
      check(
        listedAgain.some((l) => /declined by you/.test(l)),
        `the declined call is not listed as declined: ${listedAgain.join(' | ')}`,
      );
      check(!(await card(ctx).isVisible()), 'a card stays after the answer');
    },
  );
}

export async function chatToolDocumentedForcedCall(ctx: UiContext): Promise<void> {
  const forced = { type: 'function', name: 'read_file' };
  await withUserSettings(
    ctx,
    { 'predictionGuard.toolChoice': forced },
    (frame) => toolChoiceOption(frame, 'read_file'),
    async () => {
      writeFixtures(ctx.workspace);
      await openChat(ctx.page);
      await newChat(ctx.page);
      const index = await turns(ctx.page).count();
      const args = readArgs('notes/plan.txt');
      ctx.standIn.enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: args, shape: 'documented' });
      ctx.standIn.enqueue('/responses', { kind: 'text', text: 'The plan: the coupon fix ships on Friday.' });
      const first = await send(ctx, 'What is the plan?');
      check(
        JSON.stringify(bodyOf(first).tool_choice) === JSON.stringify(forced),
        `the request does not force read_file: ${JSON.stringify(bodyOf(first).tool_choice)}`,
      );
      check(toolNames(first).includes('read_file'), `the request does not offer read_file: ${JSON.stringify(toolNames(first))}`);
      await card(ctx).waitFor({ state: 'visible', timeout: 15_000 });
      const shown = (await card(ctx).innerText()).replace(/\s+/g, ' ');
      check(/read notes\/plan\.txt/i.test(shown), `the card does not say what the model wants: ${shown}`);
      await card(ctx).getByRole('button', { name: 'Allow', exact: true }).click();
      const followUp = await followUpOf(ctx, first);
      check(followUp.validationError === undefined, `the stand-in rejected the follow-up: ${followUp.validationError}`);
      const input = bodyOf(followUp).input ?? [];
      const [asked, result] = input.slice(-2);
      check(asked?.role === 'assistant' && asked.content === args, `the call is not sent back as the assistant's item: ${JSON.stringify(asked)}`);
      check(
        result?.role === 'user' &&
          typeof result.content === 'string' &&
          result.content.startsWith(`Result of the read_file call with arguments ${args}`) &&
          result.content.includes(PLAN_TEXT),
        `the file's text is not sent back as a user item naming the call: ${JSON.stringify(result)}`,
      );
      check(!input.some((i) => i.type === 'function_call_output'), 'a function_call_output was made up for a call without call_id');
      check(bodyOf(followUp).tool_choice === 'auto', `the follow-up still forces a call: ${JSON.stringify(bodyOf(followUp).tool_choice)}`);
      const answer = await (await reply(ctx.page, index)).innerText();
      check(answer.includes('the coupon fix ships on Friday'), `the final answer is not shown: ${answer}`);
      const listed = await callsListed(ctx, index);
      check(listed.length === 1 && /read_file/.test(listed[0] ?? '') && /\(ran/.test(listed[0] ?? ''), `the call is not listed as ran: ${listed.join(' | ')}`);
      check(
        responsesSince(
          ctx,
          ctx.standIn.requests().findIndex((r) => r.id === first.id),
        ).length === 2,
        'more than two requests were sent',
      );
    },
  );
}
