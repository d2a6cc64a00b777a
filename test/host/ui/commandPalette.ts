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
].map((title) => `Prediction Guard: ${title}`);

export async function commandPaletteListsCommands({ page }: UiContext): Promise<void> {
  await openPalette(page, 'Prediction Guard');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
  // The extension may still be activating its contributions: give the list a moment to fill.
  let labels: string[] = [];
  for (let i = 0; i < 20; i++) {
    labels = await quickPickLabels(page);
    if (expected.every((title) => labels.includes(title))) break;
    await page.waitForTimeout(250);
  }
  await screenshot(page, 'command-palette');
  await escape(page, 1);
  const missing = expected.filter((title) => !labels.includes(title));
  check(missing.length === 0, `missing from the palette: ${missing.join(', ')} (listed: ${labels.join(' | ')})`);
}
