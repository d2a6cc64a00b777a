// Localisable strings: package.json's %keys% and package.nls.json match both ways; every
// user-facing text in src/ and in the webviews (media/) goes through l10n.t; l10n/bundle.l10n.json
// holds exactly the messages of those calls (regenerate it with `npm run l10n`).
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { english } from '../../src/core/l10n';
import { scanSource, scanWebviewSource, type Bypass } from '../../scripts/l10nScan';

const root = join(__dirname, '..', '..');
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');
const manifestText = read('package.json');
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const bundle = JSON.parse(read('l10n', 'bundle.l10n.json')) as Record<string, string | { message: string }>;
const keysOf = (record: object): string[] => Object.keys(record);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
const scans = sourceFiles(join(root, 'src')).map((file) => ({ file: relative(root, file), ...scanSource(file, readFileSync(file, 'utf8')) }));
const webviewScans = sourceFiles(join(root, 'media')).map((file) => ({ file: relative(root, file), ...scanWebviewSource(file, readFileSync(file, 'utf8')) }));
const allScans = [...scans, ...webviewScans];
const show = (file: string, b: Bypass) => `${file}:${b.line} ${b.call}: ${JSON.stringify(b.text)}`;

describe('package.json and package.nls.json', () => {
  const used = new Set([...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1] ?? ''));

  it('every %key% of package.json has its English text in package.nls.json', () => {
    assert.ok(used.size > 50, `only ${used.size} keys found`);
    assert.deepEqual(
      [...used].filter((key) => typeof nls[key] !== 'string'),
      [],
    );
  });

  it('every key of package.nls.json is used in package.json', () => {
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
    );
  });

  it('contributed titles, descriptions, walkthrough texts and view names are all %keys%', () => {
    const manifest = JSON.parse(manifestText) as { displayName: string; description: string; contributes: unknown };
    const literal: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        const field = path.split('.').at(-1) ?? '';
        const textual = /^(title|description|markdownDescription|label|name|contents|altText|category|\d+)$/.test(field);
        const enumText = /enumDescriptions\.\d+$/.test(path);
        if ((enumText || (textual && !/\.\d+$/.test(path))) && !/^%[^%]+%$/.test(value)) literal.push(`${path}: ${value}`);
        return;
      }
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk({ displayName: manifest.displayName, description: manifest.description }, 'manifest');
    walk(manifest.contributes, 'contributes');
    assert.deepEqual(literal, []);
  });

  it('related settings link to each other in their Markdown descriptions', () => {
    const links = (key: string) => [...(nls[`config.${key}.markdownDescription`] ?? '').matchAll(/`#(predictionGuard\.[\w.]+)#`/g)].map((m) => m[1] ?? '');
    assert.ok(links('model').includes('predictionGuard.baseUrl'));
    assert.ok(links('baseUrl').includes('predictionGuard.model'));
    assert.ok(links('safeguards.pii').includes('predictionGuard.safeguards.piiReplaceMethod'));
    assert.ok(links('safeguards.piiReplaceMethod').includes('predictionGuard.safeguards.pii'));
    assert.ok(links('chat.keepHistory').includes('predictionGuard.chat.maxConversations'));
    const settings = new Set(
      Object.keys((JSON.parse(manifestText) as { contributes: { configuration: { properties: object } } }).contributes.configuration.properties),
    );
    const broken = Object.values(nls).flatMap((text) =>
      [...text.matchAll(/`#(predictionGuard\.[\w.]+)#`/g)].map((m) => m[1] ?? '').filter((s) => !settings.has(s)),
    );
    assert.deepEqual(broken, []);
  });
});

