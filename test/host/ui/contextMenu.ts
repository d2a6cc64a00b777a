// 4. Right-click on a selection: the editor context menu has a "Prediction Guard" submenu.
import { escape, screenshot } from '../workbench';
import { check, selectInSample, type UiContext } from './context';

const expected = ['Explain Selection', 'Improve Selection', 'Fix Selection'];

export async function editorContextSubmenu({ page }: UiContext): Promise<void> {
  await selectInSample(page, 3);
  const line = page.locator('.editor-group-container').first().locator('.view-line').nth(1);
  const box = await line.boundingBox();
  check(box, 'no line 2 in the sample.ts editor');
  await page.mouse.click(box.x + 40, box.y + box.height / 2, { button: 'right' });
  const entry = page.locator('.monaco-menu .action-item', { hasText: 'Prediction Guard' }).first();
  await entry.waitFor({ state: 'visible', timeout: 5000 });
  await entry.hover();
  const submenuItems = page.locator('.monaco-submenu .action-label');
  // The submenu is laid out once its last expected entry shows.
  for (const label of expected) await page.locator('.monaco-submenu .action-label', { hasText: label }).first().waitFor({ state: 'visible', timeout: 5000 });
  await screenshot(page, 'editor-context-submenu');
  const labels = (await submenuItems.allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
  await escape(page, 2);
  const missing = expected.filter((title) => !labels.includes(title));
  check(missing.length === 0, `the submenu lacks ${missing.join(', ')} (it lists: ${labels.join(' | ')})`);
}
