// Model output is data. An XSS and exfiltration corpus through the chat's renderer (markdown-it with
// our rules) and then DOMPurify with the chat's allow-list, as the webview does before attaching.
// Assertions are on the HTML that would be attached, and on what a browser (jsdom) does with it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import createDOMPurify from 'dompurify';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { JSDOM, VirtualConsole } from 'jsdom';
import { renderAnswer } from '../../src/core/markdown/render';
import { ANSWER_ATTRIBUTES, ANSWER_TAGS, SANITIZE_CONFIG } from '../../src/core/markdown/sanitizeConfig';
import { ATTACKER, CORPUS } from './helpers/markdownCorpus';

const window = new JSDOM('').window;
const purify = createDOMPurify(window);

/** What the webview attaches: render, then DOMPurify. */
function attached(markdown: string): string {
  return purify.sanitize(renderAnswer(markdown).html, SANITIZE_CONFIG);
}

/** Each start tag of `html`, e.g. `<a class="pg-link" …>` (text never holds a raw `<`). */
function tagsOf(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? [];
}

function assertInert(name: string, html: string): void {
  const tags = tagsOf(html);
  for (const tag of tags) {
    assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `${name}: event handler attribute in ${tag}`);
    assert.doesNotMatch(tag, /\s(?:src|srcset|href|xlink:href|action|formaction|background|poster|style)\s*=/i, `${name}: URL or style attribute in ${tag}`);
    const tagName = /^<([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
    assert.ok((ANSWER_TAGS as readonly string[]).includes(tagName), `${name}: element <${tagName}> is not on the allow-list`);
    for (const [, attribute] of tag.matchAll(/\s([a-z-:]+)=/gi)) {
      assert.ok((ANSWER_ATTRIBUTES as readonly string[]).includes(attribute?.toLowerCase() ?? ''), `${name}: attribute ${attribute} in ${tag}`);
    }
    for (const [, target] of tag.matchAll(/data-href="([^"]*)"/g)) {
      assert.match(target ?? '', /^(?:https?:\/\/|mailto:)/, `${name}: link target ${target}`);
    }
    // The attacker's URL may be shown (tooltip, screen reader label) or be a link the user clicks and
    // confirms (data-href); never in an attribute a browser acts on by itself.
    for (const [, attribute, value] of tag.matchAll(/\s([a-z-:]+)="([^"]*)"/gi)) {
      if (value?.includes('127.0.0.1:9'))
        assert.ok(['title', 'aria-label', 'data-href'].includes(attribute ?? ''), `${name}: the attacker URL is in ${attribute}`);
    }
  }
  assert.doesNotMatch(html, /<(?:script|img|svg|picture|source|iframe|object|embed|style|link|meta|base|form|math)\b/i, `${name}: dangerous element`);
}

describe('rendering untrusted answers: the XSS and exfiltration corpus', () => {
  for (const [name, markdown] of Object.entries(CORPUS)) {
    it(`${name}: inert before and after DOMPurify`, () => {
      assertInert(`${name} (renderer)`, renderAnswer(markdown).html);
      assertInert(`${name} (attached)`, attached(markdown));
    });
  }

  it('DOMPurify alone (should the renderer ever be bypassed) strips every payload of the corpus given as raw HTML', () => {
    for (const [name, payload] of Object.entries(CORPUS)) assertInert(`${name} (raw HTML)`, purify.sanitize(payload, SANITIZE_CONFIG));
  });

  it('raw HTML in an answer is shown as text, so the user sees what the model sent', () => {
    const document = new JSDOM(`<body>${attached('<img src=x onerror="window.pwned = 1">')}</body>`).window.document;
    assert.equal(document.body.textContent?.trim(), '<img src=x onerror="window.pwned = 1">');
    assert.equal(document.querySelectorAll('img').length, 0);
  });

  it('a remote image becomes a placeholder that shows its URL; nothing refers to it as a resource', () => {
    const html = attached(`Look: ![chart](${ATTACKER})`);
    const document = new JSDOM(`<body>${html}</body>`).window.document;
    const placeholder = document.querySelector('.pg-image-placeholder');
    assert.ok(placeholder, html);
    assert.match(placeholder.textContent ?? '', /Image “chart” not loaded/);
    assert.ok(placeholder.textContent?.includes(ATTACKER), placeholder.textContent ?? '');
    assert.equal(document.querySelectorAll('[src], [srcset], [href], [style]').length, 0);
  });

  it('allowed links keep their target only in data-href, with the full URL as their tooltip', () => {
    for (const url of ['https://example.com/a?b=1', 'http://example.org/', 'mailto:someone@example.com']) {
      const html = attached(`[x](${url})`);
      const document = new JSDOM(`<body>${html}</body>`).window.document;
      const link = document.querySelector('a');
      assert.ok(link, html);
      assert.equal(link.getAttribute('data-href'), url);
      assert.equal(link.getAttribute('title'), url);
      assert.equal(link.hasAttribute('href'), false);
    }
  });

  it('disallowed link schemes leave no link at all', () => {
    for (const name of ['javascript: link', 'data: link', 'command: link', 'vbscript: link', 'file: link', 'relative link', 'command: autolink']) {
      const html = attached(CORPUS[name] ?? '');
      assert.doesNotMatch(html, /<a\b/, `${name}: ${html}`);
    }
  });

  it('attached in a browser with scripts and subresources enabled, nothing runs and the attacker gets no request', async () => {
    const hits: string[] = [];
    const attacker = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    const origin = `127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    // Waits on what the attacker server sees, not on a fixed time: each attach ends with a canary script
    // (requested after the payload's resources), and returns once the canary's request has arrived.
    let canaries = 0;
    const attach = async (html: string): Promise<boolean> => {
      const canary = `/canary-${++canaries}`;
      const dom = new JSDOM('<!DOCTYPE html><body><div id="app"></div></body>', {
        runScripts: 'dangerously',
        resources: 'usable',
        url: 'https://webview.test/',
        // The raw control corpus makes jsdom complain about navigation it does not implement.
        virtualConsole: new VirtualConsole(),
      });
      const app = dom.window.document.getElementById('app');
      assert.ok(app);
      app.innerHTML = html;
      for (const element of Array.from(app.querySelectorAll('*'))) {
        for (const type of ['click', 'mouseover', 'focus']) element.dispatchEvent(new dom.window.MouseEvent(type, { bubbles: true }));
      }
      const probe = dom.window.document.createElement('script');
      probe.src = `http://${origin}${canary}`;
      dom.window.document.body.append(probe);
      const deadline = Date.now() + 20_000;
      while (!hits.includes(canary)) {
        assert.ok(Date.now() < deadline, 'the canary script never reached the attacker server');
        await new Promise((done) => setTimeout(done, 10));
      }
      const ran = (dom.window as unknown as { pwned?: number }).pwned !== undefined;
      dom.window.close();
      return ran;
    };
    const payloadHits = (): string[] => hits.filter((url) => !url.startsWith('/canary-'));
    try {
      const corpus = Object.values(CORPUS).map((markdown) => markdown.split('127.0.0.1:9').join(origin));
      // The check itself works: the raw payloads do run, and do reach the attacker.
      assert.equal(await attach(corpus.join('\n')), true, 'control: the raw corpus should run a handler');
      assert.ok(payloadHits().length > 0, 'control: the raw corpus should reach the attacker');
      hits.length = 0;
      assert.equal(await attach(corpus.map(attached).join('\n')), false, 'a payload ran');
      assert.deepEqual(payloadHits(), []);
    } finally {
      await new Promise((done) => attacker.close(done));
    }
  });
});
