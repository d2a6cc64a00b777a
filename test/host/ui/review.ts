// Review before apply, in the workbench: the diff with its title buttons, status bar entry and
// notification; hidden Unicode flagged and confirmed; keys; Run Prompt from the quick pick; the
// chat's Replace Selection reviewed; screenshots in the light and dark themes.
import type { Page } from 'playwright-core';
import { colorTheme, runCommand, screenshot, waitForEditorText, waitForNotification, QUICK_INPUT } from '../workbench';
import { check, clearNotifications, nextResponsesRequest, selectInSample, withKey, type UiContext, type UiTestEntry } from './context';
import { activeEditorText, chatFrame, newChat, openChat, reply, send } from './chat/chatView';

const ACCEPT_BUTTON = '.editor-group-container.active .editor-actions .action-label[aria-label^="Accept Change"]';
export const REJECT_BUTTON = '.editor-group-container.active .editor-actions .action-label[aria-label^="Reject Change"]';

/** Waits for the review diff titled `title` to be the active editor, with its Accept / Reject buttons. */
export async function waitForReview(page: Page, title: string): Promise<void> {
  await page.locator(`.tabs-container .tab.active[aria-label^="${title}"]`).waitFor({ timeout: 15_000 });
  await page.locator('.editor-group-container.active .monaco-diff-editor').waitFor({ timeout: 10_000 });
  await page.locator(ACCEPT_BUTTON).waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator(REJECT_BUTTON).waitFor({ state: 'visible', timeout: 5000 });
}

export async function reviewClosed(page: Page, title: string): Promise<void> {
  await page.locator(`.tabs-container .tab[aria-label^="${title}"]`).first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Focuses the right (proposal) side of the active diff. */
async function focusProposal(page: Page): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-diff-editor .editor.modified .view-lines:not(.line-delete)').first().click();
}

async function undoInSample(page: Page, expectGone: string): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Z');
  await page.waitForFunction(
    (gone) => !document.querySelector<HTMLElement>('.editor-group-container.active .monaco-editor .view-lines')?.innerText.includes(gone),
    expectGone,
    { timeout: 5000 },
  );
}

const HIDDEN_ANSWER = ['Here it is:', '', '```ts', '  let total = 0; /* \u202e reviewed */', '```'].join('\n');

export async function reviewHiddenUnicodeFlaggedAndConfirmed(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await selectInSample(page, 1, 9); // "  let total = 0;"
  const since = standIn.requests().length;
  standIn.enqueue('/responses', { kind: 'text', text: HIDDEN_ANSWER });
  await runCommand(page, 'Prediction Guard: Improve Selection');
  await nextResponsesRequest(ctx, since);
  await waitForReview(page, 'Improve Selection: sample.ts ↔ proposed');

  const warning = await waitForNotification(page, 'hidden Unicode');
  check(/U\+202E RIGHT-TO-LEFT OVERRIDE at line 9, column \d+/.test(warning), `the notification does not say what and where: ${warning}`);
  check(/Accept/.test(warning) && /Reject/.test(warning), `the notification offers no Accept / Reject: ${warning}`);
  await page.locator('.statusbar-item', { hasText: 'Accept Change' }).first().waitFor({ state: 'visible', timeout: 5000 });
  await page.locator('.statusbar-item', { hasText: 'Reject' }).first().waitFor({ state: 'visible', timeout: 5000 });
  // The flag is an inline decoration (its "⟨U+202E⟩" label is drawn by CSS) on the right side.
  await page.locator('.editor-group-container.active .editor.modified .view-lines [class*="ced-"]').first().waitFor({ state: 'attached', timeout: 5000 });

  await colorTheme(page, 'Light Modern');
  ctx.log(`screenshot: ${await screenshot(page, 'review-light')}`);
  await colorTheme(page, 'Dark Modern');
  ctx.log(`screenshot: ${await screenshot(page, 'review-dark')}`);

  // Accept by its key: a confirmation first, since the change holds a hidden character.
  await focusProposal(page);
  await page.keyboard.press('Control+Alt+Y');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 5000 });
  const asked = (await dialog.innerText()).replace(/\s+/g, ' ');
  check(/hidden Unicode/.test(asked) && /U\+202E/.test(asked), `the confirmation does not name the hidden character: ${asked}`);
  await dialog.getByRole('button', { name: 'Remove Them and Accept' }).click();
  await reviewClosed(page, 'Improve Selection: sample.ts');
  await waitForNotification(page, 'Accepted');
  await waitForEditorText(page, 'let total = 0; /* reviewed */');
  const text = await activeEditorText(page);
  check(text.includes('/*  reviewed */') || text.includes('/* reviewed */'), `sample.ts does not hold the accepted line:\n${text}`);
  await undoInSample(page, 'reviewed');
}

