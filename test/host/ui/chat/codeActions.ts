// Insert at Cursor: a code block from an answer opens as a review of sample.ts; accepted (by its key),
// it is in sample.ts at the cursor, as one undo step.
import { waitForEditorText } from '../../workbench';
import { check, type UiContext } from '../context';
import { activeEditorText, chatFrame, cursorAtEndOfSample, newChat, openChat, reply, send } from './chatView';

const ANSWER = ['Here it is:', '', '```ts', 'export function chatInserted(): number {', '  return 42;', '}', '```', '', 'Call it anywhere.'].join('\n');

export async function chatInsertAtCursor(ctx: UiContext): Promise<void> {
  const { page, standIn } = ctx;
  await openChat(page);
  await newChat(page);
  await cursorAtEndOfSample(page);
  const before = await activeEditorText(page);
  check(!before.includes('chatInserted'), 'sample.ts already holds the code');
  standIn.enqueue('/responses', { kind: 'text', text: ANSWER });
  await send(ctx, 'Write a function that returns 42');
  await reply(page, 0);
  await chatFrame(page).locator('.pg-code').first().getByRole('button', { name: 'Insert at Cursor' }).click();
  await page.locator('.tabs-container .tab.active[aria-label^="Insert at Cursor: sample.ts ↔ proposed"]').waitFor({ timeout: 15_000 });
  await page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Accept Change"]').waitFor({ timeout: 10_000 });
  await page.locator('.editor-group-container.active .monaco-diff-editor .editor.modified .view-lines:not(.line-delete)').first().click();
  await page.keyboard.press('Control+Alt+Y');
  await page.locator('.tabs-container .tab[aria-label^="Insert at Cursor: sample.ts"]').first().waitFor({ state: 'detached', timeout: 10_000 });
  const group = await waitForEditorText(page, 'export function chatInserted(): number {');
  check(group === 0, `the code went to editor group ${group + 1}, not the one with sample.ts`);
  const after = await activeEditorText(page);
  check(after.includes('return 42;') && after.includes('largestOrder'), `sample.ts does not hold both its code and the inserted code:\n${after}`);
  // One undo step takes the whole insertion back (and leaves the fixture as it was).
  await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Z');
  await page
    .waitForFunction(
      () => !document.querySelector<HTMLElement>('.editor-group-container.active .monaco-editor .view-lines')?.innerText.includes('chatInserted'),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  const undone = await activeEditorText(page);
  check(!undone.includes('chatInserted') && !undone.includes('return 42;'), `one undo did not remove the whole insertion:\n${undone}`);
}
