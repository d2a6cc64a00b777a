// Request preview: the exact body the next selection command sends with the draft (selection, file
// and model shown as placeholders), and the same as a cURL command that reads the key from
// $PREDICTIONGUARD_API_KEY: the token never reaches this page.
import { html, type TemplateResult } from 'lit';
import { type ApiParameters } from '../../../src/api/parameters';
import { curlCommand, previewRequest, TOKEN_VARIABLE } from '../../../src/core/requestPreview';
import * as l10n from '../../shared/l10n';
import { richText, section, type View } from '../fields';

function preview(values: ApiParameters, secrets: readonly string[], baseUrl: string): { json: string; curl: string } | { error: string } {
  try {
    const body = previewRequest(values, secrets);
    return { json: JSON.stringify(body, null, 2), curl: curlCommand(baseUrl, body) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function previewSection(v: View): TemplateResult {
  const { values } = v;
  const shown = values ? preview(values, v.state.mcpSecrets, v.state.baseUrl) : { error: l10n.t('Fix the problems marked above to see the request.') };
  const body =
    'error' in shown
      ? html`<p class="hint" id="preview-unavailable">${shown.error}</p>`
      : html`
          <h3 id="preview-json-heading">${l10n.t('JSON body')}</h3>
          <pre id="preview-json" class="code" tabindex="0" aria-labelledby="preview-json-heading">${shown.json}</pre>
          <div class="row">
            <h3 id="preview-curl-heading">${l10n.t('cURL')}</h3>
            <vscode-button id="copy-curl" secondary icon="copy" @click=${() => values && v.post({ type: 'copyCurl', values })}
              >${l10n.t('Copy as cURL')}</vscode-button
            >
          </div>
          <pre id="preview-curl" class="code" tabindex="0" aria-labelledby="preview-curl-heading">${shown.curl}</pre>
        `;
  return section(
    'preview-section',
    l10n.t('Request preview'),
    html`<p class="hint">
        ${richText(
          l10n.t(
            'What the next selection command sends to {0} with these values (Explain, as an example); your selection and file are placeholders. The cURL command reads your key from {1}.',
          ),
          html`<code>${v.state.baseUrl}</code>`,
          html`<code>$${TOKEN_VARIABLE}</code>`,
        )}
      </p>
      ${body}`,
  );
}
