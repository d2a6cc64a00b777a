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
  // Right after the workbench appears the extension host may still be registering the
  // development extension: an open palette does not refresh, so reopen it until the commands show.
  let labels: string[] = [];
  const deadline = Date.now() + 30_000;
  do {
    await openPalette(page, 'Prediction Guard');
    await page
      .locator('.quick-input-widget .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 })
      .catch(() => undefined);
    labels = await quickPickLabels(page);
    if (expected.every((title) => labels.includes(title))) break;
    // Reopening the palette (a round trip through the workbench) paces the loop; the deadline bounds it.
    await escape(page, 1);
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
  } while (Date.now() < deadline);
  await screenshot(page, 'command-palette');
  await escape(page, 1);
  const missing = expected.filter((title) => !labels.includes(title));
  check(missing.length === 0, `missing from the palette: ${missing.join(', ')} (listed: ${labels.join(' | ')})`);
}