export async function runPromptFromQuickPick(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await clearNotifications(page);
  await selectInSample(page, 1, 9);
  const since = standIn.requests().length;
  standIn.enqueue('/responses', { kind: 'text', text: '```ts\n  let total: number = 0;\n```' });
  await runCommand(page, 'Prediction Guard: Run Prompt on Selection…');
  const input = page.locator(`${QUICK_INPUT} input.input`);
  await input.waitFor({ state: 'visible', timeout: 5000 });
  const rows = page.locator(`${QUICK_INPUT} .monaco-list-row`);
  await rows.filter({ hasText: 'Improve Selection' }).first().waitFor({ timeout: 5000 });
  await input.fill('Add type hints');
  await rows.filter({ hasText: 'Add type hints' }).first().click();

  const request = await nextResponsesRequest(ctx, since);
  const body = request.body as { input?: { content?: string }[] };
  const message = body.input?.[0]?.content ?? '';
  check(message.startsWith('Add explicit type annotations to every variable.'), `the prompt's text was not sent: ${message.slice(0, 200)}`);
  check(message.includes('let total = 0;'), 'the selection did not go with it');
  await waitForReview(page, 'Add type hints: sample.ts ↔ proposed');

  // Reject by its key: the diff closes and sample.ts is as it was.
  await focusProposal(page);
  await page.keyboard.press('Control+Alt+N');
  await reviewClosed(page, 'Add type hints: sample.ts');
  const text = await activeEditorText(page);
  check(text.includes('let total = 0;') && !text.includes('let total: number'), `Reject changed sample.ts:\n${text}`);
}

const CHAT_ANSWER = ['Clearer:', '', '```ts', 'let total = 0; // from the chat', '```'].join('\n');

export async function chatReplaceSelectionIsReviewed(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  await newChat(page);
  await selectInSample(page, 1, 9);
  standIn.enqueue('/responses', { kind: 'text', text: CHAT_ANSWER });
  await send(ctx, 'Make this line clearer');
  await reply(page, 0);
  await chatFrame(page).locator('.pg-code').first().getByRole('button', { name: 'Replace Selection' }).click();
  await waitForReview(page, 'Replace Selection: sample.ts ↔ proposed');
  const before = await page.locator('.editor-group-container.active .editor.original .view-lines').first().innerText();
  check(!before.includes('from the chat'), 'the file changed before Accept');

  await page.locator(ACCEPT_BUTTON).click();
  await reviewClosed(page, 'Replace Selection: sample.ts');
  await waitForEditorText(page, 'let total = 0; // from the chat');
  await page.locator('.editor-group-container').first().locator('.tab[aria-label^="sample.ts"]').first().click();
  await undoInSample(page, 'from the chat');
}

export const reviewUiTests: UiTestEntry[] = [
  {
    title: 'review: hidden Unicode flagged (decoration, what and where), Accept by key asks first; screenshots light and dark',
    run: withKey(reviewHiddenUnicodeFlaggedAndConfirmed),
    fault: true,
  },
  { title: 'review: Run Prompt from the quick pick sends the prompt text; Reject by key changes nothing', run: withKey(runPromptFromQuickPick) },
  { title: 'review: chat Replace Selection opens a review; the title button Accepts', run: withKey(chatReplaceSelectionIsReviewed) },
];
