// Generation: instructions, temperature, top p, max output tokens, and reasoning effort (offered only
// when the chosen model lists the reasoning capability; otherwise disabled, with the reason).
import { html, nothing, type TemplateResult } from 'lit';
import * as l10n from '../../shared/l10n';
import { REASONING_EFFORTS } from '../../../src/api/requestSchema';
import { section, selectField, textField, type View } from '../fields';
import { reasoningAvailability } from '../models';

function effortLabel(effort: (typeof REASONING_EFFORTS)[number]): string {
  const labels: Record<(typeof REASONING_EFFORTS)[number], string> = { low: l10n.t('Low'), medium: l10n.t('Medium'), high: l10n.t('High') };
  return labels[effort];
}

export function generationSection(v: View): TemplateResult {
  const f = v.form;
  const reasoning = reasoningAvailability(f.model, v.state.models);
  const kept = !reasoning.enabled && f.reasoningEffort !== '';
  const reasoningHint = html`${reasoning.enabled ? l10n.t('How long the model reasons before it answers. Not set: the server decides.') : reasoning.reason}
  ${
    kept
      ? html`<span class="kept">${l10n.t('It is set to “{0}”, which is still sent.', f.reasoningEffort)}</span>
          <vscode-button id="reasoning-effort-clear" secondary @click=${() => v.edit((form) => (form.reasoningEffort = ''), 'reasoningEffort')}
            >${l10n.t('Clear')}</vscode-button
          >`
      : nothing
  }`;
  return section(
    'generation-section',
    l10n.t('Generation'),
    html`
      ${textField(
        v,
        {
          id: 'instructions',
          label: l10n.t('Instructions'),
          key: 'instructions',
          source: true,
          hint: l10n.t('The system message sent before your selection. Empty: none.'),
        },
        f.instructions,
        (text, form) => (form.instructions = text),
        { multiline: 4, placeholder: l10n.t('e.g. Answer briefly. Prefer the standard library.') },
      )}
      <div class="number-row">
        ${textField(
          v,
          { id: 'temperature', label: l10n.t('Temperature'), key: 'temperature', source: true, hint: l10n.t('0–2; higher gives more varied answers.') },
          f.temperature,
          (text, form) => (form.temperature = text),
          { narrow: true, placeholder: l10n.t('Not set') },
        )}
        ${textField(
          v,
          { id: 'top-p', label: l10n.t('Top p'), key: 'topP', source: true, hint: l10n.t('0–1; samples only from the most likely tokens.') },
          f.topP,
          (text, form) => (form.topP = text),
          { narrow: true, placeholder: l10n.t('Not set') },
        )}
        ${textField(
          v,
          {
            id: 'max-output-tokens',
            label: l10n.t('Max output tokens'),
            key: 'maxOutputTokens',
            source: true,
            hint: l10n.t('The longest answer, in tokens.'),
          },
          f.maxOutputTokens,
          (text, form) => (form.maxOutputTokens = text),
          { narrow: true, placeholder: l10n.t('Not set') },
        )}
      </div>
      ${selectField(
        v,
        { id: 'reasoning-effort', label: l10n.t('Reasoning effort'), key: 'reasoningEffort', source: true, hint: reasoningHint },
        f.reasoningEffort,
        [{ value: '', label: l10n.t('Not set') }, ...REASONING_EFFORTS.map((effort) => ({ value: effort, label: effortLabel(effort) }))],
        (value, form) => (form.reasoningEffort = value as typeof form.reasoningEffort),
        !reasoning.enabled,
      )}
    `,
  );
}
