// Model: a picker filled from the deployment's model list (with each model's capabilities and
// context length), a free-text entry for a model the list does not show, and a refresh button.
import { html, nothing, type TemplateResult } from 'lit';
import { field, loadingLine, section, selectControl, textField, type Choice, type View } from '../fields';
import { modelLabel } from '../models';

function listStatus(v: View): TemplateResult | typeof nothing {
  const { models, hasApiKey } = v.state;
  if (models.status === 'loading') return loadingLine('Loading the models your deployment offers…');
  if (models.status === 'error') {
    return html`<div class="list-error" role="alert">
      <span class="codicon codicon-warning" aria-hidden="true"></span>
      <span>${models.error ?? 'The model list could not be loaded.'}</span>
      ${hasApiKey ? nothing : html`<vscode-button id="set-api-key" icon="key" @click=${() => v.post({ type: 'setApiKey' })}>Set API Key</vscode-button>`}
    </div>`;
  }
  if (models.status === 'ready' && !models.items.length) return html`<span class="hint">The deployment lists no chat models.</span>`;
  return nothing;
}

export function modelSection(v: View): TemplateResult {
  const { models } = v.state;
  const current = v.form.model.trim();
  const chosen = models.items.find((m) => m.id === current);
  const choices: Choice[] = [
    { value: '', label: 'Not set — pick one on first use' },
    ...models.items.map((m) => ({ value: m.id, label: modelLabel(m) })),
    ...(current && !chosen ? [{ value: current, label: models.status === 'ready' ? `${current} — not in the deployment's list` : current }] : []),
  ];
  const spec = {
    id: 'model',
    label: 'Model',
    key: 'model',
    source: true,
    hint: chosen?.description ? `${chosen.id}: ${chosen.description}` : 'Every request uses this model.',
  };
  const pick = selectControl(v, spec, current, choices, (value) => v.edit((form) => (form.model = value), 'model'));
  return section(
    'model-section',
    'Model',
    html`
      ${field(v, spec, pick)}
      <div class="row list-actions">
        <vscode-button id="refresh-models" secondary icon="refresh" ?disabled=${models.status === 'loading'} @click=${() => v.post({ type: 'refreshModels' })}
          >Refresh models</vscode-button
        >
        ${listStatus(v)}
      </div>
      ${textField(
        v,
        {
          id: 'model-custom',
          label: 'Model ID (for a model not listed)',
          key: 'model.custom',
          hint: 'Type the ID of a model the list does not show; it is used as it is.',
        },
        v.form.model,
        (text, form) => (form.model = text),
        { placeholder: 'e.g. my-fine-tuned-model' },
      )}
    `,
  );
}
