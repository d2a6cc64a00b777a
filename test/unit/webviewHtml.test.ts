import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { buildWebviewHtml, newNonce } from '../../src/webview/html';
import { t, useBundle } from '../../media/shared/l10n';

const page = (nonce: string) =>
  buildWebviewHtml({
    cspSource: 'https://webview.source',
    nonce,
    title: 'Title <b>',
    scripts: ['https://webview.source/a.js', 'https://webview.source/b.js'],
    styles: ['https://webview.source/a.css'],
    data: { initial: '"><script>alert(1)</script>' },
  });

describe('webview HTML and CSP', () => {
  const nonce = newNonce();
  const html = page(nonce);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';

  it('has exactly one CSP meta tag, deny-by-default, scripts only by nonce', () => {
    assert.equal(html.match(/Content-Security-Policy/g)?.length, 1);
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'(;|$)`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(csp, /img-src https:\/\/webview\.source data:(;|$)/);
    assert.match(csp, /form-action 'none'/);
  });

  it('puts the nonce on every script and has no inline script or style', () => {
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 2);
    for (const tag of scripts) {
      assert.ok(tag.includes(`nonce="${nonce}"`), tag);
      assert.ok(/ src="/.test(tag), 'scripts are files, not inline');
    }
    assert.doesNotMatch(html, /<style|style="/);
  });

  it('escapes the title and initial data', () => {
    assert.ok(html.includes('<title>Title &lt;b&gt;</title>'));
    assert.ok(html.includes('data-initial="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9_-]{24}$/);
  });

  it('carries the l10n bundle to the page in data-l10n, which the webview parses and translates with', (context) => {
    context.after(() => useBundle(undefined));
    const bundle = { 'Check factuality': 'Vérifier la factualité "<&>"', 'Saved to {0}': 'Enregistré dans {0}' };
    const html = buildWebviewHtml({
      cspSource: 'https://webview.source',
      nonce: newNonce(),
      title: 'T',
      scripts: [],
      styles: [],
      language: 'fr',
      l10nBundle: bundle,
    });
    assert.doesNotMatch(html, /<script/);
    const { document } = new JSDOM(html).window;
    assert.equal(document.documentElement.lang, 'fr');
    const body = document.body;
    assert.equal(useBundle(body.dataset.l10n), true);
    assert.equal(t('Check factuality'), 'Vérifier la factualité "<&>"');
    assert.equal(t('Saved to {0}', 'User settings'), 'Enregistré dans User settings');
    const englishPage = new JSDOM(page(newNonce())).window.document;
    assert.equal(englishPage.documentElement.lang, 'en');
    const english = englishPage.body;
    assert.equal(english.dataset.l10n, undefined, 'no bundle for English');
    assert.equal(useBundle(english.dataset.l10n), false);
    assert.equal(t('Check factuality'), 'Check factuality');
  });
});
