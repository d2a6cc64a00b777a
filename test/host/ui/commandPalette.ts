// 1. The palette lists every Prediction Guard command under its category.
import { escape, openPalette, quickPickLabels, screenshot, QUICK_INPUT } from '../workbench';
import { check, type UiContext } from './context';

const expected = [
  'Explain Selection',
  'Set API Key',
  'Improve Selection',
  'Fix Selection',
  'Write Tests',
  'Add Documentation',
  'Ask About Selection',
  'Clear API Key',
  'Run Prompt on Selection…',
  'Clear Check Results',
].map((title) => `Prediction Guard: ${title}`);

/**
 * Whether the palette, filtered by `title`, lists it (the list only shows what fits, so each is filtered
 * for). Right after the workbench appears the extension host may still be registering the development
 * extension, and an open palette does not refresh: it is reopened until the command shows or `deadline`.
 */
async function listed(page: UiContext['page'], title: string, deadline: number): Promise<boolean> {
  for (;;) {
    await openPalette(page, title);
    const row = page.locator(`${QUICK_INPUT} .monaco-list-row .label-name`).filter({ hasText: title });
    const found = await row
      .first()
      .waitFor({ state: 'visible', timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    await escape(page, 1);
    if (found || Date.now() > deadline) return found;
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 });
  }
}

export async function commandPaletteListsCommands({ page }: UiContext): Promise<void> {
  const missing: string[] = [];
  const deadline = Date.now() + 45_000;
  for (const title of expected) if (!(await listed(page, title, deadline))) missing.push(title);
  await openPalette(page, 'Prediction Guard');
  await page.locator(`${QUICK_INPUT} .monaco-list-row`).first().waitFor({ state: 'visible', timeout: 10_000 });
  const labels = await quickPickLabels(page);
  await screenshot(page, 'command-palette');
  await escape(page, 1);
  check(missing.length === 0, `missing from the palette: ${missing.join(', ')} (listed: ${labels.join(' | ')})`);
}