describe('runtime strings', () => {
  it('no user-facing text in src/ bypasses l10n.t', () => {
    assert.deepEqual(
      scans.flatMap((s) => s.bypasses.map((b) => show(s.file, b))),
      [],
    );
  });

  it('no user-facing text in media/ (the webviews) bypasses l10n.t', () => {
    assert.deepEqual(
      webviewScans.flatMap((s) => s.bypasses.map((b) => show(s.file, b))),
      [],
    );
  });

  it('every l10n.t call has a literal message, so the bundle can be extracted', () => {
    // The one forwarder: extension.ts installs vscode.l10n.t as the pure modules' translator.
    const forwarder = (file: string, line: number) =>
      file === join('src', 'extension.ts') && /=> vscode\.l10n\.t\(message, \.\.\.args\)/.test(read(file).split('\n')[line - 1] ?? '');
    const calls = allScans.flatMap((s) => s.l10nCalls.map((c) => ({ ...c, file: s.file }))).filter((c) => !forwarder(c.file, c.line));
    assert.ok(calls.length > 80, `only ${calls.length} l10n.t calls found`);
    assert.ok(webviewScans.flatMap((s) => s.l10nCalls).length > 250, 'the webviews’ l10n.t calls are found');
    assert.deepEqual(
      calls.filter((c) => c.message === undefined).map((c) => `${c.file}:${c.line}`),
      [],
    );
  });

  it('l10n/bundle.l10n.json holds exactly the messages of the l10n.t calls (npm run l10n)', () => {
    const messages = new Set(allScans.flatMap((s) => s.l10nCalls.flatMap((c) => (c.message === undefined ? [] : [c.message]))));
    assert.ok(keysOf(bundle).includes('Check factuality'), 'webview messages are in the bundle');
    const keys = new Set(Object.keys(bundle));
    assert.deepEqual(
      [...messages].filter((m) => !keys.has(m)),
      [],
      'missing from the bundle',
    );
    assert.deepEqual(
      [...keys].filter((k) => !messages.has(k)),
      [],
      'in the bundle but no longer used',
    );
  });

  it('pure modules translate through src/core/l10n.ts, never vscode', () => {
    const pure = scans.filter((s) => !/from 'vscode'/.test(read(s.file)) && s.l10nCalls.length > 0);
    assert.ok(pure.some((s) => s.file.endsWith(join('session', 'failure.ts'))));
    for (const s of pure) assert.match(read(s.file), /import \* as l10n from '\.\.?\/(\.\.\/)*(core\/)?l10n'/, s.file);
  });

  it('webview modules translate through media/shared/l10n.ts, whose bundle the host sends', () => {
    const users = webviewScans.filter((s) => s.l10nCalls.length > 0);
    assert.ok(users.some((s) => s.file.endsWith(join('parameters', 'sections', 'mcp.ts'))));
    for (const s of users) assert.match(read(s.file), /import \* as l10n from '(\.\.\/)+shared\/l10n'/, s.file);
    for (const main of ['chat', 'parameters']) {
      const imports = [...read('media', main, 'main.ts').matchAll(/^import '([^']+)';/gm)].map((m) => m[1]);
      assert.deepEqual(imports.slice(0, 2), ['../shared/zodConfig', '../shared/pageL10n'], `media/${main}/main.ts takes the bundle before any text is built`);
    }
  });

  it('English formatting fills {0}, {1}… as vscode.l10n.t does', () => {
    assert.equal(english('{0}, retrying in {1} s ({2} of {3})', 'rate limited (429)', 2, 1, 2), 'rate limited (429), retrying in 2 s (1 of 2)');
    assert.equal(english('left {1} as is', 'x'), 'left {1} as is');
  });
});

