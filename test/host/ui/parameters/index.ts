// The parameters panel in the real VS Code: values set in it reach the server exactly; invalid ones
// are neither saved nor sent; settings changed elsewhere show up in it.
import * as assert from 'node:assert/strict';
import { escape, runCommand, screenshot, QUICK_INPUT } from '../../workbench';
import { check, EXPLAIN, explainSample, nextResponsesRequest, selectInSample, type UiContext, type UiTest, type UiTestEntry, withKey } from '../context';
import { choose, focusWorkbench, openParametersPanel, setChecked, saveAndWait, typeInto, valueOf, writeWorkspaceSettings } from './panel';

const WEATHER_PARAMETERS = '{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}';

async function lastBody(ctx: UiContext): Promise<Record<string, unknown>> {
  const request = await explainSample(ctx);
  return request.body as Record<string, unknown>;
}

const savedValuesReachServer: UiTest = async (ctx) => {
  const frame = await openParametersPanel(ctx.page);
  await typeInto(frame, 'temperature', '0.3');
  await typeInto(frame, 'top-p', '0.9');
  await choose(frame, 'pii', 'Replace');
  await choose(frame, 'pii-replace-method', 'Mask');
  await setChecked(frame, 'block-prompt-injection', true);
  await frame.locator('#add-function-tool').click();
  await typeInto(frame, 'tool-0-name', 'get_weather');
  await typeInto(frame, 'tool-0-description', 'Current weather in a city');
  await typeInto(frame, 'tool-0-parameters', WEATHER_PARAMETERS);
  const preview = await frame.locator('#preview-json').innerText();
  for (const shown of ['"pii_replace_method": "mask"', '"temperature": 0.3', '"block_prompt_injection": true', '"name": "get_weather"']) {
    check(preview.includes(shown), `the preview shows ${shown}:\n${preview}`);
  }
  await screenshot(ctx.page, 'parameters-dark');
  await saveAndWait(frame);

  const body = await lastBody(ctx);
  const { input: _input, ...sent } = body;
  const expected = {
    model: 'gpt-oss-120b',
    temperature: 0.3,
    top_p: 0.9,
    tools: [{ type: 'function', name: 'get_weather', description: 'Current weather in a city', parameters: JSON.parse(WEATHER_PARAMETERS) }],
    safeguards: { pii: 'replace', pii_replace_method: 'mask', block_prompt_injection: true },
    // Not a parameter: predictionGuard.stream is "auto" by default, so the answer is asked for as a stream.
    stream: true,
  };
  assert.deepStrictEqual(sent, expected, 'the server received exactly the saved values');
};

const invalidTemperatureNotSaved: UiTest = async (ctx) => {
  const frame = await openParametersPanel(ctx.page);
  if ((await valueOf(frame, 'temperature')) !== '0.3') {
    await typeInto(frame, 'temperature', '0.3');
    await saveAndWait(frame);
  }
  await typeInto(frame, 'temperature', '3');
  const error = frame.locator('#temperature-error');
  await error.waitFor({ timeout: 5000 });
  check(/2/.test(await error.innerText()), `the inline error names the range: ${await error.innerText()}`);
  check(await frame.locator('#save').evaluate((el) => (el as HTMLElement & { disabled: boolean }).disabled), 'Save is disabled');
  await frame
    .locator('#save')
    .click({ force: true })
    .catch(() => undefined);
  await screenshot(ctx.page, 'parameters-invalid');
  const body = await lastBody(ctx);
  check(body.temperature === 0.3, `the server still gets the saved temperature 0.3, not 3 (got ${String(body.temperature)})`);
  const frameAgain = await openParametersPanel(ctx.page);
  await typeInto(frameAgain, 'temperature', '0.3');
};

const settingsFileUpdatesPanel: UiTest = async (ctx) => {
  const frame = await openParametersPanel(ctx.page);
  check((await frame.locator('#dirty-state').innerText()).includes('No unsaved'), 'the panel has no unsaved edits');
  const before = await valueOf(frame, 'temperature');
  writeWorkspaceSettings(ctx.workspace, { 'predictionGuard.temperature': 0.7 });
  try {
    await frame.waitForFunction(() => document.querySelector<HTMLInputElement>('#temperature')?.value === '0.7', undefined, { timeout: 15_000 });
    const badge = await frame.locator('.field', { has: frame.locator('#temperature') }).innerText();
    check(/workspace/i.test(badge), `the temperature is marked as coming from the workspace: ${badge}`);
  } finally {
    writeWorkspaceSettings(ctx.workspace, undefined);
  }
  await frame.waitForFunction((value) => document.querySelector<HTMLInputElement>('#temperature')?.value === value, before, { timeout: 15_000 });
};

const resetToDefaults: UiTest = async (ctx) => {
  await focusWorkbench(ctx.page);
  await runCommand(ctx.page, 'Preferences: Color Theme');
  await ctx.page.keyboard.type('Light Modern');
  await ctx.page.keyboard.press('Enter');
  const frame = await openParametersPanel(ctx.page);
  await frame.locator('#safeguards-section').scrollIntoViewIfNeeded();
  await screenshot(ctx.page, 'parameters-light');
  await frame.locator('#reset-defaults').click();
  check((await valueOf(frame, 'temperature')) === '', 'temperature is empty after Reset to defaults');
  await frame.locator('#save').click();
  // The defaults turn every safeguard off: when an earlier step left one on, the host asks first, in its
  // own modal (the webview's Save alone never weakens a safeguard). Confirm it as the user would.
  const weaken = ctx.page.locator('.monaco-dialog-box', { hasText: 'weaken your safeguards' });
  const saved = frame.locator('#status', { hasText: 'Saved' });
  const first = await Promise.race([
    weaken.waitFor({ timeout: 15_000 }).then(() => 'weaken' as const),
    saved.waitFor({ timeout: 15_000 }).then(() => 'saved' as const),
  ]);
  if (first === 'weaken') await weaken.locator('.monaco-button', { hasText: /^Weaken safeguards$/ }).click();
  await saved.waitFor({ timeout: 10_000 });
  // The model was reset too, so the next request offers the deployment's models: take the first.
  const since = ctx.standIn.requests().length;
  await selectInSample(ctx.page);
  await runCommand(ctx.page, EXPLAIN);
  await ctx.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: 'gpt-oss-120b' }).first().waitFor({ timeout: 15_000 });
  await ctx.page.keyboard.press('Enter');
  const body = (await nextResponsesRequest(ctx, since)).body as Record<string, unknown>;
  // `stream` is not a parameter: predictionGuard.stream ("auto") asks for a streamed answer.
  assert.deepStrictEqual(Object.keys(body).sort(), ['input', 'model', 'stream'], 'after a reset only model, input and stream are sent');
  assert.equal(body.model, 'gpt-oss-120b');
  await focusWorkbench(ctx.page);
  await runCommand(ctx.page, 'Preferences: Color Theme');
  await ctx.page.keyboard.type('Dark Modern');
  await ctx.page.keyboard.press('Enter');
  await escape(ctx.page, 1);
};

export const parametersUiTests: UiTestEntry[] = [
  { title: 'parameters panel: saved values reach the server exactly', run: withKey(savedValuesReachServer) },
  {
    title: 'parameters panel: an out-of-range temperature shows an error and is neither saved nor sent',
    run: withKey(invalidTemperatureNotSaved),
    fault: true,
  },
  { title: 'parameters panel: editing settings.json (workspace) updates the panel', run: withKey(settingsFileUpdatesPanel) },
  { title: 'parameters panel: reset to defaults, light theme screenshot', run: withKey(resetToDefaults) },
];
