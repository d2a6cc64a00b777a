// Form building blocks for the parameters panel (Lit templates, which escape every value): a field
// is a visible <vscode-label for=id> naming the control, the control with an aria-label of the same
// words, where the saved value comes from (badge), a one-line hint and its inline error.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { type ApiParameters } from '../../src/api/parameters';
import { type ParametersToHost, type PanelState } from '../../src/webview/protocol/parameters';
import * as l10n from '../shared/l10n';
import { type FieldErrors, type FormDraft } from './formModel';
import { sourceLabel, sourceTitle } from './labels';

/** What the sections need from the panel's controller. */
export interface View {
  readonly state: PanelState;
  readonly form: FormDraft;
  /** Inline errors: the form's own checks and the extension's rejections, by ApiParameters path. */
  readonly errors: FieldErrors;
  /** Setting keys whose draft differs from the saved value. */
  readonly changed: ReadonlySet<string>;
  /** The draft as parameters, when every field is valid. */
  readonly values: ApiParameters | undefined;
  readonly ui: UiState;
  /** Changes the draft; `key` clears the extension's error for that field. */
  edit(mutate: (form: FormDraft) => void, key?: string): void;
  /** Changes panel-only state (no draft change). */
  setUi(mutate: (ui: UiState) => void): void;
  post(message: ParametersToHost): void;
}

/** Panel-only state: what is picked or typed outside the draft. */
export interface UiState {
  presetSelected: string;
  presetName: string;
  confirmDelete: boolean;
  mcpPick: string;
}

export interface FieldSpec {
  readonly id: string;
  readonly label: string;
  /** The error key (an ApiParameters path); also the source key when `source` is true. */
  readonly key: string;
  readonly source?: boolean;
  readonly hint?: string | TemplateResult;
  /** The control's aria-label when the visible label alone is ambiguous ("Name of function tool 1"). */
  readonly ariaLabel?: string;
  readonly className?: string;
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
}

const inputValue = (event: Event): string => (event.target as HTMLInputElement).value;

export function sourceBadge(v: View, key: string): TemplateResult {
  const source = v.state.sources[key] ?? 'default';
  return html`<vscode-badge class="source source-${source}" title=${sourceTitle(source)}>${sourceLabel(source)}</vscode-badge>`;
}

