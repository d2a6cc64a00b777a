// Sets up a webview the same way everywhere: scripts on, forms and command URIs off, resources only
// from the built webview assets, the HTML from the one CSP builder with a fresh nonce, and the
// extension's l10n bundle in `data-l10n` (none for English) for the page's texts (media/shared/l10n.ts).
import * as vscode from 'vscode';
import { buildWebviewHtml, newNonce } from './html';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** Renders `dist/webview/<name>.js` (+ `<name>.css`) into `webview`, with `data` and the l10n bundle on <body>. */
export function renderWebview(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  name: string,
  title: string,
  data: Readonly<Record<string, string>> = {},
): void {
  webview.options = webviewOptions(extensionUri);
  const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
  webview.html = buildWebviewHtml({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    title,
    scripts: [asset(`${name}.js`)],
    styles: [asset(`${name}.css`)],
    data,
    language: vscode.env.language,
    l10nBundle: vscode.l10n.bundle,
  });
}
