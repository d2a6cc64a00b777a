// The one HTML/CSP builder every webview uses. Pure: the webview's CSP source and resource URIs are
// passed in. Scripts run only by nonce; styles only from the extension's files; images only from the
// webview's own source and data: URLs; nothing else may load, and forms cannot submit anywhere.
import { randomBytes } from 'node:crypto';

export interface WebviewPage {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh nonce per render: `newNonce()`. */
  readonly nonce: string;
  readonly title: string;
  /** Script URIs (as strings from `webview.asWebviewUri`); each gets the nonce. */
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
  /** Initial data, put in escaped `data-*` attributes of <body> (never in an inline script). */
  readonly data?: Readonly<Record<string, string>>;
  /** The page's language (`vscode.env.language`), for screen readers and hyphenation; English when absent. */
  readonly language?: string;
  /** The extension's l10n bundle (`vscode.l10n.bundle`; none for English), as JSON in `data-l10n`. */
  readonly l10nBundle?: Readonly<Record<string, string>>;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "connect-src 'none'",
  ].join('; ');
}

export function buildWebviewHtml(page: WebviewPage): string {
  const attr = (name: string, value: string): string => `${name}="${escapeHtml(value)}"`;
  const entries = { ...page.data, ...(page.l10nBundle ? { l10n: JSON.stringify(page.l10nBundle) } : {}) };
  const data = Object.entries(entries)
    .map(([key, value]) => ` ${attr(`data-${key.replace(/[^a-z0-9-]/gi, '').toLowerCase()}`, value)}`)
    .join('');
  return `<!DOCTYPE html>
<html ${attr('lang', page.language ?? 'en')}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.cspSource, page.nonce).replace(/"/g, '')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
${page.styles.map((href) => `<link rel="stylesheet" ${attr('href', href)}>`).join('\n')}
</head>
<body${data}>
<div id="app"></div>
${page.scripts.map((src) => `<script ${attr('nonce', page.nonce)} ${attr('src', src)}></script>`).join('\n')}
</body>
</html>`;
}
