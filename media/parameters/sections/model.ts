// Model: a picker filled from the deployment's model list (with each model's capabilities and
// context length), a free-text entry for a model the list does not show, and a refresh button.
import { html, nothing, type TemplateResult } from 'lit';
import * as l10n from '../../shared/l10n';
import { field, loadingLine, section, selectControl, textField, type Choice, type View } from '../fields';
import { modelLabel } from '../models';

function listStatus(v: View): TemplateResult | typeof nothing {
  const { models, hasApiKey } = v.state;
  if (models.status === 'loading') return loadingLine(l10n.t('Loading the models your deployment offers…'));
  if (models.status === 'error') {
    return html`<div class="list-error" role="alert">
      <span class="codicon codicon-warning" aria-hidden="true"></span>
      <span>${models.error ?? l10n.t('The model list could not be loaded.')}</span>
      ${hasApiKey ? nothing : html`<vscode-button id="set-api-key" icon="key" @click=${() => v.post({ type: 'setApiKey' })}>${l10n.t('Set API Key')}</vscode-button>`}
    </div>`;
  }
  if (models.status === 'ready' && !models.items.length) return html`<span class="hint">${l10n.t('The deployment lists no chat models.')}</span>`;
  return nothing;
}

export function modelSection(v: View): TemplateResult {
  const { models } = v.state;
  const current = v.form.model.trim();
  const chosen = models.items.find((m) => m.id === current);
  const choices: Choice[] = [
    { value: '', label: l10n.t('Not set — pick one on first use') },
    ...models.items.map((m) => ({ value: m.id, label: modelLabel(m) })),
    ...(current && !chosen ? [{ value: current, label: models.status === 'ready' ? l10n.t("{0} — not in the deployment's list", current) : current }] : []),
  ];
  const spec = {
    id: 'model',
    label: l10n.t('Model'),
    key: 'model',
    source: true,
    hint: chosen?.description ? `${chosen.id}: ${chosen.description}` : l10n.t('Every request uses this model.'),
  };
  const pick = selectControl(v, spec, current, choices, (value) => v.edit((form) => (form.model = value), 'model'));
  return section(
    'model-section',
    l10n.t('Model'),
    html`
      ${field(v, spec, pick)}
      <div class="row list-actions">
        <vscode-button id="refresh-models" secondary icon="refresh" ?disabled=${models.status === 'loading'} @click=${() => v.post({ type: 'refreshModels' })}
          >${l10n.t('Refresh models')}</vscode-button
        >
        ${listStatus(v)}
      </div>
      ${textField(
        v,
        {
          id: 'model-custom',
          label: l10n.t('Model ID (for a model not listed)'),
          key: 'model.custom',
          hint: l10n.t('Type the ID of a model the list does not show; it is used as it is.'),
        },
        v.form.model,
        (text, form) => (form.model = text),
        { placeholder: l10n.t('e.g. my-fine-tuned-model') },
      )}
    `,
  );
}
