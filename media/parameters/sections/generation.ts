// Generation: instructions, temperature, top p, max output tokens, and reasoning effort (offered only
// when the chosen model lists the reasoning capability; otherwise disabled, with the reason).
import { html, nothing, type TemplateResult } from 'lit';
import { REASONING_EFFORTS } from '../../../src/api/requestSchema';
import { section, selectField, textField, type View } from '../fields';
import { reasoningAvailability } from '../models';

export function generationSection(v: View): TemplateResult {
  const f = v.form;
  const reasoning = reasoningAvailability(f.model, v.state.models);
  const kept = !reasoning.enabled && f.reasoningEffort !== '';
  const reasoningHint = html`${reasoning.enabled ? 'How long the model reasons before it answers. Not set: the server decides.' : reasoning.reason}
  ${
    kept
      ? html`<span class="kept">It is set to “${f.reasoningEffort}”, which is still sent.</span>
          <vscode-button id="reasoning-effort-clear" secondary @click=${() => v.edit((form) => (form.reasoningEffort = ''), 'reasoningEffort')}
            >Clear</vscode-button
          >`
      : nothing
  }`;
  return section(
    'generation-section',
    'Generation',
    html`
      ${textField(
        v,
        { id: 'instructions', label: 'Instructions', key: 'instructions', source: true, hint: 'The system message sent before your selection. Empty: none.' },
        f.instructions,
        (text, form) => (form.instructions = text),
        { multiline: 4, placeholder: 'e.g. Answer briefly. Prefer the standard library.' },
      )}
      <div class="number-row">
        ${textField(
          v,
          { id: 'temperature', label: 'Temperature', key: 'temperature', source: true, hint: '0–2; higher gives more varied answers.' },
          f.temperature,
          (text, form) => (form.temperature = text),
          { narrow: true, placeholder: 'Not set' },
        )}
        ${textField(
          v,
          { id: 'top-p', label: 'Top p', key: 'topP', source: true, hint: '0–1; samples only from the most likely tokens.' },
          f.topP,
          (text, form) => (form.topP = text),
          { narrow: true, placeholder: 'Not set' },
        )}
        ${textField(
          v,
          { id: 'max-output-tokens', label: 'Max output tokens', key: 'maxOutputTokens', source: true, hint: 'The longest answer, in tokens.' },
          f.maxOutputTokens,
          (text, form) => (form.maxOutputTokens = text),
          { narrow: true, placeholder: 'Not set' },
        )}
      </div>
      ${selectField(
        v,
        { id: 'reasoning-effort', label: 'Reasoning effort', key: 'reasoningEffort', source: true, hint: reasoningHint },
        f.reasoningEffort,
        [{ value: '', label: 'Not set' }, ...REASONING_EFFORTS.map((effort) => ({ value: effort, label: effort[0]!.toUpperCase() + effort.slice(1) }))],
        (value, form) => (form.reasoningEffort = value as typeof form.reasoningEffort),
        !reasoning.enabled,
      )}
    `,
  );
}
