// 1. The palette lists every Prediction Guard command under its category.
import { escape, openPalette, quickPickLabels, screenshot } from '../workbench';
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
  'Check Selection for PII',
].map((title) => `Prediction Guard: ${title}`);

/** Waits until the palette, filtered by `title`, lists it; the list only shows what fits, so each is filtered for. */
async function listed(page: UiContext['page'], title: string): Promise<boolean> {
  await openPalette(page, title);
  const row = page.locator('.quick-input-widget .monaco-list-row .label-name').filter({ hasText: title });
  const found = await row
    .first()
    .waitFor({ state: 'visible', timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  await escape(page, 1);
  return found;
}

export async function commandPaletteListsCommands({ page }: UiContext): Promise<void> {
  // Right after the workbench appears the extension host may still be registering the development
  // extension: the first lookup waits for the commands to show.
  const missing: string[] = [];
  for (const title of expected) if (!(await listed(page, title))) missing.push(title);
  await openPalette(page, 'Prediction Guard');
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
  const labels = await quickPickLabels(page);
  await screenshot(page, 'command-palette');
  await escape(page, 1);
  check(missing.length === 0, `missing from the palette: ${missing.join(', ')} (listed: ${labels.join(' | ')})`);
}