export function errorLine(id: string, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<div class="error" id="${id}-error" role="alert"><span class="codicon codicon-error" aria-hidden="true"></span>${error}</div>` : nothing;
}

function describedBy(spec: FieldSpec, error: string | undefined): string | undefined {
  const ids = [spec.hint ? `${spec.id}-hint` : '', error ? `${spec.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function hintLine(spec: FieldSpec): TemplateResult | typeof nothing {
  return spec.hint ? html`<div class="hint" id="${spec.id}-hint">${spec.hint}</div>` : nothing;
}

function fieldClass(v: View, spec: FieldSpec, extra = ''): string {
  return ['field', extra, spec.className ?? '', v.changed.has(spec.key) ? 'modified' : ''].filter(Boolean).join(' ');
}

export function field(v: View, spec: FieldSpec, control: TemplateResult): TemplateResult {
  return html`<div class=${fieldClass(v, spec)}>
    <div class="field-label">
      <vscode-label for=${spec.id}>${spec.label}</vscode-label>
      ${spec.source ? sourceBadge(v, spec.key) : nothing}
    </div>
    ${control} ${hintLine(spec)} ${errorLine(spec.id, v.errors[spec.key])}
  </div>`;
}

export interface TextOptions {
  readonly placeholder?: string;
  readonly narrow?: boolean;
  readonly multiline?: number;
  readonly monospace?: boolean;
  readonly disabled?: boolean;
}

export function textField(
  v: View,
  spec: FieldSpec,
  value: string,
  onInput: (text: string, form: FormDraft) => void,
  options: TextOptions = {},
): TemplateResult {
  const error = v.errors[spec.key];
  const handler = (event: Event): void => v.edit((form) => onInput(inputValue(event), form), spec.key);
  const control = options.multiline
    ? html`<vscode-textarea
        id=${spec.id}
        aria-label=${spec.ariaLabel ?? spec.label}
        aria-describedby=${ifDefined(describedBy(spec, error))}
        aria-invalid=${error ? 'true' : 'false'}
        rows=${options.multiline}
        resize="vertical"
        ?monospace=${options.monospace}
        ?invalid=${Boolean(error)}
        ?disabled=${Boolean(options.disabled)}
        placeholder=${ifDefined(options.placeholder)}
        .value=${live(value)}
        @input=${handler}
      ></vscode-textarea>`
    : html`<vscode-textfield
        id=${spec.id}
        class=${options.narrow ? 'narrow' : ''}
        aria-label=${spec.ariaLabel ?? spec.label}
        aria-describedby=${ifDefined(describedBy(spec, error))}
        aria-invalid=${error ? 'true' : 'false'}
        ?invalid=${Boolean(error)}
        ?disabled=${Boolean(options.disabled)}
        placeholder=${ifDefined(options.placeholder)}
        .value=${live(value)}
        @input=${handler}
      ></vscode-textfield>`;
  return field(v, spec, control);
}

export function selectControl(
  v: View,
  spec: FieldSpec,
  value: string,
  choices: readonly Choice[],
  onChange: (value: string) => void,
  disabled = false,
): TemplateResult {
  const error = v.errors[spec.key];
  return html`<vscode-single-select
    id=${spec.id}
    aria-label=${spec.ariaLabel ?? spec.label}
    aria-describedby=${ifDefined(describedBy(spec, error))}
    aria-invalid=${error ? 'true' : 'false'}
    ?invalid=${Boolean(error)}
    ?disabled=${disabled}
    .value=${live(value)}
    @change=${(event: Event) => onChange(inputValue(event))}
  >
    ${choices.map(
      (choice) =>
        html`<vscode-option value=${choice.value} ?selected=${choice.value === value} ?disabled=${Boolean(choice.disabled)}>${choice.label}</vscode-option>`,
    )}
  </vscode-single-select>`;
}

export function selectField(
  v: View,
  spec: FieldSpec,
  value: string,
  choices: readonly Choice[],
  onChange: (value: string, form: FormDraft) => void,
  disabled = false,
): TemplateResult {
  return field(
    v,
    spec,
    selectControl(v, spec, value, choices, (next) => v.edit((form) => onChange(next, form), spec.key), disabled),
  );
}

/** A checkbox whose visible text is its <vscode-label>: one label, read as the control's name. */
export function checkboxField(v: View, spec: FieldSpec, checked: boolean, onChange: (checked: boolean, form: FormDraft) => void): TemplateResult {
  const error = v.errors[spec.key];
  return html`<div class=${fieldClass(v, spec, 'checkbox-field')}>
    <div class="field-label">
      <vscode-checkbox
        id=${spec.id}
        aria-label=${spec.ariaLabel ?? spec.label}
        aria-describedby=${ifDefined(describedBy(spec, error))}
        .checked=${live(checked)}
        @change=${(event: Event) => v.edit((form) => onChange((event.target as HTMLInputElement).checked, form), spec.key)}
        ><vscode-label for=${spec.id}>${spec.label}</vscode-label></vscode-checkbox
      >
      ${spec.source ? sourceBadge(v, spec.key) : nothing}
    </div>
    ${hintLine(spec)} ${errorLine(spec.id, error)}
  </div>`;
}

/** A section of the form: a heading, then its fields. */
export function section(id: string, heading: string, body: TemplateResult, headingExtra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<section class="group" id=${id} aria-labelledby="${id}-heading">
    <div class="group-heading">
      <h2 id="${id}-heading">${heading}</h2>
      ${headingExtra}
    </div>
    ${body}
  </section>`;
}

/** A card's Remove button, named for what it removes ("Remove Function tool 1"). */
export function removeButton(id: string, what: string, onRemove: () => void): TemplateResult {
  return html`<vscode-button id="${id}-remove" secondary icon="trash" aria-label=${l10n.t('Remove {0}', what)} @click=${onRemove}
    >${l10n.t('Remove')}</vscode-button
  >`;
}

/**
 * A translated sentence with markup in it: `richText(l10n.t('Sends to {0}.'), html`<code>${url}</code>`)`.
 * The message is translated without arguments (its `{0}`, `{1}`… stay), then each placeholder becomes its part.
 */
export function richText(message: string, ...parts: TemplateResult[]): (string | TemplateResult)[] {
  return message.split(/\{(\d+)\}/).map((piece, index) => (index % 2 === 0 ? piece : (parts[Number(piece)] ?? `{${piece}}`)));
}

/** A status line for a list the extension loads (models, MCP servers). */
export function loadingLine(text: string): TemplateResult {
  return html`<span class="loading"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span>${text}</span>`;
}