describe('the webview bypass detector', () => {
  const bypassesIn = (code: string) => scanWebviewSource('fixture.ts', code).bypasses.map((b) => b.text);

  it('flags DOM texts, user-facing attributes and properties, and prose anywhere', () => {
    assert.deepEqual(bypassesIn("h('button', { class: 'pg-button', title: 'Stop it' }, 'stop');"), ['Stop it', 'stop']);
    assert.deepEqual(bypassesIn("h('span', {}, `${n} ${n === 1 ? 'message' : 'messages'}`);"), ['message', 'messages']);
    assert.deepEqual(bypassesIn("iconButton('send', 'Send (Enter)', send);"), ['Send (Enter)']);
    assert.deepEqual(bypassesIn("const spec = { id: 'top-p', label: 'Top p', hint: l10n.t('0–1'), ariaLabel: `Name of ${title}` };"), ['Top p', 'Name of ']);
    assert.deepEqual(bypassesIn("status.textContent = 'done'; el.setAttribute('aria-label', `Code block ${i}`);"), ['done', 'Code block ']);
    assert.deepEqual(bypassesIn("const WORDS = { ran: 'ran', denied: 'denied by you' };"), ['denied by you']);
    assert.deepEqual(bypassesIn('errors.toolChoice = `Tool choice names “${name}”.`;'), ['Tool choice names “']);
  });

  it('flags the text and user-facing attributes of Lit templates, and the literals put there', () => {
    assert.deepEqual(bypassesIn('html`<vscode-button id="save" icon="save" @click=${save}>Save</vscode-button>`;'), ['Save']);
    assert.deepEqual(bypassesIn('html`<vscode-textfield placeholder="e.g. get_weather" aria-label=${`Name of ${t}`}></vscode-textfield>`;'), [
      'e.g. get_weather',
      'Name of ',
    ]);
    assert.deepEqual(bypassesIn("html`<span id=\"dirty\" class=${d ? 'dirty' : 'clean'}>${d ? 'unsaved' : l10n.t('No changes')}</span>`;"), ['unsaved']);
  });

  it('lets through l10n.t calls, class lists, keys, comparisons, types, errors and logs', () => {
    assert.deepEqual(bypassesIn("h('p', { class: 'pg-muted pg-note', 'aria-live': 'polite' }, l10n.t('No chats yet.'), icon('history'));"), []);
    assert.deepEqual(bypassesIn("if (event.key === 'Enter' || event.key === 'Escape') post({ type: 'stop' });"), []);
    assert.deepEqual(bypassesIn("switch (s) { case 'Ready': break; } type K = 'Some Label'; import x from 'Some Module';"), []);
    assert.deepEqual(bypassesIn("throw new Error('No state yet'); console.warn('Dropped an invalid message', e);"), []);
    assert.deepEqual(bypassesIn('html`<span class="codicon codicon-error" aria-hidden="true"></span>${l10n.t(\'Save is off: fix {0}.\', n)}`;'), []);
    assert.deepEqual(bypassesIn("const title = l10n.t('MCP server {0}', number); h('h4', {}, `${title} · ${label}`);"), []);
  });
});

describe('the bypass detector', () => {
  const bypassesIn = (code: string) => scanSource('fixture.ts', code).bypasses.map((b) => b.text);

  it('flags literal messages, buttons, options and template words', () => {
    assert.deepEqual(bypassesIn("vscode.window.showInformationMessage('Saved.');"), ['Saved.']);
    assert.deepEqual(bypassesIn("vscode.window.showWarningMessage(vscode.l10n.t('Sure?'), 'Yes');"), ['Yes']);
    assert.deepEqual(bypassesIn('vscode.window.showErrorMessage(`Failed: ${reason}`);'), ['Failed: ']);
    assert.deepEqual(bypassesIn("vscode.window.showQuickPick(items, { title: ok ? l10n.t('A') : 'Pick one', placeHolder: 'Type' });"), ['Pick one', 'Type']);
    assert.deepEqual(bypassesIn("vscode.window.showInputBox({ prompt: 'Name?', value: 'kept' });"), ['Name?']);
    assert.deepEqual(bypassesIn('vscode.window.withProgress({ title: `Prediction Guard: ${what}…` }, work);'), ['Prediction Guard: ']);
  });

  it('lets through l10n.t calls, values from elsewhere and text without words', () => {
    assert.deepEqual(bypassesIn("vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', name), label);"), []);
    assert.deepEqual(bypassesIn('vscode.window.showWarningMessage(failure.message, ...labels);'), []);
    assert.deepEqual(bypassesIn("vscode.window.setStatusBarMessage(`$(diff) ${l10n.t('Ready')}${why}`, 8000);"), []);
  });
});
