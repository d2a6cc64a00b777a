// Restricted Mode (Workspace Trust on, the folder not trusted: "No, I don't trust the authors" where VS Code asks): Ask About
// Selection offers the model no workspace tools although the user settings say "allow", and a
// read_file call the model makes anyway is refused without reading anything. Then the user trusts
// the folder in the Workspace Trust editor, as the trust phase's next test needs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RecordedRequest } from '../../server/standInServer';
import { vscode } from '../codeServer';
import { answerInputBox, runCommand, waitForEditorText } from '../workbench';
import { answerMcpConsent, check, nextResponsesRequest, selectInSample, useSentinelKey, type UiContext } from './context';

export const ASK = 'Prediction Guard: Ask About Selection';
const WORKSPACE_TOOL_NAMES = ['read_file', 'list_files', 'search_text', 'get_problems'];
const NOTES_TEXT = 'RESTRICTED-SENTINEL-0e7d: the release key is in the vault.';
const ANSWER = 'RESTRICTED-ANSWER-22b9: a small order module.';

/** The user settings of the trust phase add this: a repository could never set it (user scope). */
export const WORKSPACE_TOOLS_ALLOW: Record<string, unknown> = { 'predictionGuard.workspaceTools': 'allow' };

function toolNamesOf(request: RecordedRequest): string[] {
  return ((request.body as { tools?: { name?: string }[] } | null)?.tools ?? []).map((t) => t.name ?? '');
}

/** Asks about the selected first line of sample.ts; resolves with the first request of the question. */
export async function askAboutSample(ctx: UiContext, question: string): Promise<RecordedRequest> {
  const since = ctx.standIn.requests().length;
  await selectInSample(ctx.page, 1);
  await runCommand(ctx.page, ASK);
  await answerInputBox(ctx.page, question);
  await answerMcpConsent(ctx, since);
  return nextResponsesRequest(ctx, since);
}

/** Trusts the open folder from the Workspace Trust editor (after "No" on the startup prompt). */
export async function trustInEditor(page: Page): Promise<void> {
  await runCommand(page, 'Workspaces: Manage Workspace Trust');
  const editor = page.locator('.workspace-trust-editor');
  await editor.waitFor({ timeout: 20_000 });
  await editor.getByRole('button', { name: 'Trust', exact: true }).click();
  await editor.getByText('You trust this folder').first().waitFor({ timeout: 20_000 });
}

export async function restrictedModeOffersNoTools(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  if (vscode.trustPromptOnStartup) {
    const no = page.getByRole('button', { name: /No, I don't trust the authors/ });
    await no.waitFor({ timeout: 30_000 });
    await no.click();
    await no.waitFor({ state: 'hidden', timeout: 10_000 });
  }
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
  await useSentinelKey(ctx);
  writeFileSync(join(ctx.workspace, 'notes.txt'), `${NOTES_TEXT}\n`);

  const since = ctx.standIn.requests().length;
  ctx.standIn.enqueue('/responses', {
    kind: 'functionCall',
    name: 'read_file',
    arguments: JSON.stringify({ path: 'notes.txt', start_line: null, end_line: null }),
  });
  ctx.standIn.enqueue('/responses', { kind: 'text', text: ANSWER });
  const first = await askAboutSample(ctx, 'What does this module do?');
  const offered = toolNamesOf(first);
  check(!offered.some((name) => WORKSPACE_TOOL_NAMES.includes(name)), `Restricted Mode offers workspace tools: ${JSON.stringify(offered)}`);
  // The model calls read_file anyway: refused without a dialog, and the file is never read.
  const followUp = await nextResponsesRequest(ctx, ctx.standIn.requests().findIndex((r) => r.id === first.id) + 1);
  const input = (followUp.body as { input?: { type?: string; output?: string }[] } | null)?.input ?? [];
  const outputs = input.filter((i) => i.type === 'function_call_output').map((i) => String(i.output));
  check(
    outputs.length === 1 && /workspace tools are off/.test(outputs[0] ?? ''),
    `the read_file call in Restricted Mode was not refused as off: ${JSON.stringify(outputs)}`,
  );
  await waitForEditorText(page, ANSWER);
  const sent = ctx.standIn
    .requests()
    .slice(since)
    .map((r) => JSON.stringify(r.body ?? null))
    .join('\n');
  check(!sent.includes(NOTES_TEXT), "a file's text left the machine in Restricted Mode");
  check(!(await page.locator('.monaco-dialog-box').isVisible()), 'a consent dialog is shown in Restricted Mode');
}
