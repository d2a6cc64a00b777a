// Presets: apply a named set of values to the draft (the model is kept unless the preset has one),
// save the draft under a name, rename, delete (asks once more), and reset to defaults. Applying or
// resetting changes only the draft: the user then saves.
import { html, nothing, type TemplateResult } from 'lit';
import * as l10n from '../../shared/l10n';
import { live } from 'lit/directives/live.js';
import { ApiParametersSchema } from '../../../src/api/parameters';
import { applyPreset, PresetNameSchema } from '../../../src/core/presets';
import { errorLine, field, section, selectControl, type View } from '../fields';
import { formFromParams } from '../formModel';

function nameProblem(v: View, name: string, renaming: boolean): string | undefined {
  if (!name.trim()) return undefined;
  const parsed = PresetNameSchema.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message;
  const clash = v.state.presets.find((p) => p.name.toLowerCase() === parsed.data.toLowerCase());
  if (renaming && clash && clash.name !== v.ui.presetSelected) return l10n.t('A preset named “{0}” exists already.', clash.name);
  return undefined;
}

export function presetsSection(v: View): TemplateResult {
  const { presets } = v.state;
  const selected = presets.find((p) => p.name === v.ui.presetSelected) ?? presets[0];
  const name = v.ui.presetName;
  const problem = nameProblem(v, name, false);
  const renameProblem = nameProblem(v, name, true);
  const replaces = !problem && presets.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  const apply = (): void => {
    if (!selected) return;
    v.edit((form) => Object.assign(form, formFromParams(applyPreset(ApiParametersSchema.parse({ model: form.model.trim() }), selected))));
  };
  const pickSpec = { id: 'preset', label: l10n.t('Preset'), key: 'preset' };
  return section(
    'presets-section',
    l10n.t('Presets'),
    html`
      <p class="hint">${l10n.t('Named sets of values. Applying one, or resetting, changes the form only: then save.')}</p>
      ${
        presets.length
          ? field(
              v,
              pickSpec,
              html`<div class="row">
                ${selectControl(
                  v,
                  pickSpec,
                  selected?.name ?? '',
                  presets.map((p) => ({ value: p.name, label: p.name })),
                  (value) =>
                    v.setUi((ui) => {
                      ui.presetSelected = value;
                      ui.confirmDelete = false;
                    }),
                )}
                <vscode-button id="preset-apply" secondary @click=${apply}>${l10n.t('Apply')}</vscode-button>
                ${
                  v.ui.confirmDelete
                    ? html`<vscode-button
                          id="preset-delete-confirm"
                          @click=${() => {
                            if (selected) v.post({ type: 'deletePreset', name: selected.name });
                            v.setUi((ui) => (ui.confirmDelete = false));
                          }}
                          >${l10n.t('Delete “{0}”', selected?.name ?? '')}</vscode-button
                        ><vscode-button id="preset-delete-cancel" secondary @click=${() => v.setUi((ui) => (ui.confirmDelete = false))}
                          >${l10n.t('Cancel')}</vscode-button
                        >`
                    : html`<vscode-button id="preset-delete" secondary icon="trash" @click=${() => v.setUi((ui) => (ui.confirmDelete = true))}
                        >${l10n.t('Delete')}</vscode-button
                      >`
                }
              </div>`,
            )
          : html`<p class="hint">${l10n.t('No presets yet.')}</p>`
      }
      <div class="field">
        <div class="field-label"><vscode-label for="preset-name">${l10n.t('Preset name')}</vscode-label></div>
        <div class="row">
          <vscode-textfield
            id="preset-name"
            aria-label=${l10n.t('Preset name')}
            placeholder=${l10n.t('e.g. Strict privacy')}
            ?invalid=${Boolean(problem)}
            .value=${live(name)}
            @input=${(event: Event) => v.setUi((ui) => (ui.presetName = (event.target as HTMLInputElement).value))}
          ></vscode-textfield>
          <vscode-button
            id="preset-save"
            secondary
            icon="save"
            ?disabled=${!name.trim() || Boolean(problem) || !v.values}
            @click=${() => v.values && v.post({ type: 'savePreset', name: name.trim(), values: v.values })}
            >${l10n.t('Save current as preset')}</vscode-button
          >
          <vscode-button
            id="preset-rename"
            secondary
            ?disabled=${!selected || !name.trim() || Boolean(renameProblem)}
            @click=${() => selected && v.post({ type: 'renamePreset', from: selected.name, to: name.trim() })}
            >${l10n.t('Rename “{0}” to this', selected?.name ?? '…')}</vscode-button
          >
        </div>
        ${replaces ? html`<div class="hint">${l10n.t('Saving replaces the preset “{0}”.', replaces.name)}</div>` : nothing}
        ${!v.values && name.trim() ? html`<div class="hint">${l10n.t('Fix the problems marked in the form to save it as a preset.')}</div>` : nothing}
        ${errorLine('preset-name', problem)}
      </div>
      <div class="row">
        <vscode-button
          id="reset-defaults"
          secondary
          icon="discard"
          @click=${() => v.edit((form) => Object.assign(form, formFromParams(ApiParametersSchema.parse({}))))}
          >${l10n.t('Reset to defaults')}</vscode-button
        >
        <span class="hint">${l10n.t('Loads every default into the form (model not set, safeguards off).')}</span>
      </div>
    `,
  );
}
