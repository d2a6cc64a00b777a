// The parameters panel's webview: every Responses parameter and safeguard as a form, validated with
// the shared schemas, saved to settings by the extension, previewed as the exact request. First the
// zod setting for the CSP, then the page's translations from the host (every text is `l10n.t`).
import '../shared/zodConfig';
import '../shared/pageL10n';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './parameters.css';
import { Controller } from './controller';

/**
 * vscode-elements' icons (in buttons) load the codicon font through the page's stylesheet link with
 * this id. parameters.css includes codicon.css, so its link is that stylesheet.
 */
function markCodiconStylesheet(): void {
  if (document.getElementById('vscode-codicon-stylesheet')) return;
  const links = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'));
  const link = links.find((l) => /parameters\.css(\?|$)/.test(l.href)) ?? links[0];
  if (link) link.id = 'vscode-codicon-stylesheet';
}

markCodiconStylesheet();
const root = document.getElementById('app');
if (root) new Controller(root).start();
